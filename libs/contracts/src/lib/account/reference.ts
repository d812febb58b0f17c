import { IsString, MaxLength } from 'class-validator';
import { jsonSchemaHint } from '../wire/json-schema-hint';
import { IsNullable } from '../wire/nullable';

/** Free text the client attached to a deposit or withdrawal: ≤ 140 characters (docs/api.md). */
export const REFERENCE_MAX_LENGTH = 140;

/** Always present on the wire: `null` when the client sent none, so consumers never guess. */
export function IsReference(): PropertyDecorator {
  const description = "The client's free-text reference; null when none was given.";
  return (target, propertyKey) => {
    IsNullable()(target, propertyKey);
    IsString({ context: jsonSchemaHint({ description }) })(target, propertyKey);
    MaxLength(REFERENCE_MAX_LENGTH)(target, propertyKey);
  };
}
