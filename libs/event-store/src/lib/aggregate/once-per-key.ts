import type { IdempotencyClaim } from '../event-store';
import {
  IdempotencyKeyAlreadyUsed,
  IdempotencyKeyReused,
  type CommandOutcome,
  type IdempotencyRecord,
  type IdempotencyStore,
  type RecordedOutcome,
} from '../idempotency/idempotency';

/**
 * Runs `append` at most once per idempotency key. The append records the key in the events'
 * transaction; a retry with the same request gets the recorded outcome back and appends nothing;
 * the same key with another request is refused. Refusals are not recorded: retrying a refused
 * command decides it again.
 */
export async function oncePerKey(
  store: IdempotencyStore,
  tenantId: string,
  claim: IdempotencyClaim,
  append: () => Promise<RecordedOutcome>,
): Promise<CommandOutcome> {
  const earlier = await store.find(tenantId, claim.principalId, claim.key);
  if (earlier) return replay(earlier, claim);
  try {
    return { ...(await append()), replayed: false };
  } catch (error) {
    // A concurrent request with the same key committed first: answer as it did.
    if (!(error instanceof IdempotencyKeyAlreadyUsed)) throw error;
    const winner = await store.find(tenantId, claim.principalId, claim.key);
    if (!winner) throw error;
    return replay(winner, claim);
  }
}

function replay(record: IdempotencyRecord, claim: IdempotencyClaim): CommandOutcome {
  if (record.requestHash !== claim.requestHash) throw new IdempotencyKeyReused();
  return { ...record.outcome, replayed: true };
}
