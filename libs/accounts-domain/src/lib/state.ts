import type { MinorUnits } from '@ledgerline/money';
import { withdrawnOnDay } from './daily-withdrawals';
import type { UtcDay } from './utc-day';

export interface UnopenedAccount {
  readonly status: 'unopened';
}

export interface AccountDetails {
  readonly accountId: string;
  readonly ownerId: string;
  readonly currency: string;
  /** Negative inside the overdraft; never below -overdraftLimit. */
  readonly balance: MinorUnits;
  readonly overdraftLimit: MinorUnits;
  readonly dailyWithdrawalLimit: MinorUnits;
  /**
   * Withdrawn on `withdrawalDay`. Not reset at midnight by itself (nothing happens at midnight in
   * an event-sourced aggregate): read it through `withdrawnOn(account, day)`.
   */
  readonly withdrawnToday: MinorUnits;
  /** UTC day of the last withdrawal, null before the first one. */
  readonly withdrawalDay: UtcDay | null;
}

export interface ActiveAccount extends AccountDetails {
  readonly status: 'open';
}

/** Kept whole after closing so history, snapshots and error details still have the facts. */
export interface ClosedAccount extends AccountDetails {
  readonly status: 'closed';
}

export type AccountState = UnopenedAccount | ActiveAccount | ClosedAccount;

export const initialAccountState = (): AccountState => ({ status: 'unopened' });

/** What counts against the daily limit on `day` (the rule of daily-withdrawals.ts). */
export function withdrawnOn(account: AccountDetails, day: UtcDay): MinorUnits {
  return withdrawnOnDay({ day: account.withdrawalDay, withdrawn: account.withdrawnToday }, day);
}
