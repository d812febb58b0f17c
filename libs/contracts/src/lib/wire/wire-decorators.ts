import { IsISO8601, Matches } from 'class-validator';
import { jsonSchemaHint } from './json-schema-hint';
import {
  CURRENCY_CODE_PATTERN,
  GLOBAL_POSITION_PATTERN,
  INSTANT_PATTERN,
  NON_NEGATIVE_MINOR_UNITS_PATTERN,
  POSITIVE_MINOR_UNITS_PATTERN,
  SIGNED_MINOR_UNITS_PATTERN,
  UUID_PATTERN,
} from './wire-formats';

/**
 * Decorators for the wire formats of event fields. Each is class-validator's `Matches` with one of
 * our patterns (see wire-formats.ts), a message a producer can act on and a schema annotation.
 */
const MINOR_UNITS = 'integer minor units (cents) as a decimal string, e.g. "150000" for 1500.00';

export function IsUuid(): PropertyDecorator {
  return Matches(UUID_PATTERN, {
    message: '$property must be a UUID string',
    context: jsonSchemaHint({ format: 'uuid' }),
  });
}

export function IsPositiveMinorUnits(): PropertyDecorator {
  const description = `Greater than zero; ${MINOR_UNITS}.`;
  return Matches(POSITIVE_MINOR_UNITS_PATTERN, {
    message: `$property must be ${MINOR_UNITS}, greater than zero and without sign or leading zeros`,
    context: jsonSchemaHint({ description }),
  });
}

export function IsNonNegativeMinorUnits(): PropertyDecorator {
  const description = `Zero or more; ${MINOR_UNITS}.`;
  return Matches(NON_NEGATIVE_MINOR_UNITS_PATTERN, {
    message: `$property must be ${MINOR_UNITS}, zero or more and without sign or leading zeros`,
    context: jsonSchemaHint({ description }),
  });
}

export function IsSignedMinorUnits(): PropertyDecorator {
  const description = `May be negative (overdraft); ${MINOR_UNITS}.`;
  return Matches(SIGNED_MINOR_UNITS_PATTERN, {
    message: `$property must be ${MINOR_UNITS}, optionally negative, without leading zeros or "-0"`,
    context: jsonSchemaHint({ description }),
  });
}

export function IsCurrencyCode(): PropertyDecorator {
  return Matches(CURRENCY_CODE_PATTERN, {
    message: '$property must be an ISO 4217 currency code (3 uppercase letters)',
    context: jsonSchemaHint({ description: 'ISO 4217 currency code.' }),
  });
}

export function IsGlobalPosition(): PropertyDecorator {
  return Matches(GLOBAL_POSITION_PATTERN, {
    message: '$property must be an unsigned integer as a decimal string',
    context: jsonSchemaHint({ description: 'Global position in the event store (a bigint).' }),
  });
}

/** An RFC 3339 instant with an explicit offset, on a real calendar day. */
export function IsInstant(): PropertyDecorator {
  const message = '$property must be an ISO-8601 instant such as 2024-01-31T12:00:00.000Z';
  const shape = Matches(INSTANT_PATTERN, {
    message,
    context: jsonSchemaHint({ format: 'date-time' }),
  });
  const calendar = IsISO8601({ strict: true, strictSeparator: true }, { message });
  return (target, propertyKey) => {
    shape(target, propertyKey);
    calendar(target, propertyKey);
  };
}
