import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { eventStoreDataSourceOptions } from '@ledgerline/event-store';
import { KafkaModule, parseBrokers } from '@ledgerline/messaging';
import { structuredLogging, validateEnvironment } from '@ledgerline/platform';
import { CommandServiceEnvironment } from './config/command-service.environment';
import { HealthModule } from './health/health.module';

type Config = ConfigService<CommandServiceEnvironment, true>;

const environment = ConfigModule.forRoot({
  isGlobal: true,
  cache: true,
  validate: validateEnvironment(CommandServiceEnvironment),
});

@Module({
  imports: [
    environment,
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
    HealthModule,
  ],
})
export class AppModule {}
