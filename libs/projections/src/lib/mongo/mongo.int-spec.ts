import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import { MongoServerError, type Db, type MongoClient } from 'mongodb';
import { createMongoClient } from './create-mongo-client';

const DUPLICATE_KEY = 11000;

describe('MongoDB client against the real MongoDB-compatible server', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const env = integrationEnvironment();
    client = createMongoClient({ url: env.mongoUrl, database: env.mongoDatabase });
    await client.connect();
    db = client.db(env.mongoDatabase);
  });

  afterAll(async () => {
    await client.close();
  });

  it('inserts and finds a document by _id', async () => {
    const collection = db.collection<{ _id: string; balance: string }>(uniqueName('roundtrip'));
    await collection.insertOne({ _id: 'acc-1', balance: '1500.00' });
    expect(await collection.findOne({ _id: 'acc-1' })).toEqual({
      _id: 'acc-1',
      balance: '1500.00',
    });
    await collection.drop();
  });

  it('rejects a duplicate on a unique index with the duplicate-key error', async () => {
    const collection = db.collection<{ eventId: string }>(uniqueName('unique'));
    await collection.createIndex({ eventId: 1 }, { unique: true });
    await collection.insertOne({ eventId: 'e-1' });

    const duplicate = collection.insertOne({ eventId: 'e-1' });

    await expect(duplicate).rejects.toBeInstanceOf(MongoServerError);
    await expect(duplicate).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await collection.countDocuments()).toBe(1);
    await collection.drop();
  });
});
