import { randomUUID } from 'node:crypto';
import { PrivateStack, startService, uniqueName, type RunningService } from '@ledgerline/testing';
import { eventually } from './support/eventually';
import { token } from './support/graphql-client';
import { PipelineClient } from './support/pipeline-client';
import { recordRecovery } from './support/recovery-timings';

const COMMAND_SERVICE = 'apps/command-service/src/main.ts';
const RELAY = 'apps/command-service/src/relay.ts';
const QUERY_SERVICE = 'apps/query-service/src/main.ts';
/** The per-client rate limit is not under test. */
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: '1000000' };
/** Deposits flow at up to ~50/s: batches are being projected, the shared machine is not swamped. */
const DEPOSIT_EVERY_MS = 20;

/**
 * The bound of "recovers by itself", not the target: the target (a write made after the broker is
 * back is in the views within 15 s) is a timing, measured by the chaos soak (docs/reliability.md);
 * a broker's JVM restarting under the load of a whole test run can take far longer.
 */
const WRITE_VISIBLE_MS = 90_000;

/** The warnings and errors each process logged, newest last: what a failure report needs. */
function diagnostics(services: Record<string, RunningService>): string {
  return Object.entries(services)
    .map(([name, service]) => {
      const lines = service
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50|60)|"level":"(WARN|ERROR)"|failed|joined/.test(line))
        .map((line) => line.slice(0, 400));
      return `--- ${name} (last ${Math.min(lines.length, 25)} warnings/errors)\n${lines.slice(-25).join('\n')}`;
    })
    .join('\n');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const running = (service: RunningService) =>
  service.process.exitCode === null && service.process.signalCode === null;

interface Readiness {
  details: Record<string, { status: string; state?: string; lastFailure?: unknown }>;
}

/** A metric's value in a process's Prometheus text (0 when it has no sample yet). */
async function metric(service: RunningService, name: string): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/**
 * The query-service without Kafka: first at start-up (the broker not started yet), then after a
 * kill -9 of the (only) broker while deposits flow and its restart on its data. The relay and the
 * query-service must ride it out without exiting and without a restart by hand. The broker is
 * this test's own (a PrivateStack with only Kafka started); PostgreSQL and FerretDB are the
 * shared stack's. The tests run in order: the second starts from the pipeline the first brought
 * up.
 */
describe('recovery without Kafka: at start-up, and after its kill -9 (private broker, all processes)', () => {
  const prefix = `${uniqueName('kafka-kill')}.`;
  let kafka: PrivateStack;
  let commands: RunningService;
  let relay: RunningService;
  let query: RunningService;
  let client: PipelineClient;
  let accountId: string;
  let version: number;

  beforeAll(async () => {
    kafka = await PrivateStack.create('kafka-kill');
    query = await startService(QUERY_SERVICE, {
      KAFKA_BROKERS: kafka.connection('ledgerline_test').KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP: uniqueName('views'),
      MONGODB_DATABASE: uniqueName('views').replace(/-/g, '_'),
      CONSISTENCY_TIMEOUT_MS: '1000',
    });
  });

  it('serves and is ready while its consumer cannot start, reports the failure, and joins once Kafka is there', async () => {
    expect((await fetch(`${query.url}/health/live`)).status).toBe(200);
    const failed = await eventually('a reported consumer failure', 30_000, async () => {
      const response = await fetch(`${query.url}/health/ready`);
      const body = (await response.json()) as Readiness;
      return body.details['consumer']?.lastFailure ? { status: response.status, body } : undefined;
    });
    expect(failed.status).toBe(200);
    expect(failed.body.details['mongodb']?.status).toBe('up');
    expect(failed.body.details['kafka']?.status).toBe('degraded');
    expect(failed.body.details['consumer']?.status).toBe('degraded');
    expect(await metric(query, 'ledgerline_consumer_restarts_total')).toBeGreaterThanOrEqual(1);
    expect(await metric(query, 'ledgerline_consumer_joined')).toBe(0);
    expect(query.output()).toMatch(/consumer failed, a new one starts in \d+ ms/);

    await kafka.up('kafka');
    const brokers = { KAFKA_BROKERS: kafka.connection('ledgerline_test').KAFKA_BROKERS };
    [commands, relay] = await Promise.all([
      startService(COMMAND_SERVICE, { ...brokers, ...UNLIMITED }),
      startService(RELAY, {
        ...brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        RELAY_NAME: uniqueName('relay'),
        RELAY_START_FROM: 'latest',
        RELAY_IDLE_POLL_MS: '200',
      }),
    ]);
    client = new PipelineClient(
      await token('teller-1', `kafka-kill-${randomUUID()}`, ['teller']),
      commands.url,
      query.url,
    );
    accountId = randomUUID();
    version = (await client.openAccount(accountId, 'erin')).version;
    await eventually('the account in the view', WRITE_VISIBLE_MS, () =>
      client.account(accountId, version),
    );
    expect(await metric(query, 'ledgerline_consumer_joined')).toBe(1);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([commands, relay, query].map((service) => service?.stop()));
    await kafka?.destroy();
  }, 90_000);

  async function deposit(): Promise<number> {
    const result = await client.command(`/accounts/${accountId}/deposits`, { amount: '1.00' });
    expect(result.status).toBe(201);
    version = result.version;
    return version;
  }

  it('keeps both processes alive through the broker restart and projects a new deposit by itself once Kafka is back', async () => {
    const restartsBefore = await metric(query, 'ledgerline_consumer_restarts_total');
    let writing = true;
    // The event store is the outbox: commands are accepted while Kafka is down.
    const writer = (async () => {
      while (writing) {
        await deposit();
        await pause(DEPOSIT_EVERY_MS);
      }
    })();
    await pause(1_000);
    await kafka.crash('kafka');
    await pause(3_000);
    // Reads come from the views, which do not need Kafka.
    expect((await client.account(accountId, 1)).version).toBeGreaterThanOrEqual(1);
    await kafka.up('kafka');
    const backAt = Date.now();
    writing = false;
    await writer;

    const target = await deposit();
    const writeVisibleMs = await eventually(
      'the new deposit in the view',
      WRITE_VISIBLE_MS,
      async () => {
        const view = await client.account(accountId, target);
        return view.version >= target ? Date.now() - backAt : undefined;
      },
    ).catch((error: unknown) => {
      // Which side stalled - the relay's producer or the consumer - is in their logs.
      throw new Error(`${String(error)}\n${diagnostics({ relay, query })}`);
    });
    const restarts = (await metric(query, 'ledgerline_consumer_restarts_total')) - restartsBefore;

    recordRecovery('kafka kill -9', { writeVisibleMs, consumerRestarts: restarts });
    expect(running(relay)).toBe(true);
    expect(running(query)).toBe(true);
    // Every deposit accepted during the outage arrived too: the balance counts all of them.
    expect(await client.account(accountId, version)).toEqual({
      balance: `${version - 1}.00`,
      version,
    });
  }, 180_000);
});
