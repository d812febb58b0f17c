import { ValidateIf } from 'class-validator';

/**
 * Nullable properties, keyed by class prototype. class-validator records `ValidateIf` conditions as
 * opaque functions, so the schema generator could not tell "may be null" from any other condition;
 * this registry says it explicitly.
 */
const nullableProperties = new WeakMap<object, Set<string | symbol>>();

/**
 * The property must be present and is either `null` or satisfies the property's other validators.
 * Unlike `IsOptional`, a missing key (`undefined`) is an error: producers always write the field.
 */
export function IsNullable(): PropertyDecorator {
  return (target, propertyKey) => {
    ValidateIf((_object: object, value: unknown) => value !== null)(target, propertyKey);
    const keys = nullableProperties.get(target) ?? new Set<string | symbol>();
    keys.add(propertyKey);
    nullableProperties.set(target, keys);
  };
}

export function isNullableProperty(prototype: object, propertyName: string): boolean {
  return nullableProperties.get(prototype)?.has(propertyName) ?? false;
}
