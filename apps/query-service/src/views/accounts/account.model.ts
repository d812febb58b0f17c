import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { toMoneyString } from '../shared/minor-units';
import type { AccountDocument, AccountStatusValue } from './account.document';
import { withdrawnOn } from './account.evolve';

export enum AccountStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(AccountStatus, { name: 'AccountStatus' });

const STATUS: Record<AccountStatusValue, AccountStatus> = {
  OPEN: AccountStatus.OPEN,
  CLOSED: AccountStatus.CLOSED,
};

/** An account as the accounts view has it. Amounts are decimal strings ("1500.00"). */
@ObjectType('Account')
export class AccountModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  ownerId!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => String, { description: 'Negative inside the overdraft, e.g. "-25.00".' })
  balance!: string;

  @Field(() => AccountStatus)
  status!: AccountStatus;

  @Field(() => String)
  overdraftLimit!: string;

  @Field(() => String)
  dailyWithdrawalLimit!: string;

  @Field(() => String, { description: 'Withdrawn during the current UTC day.' })
  withdrawnToday!: string;

  @Field(() => Int, { description: 'The last stream version the view has applied.' })
  version!: number;

  @Field(() => DateTimeScalar)
  openedAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  /** `today` is the reader's current UTC day ('YYYY-MM-DD'). */
  static fromDocument(doc: AccountDocument, today: string): AccountModel {
    return Object.assign(new AccountModel(), {
      id: doc._id,
      ownerId: doc.ownerId,
      currency: doc.currency,
      balance: toMoneyString(doc.balance),
      status: STATUS[doc.status],
      overdraftLimit: toMoneyString(doc.overdraftLimit),
      dailyWithdrawalLimit: toMoneyString(doc.dailyWithdrawalLimit),
      withdrawnToday: toMoneyString(withdrawnOn(doc, today)),
      version: doc.version,
      openedAt: doc.openedAt,
      updatedAt: doc.updatedAt,
    });
  }
}
