import type { MinorUnitString } from '../shared/minor-units';

export const ACCOUNTS_COLLECTION = 'accounts_v1';

export const ACCOUNT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type AccountStatusValue = (typeof ACCOUNT_STATUSES)[number];

/**
 * One document per account (`_id` = accountId = streamId). `version` is the last applied stream
 * version: the idempotency marker lives in the view document itself, so one single-document write
 * moves both (FerretDB has no multi-document transactions).
 */
export interface AccountDocument {
  _id: string;
  tenantId: string;
  ownerId: string;
  currency: string;
  /** Money as integer minor units in decimal strings, exactly as on the wire; may be negative. */
  balance: MinorUnitString;
  overdraftLimit: MinorUnitString;
  dailyWithdrawalLimit: MinorUnitString;
  /** Withdrawn on `lastWithdrawalDay` (UTC); readers show 0 once that day is over. */
  withdrawnToday: MinorUnitString;
  /** 'YYYY-MM-DD' (UTC) of the last withdrawal, null before the first one. */
  lastWithdrawalDay: string | null;
  status: AccountStatusValue;
  version: number;
  /** Both taken from the events' `occurredAt`, never from a clock: replays give the same document. */
  openedAt: Date;
  updatedAt: Date;
}
