import { classSchema } from './class-schema';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema';
import { EnvelopeFields } from '../codec/envelope-fields';
import type { EventDefinition, SchemaVersion } from '../registry/event-definition';
import { EVENT_DEFINITIONS } from '../registry/event-registry';

/** One generated schema and the file it is published as, under libs/contracts/schemas/. */
export interface EventJsonSchemaFile {
  readonly fileName: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly schema: JsonSchema;
}

/**
 * A JSON Schema of the whole envelope for every (type, schema version): what a non-TypeScript
 * consumer of the topics or the events feed needs. Deterministic, so the published files can be
 * compared byte for byte with a fresh generation (src/lib/json-schema/published/).
 */
export function generateEventJsonSchemas(
  definitions: readonly EventDefinition[] = EVENT_DEFINITIONS,
): EventJsonSchemaFile[] {
  return definitions.flatMap((definition) =>
    definition.versions.map((version) => ({
      fileName: `${definition.type}.v${version.schemaVersion}.schema.json`,
      type: definition.type,
      schemaVersion: version.schemaVersion,
      schema: eventSchema(definition, version),
    })),
  );
}

/**
 * Everything in here is published and then frozen, texts included: nothing may depend on what
 * else the registry holds (e.g. which version is the latest), or adding a version would change
 * the published schemas of the older ones.
 */
function eventSchema(definition: EventDefinition, version: SchemaVersion): JsonSchema {
  const { type } = definition;
  const envelope = classSchema(EnvelopeFields, { closed: false });
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:ledgerline:event:${type}:v${version.schemaVersion}`,
    title: `${type} v${version.schemaVersion}`,
    description: `Envelope of one ${type} event with schema version ${version.schemaVersion} data.`,
    $comment:
      'Published from the event classes of libs/contracts and immutable: a new shape is a new ' +
      'schema version.',
    ...envelope,
    // Unknown envelope fields are tolerated (the envelope only grows); see decode.ts.
    properties: {
      ...envelope.properties,
      type: { type: 'string', const: type },
      schemaVersion: { type: 'integer', const: version.schemaVersion },
      data: classSchema(version.dataClass, { closed: true }),
    },
  };
}
