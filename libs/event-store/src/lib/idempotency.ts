import type { StoredResponse } from './event-store';

/** Another request already claimed this Idempotency-Key (it committed first). */
export class IdempotencyKeyAlreadyUsed extends Error {
  constructor(readonly key: string) {
    super(`idempotency key ${key} is already used`);
    this.name = 'IdempotencyKeyAlreadyUsed';
  }
}

export interface IdempotencyRecord {
  requestHash: string;
  response: StoredResponse;
}

export interface IdempotencyStore {
  find(tenantId: string, principalId: string, key: string): Promise<IdempotencyRecord | null>;
}
