import { MongoClient } from 'mongodb';
import type { MongoOptions } from './mongo-options';

export function createMongoClient(options: MongoOptions): MongoClient {
  return new MongoClient(options.url, {
    appName: 'ledgerline',
    // Fail a request quickly when the server is gone, instead of the driver's 30 s default.
    serverSelectionTimeoutMS: 5_000,
    maxPoolSize: 20,
  });
}
