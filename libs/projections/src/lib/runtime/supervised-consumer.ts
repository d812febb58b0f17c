import type { Consumer, EachBatchPayload, Kafka, RetryOptions } from 'kafkajs';
import {
  DEFAULT_RESTART_BACKOFF,
  RestartBackoff,
  type RestartBackoffOptions,
} from './restart-backoff';

/**
 * `starting`: connecting, subscribing, joining the group (after a kill -9 of a member this waits
 * out the dead member's session); `joined`: a member with its partitions; `rebalancing`: the group
 * changed and the consumer is re-joining; `restarting`: the last consumer failed and a new one
 * starts after a back-off; `stopped`: not started, or shut down.
 */
export type ConsumerState = 'starting' | 'joined' | 'rebalancing' | 'restarting' | 'stopped';

export interface SupervisedConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /** How long the coordinator keeps a silent member before it hands its partitions to others. */
  sessionTimeoutMs: number;
  partitionsConsumedConcurrently: number;
  backoff?: RestartBackoffOptions;
}

export interface SupervisorObserver {
  stateChanged?(state: ConsumerState): void;
  /** Joined the group; `durationMs` is the JoinGroup + SyncGroup round, `partitions` assigned. */
  joined?(durationMs: number, partitions: number): void;
  /** The consumer failed (to start, or while running); a fresh one starts after `delayMs`. */
  restarting?(error: unknown, delayMs: number): void;
}

/** Handles one partition batch of the consumer that fetched it (offsets are committed on that one). */
export type BatchHandler = (payload: EachBatchPayload, consumer: Consumer) => Promise<void>;

/**
 * kafkajs's own retries before a request failure crashes the consumer: capped at 1 s apart, so a
 * broker that comes back is noticed within a second, and about 5 s in all, after which the
 * supervisor takes over.
 */
const CONSUMER_RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 1_000, retries: 7 };

const STOPPED = Symbol('stopped');

/** Resolves when `signal` aborts, or at once if it already has. */
const whenAborted = (signal: AbortSignal) =>
  new Promise<typeof STOPPED>((resolve) => {
    if (signal.aborted) resolve(STOPPED);
    else signal.addEventListener('abort', () => resolve(STOPPED), { once: true });
  });

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Keeps one kafkajs consumer in its group for as long as it is started. kafkajs restarts a crashed
 * consumer only after retriable errors; after a non-retriable one - a restarting broker crashes it
 * with `KafkaJSNonRetriableError: Connection error: connect ECONNREFUSED` - the consumer stays dead
 * while the process lives on.
 * Here every failure - at start-up or later - takes one path: the consumer is dropped and a fresh
 * one (new connections, new member) starts after a back-off, for as long as it takes.
 */
export class SupervisedConsumer {
  private current?: Consumer;
  private loop?: Promise<void>;
  private abort = new AbortController();
  private stateValue: ConsumerState = 'stopped';

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SupervisedConsumerOptions,
    private readonly handler: BatchHandler,
    private readonly observer: SupervisorObserver = {},
  ) {}

  get state(): ConsumerState {
    return this.stateValue;
  }

  /**
   * Returns at once; the consumer joins in the background. `prepare` runs before the first
   * consumer (and again after a failure, until it succeeded once).
   */
  start(prepare: () => Promise<void> = async () => undefined): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.supervise(prepare, this.abort.signal);
  }

  /** Leaves the group (the batch in flight finishes and commits first) and stops restarting. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.abort.abort();
    await this.current?.disconnect().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
    this.setState('stopped');
  }

  private async supervise(prepare: () => Promise<void>, signal: AbortSignal): Promise<void> {
    const backoff = new RestartBackoff(this.options.backoff ?? DEFAULT_RESTART_BACKOFF);
    const stopped = whenAborted(signal);
    let prepared = false;
    while (!signal.aborted) {
      this.setState('starting');
      const run = { joinedAt: 0 };
      let failure: unknown;
      try {
        if (!prepared) {
          const preparing = prepare();
          preparing.catch(() => undefined); // abandoned by a stop: its failure concerns nobody
          // A stop does not wait for connection attempts that kafkajs is still retrying.
          if ((await Promise.race([preparing, stopped])) === STOPPED) return;
          prepared = true;
        }
        failure = await this.runUntilFailure(signal, stopped, run);
      } catch (error) {
        failure = error;
      }
      if (signal.aborted) return;
      const delayMs = backoff.next(run.joinedAt ? Date.now() - run.joinedAt : 0);
      this.setState('restarting');
      this.observer.restarting?.(failure, delayMs);
      await sleep(delayMs, signal);
    }
  }

  /** One consumer's life: resolves with the error that ended it, or when stopped. */
  private async runUntilFailure(
    signal: AbortSignal,
    stopped: Promise<typeof STOPPED>,
    run: { joinedAt: number },
  ): Promise<unknown> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      // Short fetch waits keep freshness low and shutdown quick.
      maxWaitTimeInMs: 100,
      sessionTimeout: this.options.sessionTimeoutMs,
      // A third of the session, the usual ratio: two heartbeats may be lost before eviction.
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 3),
      // The supervisor restarts, never kafkajs: one path for every failure, with a fresh consumer.
      retry: { ...CONSUMER_RETRY, restartOnFailure: async () => false },
    });
    this.current = consumer;
    const crashed = new Promise<unknown>((resolve) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => resolve(payload.error));
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      run.joinedAt = Date.now();
      const assigned = Object.values(payload.memberAssignment).flat().length;
      this.setState('joined');
      this.observer.joined?.(payload.duration, assigned);
    });
    consumer.on(consumer.events.REBALANCING, () => this.setState('rebalancing'));
    const started = this.join(consumer);
    // A consumer that gets going only after a stop gave up on it must not stay in the group.
    started.then(
      () => signal.aborted && void consumer.disconnect().catch(() => undefined),
      () => undefined,
    );
    try {
      if ((await Promise.race([started, stopped])) === STOPPED) return undefined;
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      return error;
    }
    return Promise.race([crashed, stopped.then(() => undefined)]);
  }

  /** Resolves once joined - or once a failed join crashed it, which the CRASH event reports. */
  private async join(consumer: Consumer): Promise<void> {
    await consumer.connect();
    for (const topic of this.options.topics)
      await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handler(payload, consumer),
    });
  }

  private setState(state: ConsumerState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.observer.stateChanged?.(state);
  }
}
