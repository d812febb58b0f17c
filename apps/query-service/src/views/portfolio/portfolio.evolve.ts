import type { LatestEventEnvelope } from '@ledgerline/contracts';
import { isAccountEvent } from '../accounts/account.evolve';
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
import type { CurrencyTotal, PortfolioEntryDocument } from './portfolio.document';

/**
 * Applies one account event to the account's portfolio entry. Pure and total; guarded by the
 * stream version like the accounts view.
 */
export function evolvePortfolioEntry(
  entry: PortfolioEntryDocument | null,
  event: LatestEventEnvelope,
): Step<PortfolioEntryDocument> {
  if (!isAccountEvent(event)) return ignored();
  const version = entry?.version ?? 0;
  switch (checkVersion(version, event)) {
    case 'duplicate':
      return duplicate();
    case 'gap':
      return gap(gapReason(version, event));
    case 'next':
      break;
  }
  if (entry === null) {
    if (event.type !== 'account.opened') {
      return gap(`an account stream starts with account.opened, version 1 is ${event.type}`);
    }
    return applied({
      _id: event.streamId,
      tenantId: event.tenantId,
      ownerId: event.data.ownerId,
      currency: event.data.currency,
      balance: '0',
      status: 'OPEN',
      version: event.streamVersion,
      openedAt: recordedInstant(event.occurredAt),
    });
  }
  const next = { ...entry, version: event.streamVersion };
  switch (event.type) {
    case 'account.opened':
      return applied(next);
    case 'account.money-deposited':
    case 'account.money-withdrawn':
      return applied({ ...next, balance: event.data.balanceAfter });
    case 'account.closed':
      return applied({ ...next, status: 'CLOSED' });
    default: {
      const _unknown: never = event;
      return applied(next);
    }
  }
}

/** Sum of balances per currency, exact (bigint), one per currency, sorted by currency code. */
export function totalsOf(entries: readonly PortfolioEntryDocument[]): CurrencyTotal[] {
  const sums = new Map<string, bigint>();
  for (const entry of entries) {
    sums.set(entry.currency, (sums.get(entry.currency) ?? 0n) + toMinor(entry.balance));
  }
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, balance]) => ({ currency, balance: balance.toString() }));
}
