import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  MAX_AMOUNT_TEXT,
  NON_NEGATIVE_AMOUNT_PATTERN,
  POSITIVE_AMOUNT_PATTERN,
} from './money-patterns';
import { IsOptionalField } from './optional-field';

const FORMAT = 'a decimal string (never a JSON number) with at most 2 fraction digits';

/** The amount of a deposit or withdrawal: required, > 0.00 and ≤ MAX_AMOUNT; schema and check alike. */
export function AmountField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'string',
      pattern: POSITIVE_AMOUNT_PATTERN,
      example: '100.00',
      description: `Greater than 0.00 and at most ${MAX_AMOUNT_TEXT}: ${FORMAT}.`,
    }),
    Matches(new RegExp(POSITIVE_AMOUNT_PATTERN), {
      message: `$property must be ${FORMAT}, greater than 0.00 and at most ${MAX_AMOUNT_TEXT}, e.g. "100.00"`,
    }),
  );
}

/** An optional limit of an account: 0.00 up to MAX_AMOUNT, `fallback` when left out. */
export function LimitField(options: { fallback: string; description: string }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      pattern: NON_NEGATIVE_AMOUNT_PATTERN,
      example: options.fallback,
      default: options.fallback,
      description: `${options.description} ${FORMAT}, from 0.00 to ${MAX_AMOUNT_TEXT}.`,
    }),
    IsOptionalField(),
    Matches(new RegExp(NON_NEGATIVE_AMOUNT_PATTERN), {
      message: `$property must be ${FORMAT}, from 0.00 to ${MAX_AMOUNT_TEXT}, e.g. "${options.fallback}"`,
    }),
  );
}
