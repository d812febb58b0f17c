import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';

export enum TransferStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(TransferStatus, { name: 'TransferStatus' });

/** A transfer between two accounts, as a process: requested, then completed or failed. */
@ObjectType('Transfer')
export class TransferModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fromAccountId!: string;

  @Field(() => ID)
  toAccountId!: string;

  @Field(() => String)
  amount!: string;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => String, { nullable: true, description: 'Why a transfer failed.' })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  requestedAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
