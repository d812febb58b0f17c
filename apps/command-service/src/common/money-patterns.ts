import { MAX_AMOUNT, formatMoney } from '@ledgerline/money';

/**
 * Money on the REST API as JSON Schema patterns (no flags, `[0-9]` rather than `\d`, so every
 * regex engine reads them alike): a decimal string with at most two fraction digits, no sign, no
 * leading zeros, and at most MAX_AMOUNT (1000000000.00). The same strings validate the requests
 * (money-field.ts) and are published in the OpenAPI document, so the two cannot disagree. The
 * domain checks the bounds again (libs/accounts-domain validation.ts) for callers other than REST.
 *
 * A range is not expressible as a pattern in general; it is for a maximum of the form 10^k, which
 * MAX_AMOUNT is (checked below, so a change of it fails at start-up, not silently).
 */
const [MAX_INTEGER = '', MAX_FRACTION = ''] = formatMoney(MAX_AMOUNT).split('.');
if (!/^10*$/.test(MAX_INTEGER) || !/^0+$/.test(MAX_FRACTION)) {
  throw new Error(`money patterns need MAX_AMOUNT to be a power of ten, got ${MAX_INTEGER}`);
}

/** 1–2 fraction digits when there is a point. */
const FRACTION = '(?:\\.[0-9]{1,2})?';
/** Integer parts from 1 up to one digit fewer than the maximum's (1 … 999999999). */
const BELOW_MAX = `[1-9][0-9]{0,${MAX_INTEGER.length - 2}}`;
/** The maximum itself, with or without its zero cents. */
const EXACTLY_MAX = `${MAX_INTEGER}(?:\\.0{1,2})?`;

/** An amount moved: greater than 0.00, at most MAX_AMOUNT ("0.01", "5", "1000000000.00"). */
export const POSITIVE_AMOUNT_PATTERN = `^(?:${BELOW_MAX}${FRACTION}|0\\.(?:[1-9][0-9]?|0[1-9])|${EXACTLY_MAX})$`;

/** A limit: 0.00 up to MAX_AMOUNT ("0", "0.00", "1500.00"). */
export const NON_NEGATIVE_AMOUNT_PATTERN = `^(?:(?:0|${BELOW_MAX})${FRACTION}|${EXACTLY_MAX})$`;

/** The bounds in words, for validation messages and descriptions. */
export const MAX_AMOUNT_TEXT = formatMoney(MAX_AMOUNT);
