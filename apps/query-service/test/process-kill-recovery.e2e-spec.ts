import { randomUUID } from 'node:crypto';
import { startService, uniqueName, type RunningService } from '@ledgerline/testing';
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Bounds of "recovers by itself", not the targets: the targets (reads within 5 s, a new write in
 * the views within 15 s) are timings, measured by the chaos soak on a quiet machine
 * (docs/reliability.md); here, under the load of a whole test run, the test proves the mechanism
 * (reads are served while the consumer is still starting) and records the figures.
 */
const READS_BACK_MS = 20_000;
const WRITE_VISIBLE_MS = 60_000;

interface Readiness {
  status: string;
  details: Record<string, { status: string; state?: string }>;
}

/**
 * kill -9 of one process of the pipeline while deposits are being projected, then a restart, as
 * a crashed pod is replaced. A killed query-service never leaves its consumer group, so its
 * successor's join waits until the dead member's session (KAFKA_SESSION_TIMEOUT_MS, 10 s) has
 * expired: GraphQL must not wait with it. Shared stack: only our own processes are killed.
 */
describe('recovery after kill -9 of a process (all processes, real servers)', () => {
  const prefix = `${uniqueName('kill')}.`;
  const relayEnv = {
    KAFKA_TOPIC_PREFIX: prefix,
    RELAY_NAME: uniqueName('relay'),
    RELAY_START_FROM: 'latest',
    RELAY_IDLE_POLL_MS: '200',
  };
  const queryEnv = {
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_CONSUMER_GROUP: uniqueName('views'),
    MONGODB_DATABASE: uniqueName('views').replace(/-/g, '_'),
    CONSISTENCY_TIMEOUT_MS: '1000',
  };
  let commands: RunningService;
  let relay: RunningService;
  let query: RunningService;
  let client: PipelineClient;
  let accountId: string;
  let version: number;

  beforeAll(async () => {
    [commands, relay] = await Promise.all([
      startService(COMMAND_SERVICE, UNLIMITED),
      startService(RELAY, relayEnv),
    ]);
    query = await startService(QUERY_SERVICE, queryEnv);
    client = new PipelineClient(
      await token('teller-1', `kill-${randomUUID()}`, ['teller']),
      commands.url,
      query.url,
    );
    accountId = randomUUID();
    version = (await client.openAccount(accountId, 'dave')).version;
    await eventually('the account in the view', 30_000, () => client.account(accountId, version));
  });

  afterAll(async () => {
    await Promise.all([commands, relay, query].map((service) => service?.stop()));
  });

  async function deposit(): Promise<number> {
    const result = await client.command(`/accounts/${accountId}/deposits`, { amount: '1.00' });
    expect(result.status).toBe(201);
    version = result.version;
    return version;
  }

  /** Deposits keep arriving, so the kill lands while batches are being projected. */
  async function whileDepositing<T>(work: () => Promise<T>): Promise<T> {
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await deposit();
        await pause(DEPOSIT_EVERY_MS);
      }
    })();
    try {
      return await work();
    } finally {
      writing = false;
      await writer;
    }
  }

  /** ms until `account(minVersion)` returns `minVersion`, polled (each read waits up to 1 s). */
  function visible(minVersion: number, since: number): Promise<number> {
    return eventually(`account at version ${minVersion}`, WRITE_VISIBLE_MS, async () => {
      const view = await client.account(accountId, minVersion);
      return view.version >= minVersion ? Date.now() - since : undefined;
    });
  }

  it('answers GraphQL after a kill -9 + restart of the query-service before its consumer rejoins, and projects a new deposit by itself', async () => {
    const restartedAt = await whileDepositing(async () => {
      await pause(1_000);
      expect(await query.stop('SIGKILL')).toBeNull();
      const at = Date.now();
      query = await startService(QUERY_SERVICE, queryEnv);
      return at;
    });
    client.queryUrl = query.url;
    // A read of what the views already hold (the account's first version).
    const readsBackMs = await eventually('a GraphQL answer', READS_BACK_MS, async () => {
      await client.account(accountId, 1);
      return Date.now() - restartedAt;
    });
    // Ready means the views answer; the consumer is still waiting for the dead member to expire.
    const readiness = await fetch(`${query.url}/health/ready`);
    const ready = (await readiness.json()) as Readiness;
    const depositedAt = Date.now();
    const writeVisibleMs = await visible(await deposit(), restartedAt);

    recordRecovery('query-service kill -9', {
      readsBackMs,
      writeVisibleMs,
      writeAfterDepositMs: Date.now() - depositedAt,
      consumerAtFirstRead: ready.details['consumer']?.state ?? 'absent',
    });
    expect(readiness.status).toBe(200);
    expect(ready.details['mongodb']?.status).toBe('up');
    // Reads did not wait for the group: the dead member's session had not even expired yet.
    expect(ready.details['consumer']).toMatchObject({ status: 'degraded', state: 'starting' });
    expect(query.output()).toMatch(/joined .* with \d+ partitions/);
  }, 120_000);

  it('projects a new deposit by itself after a kill -9 + restart of the relay', async () => {
    const restartedAt = await whileDepositing(async () => {
      await pause(1_000);
      expect(await relay.stop('SIGKILL')).toBeNull();
      const at = Date.now();
      relay = await startService(RELAY, relayEnv);
      return at;
    });
    const writeVisibleMs = await visible(await deposit(), restartedAt);

    recordRecovery('relay kill -9', { writeVisibleMs });
    // Every deposit accepted around the kill was published once: the balance counts each of them.
    expect(await client.account(accountId, version)).toEqual({
      balance: `${version - 1}.00`,
      version,
    });
  }, 120_000);
});
