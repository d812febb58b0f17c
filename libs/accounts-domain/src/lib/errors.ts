import { BusinessRuleViolation } from '@ledgerline/domain-kernel';
import { formatMoney } from '@ledgerline/money';

/**
 * Stable problem type URIs (RFC 9457 `type`). Clients branch on these, so they are part of the
 * public contract: add new ones, never rename.
 */
export const ACCOUNT_PROBLEM_TYPES = {
  accountAlreadyExists: '/problems/account-already-exists',
  insufficientFunds: '/problems/insufficient-funds',
  dailyLimitExceeded: '/problems/daily-limit-exceeded',
  currencyMismatch: '/problems/currency-mismatch',
  accountClosed: '/problems/account-closed',
  balanceNotZero: '/problems/balance-not-zero',
} as const;

// Each refusal is its own class so callers (and tests) can catch one rule. Build them through the
// named constructors, which say why and always fill the details; the constructors stay public only
// so the classes remain ordinary constructor types for `toThrow(InsufficientFunds)` and `@Catch`.

export class AccountAlreadyExists extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.accountAlreadyExists, message, details);
  }

  static withId(accountId: string): AccountAlreadyExists {
    return new AccountAlreadyExists(`account ${accountId} already exists`, { accountId });
  }
}

export class InsufficientFunds extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.insufficientFunds, message, details);
  }

  /** `available` includes the unused overdraft. */
  static forWithdrawal(amount: bigint, available: bigint): InsufficientFunds {
    const requested = formatMoney(amount);
    const availableText = formatMoney(available);
    return new InsufficientFunds(
      `cannot withdraw ${requested}: only ${availableText} is available, overdraft included`,
      { requested, available: availableText },
    );
  }
}

export class DailyLimitExceeded extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.dailyLimitExceeded, message, details);
  }

  static forWithdrawal(amount: bigint, remainingToday: bigint, limit: bigint): DailyLimitExceeded {
    const requested = formatMoney(amount);
    const remaining = formatMoney(remainingToday);
    const dailyLimit = formatMoney(limit);
    return new DailyLimitExceeded(
      `cannot withdraw ${requested}: the daily withdrawal limit is ${dailyLimit} ` +
        `and ${remaining} of it remains today (UTC)`,
      { requested, remaining, dailyLimit },
    );
  }
}

export class CurrencyMismatch extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.currencyMismatch, message, details);
  }

  static forAccount(
    accountId: string,
    accountCurrency: string,
    requestedCurrency: string,
  ): CurrencyMismatch {
    return new CurrencyMismatch(
      `account ${accountId} holds ${accountCurrency}, not ${requestedCurrency}`,
      { accountId, accountCurrency, requestedCurrency },
    );
  }
}

/** Not `AccountClosed`: that name is the event. */
export class AccountIsClosed extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.accountClosed, message, details);
  }

  static rejecting(accountId: string, commandType: string): AccountIsClosed {
    return new AccountIsClosed(
      `account ${accountId} is closed and accepts no commands (${commandType} refused)`,
      {
        accountId,
        command: commandType,
      },
    );
  }
}

export class BalanceNotZero extends BusinessRuleViolation {
  constructor(message: string, details: Record<string, string>) {
    super(ACCOUNT_PROBLEM_TYPES.balanceNotZero, message, details);
  }

  static forClosing(accountId: string, balance: bigint): BalanceNotZero {
    const balanceText = formatMoney(balance);
    return new BalanceNotZero(
      `account ${accountId} cannot be closed with a balance of ${balanceText}; it must be 0.00`,
      { accountId, balance: balanceText },
    );
  }
}
