/** A calendar day in UTC, 'YYYY-MM-DD'. Sorts chronologically as a string. */
export type UtcDay = string;

/** The daily withdrawal limit is per UTC day, whatever the customer's or server's time zone. */
export function utcDayOf(instant: Date): UtcDay {
  return instant.toISOString().slice(0, 10);
}

/**
 * The UTC day of a recorded `occurredAt`. Events are facts, so this never throws: an unparsable
 * timestamp falls back to its first ten characters rather than stopping a replay.
 */
export function utcDayOfRecorded(occurredAt: string): UtcDay {
  const instant = new Date(occurredAt);
  return Number.isNaN(instant.getTime()) ? occurredAt.slice(0, 10) : utcDayOf(instant);
}
