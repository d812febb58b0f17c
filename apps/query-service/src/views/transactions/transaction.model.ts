import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { toMoneyString } from '../shared/minor-units';
import type { TransactionDocument, TransactionKindValue } from './transaction.document';

export enum TransactionKind {
  DEPOSIT = 'DEPOSIT',
  WITHDRAWAL = 'WITHDRAWAL',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
  COMPENSATION = 'COMPENSATION',
}

registerEnumType(TransactionKind, { name: 'TransactionKind' });

const KIND: Record<TransactionKindValue, TransactionKind> = {
  DEPOSIT: TransactionKind.DEPOSIT,
  WITHDRAWAL: TransactionKind.WITHDRAWAL,
  TRANSFER_IN: TransactionKind.TRANSFER_IN,
  TRANSFER_OUT: TransactionKind.TRANSFER_OUT,
  COMPENSATION: TransactionKind.COMPENSATION,
};

/** One money movement on an account. */
@ObjectType('Transaction')
export class TransactionModel {
  @Field(() => ID, { description: 'The id of the event that recorded the movement.' })
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => TransactionKind)
  kind!: TransactionKind;

  @Field(() => String)
  amount!: string;

  @Field(() => String)
  balanceAfter!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Int, { description: 'The account stream version of the movement.' })
  version!: number;

  @Field(() => ID, { nullable: true })
  transferId!: string | null;

  static fromDocument(doc: TransactionDocument): TransactionModel {
    return Object.assign(new TransactionModel(), {
      id: doc._id,
      accountId: doc.accountId,
      kind: KIND[doc.kind],
      amount: toMoneyString(doc.amount),
      balanceAfter: toMoneyString(doc.balanceAfter),
      reference: doc.reference,
      occurredAt: doc.occurredAt,
      version: doc.version,
      transferId: doc.transferId,
    });
  }
}
