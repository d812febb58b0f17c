import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createMongoClient } from '@ledgerline/projections';
import {
  integrationEnvironment,
  runUntilExit,
  startService,
  uniqueName,
  type RunningService,
} from '@ledgerline/testing';
import { token } from './support/graphql-client';
import { PipelineClient } from './support/pipeline-client';

const COMMAND_SERVICE = 'apps/command-service/src/main.ts';
const RELAY = 'apps/command-service/src/relay.ts';
const QUERY_SERVICE = 'apps/query-service/src/main.ts';
const MIGRATE = 'apps/command-service/src/migrate.ts';
const VIEW_COLLECTIONS = ['accounts_v1', 'transactions_v1', 'portfolio_entries_v1'];

/** A generation of the read side: a relay publishing the store under its own topic prefix, and a
 *  query-service projecting those topics into its own database. */
function generationEnv(name: string, startFrom: 'beginning' | 'latest') {
  const prefix = `${uniqueName(name)}.`;
  return {
    relay: {
      KAFKA_TOPIC_PREFIX: prefix,
      RELAY_NAME: uniqueName(name),
      RELAY_START_FROM: startFrom,
    },
    query: {
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP: uniqueName(name),
      MONGODB_DATABASE: uniqueName(name).replace(/-/g, '_'),
      CONSISTENCY_TIMEOUT_MS: '20000',
    },
  };
}

/**
 * Guarantee 6, the procedure of docs/rebuilding-views.md on the real servers: a second
 * generation of the views is rebuilt from the event store (a relay group of its own replays the
 * store from its first event), while the first generation keeps serving reads and new commands
 * keep arriving; the new generation then takes over and the old one is stopped. The event store is
 * a PostgreSQL database of this test's own, so "from the beginning" means this test's events.
 */
describe('rebuilding the views from the event store without read downtime (real servers)', () => {
  const env = integrationEnvironment();
  const database = uniqueName('rebuild').replace(/-/g, '_');
  const databaseUrl = env.databaseUrl.replace(/\/[^/]+$/, `/${database}`);
  const services: RunningService[] = [];
  const start = async (entry: string, extra: Record<string, string>) => {
    const service = await startService(entry, { DATABASE_URL: databaseUrl, ...extra });
    services.push(service);
    return service;
  };

  beforeAll(async () => {
    const admin = new Client({ connectionString: env.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const migration = await runUntilExit(MIGRATE, { DATABASE_URL: databaseUrl });
    expect(migration.code).toBe(0);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    const admin = new Client({ connectionString: env.databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('builds an identical second generation while the first keeps answering', async () => {
    const blue = generationEnv('blue', 'beginning');
    const commands = await start(COMMAND_SERVICE, { RATE_LIMIT_PER_MINUTE: '1000000' });
    await start(RELAY, blue.relay);
    const blueQuery = await start(QUERY_SERVICE, blue.query);
    const teller = await token('teller-1', `rebuild-${randomUUID()}`, ['teller']);
    const client = new PipelineClient(teller, commands.url, blueQuery.url);
    const versions = new Map<string, number>();
    const deposit = async (id: string) => {
      const result = await client.command(`/accounts/${id}/deposits`, { amount: '2.50' });
      expect(result.status).toBe(201);
      versions.set(id, result.version);
    };
    const ids = Array.from({ length: 4 }, () => randomUUID());
    for (const id of ids) {
      expect((await client.openAccount(id, 'dora')).status).toBe(201);
      for (let i = 0; i < 5; i++) await deposit(id);
    }
    for (const id of ids) await client.account(id, versions.get(id)!);

    // Rebuild: a new relay group replays the whole store into new topics, a new query-service
    // projects them into a new database. Blue keeps serving every read meanwhile.
    const green = generationEnv('green', 'beginning');
    const greenStarting = Promise.all([
      start(RELAY, green.relay),
      start(QUERY_SERVICE, green.query),
    ]);
    let blueReads = 0;
    let reading = true;
    const blueReader = (async () => {
      while (reading) {
        for (const id of ids) {
          const view = await client.account(id, 0);
          expect(view.version).toBeGreaterThanOrEqual(6);
          blueReads++;
        }
      }
    })();
    const [, greenQuery] = await greenStarting;
    for (const id of ids.slice(0, 2)) await deposit(id); // commands keep coming during the rebuild

    const greenClient = new PipelineClient(teller, commands.url, greenQuery.url);
    for (const id of ids) {
      const expected = await client.account(id, versions.get(id)!);
      expect(await greenClient.account(id, versions.get(id)!)).toEqual(expected);
    }
    reading = false;
    await blueReader;
    expect(blueReads).toBeGreaterThan(0);

    // Switch-over: green answers, blue retires; later commands reach green.
    await deposit(ids[3]!);
    expect(await greenClient.account(ids[3]!, versions.get(ids[3]!)!)).toMatchObject({
      version: versions.get(ids[3]!),
    });
    const mongo = createMongoClient({ url: env.mongoUrl, database: green.query.MONGODB_DATABASE });
    await mongo.connect();
    try {
      await client.account(ids[3]!, versions.get(ids[3]!)!); // blue caught up too, for the comparison
      const contents = async (name: string) =>
        Object.fromEntries(
          await Promise.all(
            VIEW_COLLECTIONS.map(
              async (collection) =>
                [
                  collection,
                  await mongo.db(name).collection(collection).find().sort({ _id: 1 }).toArray(),
                ] as const,
            ),
          ),
        );
      const rebuilt = await contents(green.query.MONGODB_DATABASE);
      expect(rebuilt['accounts_v1']).toHaveLength(ids.length);
      expect(rebuilt).toEqual(await contents(blue.query.MONGODB_DATABASE));
    } finally {
      await mongo.close();
    }
  }, 180_000);
});
