/**
 * The small error taxonomy every layer speaks. Each app maps these to RFC 9457 Problem Details in
 * exactly one exception filter; nothing else decides HTTP status codes.
 */
export abstract class DomainError extends Error {
  protected constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that can never be valid, whatever the state (bad amount format, say). → 400 */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A business rule refused the command. `problemType` is a stable URI path such as `/problems/insufficient-funds`. → 422 */
export class BusinessRuleViolation extends DomainError {
  constructor(
    readonly problemType: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The stream (aggregate) does not exist, or is not visible to the caller. → 404 */
export class NotFoundError extends DomainError {
  constructor(
    readonly streamType: string,
    readonly streamId: string,
  ) {
    super(`${streamType} ${streamId} not found`);
  }
}

/** Someone else appended first. Retried internally; surfaced as 409 when retries run out. */
export class ConcurrencyError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion?: number,
  ) {
    super(
      `stream ${streamId} is not at version ${expectedVersion}` +
        (actualVersion === undefined ? '' : ` (it is at ${actualVersion})`),
    );
  }
}

/** The caller made the command conditional on a version (If-Match) the stream is not at. → 412 */
export class VersionMismatchError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, not ${expectedVersion}`);
  }
}

/**
 * A store the request needs cannot be reached right now (connection refused or cut, the server
 * shutting down or starting up, no pooled connection in time): the same request may succeed once
 * it is back. A write cut off mid-way may or may not have committed, which is why clients retry
 * with the same Idempotency-Key. `cause` keeps the driver's error for the logs. → 503 with
 * Retry-After
 */
export class StoreUnavailableError extends DomainError {
  constructor(
    readonly store: string,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(`${store} is unavailable`, { cause });
  }
}
