import { isRecord } from '../../util/is-record';

/**
 * Where two JSON values differ, as `<JSON pointer>: <before> → <after>` lines (`(absent)` for a
 * missing member), so a refused schema change names the keyword that changed rather than just
 * the file. Stops after `limit` lines.
 */
export function jsonDifferences(before: unknown, after: unknown, limit = 10): string[] {
  const differences: string[] = [];
  collect(before, after, '', differences, limit);
  return differences;
}

const ABSENT = Symbol('absent');

function collect(
  before: unknown,
  after: unknown,
  pointer: string,
  differences: string[],
  limit: number,
): void {
  if (differences.length >= limit) return;
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = isRecord(before) && isRecord(after);
  if (bothArrays || bothObjects) {
    const left = before as Record<string, unknown>;
    const right = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) {
      collect(
        Object.hasOwn(left, key) ? left[key] : ABSENT,
        Object.hasOwn(right, key) ? right[key] : ABSENT,
        `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        differences,
        limit,
      );
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    differences.push(`${pointer || '/'}: ${show(before)} → ${show(after)}`);
  }
}

function show(value: unknown): string {
  return value === ABSENT ? '(absent)' : JSON.stringify(value);
}
