import { Injectable } from '@nestjs/common';
import {
  IdempotencyKeyAlreadyUsed,
  PostgresEventStore,
  type AppendResult,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type StoredResponse,
} from '@ledgerline/event-store';
import { ProblemException } from '@ledgerline/platform';
import type { CommandContext } from './command-context';

export type Respond = (result: AppendResult) => StoredResponse;
export type Execute = (claim: IdempotencyClaim | undefined) => Promise<AppendResult>;

/**
 * Makes a command safe to retry. With an Idempotency-Key, the first successful response is stored
 * in the same transaction as the events; a retry with the same key and body gets that response
 * back and appends nothing; the same key with another body is refused (422). Refusals (4xx) are
 * not stored: retrying a refused command decides it again.
 */
@Injectable()
export class IdempotentCommandRunner {
  constructor(private readonly store: PostgresEventStore) {}

  async run(context: CommandContext, respond: Respond, execute: Execute): Promise<StoredResponse> {
    const key = context.idempotencyKey;
    if (key === undefined) return respond(await execute(undefined));

    const { tenantId, userId } = context.principal;
    const earlier = await this.store.find(tenantId, userId, key);
    if (earlier) return this.replay(earlier, context);
    try {
      const result = await execute({
        principalId: userId,
        key,
        requestHash: context.requestHash,
        respond,
      });
      return result.response ?? respond(result);
    } catch (error) {
      // A concurrent request with the same key committed first: answer as it did.
      if (!(error instanceof IdempotencyKeyAlreadyUsed)) throw error;
      const winner = await this.store.find(tenantId, userId, key);
      if (!winner) throw error;
      return this.replay(winner, context);
    }
  }

  private replay(record: IdempotencyRecord, context: CommandContext): StoredResponse {
    if (record.requestHash !== context.requestHash) {
      throw ProblemException.unprocessable(
        '/problems/idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    return {
      ...record.response,
      headers: { ...record.response.headers, 'idempotent-replayed': 'true' },
    };
  }
}
