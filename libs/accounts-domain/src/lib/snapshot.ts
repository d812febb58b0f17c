import { minorUnits, type MinorUnits } from '@ledgerline/money';
import type { AccountDetails, AccountState } from './state';

/**
 * Bump whenever the serialized shape below changes. Snapshots are a cache stored with this
 * number; one of another version is ignored and the stream replayed, so no migration is needed.
 */
export const ACCOUNT_STATE_SCHEMA_VERSION = 1;

/** JSON has no bigint: amounts are decimal strings of minor units ("-150" is -1.50). */
export type SerializedAccountState =
  | { status: 'unopened' }
  | {
      status: 'open' | 'closed';
      accountId: string;
      ownerId: string;
      currency: string;
      balance: string;
      overdraftLimit: string;
      dailyWithdrawalLimit: string;
      withdrawnToday: string;
      withdrawalDay: string | null;
    };

export function serializeAccountState(state: AccountState): SerializedAccountState {
  if (state.status === 'unopened') return { status: 'unopened' };
  return {
    status: state.status,
    accountId: state.accountId,
    ownerId: state.ownerId,
    currency: state.currency,
    balance: state.balance.toString(),
    overdraftLimit: state.overdraftLimit.toString(),
    dailyWithdrawalLimit: state.dailyWithdrawalLimit.toString(),
    withdrawnToday: state.withdrawnToday.toString(),
    withdrawalDay: state.withdrawalDay,
  };
}

/**
 * Reads a snapshot back from storage, checking every field: a snapshot is only a cache, so one
 * that does not fit throws `InvalidAccountSnapshot` and the caller replays the stream instead.
 */
export function deserializeAccountState(json: unknown): AccountState {
  const snapshot = record(json, 'snapshot');
  const status = snapshot['status'];
  if (status === 'unopened') return { status };
  if (status !== 'open' && status !== 'closed') {
    throw new InvalidAccountSnapshot(`unknown status ${JSON.stringify(status)}`);
  }
  const details: AccountDetails = {
    accountId: text(snapshot, 'accountId'),
    ownerId: text(snapshot, 'ownerId'),
    currency: text(snapshot, 'currency'),
    balance: amount(snapshot, 'balance'),
    overdraftLimit: amount(snapshot, 'overdraftLimit'),
    dailyWithdrawalLimit: amount(snapshot, 'dailyWithdrawalLimit'),
    withdrawnToday: amount(snapshot, 'withdrawnToday'),
    withdrawalDay: day(snapshot, 'withdrawalDay'),
  };
  return { status, ...details };
}

/** Not a DomainError: a bad snapshot is an infrastructure fault the client never sees. */
export class InvalidAccountSnapshot extends Error {
  constructor(reason: string) {
    super(`invalid account snapshot (schema version ${ACCOUNT_STATE_SCHEMA_VERSION}): ${reason}`);
    this.name = 'InvalidAccountSnapshot';
  }
}

type JsonRecord = Readonly<Record<string, unknown>>;

function record(value: unknown, name: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidAccountSnapshot(`${name} is not an object`);
  }
  return value as JsonRecord;
}

function text(snapshot: JsonRecord, field: string): string {
  const value = snapshot[field];
  if (typeof value !== 'string') throw new InvalidAccountSnapshot(`${field} is not a string`);
  return value;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

function amount(snapshot: JsonRecord, field: string): MinorUnits {
  const value = text(snapshot, field);
  if (!INTEGER.test(value)) {
    throw new InvalidAccountSnapshot(`${field} is not an integer amount of minor units`);
  }
  return minorUnits(BigInt(value));
}

const UTC_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function day(snapshot: JsonRecord, field: string): string | null {
  const value = snapshot[field];
  if (value === null) return null;
  if (typeof value !== 'string' || !UTC_DAY.test(value)) {
    throw new InvalidAccountSnapshot(`${field} is neither null nor a YYYY-MM-DD day`);
  }
  return value;
}
