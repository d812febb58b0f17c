import { minorUnits, type MinorUnits } from '@ledgerline/money';
import type { UtcDay } from './utc-day';

/**
 * The daily withdrawal counter: the sum withdrawn on `day`, the UTC day of the last withdrawal
 * (null before the first). Pure, so the decider's state (evolve.ts, state.ts) and the read side's
 * accounts view count withdrawals by the same rule and can never disagree on "withdrawn today".
 */
export interface DailyWithdrawals {
  readonly day: UtcDay | null;
  readonly withdrawn: MinorUnits;
}

/**
 * What counts against the daily limit on `day`: the sum while its day is not over, 0 from the next
 * day on (nothing happens at midnight in an event-sourced aggregate, so it is computed when read).
 * The counter only moves forward: a day before the last withdrawal's (a skewed clock on another
 * instance) is charged to the later day's counter, so clock skew can never reopen a day's allowance.
 */
export function withdrawnOnDay(counter: DailyWithdrawals, day: UtcDay): MinorUnits {
  return counter.day === null || day > counter.day ? minorUnits(0n) : counter.withdrawn;
}

/** The counter after a withdrawal of `amount` recorded on `day`: a later day starts a fresh sum. */
export function countWithdrawal(
  counter: DailyWithdrawals,
  day: UtcDay,
  amount: MinorUnits,
): DailyWithdrawals {
  return counter.day === null || day > counter.day
    ? { day, withdrawn: amount }
    : { day: counter.day, withdrawn: minorUnits(counter.withdrawn + amount) };
}
