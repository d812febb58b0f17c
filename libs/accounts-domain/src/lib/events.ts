import type { MinorUnits } from '@ledgerline/money';

/**
 * `type` is the stable wire name stored in the event store and published on Kafka: renaming one
 * orphans every recorded event of that type. The schema version lives in the envelope, not here.
 * `occurredAt` is the ISO-8601 instant from the command's metadata.
 */
type Event<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  occurredAt: string;
}>;

export type AccountOpened = Event<
  'account.opened',
  {
    accountId: string;
    ownerId: string;
    currency: string;
    overdraftLimit: MinorUnits;
    dailyWithdrawalLimit: MinorUnits;
  }
>;

/** `balanceAfter` lets projections show a running balance without replaying the stream. */
export type MoneyDeposited = Event<
  'account.money-deposited',
  {
    accountId: string;
    amount: MinorUnits;
    currency: string;
    reference: string | null;
    balanceAfter: MinorUnits;
  }
>;

export type MoneyWithdrawn = Event<
  'account.money-withdrawn',
  {
    accountId: string;
    amount: MinorUnits;
    currency: string;
    reference: string | null;
    balanceAfter: MinorUnits;
  }
>;

export type AccountClosed = Event<'account.closed', { accountId: string }>;

export type AccountEvent = AccountOpened | MoneyDeposited | MoneyWithdrawn | AccountClosed;

export type AccountEventType = AccountEvent['type'];

export const ACCOUNT_EVENT_TYPES = [
  'account.opened',
  'account.money-deposited',
  'account.money-withdrawn',
  'account.closed',
] as const satisfies readonly AccountEventType[];

// Fails to compile when an event joins the union but not the list above (which the event store
// and the consumers use to know which types belong to this stream).
type Unlisted = Exclude<AccountEventType, (typeof ACCOUNT_EVENT_TYPES)[number]>;
const _everyEventTypeIsListed: [Unlisted] extends [never] ? true : Unlisted = true;

export function isAccountEventType(type: string): type is AccountEventType {
  return (ACCOUNT_EVENT_TYPES as readonly string[]).includes(type);
}
