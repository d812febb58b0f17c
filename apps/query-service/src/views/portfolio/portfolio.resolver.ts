import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { utcDayOf } from '@ledgerline/accounts-domain';
import { Clock } from '@ledgerline/platform';
import { CurrentReader } from '../../graphql/auth/current-reader.decorator';
import { Forbidden } from '../../graphql/graphql-errors';
import { listComplexity } from '../../graphql/limits/complexity';
import { AccountModel } from '../accounts/account.model';
import { AccountsRepository } from '../accounts/accounts.repository';
import { mayReadOwner, type ReaderScope } from '../shared/reader-scope';
import { PortfolioModel } from './portfolio.model';
import { PortfolioEntriesRepository } from './portfolio-entries.repository';

/** What a portfolio's account list is priced at by the complexity limit (it is not paged). */
const ESTIMATED_ACCOUNTS_PER_OWNER = 10;

@Resolver(() => PortfolioModel)
export class PortfolioResolver {
  constructor(
    private readonly entries: PortfolioEntriesRepository,
    private readonly accounts: AccountsRepository,
    private readonly clock: Clock,
  ) {}

  @Query(() => PortfolioModel, {
    name: 'portfolio',
    description: "A customer may ask for their own portfolio only; anyone else's is FORBIDDEN.",
  })
  async portfolio(
    @CurrentReader() scope: ReaderScope,
    @Args('ownerId', { type: () => String }) ownerId: string,
  ): Promise<PortfolioModel> {
    if (!mayReadOwner(scope, ownerId)) throw Forbidden.toReadOwner();
    return PortfolioModel.fromEntries(
      ownerId,
      await this.entries.entriesOf(scope.tenantId, ownerId),
    );
  }

  /**
   * Details come from the accounts view (the portfolio keeps what its totals need); an account
   * that view has not caught up with yet is left out rather than shown half-known.
   */
  @ResolveField('accounts', () => [AccountModel], {
    complexity: listComplexity(ESTIMATED_ACCOUNTS_PER_OWNER),
  })
  async accountsOf(
    @CurrentReader() scope: ReaderScope,
    @Parent() portfolio: PortfolioModel,
  ): Promise<AccountModel[]> {
    const docs = await this.accounts.findManyVisible(scope, portfolio.accountIds);
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    const today = utcDayOf(this.clock.now());
    return portfolio.accountIds.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [AccountModel.fromDocument(doc, today)] : [];
    });
  }
}
