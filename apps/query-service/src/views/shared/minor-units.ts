import { formatMoney } from '@ledgerline/money';

/**
 * Views store money as integer minor units in decimal strings, exactly as on the wire ("150000",
 * "-2500"): exact at any size, no BSON Long/Double conversions, and nothing for a driver option to
 * turn into a float. Arithmetic happens in bigint.
 */
export type MinorUnitString = string;

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** "150000" → 150000n; a stored value that is not an integer (never written by us) reads as 0. */
export function toMinor(value: MinorUnitString): bigint {
  return INTEGER.test(value) ? BigInt(value) : 0n;
}

/** "150000" → "1500.00", "-2500" → "-25.00": how amounts leave the API. */
export function toMoneyString(value: MinorUnitString): string {
  return formatMoney(toMinor(value));
}
