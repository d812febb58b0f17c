import { randomUUID } from 'node:crypto';
import { startService, uniqueName, type RunningService } from '@ledgerline/testing';
import { token } from './support/graphql-client';
import { PipelineClient } from './support/pipeline-client';

const COMMAND_SERVICE = 'apps/command-service/src/main.ts';
const RELAY = 'apps/command-service/src/relay.ts';
const QUERY_SERVICE = 'apps/query-service/src/main.ts';

/**
 * The whole system on the real PostgreSQL, Kafka and FerretDB: REST commands, the relay, the
 * consumer and GraphQL, each its own process. Topics, consumer group, relay checkpoint and views
 * database are unique to this run.
 */
describe('command → relay → Kafka → projection → GraphQL (all processes, real servers)', () => {
  const prefix = `${uniqueName('pipeline')}.`;
  const relayEnv = {
    KAFKA_TOPIC_PREFIX: prefix,
    RELAY_NAME: uniqueName('relay'),
    // This run's events only: the shared test database holds every earlier run's too.
    RELAY_START_FROM: 'latest',
    RELAY_IDLE_POLL_MS: '200',
  };
  const queryEnv = {
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_CONSUMER_GROUP: uniqueName('views'),
    MONGODB_DATABASE: uniqueName('views').replace(/-/g, '_'),
    CONSISTENCY_TIMEOUT_MS: '10000',
  };
  const tenant = `pipeline-${randomUUID()}`;
  let commands: RunningService;
  let relay: RunningService;
  let query: RunningService;
  let client: PipelineClient;

  beforeAll(async () => {
    [commands, relay] = await Promise.all([
      startService(COMMAND_SERVICE, {}),
      startService(RELAY, relayEnv),
    ]);
    query = await startService(QUERY_SERVICE, queryEnv);
    client = new PipelineClient(
      await token('teller-1', tenant, ['teller']),
      commands.url,
      query.url,
    );
  });

  afterAll(async () => {
    await Promise.all([commands, relay, query].map((service) => service?.stop()));
  });

  it('reads its own write: a command’s version, passed as minVersion, returns the new state', async () => {
    const id = randomUUID();
    expect((await client.openAccount(id, 'alice')).status).toBe(201);
    const deposit = await client.command(`/accounts/${id}/deposits`, { amount: '12.34' });

    expect(await client.account(id, deposit.version)).toEqual({
      balance: '12.34',
      version: deposit.version,
    });
  });

  it('applies every event exactly once when the relay and the consumer are killed mid-stream', async () => {
    const ids = Array.from({ length: 6 }, () => randomUUID());
    for (const id of ids) expect((await client.openAccount(id, 'bob')).status).toBe(201);
    const accepted = new Map<string, number>(ids.map((id) => [id, 0]));

    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const id = ids[i % ids.length]!;
        const result = await client.command(`/accounts/${id}/deposits`, { amount: '1.00' });
        if (result.status === 201) accepted.set(id, (accepted.get(id) ?? 0) + 1);
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await Promise.all([relay.stop('SIGKILL'), query.stop('SIGKILL')]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    [relay, query] = await Promise.all([
      startService(RELAY, relayEnv),
      startService(QUERY_SERVICE, queryEnv),
    ]);
    client.queryUrl = query.url;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    writing = false;
    await writer;

    for (const id of ids) {
      const deposits = accepted.get(id)!;
      const view = await client.account(id, deposits + 1);
      expect(view).toEqual({ balance: `${deposits}.00`, version: deposits + 1 });
      const movements = await client.allTransactionIds(id);
      expect(movements).toHaveLength(deposits);
      expect(new Set(movements).size).toBe(deposits);
    }
    const total = [...accepted.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(20);
    expect(await client.portfolioTotals('bob')).toEqual([
      { currency: 'EUR', balance: `${total}.00` },
    ]);
  });
});
