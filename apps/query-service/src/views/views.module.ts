import { Module, type Provider } from '@nestjs/common';
import type { Projector } from '@ledgerline/projections';
import { AccountsProjector } from './accounts/accounts.projector';
import { AccountsViewModule } from './accounts/accounts-view.module';
import { PortfolioProjector } from './portfolio/portfolio.projector';
import { PortfolioViewModule } from './portfolio/portfolio-view.module';
import { ViewChangesModule } from './shared/view-changes.module';
import { TransactionsProjector } from './transactions/transactions.projector';
import { TransactionsViewModule } from './transactions/transactions-view.module';
import { TransfersViewModule } from './transfers/transfers-view.module';

/** Every projector of this service, for the projection runtime to feed: `Projector[]`. */
export const PROJECTORS = Symbol('PROJECTORS');

/**
 * The runtime applies a batch to the projectors in this order, and `account(minVersion)` waits on
 * the accounts view. Writing the accounts view last means that once an account reaches a version,
 * its movements and portfolio entries up to that version are readable too, so read-your-writes
 * holds for the whole account page, not only its balance.
 */
export const PROJECTOR_ORDER = [TransactionsProjector, PortfolioProjector, AccountsProjector];

const projectorsProvider: Provider = {
  provide: PROJECTORS,
  inject: PROJECTOR_ORDER,
  useFactory: (...projectors: Projector[]): Projector[] => projectors,
};

/**
 * The read side's views: their projectors (exported as PROJECTORS for the consumer runtime), the
 * ViewChanges signal they raise, and the GraphQL resolvers that read them.
 */
@Module({
  imports: [
    ViewChangesModule,
    AccountsViewModule,
    TransactionsViewModule,
    PortfolioViewModule,
    TransfersViewModule,
  ],
  providers: [projectorsProvider],
  exports: [PROJECTORS, ViewChangesModule],
})
export class ViewsModule {}
