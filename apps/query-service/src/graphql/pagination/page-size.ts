import { BadUserInput } from '../graphql-errors';

/** Most items one page may hold; `first` above it is refused, never silently cut. */
export const MAX_PAGE_SIZE = 100;

/** `first` as given (null means the schema default), checked against 1..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, defaultSize: number): number {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw BadUserInput.argument('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return size;
}
