import type { AnyBulkWriteOperation, Collection, Filter, OptionalId, WithoutId } from 'mongodb';
import { isOnlyDuplicateKeys } from './duplicate-keys';
import type { GuardedStore, GuardedWrite } from './guarded-projection';

export interface GuardedDocument {
  _id: string;
}

export interface MongoGuardedStoreOptions<Doc extends GuardedDocument> {
  /** The filter that matches the document only while it is still as loaded (e.g. its version). */
  readonly unchanged: (loaded: Doc) => Filter<Doc>;
  /** True when `stored` already holds everything `intended` adds (written by us or a rival). */
  readonly covers: (stored: Doc, intended: Doc) => boolean;
}

/**
 * Optimistic writes of whole view documents over MongoDB (FerretDB 1.x: no transactions, no
 * pipeline updates, so each document is replaced whole, its idempotency marker inside it).
 * New documents are inserted (a duplicate key means a rival inserted first); existing ones are
 * replaced only while unchanged. Everything goes out as one unordered bulk write.
 *
 * Atomicity differs by server. MongoDB evaluates the guard and replaces atomically. FerretDB 1.24
 * (PostgreSQL backend) arbitrates inserts atomically (unique `_id`) but runs an update as read,
 * then write, without isolation: two replaces racing on one document can both pass the guard.
 * That is why every guarded document here has a single writer (the partition that owns its
 * stream) and the guard only matters for the short overlap of two consumers during a rebalance.
 */
export class MongoGuardedStore<Doc extends GuardedDocument> implements GuardedStore<Doc> {
  constructor(
    private readonly collection: Collection<Doc>,
    private readonly options: MongoGuardedStoreOptions<Doc>,
  ) {}

  async load(keys: readonly string[]): Promise<Map<string, Doc>> {
    if (keys.length === 0) return new Map();
    const filter = { _id: { $in: [...keys] } } as Filter<Doc>;
    const docs = (await this.collection.find(filter).toArray()) as Doc[];
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  async writeGuarded(writes: readonly GuardedWrite<Doc>[]): Promise<Set<string>> {
    if (writes.length === 0) return new Set();
    const operations = writes.map(({ loaded, intended }): AnyBulkWriteOperation<Doc> =>
      loaded === null
        ? { insertOne: { document: intended as unknown as OptionalId<Doc> } }
        : {
            replaceOne: {
              filter: this.options.unchanged(loaded),
              replacement: withoutId(intended),
            },
          },
    );

    let complete: boolean;
    try {
      const result = await this.collection.bulkWrite(operations, { ordered: false });
      complete = result.insertedCount + result.matchedCount === operations.length;
    } catch (error) {
      if (!isOnlyDuplicateKeys(error)) throw error;
      complete = false;
    }
    if (complete) return new Set();

    // The bulk result only has totals; one read tells which documents a rival changed first.
    const stored = await this.load(writes.map((write) => write.key));
    return new Set(
      writes
        .filter((write) => {
          const current = stored.get(write.key);
          return current === undefined || !this.options.covers(current, write.intended);
        })
        .map((write) => write.key),
    );
  }
}

function withoutId<Doc extends GuardedDocument>(doc: Doc): WithoutId<Doc> {
  const { _id, ...rest } = doc;
  return rest as WithoutId<Doc>;
}
