import { decodeData } from './decode-data';
import { decodeError, type DecodeError } from './decode-result';
import { describeError, describeKey } from './describe';
import {
  findEventDefinition,
  type EventType,
  type LatestEventDataMap,
} from '../registry/event-registry';
import { isRecord } from '../util/is-record';

export type EventDataValidation<K extends EventType> =
  | { readonly ok: true; readonly data: LatestEventDataMap[K] }
  | { readonly ok: false; readonly error: DecodeError };

/**
 * Checks the data a producer is about to append, before the store has assigned the envelope's
 * position and ids that `encode` needs. Same rules as `decode` at the latest schema version; returns
 * a fresh copy in canonical field order. Never throws.
 */
export function validateEventData<K extends EventType>(
  type: K,
  data: LatestEventDataMap[K],
): EventDataValidation<K> {
  try {
    const definition = findEventDefinition(type);
    if (definition === undefined) {
      return {
        ok: false,
        error: decodeError('unknown-type', `unknown event type ${describeKey(type)}`),
      };
    }
    if (!isRecord(data)) {
      return { ok: false, error: decodeError('invalid-data', 'data must be an object') };
    }
    const decoded = decodeData(definition, definition.latestSchemaVersion, data);
    if (!decoded.ok) {
      return { ok: false, error: decodeError('invalid-data', decoded.message, decoded.details) };
    }
    // Validated against the latest class registered for `type`, which is what the map states.
    return { ok: true, data: decoded.data as LatestEventDataMap[K] };
  } catch (error: unknown) {
    const message = `data could not be read: ${describeError(error)}`;
    return { ok: false, error: decodeError('invalid-data', message) };
  }
}
