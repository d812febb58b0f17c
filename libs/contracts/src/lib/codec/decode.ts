import { decodeData } from './decode-data';
import { decodeFailure, type DecodeResult } from './decode-result';
import { describeError, describeKey } from './describe';
import { EnvelopeFields } from './envelope-fields';
import { parseRaw } from './parse-raw';
import { validateFields } from './validate-fields';
import type { EventEnvelope } from '../envelope';
import { findEventDefinition, type LatestEventEnvelope } from '../registry/event-registry';
import { isRecord } from '../util/is-record';

/**
 * Decodes one event envelope from a Buffer, a string or an already-parsed value, upcasting its data
 * to the latest schema version.
 *
 * Never throws: a consumer must survive anything on a topic, so every failure, including one thrown
 * by a hostile object's getter, comes back as a `DecodeError` to skip or dead-letter.
 *
 * Strictness: unknown *data* fields are an error, because every change of a data shape gets a new
 * schema version and producers and consumers share this library, so an unknown field means a bug or
 * a forged event. Unknown *envelope* fields are ignored and dropped: the envelope has no version of
 * its own, so it may only grow by addition, and older readers must tolerate that.
 */
export function decode(raw: unknown): DecodeResult {
  try {
    return decodeUnguarded(raw);
  } catch (error: unknown) {
    // Reached only by values no JSON parser produces (proxies, throwing getters).
    return decodeFailure('invalid-envelope', `envelope could not be read: ${describeError(error)}`);
  }
}

function decodeUnguarded(raw: unknown): DecodeResult {
  const parsed = parseRaw(raw);
  if (!parsed.ok) {
    return decodeFailure('malformed-json', parsed.message);
  }
  if (!isRecord(parsed.value)) {
    return decodeFailure(
      'invalid-envelope',
      `envelope must be a JSON object, got ${kind(parsed.value)}`,
    );
  }

  const fields = validateFields(EnvelopeFields, parsed.value, { forbidUnknown: false });
  if (!fields.ok) {
    return decodeFailure('invalid-envelope', 'envelope fields are invalid', fields.violations);
  }
  const envelope = fields.value;
  const { type, schemaVersion, data } = envelope;
  if (!isRecord(data)) {
    // Unreachable after @IsObject; narrows `object` to readable keys without a cast.
    return decodeFailure('invalid-envelope', 'envelope field data must be an object');
  }

  const definition = findEventDefinition(type);
  if (definition === undefined) {
    return decodeFailure('unknown-type', `unknown event type ${describeKey(type)}`);
  }
  if (schemaVersion > definition.latestSchemaVersion) {
    return decodeFailure(
      'unknown-version',
      `${type} v${schemaVersion} is newer than the latest this consumer knows ` +
        `(v${definition.latestSchemaVersion}); upgrade @ledgerline/contracts`,
    );
  }

  const decoded = decodeData(definition, schemaVersion, data);
  if (!decoded.ok) {
    return decodeFailure('invalid-data', decoded.message, decoded.details);
  }
  return {
    ok: true,
    // The registry pairs `type` with the class `decoded.data` was just validated against, which is
    // exactly what LatestEventEnvelope states; TypeScript cannot follow that through a runtime map.
    envelope: {
      ...envelope,
      schemaVersion: definition.latestSchemaVersion,
      data: decoded.data,
    } satisfies EventEnvelope<string, object> as LatestEventEnvelope,
    recordedSchemaVersion: schemaVersion,
  };
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
