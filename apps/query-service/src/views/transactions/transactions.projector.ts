import { Injectable } from '@nestjs/common';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import type { ProjectionOutcome, Projector } from '@ledgerline/projections';
import { ViewChanges } from '../shared/view-changes';
import type { TransactionDocument } from './transaction.document';
import { transactionOf } from './transaction.evolve';
import { TransactionsRepository } from './transactions.repository';

/**
 * Keeps the transactions view, idempotent by event id. It has no version guard, so it never reports
 * gaps: every movement carries its own balanceAfter and stands alone, whatever arrived before it.
 */
@Injectable()
export class TransactionsProjector implements Projector {
  readonly name = 'transactions';

  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly changes: ViewChanges,
  ) {}

  async project(events: readonly LatestEventEnvelope[]): Promise<ProjectionOutcome> {
    const byId = new Map<string, TransactionDocument>();
    let repeatedInBatch = 0;
    for (const event of events) {
      const doc = transactionOf(event);
      if (doc === null) continue;
      if (byId.has(doc._id)) repeatedInBatch++;
      else byId.set(doc._id, doc);
    }
    const docs = [...byId.values()];
    const { inserted, alreadyThere } = await this.transactions.insertNew(docs);
    if (inserted > 0) {
      this.changes.notify('transactions', new Set(docs.map((doc) => doc.accountId)));
    }
    return { applied: inserted, duplicates: alreadyThere + repeatedInBatch, gaps: [] };
  }
}
