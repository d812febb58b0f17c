import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { SharedEnvironment } from '../config/shared-environment';
import { activeTraceIds } from '../tracing/trace-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Structured JSON logs (pino) with a correlation id per request, taken from the caller's
 * `X-Correlation-Id` header when present so one id follows a request across services, and the
 * active OpenTelemetry trace and span ids on every line written inside a traced request or batch.
 */
export function structuredLogging() {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<SharedEnvironment, true>) => ({
      pinoHttp: {
        level: config.get('LOG_LEVEL', { infer: true }),
        genReqId: (request: IncomingMessage) => {
          const header = request.headers[CORRELATION_HEADER];
          return (Array.isArray(header) ? header[0] : header) ?? randomUUID();
        },
        customProps: (request: IncomingMessage & { id?: unknown }) => ({
          correlationId: request.id,
        }),
        // Probes and scrapes every few seconds would drown the useful lines.
        autoLogging: {
          ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? ''),
        },
        redact: ['req.headers.authorization'],
        mixin: () => activeTraceIds(),
      },
    }),
  });
}
