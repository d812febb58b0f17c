import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupFailure, listen } from '@ledgerline/platform';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  await listen(app, 'command-service');
}

bootstrap().catch(exitOnStartupFailure('command-service'));
