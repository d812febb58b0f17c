import { decode } from './decode';
import type { DecodeError, DecodeErrorReason, FieldViolation } from './decode-result';
import type { LatestEventEnvelope } from '../registry/event-registry';

/** A producer tried to write an event that breaks the contract; a bug, not a runtime condition. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  readonly reason: DecodeErrorReason;
  readonly details: readonly FieldViolation[];

  constructor(error: DecodeError) {
    super(`cannot encode event: ${error.message}`);
    this.reason = error.reason;
    this.details = error.details ?? [];
  }
}

/**
 * Serialises an envelope for Kafka or the outbox. It goes through `decode` first, so whatever a
 * producer writes is exactly what every consumer can read back: the latest schema version of its
 * type, valid data and no extra fields (unknown envelope fields are dropped, as on read). Fields
 * come out in declaration order.
 *
 * Throws `InvalidEventError`, unlike `decode`: failing to encode is a programming error in the
 * producer and must stop the command before anything is appended.
 */
export function encode(envelope: LatestEventEnvelope): string {
  const decoded = decode(envelope);
  if (!decoded.ok) {
    throw new InvalidEventError(decoded.error);
  }
  if (decoded.recordedSchemaVersion !== decoded.envelope.schemaVersion) {
    throw new InvalidEventError({
      reason: 'invalid-envelope',
      message:
        `${envelope.type} must be written at its latest schema version ` +
        `${decoded.envelope.schemaVersion}, got ${decoded.recordedSchemaVersion}`,
    });
  }
  return JSON.stringify(decoded.envelope);
}
