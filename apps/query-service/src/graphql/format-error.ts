import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { API_ERROR_CODES, ERROR_CODES } from './graphql-errors';

const logger = new Logger('GraphQL');

/** Apollo's own request-level codes, safe to pass on as they are. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Extension keys never sent to clients. */
const PRIVATE_EXTENSIONS = new Set(['stacktrace', 'exception', 'originalError', 'http']);

/**
 * Every error leaves with an `extensions.code` and without a stack trace or internal detail:
 * errors the API raised on purpose keep their message and details; anything unexpected is logged
 * and becomes a generic INTERNAL_SERVER_ERROR.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = codeOf(formatted, error);
  if (code === null) {
    // Resolver failures (they have a path) were logged by Nest already; the rest happened around
    // execution (context, plugins) and are logged here.
    if (!formatted.path) logger.error(unwrapResolverError(error));
    return {
      message: 'Internal server error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ERROR_CODES.internal },
    };
  }
  const extensions = Object.fromEntries(
    Object.entries(formatted.extensions ?? {}).filter(([key]) => !PRIVATE_EXTENSIONS.has(key)),
  );
  return { ...formatted, extensions: { ...extensions, code } };
}

function codeOf(formatted: GraphQLFormattedError, error: unknown): string | null {
  const code = formatted.extensions?.['code'];
  // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; ours (the depth limit)
  // keep their own code underneath, which is more useful to a client.
  if (code === 'GRAPHQL_VALIDATION_FAILED') return ownCode(error) ?? code;
  if (typeof code === 'string' && (API_ERROR_CODES.has(code) || APOLLO_CODES.has(code))) {
    return code === ERROR_CODES.internal ? null : code;
  }
  return null;
}

function ownCode(error: unknown): string | null {
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } })
    ?.originalError;
  const code = original?.extensions?.['code'];
  return typeof code === 'string' && API_ERROR_CODES.has(code) ? code : null;
}
