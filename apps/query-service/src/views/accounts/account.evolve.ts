import {
  countWithdrawal,
  utcDayOfRecorded,
  withdrawnOnDay,
  type DailyWithdrawals,
} from '@ledgerline/accounts-domain';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import { minorUnits } from '@ledgerline/money';
import { toMinor, type MinorUnitString } from '../shared/minor-units';
import {
  applied,
  checkVersion,
  duplicate,
  gap,
  gapReason,
  ignored,
  type Step,
} from '../shared/projection-step';
import { recordedInstant } from '../shared/recorded-instant';
import type { AccountDocument } from './account.document';

type AccountStreamEvent = Extract<LatestEventEnvelope, { type: `account.${string}` }>;

/** The document an account event belongs to (its stream), or null for other streams' events. */
export function accountKeyOf(event: LatestEventEnvelope): string | null {
  return isAccountEvent(event) ? event.streamId : null;
}

export function isAccountEvent(event: LatestEventEnvelope): event is AccountStreamEvent {
  return event.streamType === 'account' && event.type.startsWith('account.');
}

/**
 * Applies one event to an account's view document. Pure and total: a recorded event is a fact, so
 * nothing here throws. Guarded by the stream version: only `version + 1` applies.
 */
export function evolveAccount(
  doc: AccountDocument | null,
  event: LatestEventEnvelope,
): Step<AccountDocument> {
  if (!isAccountEvent(event)) return ignored();
  const version = doc?.version ?? 0;
  switch (checkVersion(version, event)) {
    case 'duplicate':
      return duplicate();
    case 'gap':
      return gap(gapReason(version, event));
    case 'next':
      break;
  }
  if (doc === null) {
    return event.type === 'account.opened'
      ? applied(opened(event))
      : gap(`an account stream starts with account.opened, version 1 is ${event.type}`);
  }
  return applied(next(doc, event));
}

function opened(event: Extract<AccountStreamEvent, { type: 'account.opened' }>): AccountDocument {
  const at = recordedInstant(event.occurredAt);
  return {
    _id: event.streamId,
    tenantId: event.tenantId,
    ownerId: event.data.ownerId,
    currency: event.data.currency,
    balance: '0',
    overdraftLimit: event.data.overdraftLimit,
    dailyWithdrawalLimit: event.data.dailyWithdrawalLimit,
    withdrawnToday: '0',
    lastWithdrawalDay: null,
    status: 'OPEN',
    version: event.streamVersion,
    openedAt: at,
    updatedAt: at,
  };
}

function next(doc: AccountDocument, event: AccountStreamEvent): AccountDocument {
  const advanced: AccountDocument = {
    ...doc,
    version: event.streamVersion,
    updatedAt: recordedInstant(event.occurredAt),
  };
  switch (event.type) {
    case 'account.opened':
      // Opening twice is never decided; recorded anyway, it changes nothing but the version.
      return advanced;
    case 'account.money-deposited':
      // The recorded balanceAfter is what was decided; the view copies it rather than re-adding.
      return { ...advanced, balance: event.data.balanceAfter };
    case 'account.money-withdrawn':
      return { ...advanced, balance: event.data.balanceAfter, ...withdrawal(doc, event) };
    case 'account.closed':
      return { ...advanced, status: 'CLOSED' };
    default: {
      const _unknown: never = event;
      return advanced;
    }
  }
}

/** The domain's daily counter rule (accounts-domain daily-withdrawals.ts), on the document. */
function withdrawal(
  doc: AccountDocument,
  event: Extract<AccountStreamEvent, { type: 'account.money-withdrawn' }>,
): Pick<AccountDocument, 'withdrawnToday' | 'lastWithdrawalDay'> {
  const counter = countWithdrawal(
    dailyWithdrawalsOf(doc),
    utcDayOfRecorded(event.occurredAt),
    minorUnits(toMinor(event.data.amount)),
  );
  return { withdrawnToday: counter.withdrawn.toString(), lastWithdrawalDay: counter.day };
}

/** What counts against the daily limit on `today` (UTC 'YYYY-MM-DD'), by the domain's rule. */
export function withdrawnOn(doc: AccountDocument, today: string): MinorUnitString {
  return withdrawnOnDay(dailyWithdrawalsOf(doc), today).toString();
}

function dailyWithdrawalsOf(doc: AccountDocument): DailyWithdrawals {
  return { day: doc.lastWithdrawalDay, withdrawn: minorUnits(toMinor(doc.withdrawnToday)) };
}
