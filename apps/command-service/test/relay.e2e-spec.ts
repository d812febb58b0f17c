import { randomUUID } from 'node:crypto';
import { createEventStoreDataSource, PostgresEventStore } from '@ledgerline/event-store';
import { createKafka } from '@ledgerline/messaging';
import {
  integrationEnvironment,
  startService,
  uniqueName,
  type RunningService,
} from '@ledgerline/testing';
import type { DataSource } from 'typeorm';

const ENTRY = 'apps/command-service/src/relay.ts';

interface Received {
  key: string;
  eventId: string;
  streamVersion: number;
  headers: Record<string, string>;
}

async function role(relay: RunningService): Promise<string | undefined> {
  const response = await fetch(`${relay.url}/health/ready`).catch(() => undefined);
  if (!response) return undefined;
  const body = (await response.json()) as { details?: { relay?: { role?: string } } };
  return body.details?.relay?.role;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Guarantee 4 end to end: two relay processes on the real PostgreSQL and Kafka, the leader killed
 * with SIGKILL mid-stream, the standby takes over, and every event reaches Kafka in stream order.
 */
describe('outbox relay failover (two processes, real PostgreSQL and Kafka)', () => {
  const env = integrationEnvironment();
  const prefix = `${uniqueName('relay')}.`;
  const relayEnv = {
    RELAY_NAME: uniqueName('relay'),
    // This run's events only: the shared test database holds every earlier run's too.
    RELAY_START_FROM: 'latest',
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    RELAY_IDLE_POLL_MS: '200',
    RELAY_STANDBY_RETRY_MS: '200',
  };
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const relays: RunningService[] = [];

  beforeAll(async () => {
    dataSource = createEventStoreDataSource({ url: env.databaseUrl });
    await dataSource.initialize();
    store = new PostgresEventStore(dataSource);
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await dataSource.destroy();
  });

  it('keeps publishing every event, in order per stream, when the leader is killed', async () => {
    const first = await startService(ENTRY, relayEnv);
    relays.push(first);
    await waitFor(
      'a leader',
      async () => ((await role(first)) === 'leader' ? true : undefined),
      30_000,
    );
    const second = await startService(ENTRY, relayEnv);
    relays.push(second);
    expect(await role(second)).toBe('standby');
    // The relay's probe server is hardened like the APIs (libs/platform/src/lib/http/security-headers.ts).
    const probe = await fetch(`${second.url}/health/live`);
    expect(probe.headers.get('x-powered-by')).toBeNull();
    expect(probe.headers.get('x-content-type-options')).toBe('nosniff');
    expect(probe.headers.get('x-frame-options')).toBe('DENY');

    const streams = Array.from({ length: 8 }, () => ({ id: randomUUID(), version: 0 }));
    const appended: string[] = [];
    let appending = true;
    const writer = (async () => {
      for (let i = 0; appending; i++) {
        const stream = streams[i % streams.length]!;
        const eventId = randomUUID();
        await store.appendToStream({
          tenantId: 'relay-test',
          streamId: stream.id,
          streamType: 'account',
          expectedVersion: stream.version,
          events: [
            {
              eventId,
              type: 'account.closed',
              schemaVersion: 1,
              data: { accountId: stream.id },
              metadata: {
                correlationId: randomUUID(),
                causationId: randomUUID(),
                traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
              },
              occurredAt: new Date().toISOString(),
            },
          ],
        });
        stream.version += 1;
        appended.push(eventId);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await first.stop('SIGKILL');
    const killedAt = Date.now();
    await waitFor(
      'the standby to lead',
      async () => ((await role(second)) === 'leader' ? true : undefined),
      15_000,
    );
    const takeoverMs = Date.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    appending = false;
    await writer;

    expect(takeoverMs).toBeLessThan(5_000);
    const received = await consumeUntil(prefix, new Set(appended));
    const ours = received.filter((m) => appended.includes(m.eventId));
    expect(new Set(ours.map((m) => m.eventId))).toEqual(new Set(appended));
    for (const stream of streams) {
      // At least once: a batch in flight at the kill may come twice; first sightings are in order.
      const firstSightings = [
        ...new Map(
          ours.filter((m) => m.key === stream.id).map((m) => [m.eventId, m.streamVersion]),
        ).values(),
      ];
      expect(firstSightings).toEqual(Array.from({ length: stream.version }, (_, i) => i + 1));
    }
    expect(ours[0]?.headers).toMatchObject({
      type: 'account.closed',
      schemaVersion: '1',
      tenantId: 'relay-test',
      // The same trace, continued by the relay's own publish span.
      traceparent: expect.stringMatching(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/),
    });
  });

  async function consumeUntil(topicPrefix: string, wanted: Set<string>): Promise<Received[]> {
    const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'relay-test' });
    const consumer = kafka.consumer({ groupId: uniqueName('relay-check'), maxWaitTimeInMs: 200 });
    const received: Received[] = [];
    const seen = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({
      topic: `${topicPrefix}ledgerline.accounts.events`,
      fromBeginning: true,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`saw ${[...wanted].filter((id) => seen.has(id)).length}/${wanted.size}`),
          ),
        60_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          const envelope = JSON.parse(message.value!.toString()) as {
            eventId: string;
            streamVersion: number;
          };
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          received.push({
            key: message.key!.toString(),
            eventId: envelope.eventId,
            streamVersion: envelope.streamVersion,
            headers,
          });
          seen.add(envelope.eventId);
          if ([...wanted].every((id) => seen.has(id))) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return received;
  }
});
