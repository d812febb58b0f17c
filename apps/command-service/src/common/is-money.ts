import { isMoneyString } from '@ledgerline/money';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A decimal string with at most two fraction digits, e.g. "1500.00" (never a JSON number). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isMoneyString(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a decimal string with at most 2 fraction digits, e.g. "1500.00"`,
      },
    },
    options,
  );
}
