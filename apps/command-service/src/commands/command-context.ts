import type { Principal } from '@ledgerline/platform';

/** Everything about the HTTP request a command handler needs besides the body. */
export interface CommandContext {
  principal: Principal;
  correlationId: string;
  /** W3C trace context, carried into the events' metadata. */
  traceparent?: string;
  /** From `If-Match`: act only if the stream is at this version. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Fingerprint of method, path and body, to tell a retry from a different request. */
  requestHash: string;
}
