import { ValidateIf } from 'class-validator';

/**
 * An optional body field: it may be left out, but when present it is validated like any other,
 * `null` included. class-validator's `IsOptional` skips `null` too, which let `"accountId": null`
 * through although the published schema types the field as a string.
 */
export function IsOptionalField(): PropertyDecorator {
  return ValidateIf((_object, value: unknown) => value !== undefined);
}
