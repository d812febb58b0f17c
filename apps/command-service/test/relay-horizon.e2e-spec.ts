import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  createEventStoreDataSource,
  PostgresEventStore,
  runMigrations,
} from '@ledgerline/event-store';
import {
  integrationEnvironment,
  PrivateStack,
  startService,
  uniqueName,
  type RunningService,
} from '@ledgerline/testing';

const ENTRY = 'apps/command-service/src/relay.ts';

/** Metric name → every series (labels text → value) of one scrape. */
async function scrape(relay: RunningService): Promise<Map<string, Map<string, number>>> {
  const text = await (await fetch(`${relay.url}/metrics`)).text();
  const metrics = new Map<string, Map<string, number>>();
  for (const match of text.matchAll(/^(ledgerline_relay_\w+?)(\{[^}]*\})? (\S+)$/gm)) {
    const series = metrics.get(match[1]!) ?? new Map<string, number>();
    series.set(match[2] ?? '', Number(match[3]));
    metrics.set(match[1]!, series);
  }
  return metrics;
}

const value = (metrics: Map<string, Map<string, number>>, name: string) =>
  metrics.get(name)?.get('') ?? 0;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Guarantee 9, a held horizon: a transaction left open anywhere in the cluster (here a superuser
 * psql-like session in another database) holds publishing back. The relay must say so, name the
 * backend, and publish as soon as it ends; the stack's idle_in_transaction_session_timeout ends
 * such a session by itself. On a cluster of the test's own: on the shared one the hold would
 * stall every other test's relay.
 */
describe('a held settled horizon (relay process, private PostgreSQL, real Kafka)', () => {
  const env = integrationEnvironment();
  let cluster: PrivateStack;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let relay: RunningService;
  const holders: Client[] = [];

  beforeAll(async () => {
    cluster = await PrivateStack.create('horizon');
    await cluster.up('postgres');
    const { DATABASE_URL } = cluster.connection('ledgerline_test');
    dataSource = createEventStoreDataSource({ url: DATABASE_URL });
    await dataSource.initialize();
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource);
    relay = await startService(ENTRY, {
      DATABASE_URL,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: `${uniqueName('horizon')}.`,
      KAFKA_TOPIC_PARTITIONS: '1',
      RELAY_NAME: 'horizon',
      RELAY_IDLE_POLL_MS: '200',
      RELAY_HORIZON_WARN_AFTER_MS: '1000',
    });
    await waitFor(
      'the relay to lead',
      async () => (value(await scrape(relay), 'ledgerline_relay_leader') === 1 ? true : undefined),
      30_000,
    );
  });

  afterAll(async () => {
    await relay?.stop();
    await Promise.all(holders.map((client) => client.end().catch(() => undefined)));
    await dataSource?.destroy();
    await cluster?.destroy();
  });

  async function append(count: number): Promise<void> {
    const streamId = randomUUID();
    await store.appendToStream({
      tenantId: 'horizon-test',
      streamId,
      streamType: 'account',
      expectedVersion: 0,
      events: Array.from({ length: count }, () => ({
        eventId: randomUUID(),
        type: 'account.closed',
        schemaVersion: 1,
        data: { accountId: streamId },
        metadata: { correlationId: randomUUID(), causationId: randomUUID() },
        occurredAt: new Date().toISOString(),
      })),
    });
  }

  /** A superuser session over the private cluster's unix socket. */
  async function superuser(database: string, applicationName: string): Promise<Client> {
    const client = new Client(cluster.superuser(database, applicationName));
    await client.connect();
    return client;
  }

  /** A session of another role, in another database of the cluster, holding an xid. */
  async function holdHorizon(applicationName: string, idleTimeout?: string) {
    const client = await superuser('postgres', applicationName);
    holders.push(client);
    client.on('error', () => undefined); // the idle timeout ends it from the server side
    if (idleTimeout)
      await client.query(`SET idle_in_transaction_session_timeout = '${idleTimeout}'`);
    const {
      rows: [backend],
    } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    return { client, pid: backend!.pid };
  }

  it('the stack configures the cluster to end sessions idle in a transaction after 60 s', async () => {
    const admin = await superuser('postgres', 'horizon-test-admin');
    holders.push(admin);
    const setting = async () =>
      (
        await admin.query<{ s: string }>(
          `SELECT current_setting('idle_in_transaction_session_timeout') AS s`,
        )
      ).rows[0]!.s;
    const startedAt = async () =>
      (
        await admin.query<{ t: Date }>('SELECT pg_postmaster_start_time() AS t')
      ).rows[0]!.t.getTime();
    expect(await setting()).toBe('1min');

    // A cluster that runs without it (made before the setting existed) gets it on the next
    // `stack up`, by a reload: no restart, its sessions keep running.
    const started = await startedAt();
    await admin.query('ALTER SYSTEM RESET idle_in_transaction_session_timeout');
    await admin.query('SELECT pg_reload_conf()');
    await waitFor(
      'the reset to apply',
      async () => ((await setting()) === '0' ? true : undefined),
      5_000,
    );
    await cluster.up('postgres');
    await waitFor(
      'stack up to apply it',
      async () => ((await setting()) === '1min' ? true : undefined),
      5_000,
    );
    expect(await startedAt()).toBe(started);
  });

  it('shows and names the backend holding the horizon, publishes nothing behind it, and publishes once it ends', async () => {
    const publishedBefore = value(await scrape(relay), 'ledgerline_relay_published_events_total');
    const { client, pid } = await holdHorizon('forgotten-psql');
    await append(3);

    const holderLabels = `{pid="${pid}",gid="",datname="postgres",usename="postgres",application_name="forgotten-psql",state=""}`;
    const firstHeld = await waitFor(
      'the relay to report the holder',
      async () => {
        const metrics = await scrape(relay);
        return metrics.get('ledgerline_relay_horizon_holder')?.get(holderLabels) === 1
          ? value(metrics, 'ledgerline_relay_horizon_held_seconds')
          : undefined;
      },
      10_000,
    );
    const warning = await waitFor(
      'the warning naming the backend',
      async () =>
        relay
          .output()
          .split('\n')
          .find((line) => line.includes('settled horizon held') && line.includes(`pid ${pid}`)),
      10_000,
    );
    const held = await scrape(relay);
    expect(value(held, 'ledgerline_relay_horizon_held_seconds')).toBeGreaterThan(firstHeld + 0.5);
    expect(value(held, 'ledgerline_relay_published_events_total')).toBe(publishedBefore);
    const logged = JSON.parse(warning) as { level: number; msg: string; horizon: object };
    expect(logged.level).toBe(40); // pino's warn
    expect(logged.msg).toContain(
      `pid ${pid} (application "forgotten-psql") in database "postgres" as "postgres"`,
    );
    // The relay's role sees another role's backend, not its state or query.
    expect(logged.msg).toContain('grant it pg_read_all_stats');
    expect(logged.horizon).toMatchObject({ kind: 'session', pid, detailsVisible: false });

    await client.query('ROLLBACK');
    const released = await waitFor(
      'the report to clear and the events to publish',
      async () => {
        const metrics = await scrape(relay);
        const published = value(metrics, 'ledgerline_relay_published_events_total');
        return !metrics.get('ledgerline_relay_horizon_holder')?.size &&
          published >= publishedBefore + 3
          ? metrics
          : undefined;
      },
      10_000,
    );
    expect(value(released, 'ledgerline_relay_horizon_held_seconds')).toBeLessThan(1);
    expect(relay.output()).toContain(`settled horizon released: pid ${pid}`);
  });

  it('publishes without anyone acting when idle_in_transaction_session_timeout ends the holder', async () => {
    const publishedBefore = value(await scrape(relay), 'ledgerline_relay_published_events_total');
    // The session's own, shorter timeout: the cluster's 60 s works the same way, only slower.
    const { pid } = await holdHorizon('leaked-connection', '1500ms');
    await append(2);
    await waitFor(
      'the relay to report the holder',
      async () =>
        [...((await scrape(relay)).get('ledgerline_relay_horizon_holder')?.keys() ?? [])].some(
          (labels) => labels.includes(`pid="${pid}"`),
        )
          ? true
          : undefined,
      10_000,
    );
    expect(value(await scrape(relay), 'ledgerline_relay_published_events_total')).toBe(
      publishedBefore,
    );

    await waitFor(
      'the events to publish after the timeout',
      async () =>
        value(await scrape(relay), 'ledgerline_relay_published_events_total') >= publishedBefore + 2
          ? true
          : undefined,
      15_000,
    );
    const [gone] = (await dataSource.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1',
      [pid],
    )) as Array<{ n: number }>;
    expect(gone?.n).toBe(0);
  });
});
