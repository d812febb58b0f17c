import type { LatestEventEnvelope } from '@ledgerline/contracts';
import { recordedInstant } from '../shared/recorded-instant';
import type { TransactionDocument } from './transaction.document';

/**
 * The movement an event records, or null for events that move no money (opening, closing, other
 * streams). Pure; the view is insert-only, so this mapping is its whole `evolve`.
 */
export function transactionOf(event: LatestEventEnvelope): TransactionDocument | null {
  switch (event.type) {
    case 'account.money-deposited':
    case 'account.money-withdrawn':
      return {
        _id: event.eventId,
        tenantId: event.tenantId,
        accountId: event.streamId,
        kind: event.type === 'account.money-deposited' ? 'DEPOSIT' : 'WITHDRAWAL',
        amount: event.data.amount,
        balanceAfter: event.data.balanceAfter,
        currency: event.data.currency,
        reference: event.data.reference,
        occurredAt: recordedInstant(event.occurredAt),
        version: event.streamVersion,
        transferId: null,
      };
    case 'account.opened':
    case 'account.closed':
      return null;
    default: {
      const _unknown: never = event;
      return null;
    }
  }
}
