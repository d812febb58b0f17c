import type {
  Checkpoint,
  GlobalPosition,
  ReadAllResult,
  StoredEvent,
} from '@ledgerline/event-store';
import type { MessagePublisher, OutgoingMessage } from '@ledgerline/messaging';
import type { LeaderSession } from './leader-session';
import type { HorizonHolder, HorizonProbe } from './horizon-holder';
import { OutboxRelay, type SettledEventReader } from './outbox-relay';
import type { RelayCheckpointStore } from './relay-checkpoint.store';

// Unit tier: the relay's own rules with in-memory stand-ins. The real PostgreSQL + Kafka path is
// covered by apps/command-service/test/relay.e2e-spec.ts.

function storedEvent(position: number): StoredEvent {
  return {
    eventId: `e-${position}`,
    type: 'account.closed',
    schemaVersion: 1,
    data: {},
    metadata: { correlationId: 'c', causationId: 'c' },
    occurredAt: '2026-01-01T00:00:00.000Z',
    tenantId: 't',
    streamId: `s-${position % 3}`,
    streamType: 'account',
    streamVersion: position,
    position: BigInt(position) as GlobalPosition,
    transactionId: BigInt(position),
  };
}

class InMemoryStore implements SettledEventReader {
  constructor(private readonly events: StoredEvent[]) {}
  async settledHead(): Promise<Checkpoint> {
    const last = this.events.at(-1);
    return last
      ? { transactionId: last.transactionId, position: last.position }
      : { transactionId: 0n, position: 0n };
  }
  async readAll(after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const events = this.events.filter((e) => e.position > after.position).slice(0, limit);
    const last = events.at(-1);
    return {
      events,
      checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after,
    };
  }
}

class FlakyPublisher implements MessagePublisher {
  published: OutgoingMessage[] = [];
  failuresLeft: number;
  constructor(failures: number) {
    this.failuresLeft = failures;
  }
  connect = async () => undefined;
  disconnect = async () => undefined;
  async publish(messages: readonly OutgoingMessage[]) {
    if (this.failuresLeft-- > 0) throw new Error('broker unavailable');
    this.published.push(...messages);
  }
}

function fakeSession(): LeaderSession {
  let leader = false;
  return {
    get isLeader() {
      return leader;
    },
    tryAcquire: async () => (leader = true),
    waitForAppend: () => new Promise((resolve) => setTimeout(() => resolve(false), 5)),
    interrupt: () => undefined,
    close: async () => {
      leader = false;
    },
  } as unknown as LeaderSession;
}

function checkpointStore(saved: Checkpoint[]): RelayCheckpointStore {
  return {
    load: async () => saved.at(-1) ?? null,
    save: async (_name: string, checkpoint: Checkpoint) => {
      saved.push(checkpoint);
    },
  } as unknown as RelayCheckpointStore;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 400 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('OutboxRelay', () => {
  const options = { name: 'test', batchSize: 4, idlePollMs: 10, standbyRetryMs: 10 };

  it('publishes every event in order, keyed by stream, checkpointing after each acknowledged batch', async () => {
    const events = Array.from({ length: 10 }, (_, i) => storedEvent(i + 1));
    const publisher = new FlakyPublisher(0);
    const saved: Checkpoint[] = [];
    const relay = new OutboxRelay(
      new InMemoryStore(events),
      checkpointStore(saved),
      publisher,
      fakeSession(),
      options,
    );

    relay.start();
    await until(() => publisher.published.length === 10);
    await relay.stop();

    expect(publisher.published.map((m) => JSON.parse(m.value).eventId)).toEqual(
      events.map((e) => e.eventId),
    );
    expect(publisher.published[0]).toMatchObject({
      key: 's-1',
      topic: 'ledgerline.accounts.events',
    });
    expect(publisher.published[0]?.headers).toMatchObject({
      type: 'account.closed',
      eventId: 'e-1',
      tenantId: 't',
      schemaVersion: '1',
    });
    expect(saved.map((c) => c.position)).toEqual([0n, 4n, 8n, 10n]);
  });

  it('does not advance the checkpoint when the broker refuses, and republishes the batch', async () => {
    const events = Array.from({ length: 3 }, (_, i) => storedEvent(i + 1));
    const publisher = new FlakyPublisher(2);
    const saved: Checkpoint[] = [];
    const failures: unknown[] = [];
    const relay = new OutboxRelay(
      new InMemoryStore(events),
      checkpointStore(saved),
      publisher,
      fakeSession(),
      options,
      { failed: (error) => failures.push(error) },
    );

    relay.start();
    await until(() => publisher.published.length === 3);
    await relay.stop();

    expect(failures).toHaveLength(2);
    expect(saved.map((c) => c.position)).toEqual([0n, 3n]);
    expect(publisher.published.map((m) => JSON.parse(m.value).eventId)).toEqual([
      'e-1',
      'e-2',
      'e-3',
    ]);
  });

  it('starts a new relay group at the latest settled event when asked to', async () => {
    const events = Array.from({ length: 5 }, (_, i) => storedEvent(i + 1));
    const publisher = new FlakyPublisher(0);
    const saved: Checkpoint[] = [];
    const store = new InMemoryStore(events);
    const relay = new OutboxRelay(store, checkpointStore(saved), publisher, fakeSession(), {
      ...options,
      startFrom: 'latest',
    });

    relay.start();
    await until(() => saved.length > 0);
    events.push(storedEvent(6));
    await until(() => publisher.published.length === 1);
    await relay.stop();

    expect(publisher.published.map((m) => JSON.parse(m.value).eventId)).toEqual(['e-6']);
  });
});

describe('OutboxRelay horizon reports', () => {
  const holder: HorizonHolder = {
    kind: 'session',
    transactionId: 42n,
    pid: 4242,
    gid: null,
    database: 'other',
    user: 'someone',
    applicationName: 'psql',
    clientAddress: '10.0.0.7',
    state: 'idle in transaction',
    query: 'SELECT pg_current_xact_id()',
    heldSeconds: 12.5,
    detailsVisible: true,
  };

  it('asks the probe at once on leading, then at most once per idle interval, and passes on its answer', async () => {
    const checkedAt: number[] = [];
    const probe: HorizonProbe = {
      holder: async () => {
        checkedAt.push(Date.now());
        return checkedAt.length % 2 === 1 ? holder : undefined;
      },
    };
    const reports: Array<HorizonHolder | undefined> = [];
    const publisher = new FlakyPublisher(0);
    const events = Array.from({ length: 40 }, (_, i) => storedEvent(i + 1));
    const publishedAtFirstCheck: number[] = [];
    const relay = new OutboxRelay(
      new InMemoryStore(events),
      checkpointStore([]),
      publisher,
      fakeSession(),
      { name: 'test', batchSize: 4, idlePollMs: 40, standbyRetryMs: 10 },
      {
        horizonChecked: (reported) => {
          if (reports.length === 0) publishedAtFirstCheck.push(publisher.published.length);
          reports.push(reported);
        },
      },
      probe,
    );

    relay.start();
    await until(() => publisher.published.length === 40 && checkedAt.length >= 4);
    await relay.stop();

    // A new leader reports before its first batch; later checks keep their distance.
    expect(publishedAtFirstCheck).toEqual([0]);
    const gaps = checkedAt.slice(1).map((at, i) => at - checkedAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(39);
    expect(reports.slice(0, 4)).toEqual([holder, undefined, holder, undefined]);
  });
});
