import { ValidationTypes, type getMetadataStorage } from 'class-validator';
import type { JsonSchema, JsonSchemaType } from './json-schema';
import { readJsonSchemaHint } from '../wire/json-schema-hint';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** What one class-validator decorator contributes to a property's schema. */
type Keywords = Pick<
  JsonSchema,
  'format' | 'pattern' | 'minLength' | 'maxLength' | 'minimum' | 'maximum'
> & {
  type?: JsonSchemaType;
};

/**
 * The decorators the contracts use, by class-validator's metadata name. Anything else makes the
 * generator throw: a schema that silently omits a constraint would be worse than none. Supporting
 * a new decorator means adding it here (and, for nested classes, to the unknown-key check of
 * validate-fields.ts, which only looks at the top level).
 */
const KEYWORDS: Readonly<Record<string, (constraints: readonly unknown[]) => Keywords>> = {
  isString: () => ({ type: 'string' }),
  isInt: () => ({ type: 'integer' }),
  isObject: () => ({ type: 'object' }),
  // The calendar check behind an instant; the `date-time` format comes with its Matches pattern.
  isIso8601: () => ({ type: 'string' }),
  matches: ([pattern, modifiers]) => ({
    type: 'string',
    pattern: patternSource(pattern, modifiers),
  }),
  minLength: ([min]) => ({ minLength: numberConstraint(min) }),
  maxLength: ([max]) => ({ maxLength: numberConstraint(max) }),
  min: ([min]) => ({ minimum: numberConstraint(min) }),
  max: ([max]) => ({ maximum: numberConstraint(max) }),
};

/** The schema of one property from all its validation metadata. */
export function propertySchema(
  owner: string,
  metadata: readonly ValidationMetadata[],
  nullable: boolean,
): JsonSchema {
  const merged: Keywords & { description?: string } = {};
  for (const entry of metadata) {
    if (entry.type === ValidationTypes.CONDITIONAL_VALIDATION && nullable) {
      continue; // The ValidateIf behind IsNullable; expressed as the "null" type below.
    }
    const keywords = entry.name === undefined ? undefined : KEYWORDS[entry.name];
    if (entry.type !== ValidationTypes.CUSTOM_VALIDATION || keywords === undefined || entry.each) {
      throw new Error(
        `${owner}: no JSON Schema mapping for validation "${entry.name ?? entry.type}"` +
          `${entry.each ? ' with each: true' : ''}; extend libs/contracts/src/lib/json-schema/property-schema.ts`,
      );
    }
    mergeInto(merged, keywordsOf(keywords, entry.constraints ?? [], owner), owner);
    const hint = readJsonSchemaHint(entry.context);
    mergeInto(merged, hint.format === undefined ? {} : { format: hint.format }, owner);
    if (hint.description !== undefined) {
      merged.description = hint.description;
    }
  }
  if (merged.type === undefined) {
    throw new Error(`${owner}: no validator states its JSON type (add e.g. @IsString())`);
  }
  // A fixed keyword order keeps the checked-in files stable whatever the decorator order.
  return {
    ...(merged.description === undefined ? {} : { description: merged.description }),
    type: nullable ? [merged.type, 'null'] : merged.type,
    ...pick(merged, ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum']),
  };
}

function keywordsOf(
  keywords: (constraints: readonly unknown[]) => Keywords,
  constraints: readonly unknown[],
  owner: string,
): Keywords {
  try {
    return keywords(constraints);
  } catch (error: unknown) {
    throw new Error(`${owner}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function mergeInto(target: Keywords, source: Keywords, owner: string): void {
  for (const key of Object.keys(source) as (keyof Keywords)[]) {
    const value = source[key];
    if (value === undefined) continue;
    if (target[key] !== undefined && target[key] !== value) {
      throw new Error(
        `${owner}: conflicting "${key}" (${String(target[key])} vs ${String(value)})`,
      );
    }
    Object.assign(target, { [key]: value });
  }
}

function pick(source: Keywords, keys: readonly (keyof Keywords)[]): Keywords {
  return Object.fromEntries(
    keys.flatMap((key) => (source[key] === undefined ? [] : [[key, source[key]]])),
  );
}

function patternSource(pattern: unknown, modifiers: unknown): string {
  if (pattern instanceof RegExp && pattern.flags === '' && modifiers === undefined) {
    return pattern.source;
  }
  // JSON Schema patterns have no flags, so a flagged pattern would validate differently there.
  throw new Error(`unsupported Matches pattern ${String(pattern)}: use a RegExp without flags`);
}

function numberConstraint(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`unsupported numeric constraint ${String(value)}`);
  }
  return value;
}
