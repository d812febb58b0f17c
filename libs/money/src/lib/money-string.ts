import { ValidationError } from '@ledgerline/domain-kernel';
import { MINOR_UNITS_PER_MAJOR_UNIT, minorUnits, type MinorUnits } from './minor-units';

/**
 * Integer digits accepted by the parser. Far above MAX_AMOUNT (10 digits) so an amount that is
 * merely too large still parses and is refused by the domain with a message that names the
 * maximum; anything longer is garbage, rejected before it reaches BigInt.
 */
export const MAX_INTEGER_DIGITS = 15;

/**
 * Canonical decimal money: no sign, no exponent, no separators, 1–2 fraction digits when there is
 * a point. Leading zeros are refused ("007.50", "00.50"): the integer part is "0" or starts with
 * 1–9, as in JSON numbers, so every amount has exactly one integer spelling and nothing can be
 * mistaken for an octal or a padded account number. Trailing fraction zeros are fine ("5.50").
 */
const MONEY_PATTERN = new RegExp(
  `^(0|[1-9][0-9]{0,${MAX_INTEGER_DIGITS - 1}})(?:\\.([0-9]{1,2}))?$`,
);

/** Echoed inputs are cut short so a megabyte of garbage never ends up in an error message or log. */
const MAX_ECHOED_INPUT = 32;

export function isMoneyString(text: string): boolean {
  return typeof text === 'string' && MONEY_PATTERN.test(text);
}

/**
 * "1500.00" → 150000n, "5.5" → 550n, "0" → 0n. Checks the format only: whether an amount may be
 * zero or must stay under MAX_AMOUNT is the caller's rule, so the same parser serves balances,
 * limits and amounts.
 */
export function parseMoney(text: string): MinorUnits {
  const match = typeof text === 'string' ? MONEY_PATTERN.exec(text) : null;
  if (!match) {
    throw new ValidationError(
      `${describe(text)} is not a valid amount: use a decimal string with at most 2 fraction ` +
        `digits and no sign, such as "1500.00"`,
    );
  }
  const [, integerPart = '0', fractionPart = ''] = match;
  return minorUnits(
    BigInt(integerPart) * MINOR_UNITS_PER_MAJOR_UNIT + BigInt(fractionPart.padEnd(2, '0')),
  );
}

/** Always two fraction digits, as amounts travel in responses and problem details: -1n → "-0.01". */
export function formatMoney(value: bigint): string {
  const magnitude = value < 0n ? -value : value;
  const integerPart = magnitude / MINOR_UNITS_PER_MAJOR_UNIT;
  const fractionPart = (magnitude % MINOR_UNITS_PER_MAJOR_UNIT).toString().padStart(2, '0');
  return `${value < 0n ? '-' : ''}${integerPart}.${fractionPart}`;
}

function describe(input: unknown): string {
  if (typeof input !== 'string') return `a value of type ${typeof input}`;
  const shown = input.length > MAX_ECHOED_INPUT ? `${input.slice(0, MAX_ECHOED_INPUT)}…` : input;
  return JSON.stringify(shown);
}
