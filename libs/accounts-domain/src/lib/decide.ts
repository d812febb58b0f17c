import { NotFoundError } from '@ledgerline/domain-kernel';
import { minorUnits } from '@ledgerline/money';
import type {
  AccountCommand,
  CloseAccount,
  DepositMoney,
  OpenAccount,
  WithdrawMoney,
} from './commands';
import {
  AccountAlreadyExists,
  AccountIsClosed,
  BalanceNotZero,
  CurrencyMismatch,
  DailyLimitExceeded,
  InsufficientFunds,
} from './errors';
import type {
  AccountClosed,
  AccountEvent,
  AccountOpened,
  MoneyDeposited,
  MoneyWithdrawn,
} from './events';
import type { AccountState, ActiveAccount } from './state';
import { withdrawnOn } from './state';
import { ACCOUNT_STREAM_TYPE } from './stream';
import { utcDayOf } from './utc-day';
import {
  assertAmount,
  assertCurrency,
  assertLimit,
  assertOwnerId,
  assertPresent,
  assertReference,
} from './validation';

/**
 * Checks are ordered from the cheapest to explain to the most specific: malformed input (400)
 * whatever the state, then existence (404), then closed (422), then the money rules.
 */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'OpenAccount':
      return [openAccount(command, state)];
    case 'DepositMoney':
      return [depositMoney(command, state)];
    case 'WithdrawMoney':
      return [withdrawMoney(command, state)];
    case 'CloseAccount':
      return [closeAccount(command, state)];
    default: {
      const unhandled: never = command;
      throw new Error(`unknown account command ${(unhandled as { type: unknown }).type}`);
    }
  }
}

function openAccount(command: OpenAccount, state: AccountState): AccountOpened {
  const { accountId, ownerId, currency, overdraftLimit, dailyWithdrawalLimit } = command.data;
  assertPresent(accountId, 'accountId');
  assertOwnerId(ownerId);
  assertCurrency(currency);
  assertLimit(overdraftLimit, 'overdraftLimit');
  assertLimit(dailyWithdrawalLimit, 'dailyWithdrawalLimit');

  switch (state.status) {
    case 'unopened':
      break;
    case 'open':
      throw AccountAlreadyExists.withId(accountId);
    case 'closed':
      throw AccountIsClosed.rejecting(state.accountId, command.type);
  }

  return {
    type: 'account.opened',
    data: { accountId, ownerId, currency, overdraftLimit, dailyWithdrawalLimit },
    occurredAt: command.metadata.now.toISOString(),
  };
}

function depositMoney(command: DepositMoney, state: AccountState): MoneyDeposited {
  const { amount, currency, reference } = command.data;
  assertAmount(amount);
  if (currency !== undefined) assertCurrency(currency);
  assertReference(reference);

  const account = activeAccount(command, state);
  assertSameCurrency(account, currency);

  return {
    type: 'account.money-deposited',
    data: {
      accountId: account.accountId,
      amount,
      currency: account.currency,
      reference: reference ?? null,
      balanceAfter: minorUnits(account.balance + amount),
    },
    occurredAt: command.metadata.now.toISOString(),
  };
}

function withdrawMoney(command: WithdrawMoney, state: AccountState): MoneyWithdrawn {
  const { amount, currency, reference } = command.data;
  assertAmount(amount);
  if (currency !== undefined) assertCurrency(currency);
  assertReference(reference);

  const account = activeAccount(command, state);
  assertSameCurrency(account, currency);

  // The overdraft is part of what is available: the balance may reach -overdraftLimit, not pass it.
  const available = account.balance + account.overdraftLimit;
  if (amount > available) {
    throw InsufficientFunds.forWithdrawal(amount, available > 0n ? available : 0n);
  }

  const remainingToday =
    account.dailyWithdrawalLimit - withdrawnOn(account, utcDayOf(command.metadata.now));
  if (amount > remainingToday) {
    throw DailyLimitExceeded.forWithdrawal(
      amount,
      remainingToday > 0n ? remainingToday : 0n,
      account.dailyWithdrawalLimit,
    );
  }

  return {
    type: 'account.money-withdrawn',
    data: {
      accountId: account.accountId,
      amount,
      currency: account.currency,
      reference: reference ?? null,
      balanceAfter: minorUnits(account.balance - amount),
    },
    occurredAt: command.metadata.now.toISOString(),
  };
}

function closeAccount(command: CloseAccount, state: AccountState): AccountClosed {
  const account = activeAccount(command, state);
  if (account.balance !== 0n) throw BalanceNotZero.forClosing(account.accountId, account.balance);

  return {
    type: 'account.closed',
    data: { accountId: account.accountId },
    occurredAt: command.metadata.now.toISOString(),
  };
}

/** The account a command may act on: it must exist and be open. */
function activeAccount(
  command: DepositMoney | WithdrawMoney | CloseAccount,
  state: AccountState,
): ActiveAccount {
  const { accountId } = command.data;
  switch (state.status) {
    case 'unopened':
      throw new NotFoundError(ACCOUNT_STREAM_TYPE, accountId);
    case 'closed':
      throw AccountIsClosed.rejecting(state.accountId, command.type);
    case 'open':
      if (accountId !== state.accountId) {
        // Not the client's doing: the app loaded the wrong stream. Refuse rather than record
        // events about one account in another's stream.
        throw new Error(
          `${command.type} for account ${accountId} reached the stream of account ${state.accountId}`,
        );
      }
      return state;
  }
}

function assertSameCurrency(account: ActiveAccount, currency: string | undefined): void {
  if (currency !== undefined && currency !== account.currency) {
    throw CurrencyMismatch.forAccount(account.accountId, account.currency, currency);
  }
}
