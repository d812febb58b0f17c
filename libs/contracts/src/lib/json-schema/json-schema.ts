/** The subset of JSON Schema (draft 2020-12) the generator emits. */
export type JsonSchemaType = 'string' | 'integer' | 'object' | 'null';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  $comment?: string;
  type?: JsonSchemaType | readonly JsonSchemaType[];
  const?: string | number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
