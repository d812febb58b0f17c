import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * RFC 3339 date-time with an explicit offset ("2024-05-17T14:03:21.512Z", "…+02:00"). Stricter
 * than Nest's built-in DateTime, which turns any string into a Date (an Invalid Date included):
 * a bad `from`/`at` must be refused, not silently match nothing. Fractions beyond milliseconds
 * are accepted and truncated, as JavaScript dates hold milliseconds.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour === undefined ||
    hour > 23 ||
    minute === undefined ||
    minute > 59 ||
    second === undefined ||
    second > 59
  ) {
    return null;
  }
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOrThrow(value: unknown): Date {
  const instant = typeof value === 'string' ? parseDateTime(value) : null;
  if (instant === null) {
    throw new GraphQLError(
      'DateTime must be an RFC 3339 date-time with an offset, such as "2024-05-17T14:03:21Z".',
    );
  }
  return instant;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an RFC 3339 date-time, such as 2024-05-17T14:03:21.512Z.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError('DateTime cannot represent this value.');
  },
  parseValue: parseOrThrow,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTime must be a string.', { nodes: [ast] });
    }
    return parseOrThrow(ast.value);
  },
});
