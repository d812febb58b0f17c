import { BusinessRuleViolation } from '@ledgerline/domain-kernel';
import type { AppendResult, CommandResult } from '../event-store';

/** Another request already claimed this Idempotency-Key (it committed first). */
export class IdempotencyKeyAlreadyUsed extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${key} is already used`);
    this.name = 'IdempotencyKeyAlreadyUsed';
  }
}

export const IDEMPOTENCY_KEY_REUSED = '/problems/idempotency-key-reused';

/** The key was used before for a different request: refused, nothing is appended. → 422 */
export class IdempotencyKeyReused extends BusinessRuleViolation {
  constructor() {
    super(IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used for a different request.');
  }
}

/**
 * What an append produced, as its idempotency record keeps it: no transport in it, so whoever
 * answers a retry (the command-service shapes an HTTP reply) derives the answer from these facts
 * just as it did for the first request.
 */
export interface RecordedOutcome extends AppendResult {
  result?: CommandResult;
}

/** What a command's caller gets: the outcome, and whether it is the replay of an earlier one. */
export interface CommandOutcome extends RecordedOutcome {
  replayed: boolean;
}

export interface IdempotencyRecord {
  requestHash: string;
  outcome: RecordedOutcome;
}

export interface IdempotencyStore {
  find(tenantId: string, principalId: string, key: string): Promise<IdempotencyRecord | null>;
}
