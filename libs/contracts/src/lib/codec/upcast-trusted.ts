import { findEventDefinition } from '../registry/event-registry';

/**
 * Brings event data up to the latest schema version **without validating it**, for data this
 * system validated itself when it appended it: the write side replaying its own event store.
 *
 * Why a second path next to `decode`: every command replays its stream's tail since the last
 * snapshot, and class-validator was ~40% of the command-service's CPU doing it again for events
 * that were checked on the way in (docs/benchmarks/write-path.md). Anything that crosses a trust
 * boundary - a Kafka topic, a client - still goes through `decode`.
 *
 * Throws on an unknown type or a version newer than this build knows: that is a corrupt or
 * newer store, and a command must not be decided on it.
 */
export function upcastTrusted(
  type: string,
  schemaVersion: number,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const definition = findEventDefinition(type);
  if (definition === undefined) throw new Error(`unknown event type ${JSON.stringify(type)}`);
  if (schemaVersion > definition.latestSchemaVersion) {
    throw new Error(
      `${type} v${schemaVersion} is newer than this build knows (v${definition.latestSchemaVersion})`,
    );
  }
  let current = data;
  for (let version = schemaVersion; version < definition.latestSchemaVersion; version++) {
    const upcaster = definition.version(version)?.upcastToNext;
    if (upcaster === undefined) throw new Error(`${type} has no upcaster from v${version}`);
    current = { ...upcaster(current) } as Record<string, unknown>;
  }
  return current;
}
