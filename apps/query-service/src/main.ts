import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, listen, startTracing } from '@ledgerline/platform';
import { ProjectionTransport } from '@ledgerline/projections';
import { AppModule } from './app.module';
import type { QueryServiceEnvironment } from './config/query-service.environment';

/** One process, two sides: GraphQL over HTTP, and the Kafka consumer as a Nest microservice. */
async function bootstrap(): Promise<void> {
  startTracing('query-service');
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  const config = app.get(ConfigService<QueryServiceEnvironment, true>);
  if (config.get('PROJECTIONS_ENABLED', { infer: true }) === 'true') {
    app.connectMicroservice({ strategy: app.get(ProjectionTransport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await listen(app, 'query-service');
}

bootstrap().catch(exitOnStartupFailure('query-service'));
