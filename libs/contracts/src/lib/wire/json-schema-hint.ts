import { isRecord } from '../util/is-record';

/**
 * Extra JSON Schema keywords a decorator wants in the generated schema, carried in class-validator's
 * `context` option so the schema generator reads them from the same metadata that drives validation.
 * Only annotations belong here; anything that constrains values must come from a real validator.
 */
export interface JsonSchemaHint {
  readonly format?: string;
  readonly description?: string;
}

export function jsonSchemaHint(hint: JsonSchemaHint): { jsonSchema: JsonSchemaHint } {
  return { jsonSchema: hint };
}

export function readJsonSchemaHint(context: unknown): JsonSchemaHint {
  if (!isRecord(context) || !isRecord(context['jsonSchema'])) {
    return {};
  }
  const { format, description } = context['jsonSchema'];
  return {
    ...(typeof format === 'string' ? { format } : {}),
    ...(typeof description === 'string' ? { description } : {}),
  };
}
