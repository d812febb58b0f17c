import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TOPICS } from '@ledgerline/contracts';
import { KAFKA_CLIENT, KafkaPublisher } from '@ledgerline/messaging';
import { ProjectionRuntime, ProjectionTransport, type Projector } from '@ledgerline/projections';
import type { Kafka } from 'kafkajs';
import type { QueryServiceEnvironment } from '../config/query-service.environment';
import { PROJECTORS, ViewsModule } from '../views/views.module';
import { ConsumerHealthIndicator } from './consumer.health';
import { ProjectionMetrics } from './projection-metrics';

const logger = new Logger('Projections');

/** The consumer side of the query-service: Kafka → projectors → views (see ProjectionRuntime). */
@Module({
  imports: [ViewsModule, TerminusModule],
  providers: [
    ProjectionMetrics,
    ConsumerHealthIndicator,
    {
      provide: ProjectionRuntime,
      inject: [KAFKA_CLIENT, PROJECTORS, ConfigService, ProjectionMetrics, ConsumerHealthIndicator],
      useFactory: (
        kafka: Kafka,
        projectors: Projector[],
        config: ConfigService<QueryServiceEnvironment, true>,
        metrics: ProjectionMetrics,
        health: ConsumerHealthIndicator,
      ) => {
        const prefix = config.get('KAFKA_TOPIC_PREFIX', { infer: true });
        const groupId = config.get('KAFKA_CONSUMER_GROUP', { infer: true });
        return new ProjectionRuntime(
          kafka,
          projectors,
          new KafkaPublisher(kafka),
          {
            groupId,
            topics: [`${prefix}${TOPICS.accounts}`],
            deadLetterTopic: `${prefix}${TOPICS.deadLetter}`,
            gapRetries: config.get('PROJECTION_GAP_RETRIES', { infer: true }),
            gapRetryDelayMs: config.get('PROJECTION_GAP_RETRY_DELAY_MS', { infer: true }),
            sessionTimeoutMs: config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true }),
          },
          {
            waitingForTopics: (missing) =>
              logger.log(`waiting for the relay to create ${missing.join(', ')}`),
            batchProcessed: (report) => metrics.batchProcessed(report),
            deadLettered: (letter) => {
              metrics.deadLettered(letter);
              logger.warn(
                `dead-lettered ${letter.topic}/${letter.partition}@${letter.message.offset}: ${letter.reason} ${letter.detail}`,
              );
            },
            stateChanged: (state) => {
              metrics.stateChanged(state);
              health.stateChanged(state);
            },
            joined: (durationMs, partitions) =>
              logger.log(`joined ${groupId} in ${durationMs} ms with ${partitions} partitions`),
            restarting: (error, delayMs) => {
              metrics.restarting();
              health.restarting(error);
              logger.error(`consumer failed, a new one starts in ${delayMs} ms: ${String(error)}`);
            },
          },
        );
      },
    },
    {
      provide: ProjectionTransport,
      inject: [ProjectionRuntime],
      useFactory: (runtime: ProjectionRuntime) => new ProjectionTransport(runtime),
    },
  ],
  exports: [ProjectionTransport, ProjectionRuntime, ConsumerHealthIndicator],
})
export class ProjectionConsumerModule {}
