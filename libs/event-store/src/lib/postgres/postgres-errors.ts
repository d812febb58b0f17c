import { StoreUnavailableError } from '@ledgerline/domain-kernel';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** The name of the unique constraint a failed statement violated, if that is why it failed. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION ? driverError.constraint : undefined;
}

/** How long a client is asked to wait: a restarting PostgreSQL is usually back within seconds. */
export const STORE_RETRY_AFTER_SECONDS = 2;

/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
 * 57P01 admin_shutdown (also sent by an immediate shutdown), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or recovering), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Socket errors of an unreachable, restarting or vanished server. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool report a lost or unobtainable connection without a code. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|timeout expired|Query read timeout|Client has encountered a connection error|Client was closed)/;

/**
 * Is this error PostgreSQL being unreachable, rather than a statement that failed? TypeORM wraps
 * the driver's error (`driverError`), Node wraps per-address failures (`AggregateError.errors`)
 * and pg-pool wraps timeouts (`cause`), so the chain is followed a few links deep.
 */
export function isStoreUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  // A query runner whose connection broke is released by TypeORM; using it again throws this.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return true;
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message))
    return true;
  const inner = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? candidate.errors : []),
  ];
  return inner.some((next) => isStoreUnreachable(next, depth + 1));
}

/** The typed error the HTTP layer answers 503 for, or the error itself when it is something else. */
export function classifyStoreError(error: unknown): unknown {
  return isStoreUnreachable(error)
    ? new StoreUnavailableError('the event store', STORE_RETRY_AFTER_SECONDS, error)
    : error;
}

/** Runs a read against the store, turning "PostgreSQL is unreachable" into StoreUnavailableError. */
export async function callStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStoreError(error);
  }
}
