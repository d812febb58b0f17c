import {
  START_OF_STORE,
  type Checkpoint,
  type EventStore,
  type StoredEvent,
} from '@ledgerline/event-store';
import type { MessagePublisher } from '@ledgerline/messaging';
import type { HorizonHolder, HorizonProbe } from './horizon-holder';
import type { LeaderSession } from './leader-session';
import type { RelayCheckpointStore } from './relay-checkpoint.store';
import { PublishSpans } from './publish-spans';

export interface RelayOptions {
  /** Checkpoint and lock name: relays with the same name form one leader/standby group. */
  name: string;
  batchSize: number;
  /** Longest sleep when idle; appends wake the leader earlier through NOTIFY. */
  idlePollMs: number;
  /** How often a standby tries to become the leader. */
  standbyRetryMs: number;
  topicPrefix?: string;
  /** Where a relay group without a checkpoint starts: the whole store, or only what comes next. */
  startFrom?: 'beginning' | 'latest';
}

/** All the relay needs of the event store: settled events in commit order. */
export type SettledEventReader = Pick<EventStore, 'readAll' | 'settledHead'>;

export interface RelayObserver {
  leadershipChanged?(leader: boolean): void;
  published?(events: readonly StoredEvent[], checkpoint: Checkpoint): void;
  failed?(error: unknown): void;
  /**
   * The leader's look at who holds the settled horizon (undefined: nobody), at most once per
   * `idlePollMs`. Only a leader reports; `leadershipChanged(false)` means the reports stopped.
   */
  horizonChecked?(holder: HorizonHolder | undefined): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Publishes the event store to Kafka in commit order, at least once. Only the holder of the
 * advisory lock publishes. The checkpoint advances only after Kafka acknowledged a batch, so a
 * crash between the two republishes that batch (consumers drop duplicates by stream version);
 * nothing is ever skipped because `readAll` returns settled events only.
 */
export class OutboxRelay {
  private stopped?: Promise<void>;
  private readonly abort = new AbortController();

  constructor(
    private readonly store: SettledEventReader,
    private readonly checkpoints: RelayCheckpointStore,
    private readonly publisher: MessagePublisher,
    private readonly session: LeaderSession,
    private readonly options: RelayOptions,
    private readonly observer: RelayObserver = {},
    private readonly horizon?: HorizonProbe,
  ) {}

  start(): void {
    this.stopped ??= this.run(this.abort.signal);
  }

  /** Finishes the batch in flight, releases the lock and returns. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.session.interrupt();
    await this.stopped;
    await this.session.close();
  }

  get isLeader(): boolean {
    return this.session.isLeader;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (!(await this.session.tryAcquire())) {
          await sleep(this.options.standbyRetryMs, signal);
          continue;
        }
        this.observer.leadershipChanged?.(true);
        await this.lead(signal);
        this.observer.leadershipChanged?.(false);
        failures = 0;
      } catch (error) {
        this.observer.failed?.(error);
        await this.session.close();
        this.observer.leadershipChanged?.(false);
        failures += 1;
        await sleep(Math.min(5_000, 100 * 2 ** failures), signal);
      }
    }
  }

  /** Saved at once, so a successor agrees on where this group started. */
  private async firstCheckpoint(): Promise<Checkpoint> {
    const start =
      this.options.startFrom === 'latest' ? await this.store.settledHead() : START_OF_STORE;
    await this.checkpoints.save(this.options.name, start);
    return start;
  }

  /** Publishes while this process holds the lock. */
  private async lead(signal: AbortSignal): Promise<void> {
    let checkpoint =
      (await this.checkpoints.load(this.options.name)) ?? (await this.firstCheckpoint());
    // A notification whose events are not settled yet (an older transaction is still open) is
    // not repeated: poll briefly, backing off to the idle interval, until they are readable.
    let unsettledBackoffMs = 0;
    let nextHorizonCheck = 0;
    while (!signal.aborted && this.session.isLeader) {
      // Once per idle interval, busy or not: a held horizon shows up as pages that stay empty,
      // and a released one must clear its report while the backlog drains.
      if (this.horizon && Date.now() >= nextHorizonCheck) {
        nextHorizonCheck = Date.now() + this.options.idlePollMs;
        this.observer.horizonChecked?.(await this.horizon.holder());
      }
      const page = await this.store.readAll(checkpoint, this.options.batchSize);
      if (page.events.length === 0) {
        const idle = this.options.idlePollMs;
        const notified = await this.session.waitForAppend(unsettledBackoffMs || idle);
        unsettledBackoffMs = notified
          ? 5
          : unsettledBackoffMs && Math.min(idle, unsettledBackoffMs * 2);
        continue;
      }
      unsettledBackoffMs = 0;
      const spans = new PublishSpans(page.events, this.options.topicPrefix);
      try {
        await this.publisher.publish(spans.messages);
        spans.end();
      } catch (error) {
        spans.end(error);
        throw error;
      }
      await this.checkpoints.save(this.options.name, page.checkpoint);
      checkpoint = page.checkpoint;
      this.observer.published?.(page.events, checkpoint);
    }
  }
}
