import type { LatestEventEnvelope } from '@ledgerline/contracts';
import type { Db } from 'mongodb';
import { AccountsProjector } from '../../src/views/accounts/accounts.projector';
import { AccountsRepository } from '../../src/views/accounts/accounts.repository';
import { PortfolioEntriesRepository } from '../../src/views/portfolio/portfolio-entries.repository';
import { PortfolioProjector } from '../../src/views/portfolio/portfolio.projector';
import { ViewChanges } from '../../src/views/shared/view-changes';
import { TransactionsProjector } from '../../src/views/transactions/transactions.projector';
import { TransactionsRepository } from '../../src/views/transactions/transactions.repository';

/**
 * The service's projectors, run from the test process against the service's database: what the
 * consumer runtime of another replica would do. The service only learns of it by polling MongoDB.
 */
export class SeededViews {
  private readonly projectors;

  constructor(db: Db) {
    const changes = new ViewChanges();
    this.projectors = [
      new AccountsProjector(new AccountsRepository(db), changes),
      new TransactionsProjector(new TransactionsRepository(db), changes),
      new PortfolioProjector(new PortfolioEntriesRepository(db), changes),
    ];
  }

  async apply(...events: LatestEventEnvelope[]): Promise<void> {
    for (const projector of this.projectors) {
      const outcome = await projector.project(events);
      if (outcome.gaps.length > 0) throw new Error(`${projector.name}: unexpected gaps`);
    }
  }
}
