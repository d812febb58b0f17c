import { decodeInstantCursor, encodeCursor } from '../../graphql/pagination/cursor';
import type { TransactionDocument } from './transaction.document';
import type { TransactionPosition } from './transactions.repository';

const KIND = 'transaction';

export function transactionCursor(doc: TransactionDocument): string {
  return encodeCursor(KIND, [doc.occurredAt.toISOString(), doc.version]);
}

export function transactionPositionOf(cursor: string): TransactionPosition {
  const { at, tieBreaker } = decodeInstantCursor(
    KIND,
    cursor,
    (value): value is number => Number.isSafeInteger(value) && (value as number) > 0,
  );
  return { occurredAt: at, version: tieBreaker };
}
