/**
 * Bounded, never-throwing text for messages built from untrusted input: an error thrown by a hostile
 * getter or a 10 MB key must neither escape `decode` nor flood the logs.
 */
const MAX_LENGTH = 200;

export function truncate(text: string, maxLength = MAX_LENGTH): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}… (${text.length} chars)`;
}

export function describeError(error: unknown): string {
  try {
    return truncate(error instanceof Error ? error.message : String(error));
  } catch {
    // String() throws for objects without a usable toString, e.g. Object.create(null).
    return 'an error that cannot be described';
  }
}

/** A property name as it may appear in a message: quoted, escaped and bounded. */
export function describeKey(key: string): string {
  return truncate(JSON.stringify(key), 64);
}
