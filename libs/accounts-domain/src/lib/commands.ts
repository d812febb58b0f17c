import type { MinorUnits } from '@ledgerline/money';

/**
 * What the caller supplies besides intent. Time arrives here from the app's injected clock, so the
 * decider stays deterministic: a test states the instant, and a replay decides the same way.
 */
export interface CommandMetadata {
  readonly now: Date;
}

type Command<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

/** Ids come from the app's id source, never from the domain. */
export type OpenAccount = Command<
  'OpenAccount',
  {
    accountId: string;
    ownerId: string;
    currency: string;
    overdraftLimit: MinorUnits;
    dailyWithdrawalLimit: MinorUnits;
  }
>;

/** `currency`, when given, must be the account's: a client that states it gets it checked. */
export type DepositMoney = Command<
  'DepositMoney',
  { accountId: string; amount: MinorUnits; currency?: string; reference?: string }
>;

export type WithdrawMoney = Command<
  'WithdrawMoney',
  { accountId: string; amount: MinorUnits; currency?: string; reference?: string }
>;

export type CloseAccount = Command<'CloseAccount', { accountId: string }>;

export type AccountCommand = OpenAccount | DepositMoney | WithdrawMoney | CloseAccount;
