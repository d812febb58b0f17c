import { Injectable } from '@nestjs/common';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import type { ProjectionOutcome, Projector } from '@ledgerline/projections';
import { accountKeyOf } from '../accounts/account.evolve';
import { groupBy, projectGuarded } from '../shared/guarded-projection';
import { ViewChanges } from '../shared/view-changes';
import { evolvePortfolioEntry } from './portfolio.evolve';
import { PortfolioEntriesRepository } from './portfolio-entries.repository';

/** Keeps the portfolio view: one load, one guarded bulk write per batch, one entry per account. */
@Injectable()
export class PortfolioProjector implements Projector {
  readonly name = 'portfolio';

  constructor(
    private readonly entries: PortfolioEntriesRepository,
    private readonly changes: ViewChanges,
  ) {}

  async project(events: readonly LatestEventEnvelope[]): Promise<ProjectionOutcome> {
    const { outcome, written } = await projectGuarded(
      { view: this.name, store: this.entries, evolve: evolvePortfolioEntry },
      groupBy(events, accountKeyOf),
    );
    this.changes.notify(
      'portfolio',
      written.map((entry) => entry._id),
    );
    return outcome;
  }
}
