import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import type { SharedEnvironment } from './config/shared-environment';

/**
 * The common tail of every HTTP service's main: JSON logs, SIGTERM handling and listening on the
 * configured interface. Returns the URL it listens on.
 */
export async function listen(app: INestApplication, name: string): Promise<string> {
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const config = app.get(ConfigService<SharedEnvironment, true>);
  const host = config.get('HOST', { infer: true });
  await app.listen(config.get('PORT', { infer: true }), host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${host}:${address.port}`;
  logger.log(`${name} listening on ${url}`);
  return url;
}

/** Start-up failures (a bad environment, say) end the process with one readable line, not a trace. */
export function exitOnStartupFailure(name: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  };
}
