import { createMongoClient } from '@ledgerline/projections';
import {
  integrationEnvironment,
  startCuttingProxy,
  uniqueName,
  type CuttingProxy,
} from '@ledgerline/testing';
import { MongoBulkWriteError, type Db, type MongoClient } from 'mongodb';
import {
  TRANSACTIONS_COLLECTION,
  type TransactionDocument,
} from '../transactions/transaction.document';
import { TransactionsRepository } from '../transactions/transactions.repository';
import { isOnlyDuplicateKeys } from './duplicate-keys';

/**
 * The driver's own errors, produced for real against the MongoDB-compatible server: a duplicate
 * key, and a connection that drops in the middle of an insertMany (through a proxy that cuts it,
 * so the shared server keeps running for the other tests).
 */
describe('isOnlyDuplicateKeys with the driver’s real errors', () => {
  const env = integrationEnvironment();
  let proxy: CuttingProxy;
  let client: MongoClient;
  let db: Db;
  let repository: TransactionsRepository;

  beforeAll(async () => {
    proxy = await startCuttingProxy(new URL(env.mongoUrl).host);
    client = createMongoClient({
      url: `mongodb://${proxy.address}/?directConnection=true`,
      database: 'unused',
    });
    await client.connect();
    db = client.db(uniqueName('qs_dupkeys').replace(/-/g, '_'));
    repository = new TransactionsRepository(db);
  });

  afterEach(() => proxy.cutWritesOfAtLeast(null));

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
    await proxy.close();
  });

  const movements = (prefix: string, count: number): TransactionDocument[] =>
    Array.from({ length: count }, (_, index) => ({
      _id: `${prefix}-${index}`,
      tenantId: 'acme',
      accountId: prefix,
      kind: 'DEPOSIT',
      amount: '100',
      currency: 'EUR',
      balanceAfter: String(100 * (index + 1)),
      reference: 'x'.repeat(100),
      occurredAt: new Date('2026-01-01T00:00:00.000Z'),
      version: index + 2,
      transferId: null,
    }));

  /** What the driver throws for an unordered insertMany of `docs` (null when it succeeds). */
  const errorOfInsertMany = (docs: TransactionDocument[]): Promise<unknown> =>
    db
      .collection<TransactionDocument>(TRANSACTIONS_COLLECTION)
      .insertMany(docs, { ordered: false })
      .then(
        () => null,
        (caught: unknown) => caught,
      );

  it('is true for a bulk insert that failed only on documents already there', async () => {
    const docs = movements('dup', 5);
    await repository.insertNew(docs.slice(0, 3));

    const error = await errorOfInsertMany(docs);

    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect(isOnlyDuplicateKeys(error)).toBe(true);
    expect(await repository.insertNew(docs)).toEqual({ inserted: 0, alreadyThere: 5 });
  });

  it('is false for the bulk error the driver raises when the connection drops mid-write', async () => {
    const docs = movements('cut', 50);
    proxy.cutWritesOfAtLeast(4_096);

    const error = await errorOfInsertMany(docs);

    expect(proxy.cuts).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect((error as MongoBulkWriteError).writeErrors).toEqual([]);
    expect(isOnlyDuplicateKeys(error)).toBe(false);
  });

  it('makes the transactions view fail the batch, not count lost movements as written', async () => {
    const docs = movements('lost', 50);
    proxy.cutWritesOfAtLeast(4_096);

    await expect(repository.insertNew(docs)).rejects.toBeInstanceOf(MongoBulkWriteError);

    proxy.cutWritesOfAtLeast(null);
    expect(await repository.insertNew(docs)).toEqual({ inserted: 50, alreadyThere: 0 });
    expect(await repository.list('acme', 'lost', {}, 100, null)).toHaveLength(50);
  });

  it('is false for anything that is not a bulk write error', () => {
    expect(isOnlyDuplicateKeys(new Error('boom'))).toBe(false);
    expect(isOnlyDuplicateKeys(undefined)).toBe(false);
  });
});
