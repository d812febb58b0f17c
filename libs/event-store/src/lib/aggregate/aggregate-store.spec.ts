import {
  BusinessRuleViolation,
  ConcurrencyError,
  VersionMismatchError,
  type Decider,
} from '@ledgerline/domain-kernel';
import { InMemoryEventStore } from '../../test/in-memory-event-store';
import type { AppendRequest } from '../event-store';
import { IdempotencyKeyReused } from '../idempotency/idempotency';
import type { AggregateCodec } from './aggregate-codec';
import { AggregateStore, type HandleOptions, type SnapshotStore } from './aggregate-store';

// The generic command handler's retry and idempotency rules, on an in-memory store whose appends a
// test can interleave with another writer's (aggregate-store.int-spec.ts runs it on PostgreSQL).

type Command = { type: 'increment' };
type Event = { type: 'incremented'; value: number };

const counter: Decider<Command, number, Event> = {
  initialState: () => 0,
  evolve: (_, event) => event.value,
  decide: (_, state) => [{ type: 'incremented', value: state + 1 }],
};

const codec: AggregateCodec<number, Event> = {
  streamType: 'counter',
  stateSchemaVersion: 1,
  encode: (event) => ({
    type: 'counter.incremented',
    schemaVersion: 1,
    data: { value: event.value },
    occurredAt: '2030-01-01T00:00:00.000Z',
  }),
  decode: (stored) => ({ type: 'incremented', value: stored.data['value'] as number }),
  serializeState: (state) => ({ value: state }),
  deserializeState: (json) => json['value'] as number,
};

const noSnapshots: SnapshotStore = { load: async () => null, save: async () => undefined };
const TENANT = 't';
const STREAM = 'stream-1';
let ids = 0;

function setup(maxRetries = 3) {
  const store = new InMemoryEventStore();
  const decisions: number[] = [];
  const conflicts: string[] = [];
  const decider = {
    ...counter,
    decide: (command: Command, state: number) => {
      decisions.push(state);
      return counter.decide(command, state);
    },
  };
  const aggregates = new AggregateStore(store, noSnapshots, decider, codec, {
    snapshotEvery: 0,
    maxRetries,
    onConflict: (streamType) => conflicts.push(streamType),
  });
  return { store, aggregates, decisions, conflicts };
}

function options(extra: Partial<HandleOptions<Command, number>> = {}) {
  return {
    tenantId: TENANT,
    metadata: { correlationId: 'c', causationId: 'c' },
    newEventId: () => `event-${++ids}`,
    ...extra,
  };
}

const claim = (requestHash = 'hash-1') => ({ principalId: 'user-1', key: 'key-1', requestHash });

/** Before each of the next `times` appends, another writer appends first, as another replica would. */
function interlope(store: InMemoryEventStore, times: number): void {
  let left = times;
  store.beforeAppend = async (request: AppendRequest) => {
    if (left <= 0 || request.events[0]?.eventId.startsWith('other-')) return;
    left--;
    const version = (await store.readStream(request.streamId)).length;
    await store.appendToStream({
      ...request,
      expectedVersion: version,
      events: [{ ...request.events[0]!, eventId: `other-${++ids}`, data: { value: version + 1 } }],
      idempotency: undefined,
    });
  };
}

const values = async (store: InMemoryEventStore) =>
  (await store.readStream(STREAM)).map((event) => event.data['value']);

describe('AggregateStore.handle: conflicts', () => {
  it('decides again on the new state after losing a race, and appends that decision', async () => {
    const { store, aggregates, decisions, conflicts } = setup();
    interlope(store, 1);

    const outcome = await aggregates.handle(STREAM, { type: 'increment' }, options());

    expect(decisions).toEqual([0, 1]);
    expect(await values(store)).toEqual([1, 2]);
    expect(outcome).toMatchObject({ streamId: STREAM, version: 2, replayed: false });
    expect(conflicts).toEqual(['counter']);
  });

  it('gives up with ConcurrencyError after maxRetries re-decisions, appending nothing', async () => {
    const { store, aggregates, decisions, conflicts } = setup(2);
    interlope(store, 10);

    await expect(
      aggregates.handle(STREAM, { type: 'increment' }, options()),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(decisions).toHaveLength(3);
    expect(conflicts).toHaveLength(3);
    expect(await values(store)).toEqual([1, 2, 3]); // only the other writer's
  });

  it('answers a lost race under If-Match with VersionMismatchError at once, never re-deciding', async () => {
    const { store, aggregates, decisions } = setup();
    interlope(store, 1);

    await expect(
      aggregates.handle(STREAM, { type: 'increment' }, options({ expectedVersion: 0 })),
    ).rejects.toBeInstanceOf(VersionMismatchError);
    expect(decisions).toEqual([0]);
    expect(await values(store)).toEqual([1]);
  });
});

describe('AggregateStore.handle: idempotency keys', () => {
  it('gives a retry the first outcome, marked replayed, deciding and appending nothing', async () => {
    const { store, aggregates, decisions } = setup();
    const first = await aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim() }),
    );
    const retry = await aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim() }),
    );

    expect(first).toMatchObject({ version: 1, replayed: false });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(decisions).toEqual([0]);
    expect(store.appends).toHaveLength(1);
  });

  it('refuses the key with another request (422 idempotency-key-reused), appending nothing', async () => {
    const { store, aggregates } = setup();
    await aggregates.handle(STREAM, { type: 'increment' }, options({ idempotency: claim() }));
    const reuse = aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim('hash-2') }),
    );

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(reuse).rejects.toMatchObject({ problemType: '/problems/idempotency-key-reused' });
    await expect(reuse).rejects.toBeInstanceOf(BusinessRuleViolation);
    expect(store.appends).toHaveLength(1);
  });

  it('answers the loser of a race on the key with the winner’s outcome', async () => {
    const { store, aggregates } = setup();
    // Both found no record; the winner's append (same key) commits between the loser's load and append.
    let winner: Awaited<ReturnType<typeof aggregates.handle>> | undefined;
    store.beforeAppend = async () => {
      store.beforeAppend = () => undefined;
      winner = await setupWinner();
    };
    const setupWinner = () =>
      new AggregateStore(store, noSnapshots, counter, codec, {
        snapshotEvery: 0,
        maxRetries: 3,
      }).handle(STREAM, { type: 'increment' }, options({ idempotency: claim() }));

    const loser = await aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim() }),
    );

    expect(loser).toEqual({ ...winner, replayed: true });
    expect(await values(store)).toEqual([1]);
  });

  it('records no refusal: the same key decides again once the refusal no longer holds', async () => {
    const { store, aggregates } = setup();
    let refuse = true;
    const authorize = () => {
      if (refuse) throw new Error('forbidden');
    };
    await expect(
      aggregates.handle(
        STREAM,
        { type: 'increment' },
        options({ idempotency: claim(), authorize }),
      ),
    ).rejects.toThrow('forbidden');
    refuse = false;

    const outcome = await aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim(), authorize }),
    );
    expect(outcome).toMatchObject({ version: 1, replayed: false });
    expect(store.appends).toHaveLength(1);
  });

  it('returns the result a domain adds, records it with the key and replays it', async () => {
    const { aggregates } = setup();
    const withResult = options({ idempotency: claim(), result: { transferId: 'tr-1' } });
    const first = await aggregates.handle(STREAM, { type: 'increment' }, withResult);
    const retry = await aggregates.handle(STREAM, { type: 'increment' }, withResult);

    expect(first.result).toEqual({ transferId: 'tr-1' });
    expect(retry).toEqual({ ...first, replayed: true });
  });

  it('replays a record an earlier release wrote as its HTTP reply, from the reply’s body', async () => {
    const { store, aggregates, decisions } = setup();
    store.recordRaw(TENANT, 'user-1', 'key-1', 'hash-1', {
      statusCode: 200,
      body: { streamId: STREAM, version: 7, position: '4711' },
      headers: { etag: '"7"' },
    });

    const retry = await aggregates.handle(
      STREAM,
      { type: 'increment' },
      options({ idempotency: claim() }),
    );

    expect(retry).toEqual({ streamId: STREAM, version: 7, position: 4711n, replayed: true });
    expect(decisions).toEqual([]);
    expect(store.appends).toHaveLength(0);
  });
});
