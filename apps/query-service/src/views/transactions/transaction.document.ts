import type { MinorUnitString } from '../shared/minor-units';

export const TRANSACTIONS_COLLECTION = 'transactions_v1';

export const TRANSACTION_KINDS = [
  'DEPOSIT',
  'WITHDRAWAL',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'COMPENSATION',
] as const;
export type TransactionKindValue = (typeof TRANSACTION_KINDS)[number];

/**
 * One document per money movement, `_id` = the event id: the event id is the idempotency marker,
 * so a redelivered event finds its document already there and changes nothing.
 */
export interface TransactionDocument {
  _id: string;
  tenantId: string;
  accountId: string;
  kind: TransactionKindValue;
  /** Integer minor units as decimal strings, as on the wire; `amount` > 0, `balanceAfter` signed. */
  amount: MinorUnitString;
  balanceAfter: MinorUnitString;
  currency: string;
  reference: string | null;
  occurredAt: Date;
  /** The account stream version of the movement: orders movements of the same instant. */
  version: number;
  /** The transfer a TRANSFER_IN/OUT/COMPENSATION belongs to; null for deposits and withdrawals. */
  transferId: string | null;
}
