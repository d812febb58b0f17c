import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, listen } from '@ledgerline/platform';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  await listen(app, 'query-service');
}

bootstrap().catch(exitOnStartupFailure('query-service'));
