import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { KafkaModule, parseBrokers } from '@ledgerline/messaging';
import {
  HttpMetricsMiddleware,
  HttpTracingMiddleware,
  MetricsModule,
  TracingModule,
  structuredLogging,
  validateEnvironment,
} from '@ledgerline/platform';
import { MongoModule } from '@ledgerline/projections';
import { QueryServiceEnvironment } from './config/query-service.environment';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { ProjectionConsumerModule } from './consumer/projection-consumer.module';
import { HealthModule } from './health/health.module';
import { ViewsModule } from './views/views.module';

type Config = ConfigService<QueryServiceEnvironment, true>;

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment(QueryServiceEnvironment),
    }),
    structuredLogging(),
    MongoModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => ({
        url: config.get('MONGODB_URL', { infer: true }),
        database: config.get('MONGODB_DATABASE', { infer: true }),
      }),
    }),
    KafkaModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: Config) => ({
        brokers: parseBrokers(config.get('KAFKA_BROKERS', { infer: true })),
        clientId: config.get('KAFKA_CLIENT_ID', { infer: true }),
      }),
    }),
    MetricsModule,
    TracingModule,
    HealthModule,
    ViewsModule,
    GraphqlApiModule,
    ProjectionConsumerModule,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracingMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
