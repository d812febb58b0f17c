import { classSchema } from './class-schema';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema';
import { EnvelopeFields } from '../codec/envelope-fields';
import type { EventDefinition, SchemaVersion } from '../registry/event-definition';
import { EVENT_DEFINITIONS } from '../registry/event-registry';

/** One generated schema and the file it is checked in as, under libs/contracts/schemas/. */
export interface EventJsonSchemaFile {
  readonly fileName: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly schema: JsonSchema;
}

export const SCHEMA_GENERATOR_COMMAND =
  'node -r @swc-node/register tools/contracts/generate-schemas.ts';

/**
 * A JSON Schema of the whole envelope for every (type, schema version): what a non-TypeScript
 * consumer of the topics or the events feed needs. Deterministic, so the checked-in files can be
 * compared byte for byte with a fresh generation.
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

/** The exact text of a checked-in schema file. */
export function serializeJsonSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function eventSchema(definition: EventDefinition, version: SchemaVersion): JsonSchema {
  const { type, latestSchemaVersion } = definition;
  const envelope = classSchema(EnvelopeFields, { closed: false });
  const status =
    version.schemaVersion === latestSchemaVersion
      ? 'the latest version, which producers write'
      : `superseded by v${latestSchemaVersion}; recorded events are upcast when decoded`;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:ledgerline:event:${type}:v${version.schemaVersion}`,
    title: `${type} v${version.schemaVersion}`,
    description: `Envelope of one ${type} event with schema version ${version.schemaVersion} data (${status}).`,
    $comment: `Generated from libs/contracts by \`${SCHEMA_GENERATOR_COMMAND}\`; do not edit.`,
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
