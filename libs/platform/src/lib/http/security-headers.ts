import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';

/**
 * Sent with every response of every Ledgerline HTTP server. The APIs answer JSON to programs, so
 * nothing may sniff, frame, cache or leak the referrer of it. No script or style restrictions:
 * the OpenAPI UI (/docs) and the GraphQL sandbox (development) are pages of their own that load
 * their scripts, and a JSON response runs none.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  // Answers carry balances and tokens' effects; a shared cache must never keep one.
  'cache-control': 'no-store',
};

/**
 * Applies SECURITY_HEADERS at the HTTP server, before any framework code runs, so routes Nest
 * does not own (the OpenAPI UI, Express' own 404s, the GraphQL endpoint) get them too; a handler
 * may still set one of them differently. Express' banner `X-Powered-By` is switched off.
 */
export function hardenHttp(app: INestApplication): void {
  const adapter = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  adapter.disable?.('x-powered-by');
  (app.getHttpServer() as Server).prependListener('request', (_request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  });
}
