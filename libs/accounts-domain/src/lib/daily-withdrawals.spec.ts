import { minorUnits } from '@ledgerline/money';
import { countWithdrawal, withdrawnOnDay, type DailyWithdrawals } from './daily-withdrawals';

const none: DailyWithdrawals = { day: null, withdrawn: minorUnits(0n) };
const tenOnTheTenth: DailyWithdrawals = { day: '2025-03-10', withdrawn: minorUnits(1000n) };

describe('the daily withdrawal counter', () => {
  it('counts nothing before the first withdrawal', () => {
    expect(withdrawnOnDay(none, '2025-03-10')).toBe(0n);
  });

  it('counts the sum on its own day and nothing from the next day on', () => {
    expect(withdrawnOnDay(tenOnTheTenth, '2025-03-10')).toBe(1000n);
    expect(withdrawnOnDay(tenOnTheTenth, '2025-03-11')).toBe(0n);
  });

  it('charges an earlier day (a skewed clock) to the later day, never reopening it', () => {
    expect(withdrawnOnDay(tenOnTheTenth, '2025-03-09')).toBe(1000n);
    expect(countWithdrawal(tenOnTheTenth, '2025-03-09', minorUnits(5n))).toEqual({
      day: '2025-03-10',
      withdrawn: 1005n,
    });
  });

  it('adds a withdrawal of the same day and starts afresh on a later one', () => {
    expect(countWithdrawal(none, '2025-03-10', minorUnits(7n))).toEqual({
      day: '2025-03-10',
      withdrawn: 7n,
    });
    expect(countWithdrawal(tenOnTheTenth, '2025-03-10', minorUnits(5n))).toEqual({
      day: '2025-03-10',
      withdrawn: 1005n,
    });
    expect(countWithdrawal(tenOnTheTenth, '2025-03-11', minorUnits(5n))).toEqual({
      day: '2025-03-11',
      withdrawn: 5n,
    });
  });
});
