import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { eventStoreDataSourceOptions } from '@ledgerline/event-store';
import { KafkaModule, parseBrokers } from '@ledgerline/messaging';
import {
  authOptionsFrom,
  AuthModule,
  FixedWindowThrottlerStorage,
  HttpMetricsMiddleware,
  HttpTracingMiddleware,
  MethodNotAllowedMiddleware,
  MetricsModule,
  TracingModule,
  ProblemDetailsFilter,
  requireJsonBodies,
  strictValidationPipe,
  structuredLogging,
  validateEnvironment,
} from '@ledgerline/platform';
import { AccountsModule } from './accounts/accounts.module';
import { CommandsModule } from './commands/commands.module';
import { CommandServiceEnvironment } from './config/command-service.environment';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';

type Config = ConfigService<CommandServiceEnvironment, true>;

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment(CommandServiceEnvironment),
    }),
    structuredLogging(),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) =>
        eventStoreDataSourceOptions({
          url: config.get('DATABASE_URL', { infer: true }),
          poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
          applicationName: 'command-service',
        }),
    }),
    KafkaModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => ({
        brokers: parseBrokers(config.get('KAFKA_BROKERS', { infer: true })),
        clientId: config.get('KAFKA_CLIENT_ID', { infer: true }),
      }),
    }),
    AuthModule.forRootAsync({ inject: [ConfigService], useFactory: authOptionsFrom }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => ({
        throttlers: [{ ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new FixedWindowThrottlerStorage(),
      }),
    }),
    CqrsModule.forRoot(),
    MetricsModule,
    TracingModule,
    EventStoreModule,
    CommandsModule,
    HealthModule,
    AccountsModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: strictValidationPipe },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(
        HttpTracingMiddleware,
        HttpMetricsMiddleware,
        MethodNotAllowedMiddleware,
        requireJsonBodies,
      )
      .forRoutes('*path');
  }
}
