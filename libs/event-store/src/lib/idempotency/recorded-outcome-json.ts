import type { GlobalPosition } from '../event-store';
import type { RecordedOutcome } from './idempotency';

/** The `response` column of `idempotency_keys`: a RecordedOutcome with its position as text. */
export function recordedOutcomeJson(outcome: RecordedOutcome): string {
  return JSON.stringify({
    streamId: outcome.streamId,
    version: outcome.version,
    position: outcome.position.toString(),
    ...(outcome.result !== undefined ? { result: outcome.result } : {}),
  });
}

/**
 * Reads the `response` column, whichever shape wrote it. Rows of earlier releases hold the HTTP
 * reply they sent (`{statusCode, body: {streamId, version, position}, headers}`); its body carried
 * exactly the outcome's three facts, from which the reply is derived again today. They stay
 * readable for as long as such rows exist (keys never expire), and during a rolling upgrade, when
 * replicas of the earlier release still write them.
 */
export function readRecordedOutcome(json: unknown): RecordedOutcome {
  const legacy = isRecord(json) && 'statusCode' in json;
  const facts = legacy ? json['body'] : json;
  if (
    !isRecord(facts) ||
    typeof facts['streamId'] !== 'string' ||
    typeof facts['version'] !== 'number' ||
    typeof facts['position'] !== 'string' ||
    !/^(0|[1-9][0-9]*)$/.test(facts['position'])
  ) {
    throw new Error(`unreadable idempotency record: ${JSON.stringify(json)}`);
  }
  const result = legacy ? undefined : facts['result'];
  return {
    streamId: facts['streamId'],
    version: facts['version'],
    position: BigInt(facts['position']) as GlobalPosition,
    ...(isRecord(result) ? { result } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
