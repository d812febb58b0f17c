import { decode, type LatestEventEnvelope } from '@ledgerline/contracts';
import { topicsHaveLeaders, type MessagePublisher } from '@ledgerline/messaging';
import type { Admin, Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { toDeadLetterMessage, type DeadLetter } from './dead-letter';
import { BatchSpans } from './projection-tracing';
import type { GapEvent, Projector } from './projector';
import type { RestartBackoffOptions } from './restart-backoff';
import {
  SupervisedConsumer,
  type ConsumerState,
  type SupervisorObserver,
} from './supervised-consumer';

export interface ProjectionRuntimeOptions {
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  /** Re-tries of events ahead of their view before they are dead-lettered. */
  gapRetries: number;
  gapRetryDelayMs: number;
  /**
   * How long the group keeps a member that stopped heartbeating. After a kill -9 of this process
   * (no leave-group) its successor gets the partitions only once the dead member's session ends.
   */
  sessionTimeoutMs?: number;
  restartBackoff?: RestartBackoffOptions;
}

export interface BatchReport {
  topic: string;
  partition: number;
  messages: number;
  applied: number;
  duplicates: number;
  deadLettered: number;
  /** Time to decode, project and write the batch. */
  durationMs: number;
  /** Offsets behind the partition's high watermark after this batch. */
  lag: number;
}

export interface RuntimeObserver extends SupervisorObserver {
  /** Start-up is waiting for topics the relay has not created yet. */
  waitingForTopics?(missing: string[]): void;
  batchProcessed?(report: BatchReport): void;
  deadLettered?(letter: DeadLetter): void;
}

const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

const TOPIC_WAIT_POLL_MS = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The read side's consumer loop, in this order: decode, upcast, project, dead-letter, checkpoint.
 * Per partition batch: every message is decoded through the contracts; undecodable ones are
 * dead-lettered; the rest go to each projector, whose writes are guarded by stream version; only
 * after all writes and dead letters are acknowledged is the offset committed. A crash anywhere
 * means redelivery, which the guards turn into no-ops: views are effectively-once.
 */
export class ProjectionRuntime {
  private readonly consumer: SupervisedConsumer;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly projectors: readonly Projector[],
    private readonly deadLetters: MessagePublisher,
    private readonly options: ProjectionRuntimeOptions,
    private readonly observer: RuntimeObserver = {},
  ) {
    this.consumer = new SupervisedConsumer(
      kafka,
      {
        groupId: options.groupId,
        topics: options.topics,
        sessionTimeoutMs: options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
        partitionsConsumedConcurrently: 3,
        backoff: options.restartBackoff,
      },
      (payload, consumer) => this.eachBatch(payload, consumer),
      observer,
    );
  }

  get state(): ConsumerState {
    return this.consumer.state;
  }

  /**
   * Returns at once: the dead-letter producer connects, the topics are awaited and the group is
   * joined in the background, and retried until they succeed (see SupervisedConsumer), so the
   * process serves reads meanwhile. Progress is reported through the observer and `state`.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.consumer.start(async () => {
      await this.deadLetters.connect();
      await this.waitForTopics();
    });
  }

  private async eachBatch(
    { batch, heartbeat, resolveOffset, isRunning, isStale }: EachBatchPayload,
    consumer: Consumer,
  ): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    await this.handle(batch, heartbeat, consumer);
    // Moves the fetch position; without it kafkajs fetches the same batch again.
    resolveOffset(batch.lastOffset());
  }

  /**
   * The relay creates the topics (it owns their partition count). A consumer that starts first -
   * compose and Kubernetes start everything at once - waits for them instead of failing.
   */
  private async waitForTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (let attempt = 0; this.running; attempt++) {
        if (await topicsHaveLeaders(admin, this.options.topics)) return;
        if (attempt % 20 === 0) this.observer.waitingForTopics?.(await this.missingTopics(admin));
        await pause(TOPIC_WAIT_POLL_MS);
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async missingTopics(admin: Admin): Promise<string[]> {
    const existing = new Set(await admin.listTopics());
    return this.options.topics.filter((topic) => !existing.has(topic));
  }

  /** Stops fetching, lets the batch in flight finish and commit, leaves the group, disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.stop();
    await this.deadLetters.disconnect();
  }

  private async handle(
    batch: Batch,
    heartbeat: () => Promise<void>,
    consumer: Consumer,
  ): Promise<void> {
    const spans = new BatchSpans(batch);
    try {
      await this.project(batch, heartbeat, spans, consumer);
      spans.end();
    } catch (error) {
      spans.end(error);
      throw error;
    }
  }

  private async project(
    batch: Batch,
    heartbeat: () => Promise<void>,
    spans: BatchSpans,
    consumer: Consumer,
  ): Promise<void> {
    const started = performance.now();
    const letters: DeadLetter[] = [];
    const events: LatestEventEnvelope[] = [];
    const messageOf = new Map<string, KafkaMessage>();
    for (const message of batch.messages) {
      const result = decode(message.value ?? Buffer.alloc(0));
      if (result.ok) {
        events.push(result.envelope);
        messageOf.set(result.envelope.eventId, message);
      } else {
        const { reason, message: detail } = result.error;
        letters.push({ topic: batch.topic, partition: batch.partition, message, reason, detail });
      }
    }
    let applied = 0;
    let duplicates = 0;
    for (const projector of this.projectors) {
      const outcome = await projector.project(events);
      // kafkajs heartbeats only between batches and when asked: a slow view must not outlast the
      // session (a no-op unless the heartbeat interval has passed).
      await heartbeat();
      applied += outcome.applied;
      duplicates += outcome.duplicates;
      const unresolved = await this.retryGaps(projector, outcome.gaps, heartbeat);
      for (const gap of unresolved) {
        const message = messageOf.get(gap.envelope.eventId);
        if (message) {
          letters.push({
            topic: batch.topic,
            partition: batch.partition,
            message,
            reason: 'version-gap',
            detail: gap.reason,
            projector: projector.name,
          });
        }
      }
    }

    if (letters.length > 0) {
      for (const letter of letters) spans.deadLettered(letter.message.offset, letter.reason);
      await this.deadLetters.publish(
        letters.map((letter) => toDeadLetterMessage(letter, this.options.deadLetterTopic)),
      );
      for (const letter of letters) this.observer.deadLettered?.(letter);
    }
    const next = (BigInt(batch.lastOffset()) + 1n).toString();
    await consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: next },
    ]);
    await heartbeat();
    this.observer.batchProcessed?.({
      topic: batch.topic,
      partition: batch.partition,
      messages: batch.messages.length,
      applied,
      duplicates,
      deadLettered: letters.length,
      durationMs: performance.now() - started,
      lag: Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(next))),
    });
  }

  /**
   * An event ahead of its view usually means its predecessor is still on its way (a rebalance in
   * progress). Retry a few times; what is still missing after that is dead-lettered with the reason,
   * so the partition keeps moving.
   */
  private async retryGaps(
    projector: Projector,
    gaps: GapEvent[],
    heartbeat: () => Promise<void>,
  ): Promise<GapEvent[]> {
    let remaining = gaps;
    for (let attempt = 0; attempt < this.options.gapRetries && remaining.length > 0; attempt++) {
      await pause(this.options.gapRetryDelayMs);
      await heartbeat();
      remaining = (await projector.project(remaining.map((gap) => gap.envelope))).gaps;
    }
    return remaining;
  }
}
