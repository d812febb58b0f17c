import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  currentTraceparent,
  ProblemException,
  type AuthenticatedRequest,
} from '@ledgerline/platform';
import type { Request } from 'express';
import type { CommandContext } from './command-context';
import {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  IF_MATCH_PATTERN,
} from './command-headers';

const VERSION_TAG = new RegExp(IF_MATCH_PATTERN);
const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = VERSION_TAG.exec(value.trim());
  if (!match?.[1]) {
    throw ProblemException.badRequest('If-Match must be a stream version such as "3".', [
      { field: 'If-Match', message: 'must be a quoted stream version, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw ProblemException.badRequest('Idempotency-Key is invalid.', [
      {
        field: 'Idempotency-Key',
        message: `must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
      },
    ]);
  }
  return value;
}

/** Sorted keys, so `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Builds the CommandContext of the current request (after the auth guard ran). */
export const CommandContextFromRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext => {
    const request = context
      .switchToHttp()
      .getRequest<Request & AuthenticatedRequest & { id?: unknown }>();
    if (!request.principal) throw new Error('command routes must be authenticated');
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.path}\n${canonicalJson(request.body ?? {})}`)
      .digest('hex');
    const expectedVersion = parseIfMatch(header(request, 'if-match'));
    const idempotencyKey = parseIdempotencyKey(header(request, 'idempotency-key'));
    // The request's own span (HttpTracingMiddleware), so the trace continues from the caller's.
    const traceparent = currentTraceparent() ?? header(request, 'traceparent');
    return {
      principal: request.principal,
      correlationId: String(request.id ?? ''),
      requestHash,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(traceparent !== undefined ? { traceparent } : {}),
    };
  },
);
