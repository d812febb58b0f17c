import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, listen, startTracing } from '@ledgerline/platform';
import { ProjectionTransport } from '@ledgerline/projections';
import { AppModule } from './app.module';
import type { QueryServiceEnvironment } from './config/query-service.environment';

/**
 * One process, two sides: GraphQL over HTTP, and the Kafka consumer as a Nest microservice. HTTP
 * comes first and never waits for the consumer: joining the group can take a whole session timeout
 * (a predecessor killed without leaving still holds the partitions), and reads do not need it. The
 * consumer then joins, and rejoins after failures, in the background (ProjectionRuntime).
 */
async function bootstrap(): Promise<void> {
  startTracing('query-service');
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  const config = app.get(ConfigService<QueryServiceEnvironment, true>);
  const projecting = config.get('PROJECTIONS_ENABLED', { infer: true }) === 'true';
  if (projecting)
    app.connectMicroservice({ strategy: app.get(ProjectionTransport) }, { inheritAppConfig: true });
  await listen(app, 'query-service');
  if (projecting) await app.startAllMicroservices();
}

bootstrap().catch(exitOnStartupFailure('query-service'));
