import { getMetadataStorage } from 'class-validator';
import type { JsonSchema } from './json-schema';
import { propertySchema } from './property-schema';
import type { DataClass } from '../registry/event-definition';
import { isNullableProperty } from '../wire/nullable';

/**
 * The JSON Schema of a validated class, read from class-validator's metadata storage: the same
 * metadata `decode` validates with, so the schema cannot say something the code does not do.
 * Every property is required (nullable ones must be present as `null`).
 */
export function classSchema(dataClass: DataClass, options: { closed: boolean }): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dataClass, '', true, false);
  const byProperty = new Map<string, (typeof metadata)[number][]>();
  for (const entry of metadata) {
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, entries] of byProperty) {
    const nullable = isNullableProperty(dataClass.prototype, name);
    properties[name] = propertySchema(`${dataClass.name}.${name}`, entries, nullable);
  }
  return {
    type: 'object',
    properties,
    required: [...byProperty.keys()],
    ...(options.closed ? { additionalProperties: false } : {}),
  };
}
