import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MONGO_DATABASE } from '@ledgerline/projections';
import type { Collection, Db } from 'mongodb';
import type { GuardedStore, GuardedWrite } from '../shared/guarded-projection';
import { MongoGuardedStore } from '../shared/mongo-guarded-store';
import { ensureIndexes, ensureIndexesInBackground, type IndexSpec } from '../shared/view-indexes';
import { PORTFOLIO_ENTRIES_COLLECTION, type PortfolioEntryDocument } from './portfolio.document';

/** A portfolio is read as one owner's entries in opening order. */
export const PORTFOLIO_ENTRY_INDEXES: readonly IndexSpec[] = [
  { name: 'tenant_owner_opened', key: { tenantId: 1, ownerId: 1, openedAt: 1, _id: 1 } },
];

/** Most entries one portfolio read returns; far above any real customer's account count. */
export const MAX_PORTFOLIO_ENTRIES = 1_000;

@Injectable()
export class PortfolioEntriesRepository
  implements GuardedStore<PortfolioEntryDocument>, OnModuleInit
{
  private readonly collection: Collection<PortfolioEntryDocument>;
  private readonly store: MongoGuardedStore<PortfolioEntryDocument>;

  constructor(@Inject(MONGO_DATABASE) db: Db) {
    this.collection = db.collection<PortfolioEntryDocument>(PORTFOLIO_ENTRIES_COLLECTION);
    this.store = new MongoGuardedStore(this.collection, {
      unchanged: (loaded) => ({ _id: loaded._id, version: loaded.version }),
      covers: (stored, intended) => stored.version >= intended.version,
    });
  }

  onModuleInit(): void {
    ensureIndexesInBackground('portfolio', () => this.ensureIndexes());
  }

  /** Idempotent: creates only the indexes that are missing. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.collection, PORTFOLIO_ENTRY_INDEXES);
  }

  load(keys: readonly string[]): Promise<Map<string, PortfolioEntryDocument>> {
    return this.store.load(keys);
  }

  writeGuarded(writes: readonly GuardedWrite<PortfolioEntryDocument>[]): Promise<Set<string>> {
    return this.store.writeGuarded(writes);
  }

  /** The owner's entries in opening order (ties by account id). */
  entriesOf(tenantId: string, ownerId: string): Promise<PortfolioEntryDocument[]> {
    return this.collection
      .find({ tenantId, ownerId })
      .sort({ openedAt: 1, _id: 1 })
      .limit(MAX_PORTFOLIO_ENTRIES)
      .toArray();
  }
}
