import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, listen, startTracing } from '@ledgerline/platform';
import { RelayModule } from './relay/relay.module';

/** Entrypoint of the outbox relay (`nx run command-service:relay`); run one or more replicas. */
async function bootstrap(): Promise<void> {
  startTracing('outbox-relay');
  const app = await NestFactory.create(RelayModule, { bufferLogs: true, abortOnError: false });
  await listen(app, 'outbox-relay');
}

bootstrap().catch(exitOnStartupFailure('outbox-relay'));
