import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitOnStartupFailure, listen, startTracing } from '@ledgerline/platform';
import { AppModule } from './app.module';
import type { CommandServiceEnvironment } from './config/command-service.environment';
import { mountOpenApi } from './openapi';

async function bootstrap(): Promise<void> {
  startTracing('command-service');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get(ConfigService<CommandServiceEnvironment, true>);
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT', { infer: true }) });
  mountOpenApi(app);
  await listen(app, 'command-service');
}

bootstrap().catch(exitOnStartupFailure('command-service'));
