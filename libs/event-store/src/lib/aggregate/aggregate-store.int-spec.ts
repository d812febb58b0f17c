import { randomUUID } from 'node:crypto';
import { VersionMismatchError, type Decider } from '@ledgerline/domain-kernel';
import { integrationEnvironment } from '@ledgerline/testing';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource } from '../postgres/create-data-source';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { PostgresSnapshotStore } from '../postgres/postgres-snapshot-store';
import { runMigrations } from '../postgres/run-migrations';
import type { AggregateCodec } from './aggregate-codec';
import { AggregateStore } from './aggregate-store';

/** A counter that may never exceed its limit: enough of a rule to notice a decision on stale state. */
type Command = { type: 'increment' };
type Event = { type: 'incremented'; value: number };
const LIMIT = 10;

const counter: Decider<Command, number, Event> = {
  initialState: () => 0,
  evolve: (_, event) => event.value,
  decide: (_, state) => {
    if (state >= LIMIT) throw new Error('limit reached');
    return [{ type: 'incremented', value: state + 1 }];
  },
};

const codec: AggregateCodec<number, Event> = {
  streamType: 'counter',
  stateSchemaVersion: 1,
  encode: (event) => ({
    type: 'counter.incremented',
    schemaVersion: 1,
    data: { value: event.value },
    occurredAt: new Date().toISOString(),
  }),
  decode: (stored) => ({ type: 'incremented', value: stored.data['value'] as number }),
  serializeState: (state) => ({ value: state }),
  deserializeState: (json) => json['value'] as number,
};

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = createEventStoreDataSource({ url: integrationEnvironment().databaseUrl });
  await dataSource.initialize();
  await runMigrations(dataSource);
});

afterAll(async () => {
  await dataSource.destroy();
});

/** One AggregateStore per simulated replica, each with its own state cache. */
function replica(): AggregateStore<Command, number, Event> {
  return new AggregateStore(
    new PostgresEventStore(dataSource),
    new PostgresSnapshotStore(dataSource),
    counter,
    codec,
    { snapshotEvery: 4, maxRetries: 20, stateCacheSize: 100 },
  );
}

const increment = (
  store: AggregateStore<Command, number, Event>,
  streamId: string,
  ifMatch?: number,
) =>
  store.handle(
    streamId,
    { type: 'increment' },
    {
      tenantId: 'cache-test',
      metadata: { correlationId: randomUUID(), causationId: randomUUID() },
      newEventId: () => randomUUID(),
      ...(ifMatch === undefined ? {} : { expectedVersion: ifMatch }),
    },
  );

describe('AggregateStore state cache against the real PostgreSQL', () => {
  it('decides on the state its own appends reached (cache only, no reloads)', async () => {
    const streamId = randomUUID();
    const store = replica();
    for (let i = 0; i < LIMIT; i++) expect((await increment(store, streamId)).version).toBe(i + 1);

    await expect(increment(store, streamId)).rejects.toThrow('limit reached');
    expect((await store.load(streamId)).state).toBe(LIMIT);
  });

  it('decides on the real state when another replica appended since (stale cache)', async () => {
    const streamId = randomUUID();
    const [a, b] = [replica(), replica()];
    // Alternating replicas: each one's cached state is always one event behind.
    for (let i = 0; i < LIMIT; i++) await increment(i % 2 === 0 ? a : b, streamId);

    await expect(increment(a, streamId)).rejects.toThrow('limit reached');
    await expect(increment(b, streamId)).rejects.toThrow('limit reached');
    expect((await a.load(streamId)).state).toBe(LIMIT);
  });

  it('never lets racing replicas exceed the limit', async () => {
    const streamId = randomUUID();
    const replicas = [replica(), replica(), replica()];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => increment(replicas[i % 3]!, streamId)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(LIMIT);
    expect((await replicas[0]!.load(streamId)).state).toBe(LIMIT);
  });

  it('checks If-Match against the stream, not against a stale cached version', async () => {
    const streamId = randomUUID();
    const [a, b] = [replica(), replica()];
    await increment(a, streamId); // a caches version 1
    await increment(b, streamId); // the stream is at 2; a's cache is stale

    expect((await increment(a, streamId, 2)).version).toBe(3);
    await expect(increment(b, streamId, 2)).rejects.toBeInstanceOf(VersionMismatchError);
  });
});
