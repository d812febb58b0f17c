import type { AccountOpenedData } from '../account-opened';
import type { AccountOpenedV1Data } from './account-opened.v1';

/**
 * The daily withdrawal limit every account had while it was a system-wide constant, before v2 made
 * it per account: 1500.00 in minor units. It is what was true when a v1 event was recorded, so it
 * stays "150000" even if the default for new accounts changes.
 */
export const HISTORICAL_DAILY_WITHDRAWAL_LIMIT = '150000';

/** v1 → v2: an account opened before v2 had the historical system-wide limit. */
export function upcastAccountOpenedV1ToV2(v1: Readonly<AccountOpenedV1Data>): AccountOpenedData {
  // Fields are copied by name, not spread, so nothing beyond the v1 shape can ride along.
  return {
    accountId: v1.accountId,
    ownerId: v1.ownerId,
    currency: v1.currency,
    overdraftLimit: v1.overdraftLimit,
    dailyWithdrawalLimit: HISTORICAL_DAILY_WITHDRAWAL_LIMIT,
  };
}
