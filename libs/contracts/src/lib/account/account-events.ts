import { AccountClosedData } from './account-closed';
import {
  ACCOUNT_CLOSED,
  ACCOUNT_MONEY_DEPOSITED,
  ACCOUNT_MONEY_WITHDRAWN,
  ACCOUNT_OPENED,
} from './account-event-types';
import { AccountOpenedData } from './account-opened';
import { MoneyDepositedData } from './money-deposited';
import { MoneyWithdrawnData } from './money-withdrawn';
import { AccountOpenedV1Data } from './v1/account-opened.v1';
import { upcastAccountOpenedV1ToV2 } from './v1/account-opened.v1-to-v2';
import { defineEvent, type LatestDataMapOf } from '../registry/event-definition';
import type { EnvelopeUnionOf, EventDataUnionOf } from '../registry/event-unions';

/** Every event of the account stream with all its schema versions. */
export const ACCOUNT_EVENT_DEFINITIONS = [
  defineEvent(ACCOUNT_OPENED, AccountOpenedV1Data).evolvedTo(
    2,
    AccountOpenedData,
    upcastAccountOpenedV1ToV2,
  ),
  defineEvent(ACCOUNT_MONEY_DEPOSITED, MoneyDepositedData),
  defineEvent(ACCOUNT_MONEY_WITHDRAWN, MoneyWithdrawnData),
  defineEvent(ACCOUNT_CLOSED, AccountClosedData),
] as const;

/** Wire name → latest data shape, for the account stream. */
export type AccountEventDataMap = LatestDataMapOf<(typeof ACCOUNT_EVENT_DEFINITIONS)[number]>;

export type AccountEventType = keyof AccountEventDataMap;

/**
 * What a producer emits for the account stream before the envelope's metadata is added:
 * `{ type, data }` discriminated by `type` (a union of bare data shapes could not tell a deposit
 * from a withdrawal, which have the same fields).
 */
export type AccountEventData = EventDataUnionOf<AccountEventDataMap>;

/** A decoded account event: envelope and latest data, discriminated by `type`. */
export type AccountEvent = EnvelopeUnionOf<AccountEventDataMap>;
