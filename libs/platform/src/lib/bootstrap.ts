import type { Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import type { SharedEnvironment } from './config/shared-environment';
import { hardenHttp } from './http/security-headers';

/**
 * On SIGTERM Nest closes the HTTP server, which stops accepting connections and waits for the open
 * ones - but a keep-alive client that sends its next request as soon as the last was answered
 * keeps its connection busy forever, and shutdown never ends. From the signal on, every response
 * carries `Connection: close`: requests in flight are still answered, then each socket closes.
 */
function closeConnectionsOnShutdown(server: Server): void {
  let draining = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      draining = true;
    });
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (draining) response.setHeader('connection', 'close');
  });
}

/**
 * The common tail of every HTTP service's main: JSON logs, SIGTERM handling, the security headers
 * and listening on the configured interface. Returns the URL it listens on.
 */
export async function listen(app: INestApplication, name: string): Promise<string> {
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const config = app.get(ConfigService<SharedEnvironment, true>);
  const host = config.get('HOST', { infer: true });
  closeConnectionsOnShutdown(app.getHttpServer() as Server);
  hardenHttp(app);
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
