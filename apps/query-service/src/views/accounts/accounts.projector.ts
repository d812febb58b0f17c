import { Injectable } from '@nestjs/common';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import type { ProjectionOutcome, Projector } from '@ledgerline/projections';
import { groupBy, projectGuarded } from '../shared/guarded-projection';
import { ViewChanges } from '../shared/view-changes';
import { accountKeyOf, evolveAccount } from './account.evolve';
import { AccountsRepository } from './accounts.repository';

/** Keeps the accounts view: one load, one guarded bulk write per batch. */
@Injectable()
export class AccountsProjector implements Projector {
  readonly name = 'accounts';

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly changes: ViewChanges,
  ) {}

  async project(events: readonly LatestEventEnvelope[]): Promise<ProjectionOutcome> {
    const { outcome, written } = await projectGuarded(
      { view: this.name, store: this.accounts, evolve: evolveAccount },
      groupBy(events, accountKeyOf),
    );
    this.changes.notify(
      'accounts',
      written.map((doc) => doc._id),
    );
    return outcome;
  }
}
