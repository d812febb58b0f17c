import { createMongoClient } from '@ledgerline/projections';
import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import type { Db, MongoClient } from 'mongodb';

export interface TestDatabase {
  readonly db: Db;
  readonly name: string;
  /** Every document of the collections, sorted by collection and _id: a view's whole state. */
  snapshot(...collections: string[]): Promise<Record<string, unknown[]>>;
  dropAndClose(): Promise<void>;
}

/** A database of its own on the real MongoDB-compatible server, so runs never see each other. */
export async function openTestDatabase(prefix = 'qs'): Promise<TestDatabase> {
  const env = integrationEnvironment();
  const name = uniqueName(prefix).replace(/-/g, '_');
  const client: MongoClient = createMongoClient({ url: env.mongoUrl, database: name });
  await client.connect();
  const db = client.db(name);
  return {
    db,
    name,
    async snapshot(...collections) {
      const entries = await Promise.all(
        collections.map(
          async (collection) =>
            [
              collection,
              await db.collection(collection).find().sort({ _id: 1 }).toArray(),
            ] as const,
        ),
      );
      return Object.fromEntries(entries);
    },
    async dropAndClose() {
      await db.dropDatabase();
      await client.close();
    },
  };
}
