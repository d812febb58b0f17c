import type { LatestEventEnvelope } from '../registry/event-registry';

/**
 * Why an event could not be decoded. Stable strings: consumers route on them (e.g. dead-letter
 * `unknown-version` until they are upgraded, alert on `invalid-data`).
 */
export type DecodeErrorReason =
  'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-data';

/** One field that failed validation; `property` is a dotted path within the envelope or data. */
export interface FieldViolation {
  readonly property: string;
  readonly messages: readonly string[];
}

export interface DecodeError {
  readonly reason: DecodeErrorReason;
  readonly message: string;
  /** Field-level violations for `invalid-envelope` and `invalid-data`. Never holds field values. */
  readonly details?: readonly FieldViolation[];
}

export type DecodeResult =
  | {
      readonly ok: true;
      /** Data upcast to the latest shape; `schemaVersion` is the latest version accordingly. */
      readonly envelope: LatestEventEnvelope;
      /** The schema version the event was recorded with, before upcasting. */
      readonly recordedSchemaVersion: number;
    }
  | { readonly ok: false; readonly error: DecodeError };

export function decodeError(
  reason: DecodeErrorReason,
  message: string,
  details?: readonly FieldViolation[],
): DecodeError {
  return details === undefined ? { reason, message } : { reason, message, details };
}

export function decodeFailure(
  reason: DecodeErrorReason,
  message: string,
  details?: readonly FieldViolation[],
): DecodeResult {
  return { ok: false, error: decodeError(reason, message, details) };
}
