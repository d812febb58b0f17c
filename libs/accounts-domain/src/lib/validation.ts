import { OWNER_ID_MAX_LENGTH, REFERENCE_MAX_LENGTH } from '@ledgerline/contracts';
import { ValidationError } from '@ledgerline/domain-kernel';
import { MAX_AMOUNT, formatMoney, isCurrencyCode } from '@ledgerline/money';

// Each limit has one home, which the REST validation, these checks and the event contract (so the
// views, which decode through it) all use: text lengths in libs/contracts, whose event classes need
// them and which may not import a domain; amounts and the currency shape in libs/money. Enforced
// here too, so no path around the REST layer can store more.

// Commands are typed, but they are built from requests: these checks hold whatever the caller did,
// and fail with the field name the API reports in `errors[].field`.

export function assertAmount(amount: bigint, field = 'amount'): void {
  assertBigint(amount, field);
  if (amount <= 0n) throw new ValidationError(`${field} must be greater than 0.00`, field);
  assertAtMostMax(amount, field);
}

/** Limits may be zero (no overdraft; no withdrawals at all), never negative. */
export function assertLimit(limit: bigint, field: string): void {
  assertBigint(limit, field);
  if (limit < 0n) throw new ValidationError(`${field} must not be negative`, field);
  assertAtMostMax(limit, field);
}

export function assertCurrency(currency: string, field = 'currency'): void {
  if (!isCurrencyCode(currency)) {
    throw new ValidationError(
      `${field} must be an ISO 4217 code of three upper-case letters, such as "EUR"`,
      field,
    );
  }
}

/** Owner ids are JWT subjects (`auth0|5f7c...`), not UUIDs: any non-blank text up to the limit. */
export function assertOwnerId(ownerId: string, field = 'ownerId'): void {
  assertPresent(ownerId, field, OWNER_ID_MAX_LENGTH);
}

export function assertPresent(text: string, field: string, maxLength?: number): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValidationError(`${field} must not be empty`, field);
  }
  if (maxLength !== undefined && exceedsCharacters(text, maxLength)) {
    throw new ValidationError(`${field} must be at most ${maxLength} characters`, field);
  }
}

export function assertReference(reference: string | undefined, field = 'reference'): void {
  if (reference === undefined) return;
  if (typeof reference !== 'string' || exceedsCharacters(reference, REFERENCE_MAX_LENGTH)) {
    throw new ValidationError(
      `${field} must be a string of at most ${REFERENCE_MAX_LENGTH} characters`,
      field,
    );
  }
}

/** Counts code points, as the REST validation does (💶 is one), without spreading a huge string. */
function exceedsCharacters(text: string, max: number): boolean {
  if (text.length <= max) return false;
  // A code point is at most two UTF-16 units.
  return text.length > 2 * max || [...text].length > max;
}

function assertBigint(value: bigint, field: string): void {
  // A number here means an amount bypassed parseMoney: refuse it rather than mix floats into money.
  if (typeof value !== 'bigint') {
    throw new ValidationError(`${field} must be an amount in minor units`, field);
  }
}

function assertAtMostMax(value: bigint, field: string): void {
  if (value > MAX_AMOUNT) {
    throw new ValidationError(`${field} must not exceed ${formatMoney(MAX_AMOUNT)}`, field);
  }
}
