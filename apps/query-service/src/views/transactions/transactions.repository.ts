import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MONGO_DATABASE } from '@ledgerline/projections';
import type { Collection, Db, Filter } from 'mongodb';
import { isOnlyDuplicateKeys } from '../shared/duplicate-keys';
import { ensureIndexes, ensureIndexesInBackground, type IndexSpec } from '../shared/view-indexes';
import { TRANSACTIONS_COLLECTION, type TransactionDocument } from './transaction.document';

/** An account's history in time order: every read filters on tenant and account. */
export const TRANSACTION_INDEXES: readonly IndexSpec[] = [
  { name: 'tenant_account_time', key: { tenantId: 1, accountId: 1, occurredAt: 1, version: 1 } },
];

/** Position in an account's history: chronological, ties broken by stream version. */
export interface TransactionPosition {
  readonly occurredAt: Date;
  readonly version: number;
}

export interface TransactionRange {
  /** Inclusive. */
  readonly from?: Date | null;
  /** Exclusive. */
  readonly to?: Date | null;
}

export interface InsertOutcome {
  inserted: number;
  alreadyThere: number;
}

/** The transactions view in MongoDB. Reads are always by tenant and account. */
@Injectable()
export class TransactionsRepository implements OnModuleInit {
  private readonly collection: Collection<TransactionDocument>;

  constructor(@Inject(MONGO_DATABASE) db: Db) {
    this.collection = db.collection<TransactionDocument>(TRANSACTIONS_COLLECTION);
  }

  onModuleInit(): void {
    ensureIndexesInBackground('transactions', () => this.ensureIndexes());
  }

  /** Idempotent: creates only the indexes that are missing. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.collection, TRANSACTION_INDEXES);
  }

  /**
   * Inserts the movements that are not there yet; a document that exists is left exactly as it
   * is. Plain unordered inserts, the unique `_id` rejecting the ones already there: an upsert is a
   * lookup by `_id` first, which FerretDB 1.x answers with a scan of the whole collection, so
   * upserts slowed down as the history grew (and with them every batch of the consumer).
   */
  async insertNew(docs: readonly TransactionDocument[]): Promise<InsertOutcome> {
    if (docs.length === 0) return { inserted: 0, alreadyThere: 0 };
    let inserted: number;
    try {
      // Copies: the driver may add fields to the objects it is given.
      const fresh = docs.map((doc) => ({ ...doc }));
      inserted = (await this.collection.insertMany(fresh, { ordered: false })).insertedCount;
    } catch (error) {
      // Redelivered movements, or two consumers inserting the same id at once during a
      // rebalance: the document is there either way.
      if (!isOnlyDuplicateKeys(error)) throw error;
      inserted = error.result.insertedCount;
    }
    return { inserted, alreadyThere: docs.length - inserted };
  }

  /** Up to `limit` movements of the account after `after`, oldest first. */
  list(
    tenantId: string,
    accountId: string,
    range: TransactionRange,
    limit: number,
    after: TransactionPosition | null,
  ): Promise<TransactionDocument[]> {
    const occurredAt: { $gte?: Date; $lt?: Date } = {};
    if (range.from) occurredAt.$gte = range.from;
    if (range.to) occurredAt.$lt = range.to;
    const query: Filter<TransactionDocument> = { tenantId, accountId };
    if (range.from || range.to) query.occurredAt = occurredAt;
    if (after) {
      query.$or = [
        { occurredAt: { $gt: after.occurredAt } },
        { occurredAt: after.occurredAt, version: { $gt: after.version } },
      ];
    }
    return this.collection.find(query).sort({ occurredAt: 1, version: 1 }).limit(limit).toArray();
  }

  /** The account's last movement at or before `at`, if any. */
  lastAtOrBefore(
    tenantId: string,
    accountId: string,
    at: Date,
  ): Promise<TransactionDocument | null> {
    return this.collection.findOne(
      { tenantId, accountId, occurredAt: { $lte: at } },
      { sort: { occurredAt: -1, version: -1 } },
    );
  }
}
