import { BadUserInput } from '../graphql-errors';

/**
 * Opaque cursors: base64url of a JSON array `[kind, ...sortKey]`. The kind stops a cursor of one
 * connection from being replayed against another; clients must treat the string as a token.
 */
export function encodeCursor(kind: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** The sort key inside `cursor`, or an error naming the argument when it is not ours. */
export function decodeCursor(kind: string, cursor: string): unknown[] {
  const invalid = BadUserInput.argument('after', 'is not a cursor returned by this connection');
  if (cursor.length > 1_000 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(decoded) || decoded[0] !== kind) throw invalid;
  return decoded.slice(1);
}

/** `decodeCursor` for keys of an instant and one more value, the common case. */
export function decodeInstantCursor<T>(
  kind: string,
  cursor: string,
  isTieBreaker: (value: unknown) => value is T,
): { at: Date; tieBreaker: T } {
  const key = decodeCursor(kind, cursor);
  const [iso, tieBreaker] = key;
  const at = typeof iso === 'string' ? new Date(iso) : new Date(NaN);
  if (key.length !== 2 || Number.isNaN(at.getTime()) || !isTieBreaker(tieBreaker)) {
    throw BadUserInput.argument('after', 'is not a cursor returned by this connection');
  }
  return { at, tieBreaker };
}
