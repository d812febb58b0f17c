/**
 * The shape of an ISO 4217 alphabetic code. Deliberately not a list of currencies: which ones the
 * bank offers is configuration, and the standard's list changes more often than this code.
 */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

export function isCurrencyCode(text: string): boolean {
  return typeof text === 'string' && CURRENCY_CODE_PATTERN.test(text);
}
