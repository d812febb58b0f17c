import type { Brand } from '@ledgerline/domain-kernel';

/**
 * An amount of money in the smallest unit of its currency (cents for EUR). A bigint, never a float,
 * so sums are exact; branded so a count, a version or a position can never be passed as money.
 * May be negative: a balance inside an overdraft is money too.
 */
export type MinorUnits = Brand<bigint, 'MinorUnits'>;

/** Minor units per major unit. Every supported currency has 2 fraction digits (docs/api.md). */
export const MINOR_UNITS_PER_MAJOR_UNIT = 100n;

export function minorUnits(value: bigint): MinorUnits {
  return value as MinorUnits;
}

/** The largest amount a single deposit, withdrawal, transfer or limit may carry: 1,000,000,000.00. */
export const MAX_AMOUNT: MinorUnits = minorUnits(1_000_000_000n * MINOR_UNITS_PER_MAJOR_UNIT);
