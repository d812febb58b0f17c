/**
 * The instant of a recorded `occurredAt`. Events are facts, so this never throws: the codec has
 * already validated the timestamp, and should an unparsable one slip through it becomes the epoch
 * rather than an Invalid Date that MongoDB would store as garbage.
 */
export function recordedInstant(occurredAt: string): Date {
  const instant = new Date(occurredAt);
  return Number.isNaN(instant.getTime()) ? new Date(0) : instant;
}
