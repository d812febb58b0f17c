import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { eventStoreDataSourceOptions } from '@ledgerline/event-store';
import { KafkaModule, parseBrokers } from '@ledgerline/messaging';
import {
  HttpMetricsMiddleware,
  HttpTracingMiddleware,
  MetricsModule,
  TracingModule,
  structuredLogging,
  validateEnvironment,
} from '@ledgerline/platform';
import { EventStoreModule } from '../event-store/event-store.module';
import { RelayHealthController } from './relay-health.controller';
import { RelayEnvironment } from './relay.environment';
import { RelayMetrics } from './relay-metrics';
import { RelayService } from './relay.service';

type Config = ConfigService<RelayEnvironment, true>;

/** The relay process: no public API, only probes and metrics. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment(RelayEnvironment),
    }),
    structuredLogging(),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) =>
        eventStoreDataSourceOptions({
          url: config.get('DATABASE_URL', { infer: true }),
          poolSize: 4,
          applicationName: 'outbox-relay',
        }),
    }),
    KafkaModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => ({
        brokers: parseBrokers(config.get('KAFKA_BROKERS', { infer: true })),
        clientId: `${config.get('KAFKA_CLIENT_ID', { infer: true })}-relay`,
      }),
    }),
    TerminusModule,
    MetricsModule,
    TracingModule,
    EventStoreModule,
  ],
  controllers: [RelayHealthController],
  providers: [RelayService, RelayMetrics],
})
export class RelayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracingMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
