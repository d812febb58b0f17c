import { decodeInstantCursor, encodeCursor } from '../../graphql/pagination/cursor';
import type { AccountDocument } from './account.document';
import type { AccountPosition } from './accounts.repository';

const KIND = 'account';

export function accountCursor(doc: AccountDocument): string {
  return encodeCursor(KIND, [doc.openedAt.toISOString(), doc._id]);
}

export function accountPositionOf(cursor: string): AccountPosition {
  const { at, tieBreaker } = decodeInstantCursor(
    KIND,
    cursor,
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  return { openedAt: at, id: tieBreaker };
}
