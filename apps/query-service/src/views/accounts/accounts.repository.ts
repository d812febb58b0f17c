import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MONGO_DATABASE } from '@ledgerline/projections';
import type { Collection, Db, Filter } from 'mongodb';
import type { GuardedStore, GuardedWrite } from '../shared/guarded-projection';
import { MongoGuardedStore } from '../shared/mongo-guarded-store';
import { ensureIndexes, ensureIndexesInBackground, type IndexSpec } from '../shared/view-indexes';
import { mayReadOwner, type ReaderScope } from '../shared/reader-scope';
import {
  ACCOUNTS_COLLECTION,
  type AccountDocument,
  type AccountStatusValue,
} from './account.document';

/** The listing's sort (opening order, then id), with and without the owner filter. */
export const ACCOUNT_INDEXES: readonly IndexSpec[] = [
  { name: 'tenant_opened', key: { tenantId: 1, openedAt: 1, _id: 1 } },
  { name: 'tenant_owner_opened', key: { tenantId: 1, ownerId: 1, openedAt: 1, _id: 1 } },
];

/** Position in the accounts listing: opening order, ties broken by id. */
export interface AccountPosition {
  readonly openedAt: Date;
  readonly id: string;
}

export interface AccountListFilter {
  readonly ownerId?: string | null;
  readonly status?: AccountStatusValue | null;
}

/** The accounts view in MongoDB: guarded writes for the projector, scoped reads for resolvers. */
@Injectable()
export class AccountsRepository implements GuardedStore<AccountDocument>, OnModuleInit {
  private readonly collection: Collection<AccountDocument>;
  private readonly store: MongoGuardedStore<AccountDocument>;

  constructor(@Inject(MONGO_DATABASE) db: Db) {
    this.collection = db.collection<AccountDocument>(ACCOUNTS_COLLECTION);
    this.store = new MongoGuardedStore(this.collection, {
      unchanged: (loaded) => ({ _id: loaded._id, version: loaded.version }),
      covers: (stored, intended) => stored.version >= intended.version,
    });
  }

  onModuleInit(): void {
    ensureIndexesInBackground('accounts', () => this.ensureIndexes());
  }

  /** Idempotent: creates only the indexes that are missing. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.collection, ACCOUNT_INDEXES);
  }

  load(keys: readonly string[]): Promise<Map<string, AccountDocument>> {
    return this.store.load(keys);
  }

  writeGuarded(writes: readonly GuardedWrite<AccountDocument>[]): Promise<Set<string>> {
    return this.store.writeGuarded(writes);
  }

  /** The account if it exists and the reader may see it; otherwise null, whichever the reason. */
  findVisible(scope: ReaderScope, id: string): Promise<AccountDocument | null> {
    return this.collection.findOne({ ...scoped(scope), _id: id });
  }

  /** The visible ones among `ids`, in no particular order. */
  findManyVisible(scope: ReaderScope, ids: readonly string[]): Promise<AccountDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.collection.find({ ...scoped(scope), _id: { $in: [...ids] } }).toArray();
  }

  /** Up to `limit` visible accounts after `after`, in opening order. */
  list(
    scope: ReaderScope,
    filter: AccountListFilter,
    limit: number,
    after: AccountPosition | null,
  ): Promise<AccountDocument[]> {
    if (filter.ownerId && !mayReadOwner(scope, filter.ownerId)) return Promise.resolve([]);
    const query: Filter<AccountDocument> = { ...scoped(scope) };
    if (filter.ownerId) query.ownerId = filter.ownerId;
    if (filter.status) query.status = filter.status;
    if (after) {
      query.$or = [
        { openedAt: { $gt: after.openedAt } },
        { openedAt: after.openedAt, _id: { $gt: after.id } },
      ];
    }
    return this.collection.find(query).sort({ openedAt: 1, _id: 1 }).limit(limit).toArray();
  }
}

function scoped(scope: ReaderScope): Filter<AccountDocument> {
  return scope.ownerId === null
    ? { tenantId: scope.tenantId }
    : { tenantId: scope.tenantId, ownerId: scope.ownerId };
}
