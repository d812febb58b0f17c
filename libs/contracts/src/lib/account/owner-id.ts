import { IsString, MaxLength, MinLength } from 'class-validator';
import { jsonSchemaHint } from '../wire/json-schema-hint';

/**
 * The owner is the JWT `sub` of a customer, which the public API types as a plain string (not a
 * UUID): identity providers issue ids such as `auth0|5f7c...`. Bounded so a hostile token cannot
 * bloat the store; the command side must accept no more than this.
 */
export const OWNER_ID_MAX_LENGTH = 255;

export function IsOwnerId(): PropertyDecorator {
  const description = 'The owning customer (JWT sub).';
  return (target, propertyKey) => {
    IsString({ context: jsonSchemaHint({ description }) })(target, propertyKey);
    MinLength(1)(target, propertyKey);
    MaxLength(OWNER_ID_MAX_LENGTH)(target, propertyKey);
  };
}
