import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '@ledgerline/domain-kernel';
import {
  START_OF_STORE,
  type Checkpoint,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '../event-store';

/** What an implementation must offer the contract suite beyond the port itself. */
export interface EventStoreHarness {
  store: EventStore;
  /**
   * Appends one event to a new stream inside a transaction that stays open for `holdMs` before
   * committing, so commits land out of position order.
   */
  appendWithDelayedCommit(streamId: string, event: NewEvent, holdMs: number): Promise<void>;
  /**
   * Records one event as if written by the transaction `transactionId` (long settled), so tests
   * can place events across boundaries a real run would take millions of transactions to reach.
   */
  appendAsTransaction(streamId: string, event: NewEvent, transactionId: bigint): Promise<void>;
}

const TENANT = 'tenant-contract';

export function anEvent(type = 'test.happened', data: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID() },
    occurredAt: new Date().toISOString(),
  };
}

function append(store: EventStore, streamId: string, expectedVersion: number, events: NewEvent[]) {
  return store.appendToStream({
    tenantId: TENANT,
    streamId,
    streamType: 'test',
    expectedVersion,
    events,
  });
}

/** Reads everything settled after `from` until nothing new arrives. */
async function drain(
  store: EventStore,
  from: Checkpoint,
): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
  const events: StoredEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await store.readAll(checkpoint, 100);
    events.push(...page.events);
    checkpoint = page.checkpoint;
    if (page.events.length < 100) return { events, checkpoint };
  }
}

/**
 * The behaviour every EventStore implementation must show, as one suite for all of them, so no
 * implementation can quietly differ from another in what callers rely on. Call it from an
 * implementation's integration test with a harness over real infrastructure.
 */
export function describeEventStoreContract(name: string, harness: () => EventStoreHarness): void {
  describe(`${name} fulfils the event store contract`, () => {
    const streamId = () => `test-${randomUUID()}`;

    describe('appending and reading a stream', () => {
      it('assigns consecutive versions and increasing positions', async () => {
        const { store } = harness();
        const id = streamId();
        const first = await append(store, id, 0, [anEvent(), anEvent()]);
        const second = await append(store, id, 2, [anEvent()]);

        expect(first.version).toBe(2);
        expect(second.version).toBe(3);
        expect(second.position).toBeGreaterThan(first.position);
        const events = await store.readStream(id);
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(events[2]?.position).toBe(second.position);
        expect(await store.streamInfo(id)).toEqual({
          tenantId: TENANT,
          streamType: 'test',
          version: 3,
        });
      });

      it('keeps data, metadata and time exactly as appended', async () => {
        const { store } = harness();
        const id = streamId();
        const event = anEvent('test.exact', {
          amount: '123456789012345678',
          nested: { a: [1, 'x'] },
        });
        await append(store, id, 0, [event]);

        const [stored] = await store.readStream(id);
        expect(stored).toMatchObject({
          ...event,
          streamId: id,
          streamVersion: 1,
          tenantId: TENANT,
        });
      });

      it('reads from a version with a limit', async () => {
        const { store } = harness();
        const id = streamId();
        await append(store, id, 0, [anEvent(), anEvent(), anEvent(), anEvent()]);
        const page = await store.readStream(id, { fromVersion: 2, limit: 2 });
        expect(page.map((e) => e.streamVersion)).toEqual([2, 3]);
      });

      it('knows nothing of a stream never written', async () => {
        const { store } = harness();
        expect(await store.streamInfo(streamId())).toBeNull();
        expect(await store.readStream(streamId())).toEqual([]);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses to create a stream that exists', async () => {
        const { store } = harness();
        const id = streamId();
        await append(store, id, 0, [anEvent()]);
        await expect(append(store, id, 0, [anEvent()])).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it('refuses a stale expected version and appends nothing', async () => {
        const { store } = harness();
        const id = streamId();
        await append(store, id, 0, [anEvent(), anEvent()]);
        await expect(append(store, id, 1, [anEvent()])).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('lets exactly one of many racing writers win each version', async () => {
        const { store } = harness();
        const id = streamId();
        await append(store, id, 0, [anEvent()]);
        let version = 1;
        for (let round = 0; round < 5; round++) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: 12 }, () => append(store, id, version, [anEvent()])),
          );
          const winners = outcomes.filter((o) => o.status === 'fulfilled');
          const losers = outcomes.filter((o) => o.status === 'rejected');
          expect(winners).toHaveLength(1);
          for (const loser of losers)
            expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
          version += 1;
        }
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([
          1, 2, 3, 4, 5, 6,
        ]);
      });
    });

    describe('reading all settled events in commit order', () => {
      it('returns appended events once, and resumes from the checkpoint', async () => {
        const { store } = harness();
        const start = (await drain(store, START_OF_STORE)).checkpoint;
        const id = streamId();
        await append(store, id, 0, [anEvent(), anEvent()]);
        const first = await drain(store, start);
        expect(first.events.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([
          1, 2,
        ]);

        await append(store, id, 2, [anEvent()]);
        const next = await drain(store, first.checkpoint);
        expect(next.events.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([
          3,
        ]);
      });

      it('names the last settled event as the head, and holds it back behind an open transaction', async () => {
        const { store, appendWithDelayedCommit } = harness();
        // Other transactions in the cluster (parallel tests) may hold the head back for a moment.
        const eventuallyAtLeast = async (position: bigint) => {
          for (let i = 0; i < 100 && (await store.settledHead()).position < position; i++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return (await store.settledHead()).position;
        };
        const id = streamId();
        const first = await append(store, id, 0, [anEvent()]);
        expect(await eventuallyAtLeast(first.position)).toBeGreaterThanOrEqual(first.position);

        const slowCommit = appendWithDelayedCommit(streamId(), anEvent(), 800);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const behindOpen = await append(store, id, 1, [anEvent()]);
        expect((await store.settledHead()).position).toBeLessThan(behindOpen.position);

        await slowCommit;
        expect(await eventuallyAtLeast(behindOpen.position)).toBeGreaterThanOrEqual(
          behindOpen.position,
        );
      });

      it('orders by transaction id as a number, across a change in its number of digits', async () => {
        const { store, appendAsTransaction } = harness();
        // Transaction ids 9, 10, 99, 100, 999, 1000 sort differently as text ("10" < "9").
        const written = [9n, 10n, 99n, 100n, 999n, 1000n].map((xid) => ({ xid, id: streamId() }));
        for (const { xid, id } of written) await appendAsTransaction(id, anEvent(), xid);
        const ours = new Set(written.map((w) => w.id));

        const seen: string[] = [];
        let checkpoint: Checkpoint = { transactionId: 8n, position: 0n };
        for (let page = 0; page < 10_000 && seen.length < written.length; page++) {
          const result = await store.readAll(checkpoint, 2);
          if (result.events.length === 0) break;
          seen.push(...result.events.filter((e) => ours.has(e.streamId)).map((e) => e.streamId));
          checkpoint = result.checkpoint;
        }
        expect(seen).toEqual(written.map((w) => w.id));
      });

      it('does not pass an event whose transaction is still open', async () => {
        const { store, appendWithDelayedCommit } = harness();
        const start = (await drain(store, START_OF_STORE)).checkpoint;
        const slow = streamId();
        const fast = streamId();
        const slowCommit = appendWithDelayedCommit(slow, anEvent(), 1_500);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await append(store, fast, 0, [anEvent()]);

        // The fast event has a later transaction id than the open one, so it must wait too:
        // reading past it now could never go back for the slow one.
        const whileOpen = await drain(store, start);
        expect(whileOpen.events.map((e) => e.streamId)).not.toContain(fast);
        expect(whileOpen.events.map((e) => e.streamId)).not.toContain(slow);

        await slowCommit;
        const afterCommit = await drain(store, whileOpen.checkpoint);
        const ids = afterCommit.events.map((e) => e.streamId);
        expect(ids).toContain(slow);
        expect(ids).toContain(fast);
      });

      it('never skips an event while commits are delayed out of order under a polling reader', async () => {
        const { store, appendWithDelayedCommit } = harness();
        const start = (await drain(store, START_OF_STORE)).checkpoint;
        const written = Array.from({ length: 40 }, () => streamId());
        const seen: StoredEvent[] = [];
        let checkpoint = start;
        let writing = true;

        const poller = (async () => {
          while (writing) {
            const page = await store.readAll(checkpoint, 7);
            seen.push(...page.events);
            checkpoint = page.checkpoint;
            if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        // Random hold times make later positions commit before earlier ones.
        await Promise.all(
          written.map((id, i) => appendWithDelayedCommit(id, anEvent(), ((i * 37) % 11) * 40)),
        );
        writing = false;
        await poller;
        seen.push(...(await drain(store, checkpoint)).events);

        const ours = seen.filter((e) => written.includes(e.streamId)).map((e) => e.streamId);
        expect(new Set(ours).size).toBe(ours.length);
        expect(new Set(ours)).toEqual(new Set(written));
      });
    });
  });
}
