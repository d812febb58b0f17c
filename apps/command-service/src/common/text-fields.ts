import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OWNER_ID_MAX_LENGTH, REFERENCE_MAX_LENGTH } from '@ledgerline/contracts';
import { CURRENCY_CODE_PATTERN } from '@ledgerline/money';
import { IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { IsOptionalField } from './optional-field';

/**
 * Free-text fields of commands, as JSON Schema patterns shared by the OpenAPI document and the
 * validation. No U+0000 anywhere: PostgreSQL cannot store it in text or jsonb (the append failed
 * with a 500). Spelled with `\x..` escapes, no `\s` or `.`, so every regex engine reads them alike.
 */
const NUL = '\\x00';
/** What `String.prototype.trim` removes, as the domain's "must not be empty" check uses it. */
const WHITESPACE =
  '\\x09-\\x0d\\x20\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** Any text without U+0000. */
export const STORABLE_TEXT_PATTERN = `^[^${NUL}]*$`;
/** Text without U+0000 that is not blank: leading whitespace, then one visible character. */
export const NON_BLANK_TEXT_PATTERN = `^[${WHITESPACE}]*[^${NUL}${WHITESPACE}][^${NUL}]*$`;

/**
 * Lone UTF-16 surrogates (`"\ud800"` in JSON) are not Unicode text and PostgreSQL refuses them
 * too; JSON Schema has no portable way to say so, hence this check next to the patterns.
 */
function IsWellFormedText(): PropertyDecorator {
  return ValidateBy({
    name: 'isWellFormedText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/\p{Cs}/u.test(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must not contain lone surrogates`,
    },
  });
}

/** The owning customer: their JWT `sub`, 1–OWNER_ID_MAX_LENGTH characters, not blank. */
export function OwnerIdField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'string',
      minLength: 1,
      maxLength: OWNER_ID_MAX_LENGTH,
      pattern: NON_BLANK_TEXT_PATTERN,
      example: 'alice',
      description: 'The owning customer (their token subject); not blank.',
    }),
    IsString(),
    MinLength(1),
    MaxLength(OWNER_ID_MAX_LENGTH),
    Matches(new RegExp(NON_BLANK_TEXT_PATTERN), {
      message: '$property must not be blank nor contain U+0000',
    }),
    IsWellFormedText(),
  );
}

/** The client's optional free-text reference of a movement, ≤ REFERENCE_MAX_LENGTH characters. */
export function ReferenceField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      maxLength: REFERENCE_MAX_LENGTH,
      pattern: STORABLE_TEXT_PATTERN,
      example: 'salary',
    }),
    IsOptionalField(),
    IsString(),
    MaxLength(REFERENCE_MAX_LENGTH),
    Matches(new RegExp(STORABLE_TEXT_PATTERN), { message: '$property must not contain U+0000' }),
    IsWellFormedText(),
  );
}

/** An ISO 4217 alphabetic code such as "EUR"; optional where `description` says what absence means. */
export function CurrencyField(options: { optional?: string } = {}): PropertyDecorator {
  const schema = {
    type: 'string',
    pattern: CURRENCY_CODE_PATTERN.source,
    example: 'EUR',
  } as const;
  const check = Matches(CURRENCY_CODE_PATTERN, {
    message: '$property must be an ISO 4217 code such as "EUR"',
  });
  return options.optional === undefined
    ? applyDecorators(ApiProperty({ ...schema, description: 'ISO 4217 code.' }), check)
    : applyDecorators(
        ApiPropertyOptional({ ...schema, description: options.optional }),
        IsOptionalField(),
        check,
      );
}
