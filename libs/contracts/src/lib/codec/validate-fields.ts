import { validateSync, type ValidationError } from 'class-validator';
import { classProperties } from './class-properties';
import type { FieldViolation } from './decode-result';
import { describeKey } from './describe';
import type { DataClass } from '../registry/event-definition';

export type FieldsValidation<T extends object> =
  { ok: true; value: T } | { ok: false; violations: readonly FieldViolation[] };

export interface ValidateFieldsOptions {
  /** Unknown keys are violations (data) rather than ignored (envelope). */
  readonly forbidUnknown: boolean;
  /** Prefix for violation paths, e.g. "data". */
  readonly path?: string;
}

// Violations are reported by property and message only: values could be huge or personal data.
const VALIDATOR_OPTIONS = {
  // Moot for the copy made below, but a second line of defence for classes added later.
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

// Enough to locate a problem; a hostile payload with thousands of keys must not produce a huge error.
const MAX_UNKNOWN_KEYS_REPORTED = 10;

/**
 * Validates `source` against `dataClass` and returns a fresh plain object holding exactly the class's
 * properties in declaration order, never the caller's object.
 *
 * Unknown keys are checked here rather than by class-validator's `forbidNonWhitelisted`, which only
 * sees what reaches the instance: class-transformer's `plainToInstance`, the usual way there,
 * silently skips `__proto__` and `constructor` keys, so a payload carrying them would pass.
 *
 * The instance is filled by plain assignment, not `plainToInstance`, which also walks into every
 * nested value (`data` of the envelope), calling `new value.constructor()` on a forged
 * `constructor` key and recursing forever on a cycle. Event data is flat today; nested classes will
 * need this function to recurse into `@ValidateNested` properties (see json-schema/property-schema.ts).
 */
export function validateFields<T extends object>(
  dataClass: DataClass<T>,
  source: Record<string, unknown>,
  options: ValidateFieldsOptions,
): FieldsValidation<T> {
  const properties = classProperties(dataClass);
  const prefix = options.path === undefined ? '' : `${options.path}.`;

  if (options.forbidUnknown) {
    const known = new Set(properties);
    const unknown = Object.keys(source).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      return {
        ok: false,
        violations: unknown.slice(0, MAX_UNKNOWN_KEYS_REPORTED).map((key) => ({
          property: `${prefix}${truncateKey(key)}`,
          messages: [`unknown property ${describeKey(key)}; this schema version does not have it`],
        })),
      };
    }
  }

  // Only own, known properties are copied: inherited getters and unknown keys never reach the
  // instance, and the result never aliases the caller's object.
  const known: Record<string, unknown> = {};
  for (const property of properties) {
    if (Object.hasOwn(source, property)) {
      known[property] = source[property];
    }
  }
  // Keys are the class's own property names, so this assignment cannot reach a prototype.
  const instance = Object.assign(new dataClass(), known);
  const errors = validateSync(instance, VALIDATOR_OPTIONS);
  if (errors.length > 0) {
    return { ok: false, violations: flatten(errors, options.path) };
  }

  const value: Record<string, unknown> = {};
  for (const property of properties) {
    value[property] = known[property];
  }
  // Exactly the class's properties, each just validated: a plain object of shape T.
  return { ok: true, value: value as T };
}

function truncateKey(key: string): string {
  return key.length <= 64 ? key : `${key.slice(0, 64)}…`;
}

function flatten(errors: readonly ValidationError[], path: string | undefined): FieldViolation[] {
  return errors.flatMap((error) => {
    const property = path === undefined ? error.property : `${path}.${error.property}`;
    const own: FieldViolation[] = error.constraints
      ? [{ property, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], property)];
  });
}
