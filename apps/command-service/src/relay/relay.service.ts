import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TOPICS } from '@ledgerline/contracts';
import { PostgresEventStore } from '@ledgerline/event-store';
import { ensureTopics, KAFKA_CLIENT, KafkaPublisher } from '@ledgerline/messaging';
import {
  LeaderSession,
  OutboxRelay,
  PostgresHorizonProbe,
  RelayCheckpointStore,
} from '@ledgerline/outbox-relay';
import type { Kafka } from 'kafkajs';
import type { Checkpoint } from '@ledgerline/event-store';
import { HorizonHoldReporter } from './horizon-hold-reporter';
import { RelayMetrics } from './relay-metrics';
import type { RelayEnvironment } from './relay.environment';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Runs the outbox relay for the lifetime of the process; SIGTERM drains the batch in flight. */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private relay?: OutboxRelay;
  private publisher?: KafkaPublisher;
  private checkpoint?: Checkpoint;
  private lagSampler?: NodeJS.Timeout;

  constructor(
    private readonly config: ConfigService<RelayEnvironment, true>,
    private readonly store: PostgresEventStore,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly metrics: RelayMetrics,
  ) {}

  get isLeader(): boolean {
    return this.relay?.isLeader ?? false;
  }

  async onApplicationBootstrap(): Promise<void> {
    const prefix = this.config.get('KAFKA_TOPIC_PREFIX', { infer: true });
    const created = await ensureTopics(
      this.kafka,
      Object.values(TOPICS).map((topic) => ({
        topic: `${prefix}${topic}`,
        partitions: this.config.get('KAFKA_TOPIC_PARTITIONS', { infer: true }),
        replicationFactor: this.config.get('KAFKA_REPLICATION_FACTOR', { infer: true }),
      })),
    );
    if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);

    this.publisher = new KafkaPublisher(this.kafka);
    await this.publisher.connect();
    const name = this.config.get('RELAY_NAME', { infer: true });
    const horizon = new HorizonHoldReporter(
      this.metrics,
      this.logger,
      this.config.get('RELAY_HORIZON_WARN_AFTER_MS', { infer: true }),
    );
    this.relay = new OutboxRelay(
      this.store,
      new RelayCheckpointStore(this.dataSource),
      this.publisher,
      new LeaderSession(
        this.config.get('DATABASE_URL', { infer: true }),
        `ledgerline-relay:${name}`,
      ),
      {
        name,
        batchSize: this.config.get('RELAY_BATCH_SIZE', { infer: true }),
        idlePollMs: this.config.get('RELAY_IDLE_POLL_MS', { infer: true }),
        standbyRetryMs: this.config.get('RELAY_STANDBY_RETRY_MS', { infer: true }),
        topicPrefix: prefix,
        startFrom: this.config.get('RELAY_START_FROM', { infer: true }),
      },
      {
        leadershipChanged: (leader) => {
          this.metrics.leader.set(leader ? 1 : 0);
          if (!leader) horizon.clear();
          this.logger.log(leader ? 'leading: publishing' : 'standing by');
        },
        published: (events, checkpoint) => {
          this.metrics.published.inc(events.length);
          this.checkpoint = checkpoint;
        },
        failed: (error) => this.logger.error(`relay error, retrying: ${String(error)}`),
        horizonChecked: (holder) => horizon.report(holder),
      },
      new PostgresHorizonProbe(this.dataSource),
    );
    this.relay.start();
    this.lagSampler = setInterval(() => void this.sampleLag(), 5_000).unref();
  }

  /** Lag is measured from the leader's checkpoint; standbys report none. */
  private async sampleLag(): Promise<void> {
    if (!this.isLeader || !this.checkpoint) return;
    const [row] = (await this.dataSource
      .query(
        `SELECT count(*)::int AS events,
                coalesce(extract(epoch FROM now() - min(recorded_at)), 0)::float AS seconds
         FROM (SELECT recorded_at FROM events
               WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
               ORDER BY events.transaction_id, events.position LIMIT 100000) pending`,
        [this.checkpoint.transactionId.toString(), this.checkpoint.position.toString()],
      )
      .catch(() => [])) as Array<{ events: number; seconds: number }>;
    if (!row) return;
    this.metrics.lagEvents.set(row.events);
    this.metrics.lagSeconds.set(row.seconds);
  }

  /**
   * Before any connection closes (TypeORM and Kafka close theirs in onApplicationShutdown): the
   * batch in flight is published and its checkpoint written, so a successor starts after it.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.lagSampler);
    await this.relay?.stop();
    await this.publisher?.disconnect();
  }
}
