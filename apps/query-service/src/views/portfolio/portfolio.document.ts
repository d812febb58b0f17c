import type { AccountStatusValue } from '../accounts/account.document';
import type { MinorUnitString } from '../shared/minor-units';

export const PORTFOLIO_ENTRIES_COLLECTION = 'portfolio_entries_v1';

/**
 * One account's place in its owner's portfolio (`_id` = accountId), guarded by the account's stream
 * version. A portfolio is all entries of one (tenantId, ownerId); its totals are summed in bigint
 * when read.
 *
 * Why not one document per owner: an owner's accounts sit on different Kafka partitions, so such a
 * document has several concurrent writers, and FerretDB 1.24 cannot arbitrate them: a conditional
 * replace is read-modify-write without isolation (8 concurrent guarded replaces of one document:
 * up to 8 "succeed"; 40 concurrent `$inc`s: 11 survive). Keyed by account, every entry has exactly
 * one writer, the partition that owns the account, like every other versioned view here.
 */
export interface PortfolioEntryDocument {
  _id: string;
  tenantId: string;
  ownerId: string;
  currency: string;
  /** Integer minor units in a decimal string, as on the wire; may be negative. */
  balance: MinorUnitString;
  status: AccountStatusValue;
  /** Last applied version of the account's stream: the entry's idempotency marker. */
  version: number;
  openedAt: Date;
}

export interface CurrencyTotal {
  currency: string;
  balance: MinorUnitString;
}
