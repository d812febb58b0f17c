import type { DataClass, EventDefinition, LatestDataMapOf } from './event-definition';
import type { EnvelopeUnionOf, EventDataUnionOf } from './event-unions';
import { ACCOUNT_EVENT_DEFINITIONS } from '../account/account-events';

/**
 * Every event type this library can decode. Transfer events join by spreading their definitions
 * here; the types below and `decode` follow without further changes.
 */
export const EVENT_DEFINITIONS = [...ACCOUNT_EVENT_DEFINITIONS] as const;

/** Wire name → latest data shape, across all streams. */
export type LatestEventDataMap = LatestDataMapOf<(typeof EVENT_DEFINITIONS)[number]>;

export type EventType = keyof LatestEventDataMap;

/** `{ type, data }` of any event at its latest schema version, discriminated by `type`. */
export type LatestEventData = EventDataUnionOf<LatestEventDataMap>;

/** A whole envelope of any event at its latest schema version, discriminated by `type`. */
export type LatestEventEnvelope = EnvelopeUnionOf<LatestEventDataMap>;

// A Map rather than an object literal: a wire name such as "__proto__" or "constructor" must find
// nothing instead of something from Object.prototype.
const definitionsByType = new Map<string, EventDefinition>(
  EVENT_DEFINITIONS.map((definition) => [definition.type, definition]),
);

export function findEventDefinition(type: string): EventDefinition | undefined {
  return definitionsByType.get(type);
}

export function isEventType(type: string): type is EventType {
  return definitionsByType.has(type);
}

/** The schema version producers write for `type`. */
export function latestSchemaVersion(type: EventType): number {
  const definition = definitionsByType.get(type);
  if (definition === undefined) {
    // Only reachable from untyped callers: EventType is derived from EVENT_DEFINITIONS.
    throw new Error(`unknown event type ${JSON.stringify(type)}`);
  }
  return definition.latestSchemaVersion;
}

/** The data class of `(type, schemaVersion)`, or undefined when either is unknown. */
export function dataClassFor(type: string, schemaVersion: number): DataClass | undefined {
  return findEventDefinition(type)?.version(schemaVersion)?.dataClass;
}
