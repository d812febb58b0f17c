import { minorUnits } from '@ledgerline/money';
import { countWithdrawal } from './daily-withdrawals';
import type { AccountEvent, AccountOpened, MoneyWithdrawn } from './events';
import type { AccountDetails, AccountState } from './state';
import { utcDayOfRecorded } from './utc-day';

/**
 * Folds one recorded event into the state. Never throws: a stored event is a fact, and refusing to
 * replay it would lock the account forever. An event that cannot apply to the current state (which
 * `decide` never produces) is skipped instead.
 */
export function evolve(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'account.opened':
      return state.status === 'unopened' ? opened(event) : state;
    case 'account.money-deposited':
      // The recorded balanceAfter is what was decided; replay reproduces it rather than re-adding.
      return state.status === 'unopened' ? state : { ...state, balance: event.data.balanceAfter };
    case 'account.money-withdrawn':
      return state.status === 'unopened' ? state : { ...state, ...afterWithdrawal(state, event) };
    case 'account.closed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
    default: {
      // A type this version does not know (written by a newer one): skip it, as projections do.
      const _unknown: never = event;
      return state;
    }
  }
}

function opened({ data }: AccountOpened): AccountState {
  return {
    status: 'open',
    accountId: data.accountId,
    ownerId: data.ownerId,
    currency: data.currency,
    balance: minorUnits(0n),
    overdraftLimit: data.overdraftLimit,
    dailyWithdrawalLimit: data.dailyWithdrawalLimit,
    withdrawnToday: minorUnits(0n),
    withdrawalDay: null,
  };
}

/** The daily counter moves by the rule the accounts view shares (daily-withdrawals.ts). */
function afterWithdrawal(
  state: AccountDetails,
  { data, occurredAt }: MoneyWithdrawn,
): Pick<AccountDetails, 'balance' | 'withdrawnToday' | 'withdrawalDay'> {
  const counter = countWithdrawal(
    { day: state.withdrawalDay, withdrawn: state.withdrawnToday },
    utcDayOfRecorded(occurredAt),
    data.amount,
  );
  return {
    balance: data.balanceAfter,
    withdrawnToday: counter.withdrawn,
    withdrawalDay: counter.day,
  };
}
