import {
  ACCOUNT_CLOSED,
  ACCOUNT_MONEY_DEPOSITED,
  ACCOUNT_MONEY_WITHDRAWN,
  ACCOUNT_OPENED,
} from '../lib/account/account-event-types';
import type { AccountClosedData } from '../lib/account/account-closed';
import type { AccountOpenedData } from '../lib/account/account-opened';
import type { MoneyDepositedData } from '../lib/account/money-deposited';
import type { MoneyWithdrawnData } from '../lib/account/money-withdrawn';
import type { AccountOpenedV1Data } from '../lib/account/v1/account-opened.v1';
import type { EventEnvelope } from '../lib/envelope';

/**
 * One typed envelope per (type, schema version). Their serialised form is pinned by the checked-in
 * files in libs/contracts/fixtures/, which double as wire examples for other teams.
 */
export const ACCOUNT_ID = '3f2b8c1e-7d4a-4e8b-9c6f-1a2b3c4d5e6f';

/** An account opened back when v1 was current. */
export const OLD_ACCOUNT_ID = '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a';

// Fields are written in the envelope's canonical order, which `encode` produces.
const TENANT_ID = 'tenant-acme';
const CORRELATION_ID = 'b7e4c2a1-5d3f-4b6e-8a9c-0d1e2f3a4b5c';

export const accountOpenedV1Data: AccountOpenedV1Data = {
  accountId: OLD_ACCOUNT_ID,
  ownerId: 'customer-42',
  currency: 'EUR',
  overdraftLimit: '50000',
};

export const accountOpenedV1: EventEnvelope<typeof ACCOUNT_OPENED, AccountOpenedV1Data> = {
  eventId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  type: ACCOUNT_OPENED,
  schemaVersion: 1,
  streamId: OLD_ACCOUNT_ID,
  streamType: 'account',
  streamVersion: 1,
  position: '41',
  tenantId: TENANT_ID,
  occurredAt: '2023-11-02T09:15:00.000Z',
  correlationId: CORRELATION_ID,
  causationId: 'c8f5d3b2-6e4a-4c7f-9b0d-1e2f3a4b5c6d',
  data: accountOpenedV1Data,
};

export const accountOpenedV2: EventEnvelope<typeof ACCOUNT_OPENED, AccountOpenedData> = {
  eventId: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
  type: ACCOUNT_OPENED,
  schemaVersion: 2,
  streamId: ACCOUNT_ID,
  streamType: 'account',
  streamVersion: 1,
  position: '1041',
  tenantId: TENANT_ID,
  occurredAt: '2024-05-17T14:03:21.512Z',
  correlationId: CORRELATION_ID,
  causationId: 'd9a6e4c3-7f5b-4d8a-8c1e-2f3a4b5c6d7e',
  data: {
    accountId: ACCOUNT_ID,
    ownerId: 'customer-42',
    currency: 'EUR',
    overdraftLimit: '50000',
    dailyWithdrawalLimit: '300000',
  },
};

export const moneyDeposited: EventEnvelope<typeof ACCOUNT_MONEY_DEPOSITED, MoneyDepositedData> = {
  eventId: '2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f',
  type: ACCOUNT_MONEY_DEPOSITED,
  schemaVersion: 1,
  streamId: ACCOUNT_ID,
  streamType: 'account',
  streamVersion: 2,
  position: '1042',
  tenantId: TENANT_ID,
  occurredAt: '2024-05-17T14:05:00.000Z',
  correlationId: CORRELATION_ID,
  causationId: 'ea7b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  data: {
    accountId: ACCOUNT_ID,
    amount: '150000',
    currency: 'EUR',
    reference: 'Salary May',
    balanceAfter: '150000',
  },
};

export const moneyWithdrawn: EventEnvelope<typeof ACCOUNT_MONEY_WITHDRAWN, MoneyWithdrawnData> = {
  eventId: '3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a',
  type: ACCOUNT_MONEY_WITHDRAWN,
  schemaVersion: 1,
  streamId: ACCOUNT_ID,
  streamType: 'account',
  streamVersion: 3,
  position: '1043',
  tenantId: TENANT_ID,
  occurredAt: '2024-05-17T18:30:00.000+02:00',
  correlationId: CORRELATION_ID,
  causationId: 'f1c8a6e5-9b7d-4f0c-8e3a-4b5c6d7e8f9a',
  data: {
    accountId: ACCOUNT_ID,
    amount: '175000',
    currency: 'EUR',
    reference: null,
    balanceAfter: '-25000',
  },
};

export const accountClosed: EventEnvelope<typeof ACCOUNT_CLOSED, AccountClosedData> = {
  eventId: '4e5f6a7b-8c9d-4e0f-8a1b-3c4d5e6f7a8b',
  type: ACCOUNT_CLOSED,
  schemaVersion: 1,
  streamId: ACCOUNT_ID,
  streamType: 'account',
  streamVersion: 4,
  position: '1107',
  tenantId: TENANT_ID,
  occurredAt: '2024-06-01T08:00:00.000Z',
  correlationId: CORRELATION_ID,
  causationId: 'a2d9b7f6-0c8e-4a1d-9f4b-5c6d7e8f9a0b',
  data: { accountId: ACCOUNT_ID },
};

/** Keyed like the fixture files: `<type>.v<schemaVersion>`. */
export const EXAMPLES: Readonly<Record<string, EventEnvelope<string, object>>> = {
  'account.opened.v1': accountOpenedV1,
  'account.opened.v2': accountOpenedV2,
  'account.money-deposited.v1': moneyDeposited,
  'account.money-withdrawn.v1': moneyWithdrawn,
  'account.closed.v1': accountClosed,
};
