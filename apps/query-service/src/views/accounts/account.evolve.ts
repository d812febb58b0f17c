import { utcDayOfRecorded } from '@ledgerline/accounts-domain';
import type { LatestEventEnvelope } from '@ledgerline/contracts';
import { toMinor } from '../shared/minor-units';
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

/**
 * The same rule as the domain's daily counter (accounts-domain `evolve`/`withdrawnOn`): a later
 * UTC day starts a fresh sum, anything else adds to it, so a skewed clock can never reopen a day.
 */
function withdrawal(
  doc: AccountDocument,
  event: Extract<AccountStreamEvent, { type: 'account.money-withdrawn' }>,
): Pick<AccountDocument, 'withdrawnToday' | 'lastWithdrawalDay'> {
  const day = utcDayOfRecorded(event.occurredAt);
  const startsNewDay = doc.lastWithdrawalDay === null || day > doc.lastWithdrawalDay;
  const amount = toMinor(event.data.amount);
  return {
    withdrawnToday: (startsNewDay ? amount : toMinor(doc.withdrawnToday) + amount).toString(),
    lastWithdrawalDay: startsNewDay ? day : doc.lastWithdrawalDay,
  };
}

/**
 * What counts against the daily limit on `today` (UTC 'YYYY-MM-DD'): the stored sum while its day
 * is not over, 0 from the next day on. Computed when read, since nothing is written at midnight.
 */
export function withdrawnOn(doc: AccountDocument, today: string): string {
  return doc.lastWithdrawalDay === null || today > doc.lastWithdrawalDay ? '0' : doc.withdrawnToday;
}
