import type { JsonSchema } from '../lib/json-schema/json-schema';
import { isRecord } from '../lib/util/is-record';

/**
 * A deliberately tiny JSON Schema checker for exactly the keywords the generator emits, so tests can
 * prove the published schemas accept and reject what `decode` does without adding a validator
 * dependency. `format` is an annotation in draft 2020-12 and is ignored, as validators do by default.
 * Returns the paths that fail.
 */
export function checkJsonSchema(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const failures: string[] = [];
  const fail = (keyword: string) => failures.push(`${path}: ${keyword}`);

  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => hasType(value, type))) {
      fail('type');
      return failures;
    }
  }
  if (schema.const !== undefined && value !== schema.const) fail('const');
  if (typeof value === 'string') {
    const length = [...value].length; // JSON Schema counts code points, not UTF-16 units.
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      fail('pattern');
    if (schema.minLength !== undefined && length < schema.minLength) fail('minLength');
    if (schema.maxLength !== undefined && length > schema.maxLength) fail('maxLength');
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail('minimum');
    if (schema.maximum !== undefined && value > schema.maximum) fail('maximum');
  }
  if (isRecord(value)) {
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key)) fail(`required ${key}`);
    }
    for (const key of Object.keys(value)) {
      const property = schema.properties?.[key];
      if (property !== undefined) {
        failures.push(...checkJsonSchema(property, value[key], `${path}.${key}`));
      } else if (schema.additionalProperties === false) {
        fail(`additionalProperties ${key}`);
      }
    }
  }
  return failures;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      throw new Error(`checkJsonSchema does not know type ${type}`);
  }
}
