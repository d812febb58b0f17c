import { isRecord } from '../../util/is-record';

/**
 * The one spelling of a JSON value that published schemas are stored and compared in: every
 * object's keys sorted (by UTF-16 code unit, `Array.prototype.sort`'s order), array order kept,
 * two-space indentation and a final newline. Two schemas are equal exactly when their canonical
 * texts are, so "unchanged" is a byte comparison and a hash of the text identifies the schema.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(withSortedKeys(value), null, 2)}\n`;
}

function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (!isRecord(value)) return value;
  // Object.fromEntries defines own properties, so even a "__proto__" key stays data.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, withSortedKeys(value[key])]),
  );
}
