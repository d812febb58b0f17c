import { Field, ObjectType } from '@nestjs/graphql';
import { AccountModel } from '../accounts/account.model';
import { toMoneyString } from '../shared/minor-units';
import type { PortfolioEntryDocument } from './portfolio.document';
import { totalsOf } from './portfolio.evolve';

@ObjectType('CurrencyTotal')
export class CurrencyTotalModel {
  @Field(() => String)
  currency!: string;

  @Field(() => String, { description: 'Sum of the balances in this currency, e.g. "1250.00".' })
  balance!: string;
}

/** Everything one owner holds; an owner without accounts has an empty portfolio. */
@ObjectType('Portfolio')
export class PortfolioModel {
  @Field(() => String)
  ownerId!: string;

  /** Resolved from the accounts view by PortfolioResolver.accounts. */
  @Field(() => [AccountModel], { description: 'In opening order.' })
  accounts?: AccountModel[];

  @Field(() => [CurrencyTotalModel], { description: 'One per currency, sorted by currency.' })
  totals!: CurrencyTotalModel[];

  /** Which accounts `accounts` resolves, in order; not part of the schema. */
  accountIds!: string[];

  static fromEntries(ownerId: string, entries: readonly PortfolioEntryDocument[]): PortfolioModel {
    return Object.assign(new PortfolioModel(), {
      ownerId,
      totals: totalsOf(entries).map((total) =>
        Object.assign(new CurrencyTotalModel(), {
          currency: total.currency,
          balance: toMoneyString(total.balance),
        }),
      ),
      accountIds: entries.map((entry) => entry._id),
    });
  }
}
