import { ConcurrencyError } from '@ledgerline/domain-kernel';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  START_OF_STORE,
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type GlobalPosition,
  type IdempotencyClaim,
  type ReadAllResult,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamInfo,
} from '../event-store';
import {
  IdempotencyKeyAlreadyUsed,
  type IdempotencyRecord,
  type IdempotencyStore,
  type RecordedOutcome,
} from '../idempotency/idempotency';
import { readRecordedOutcome, recordedOutcomeJson } from '../idempotency/recorded-outcome-json';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-rows';
import { callStore, classifyStoreError, violatedUniqueConstraint } from './postgres-errors';

/**
 * Claims the next versions of a stream and inserts its events in ONE statement: the conditional
 * version bump (or stream creation) yields a row only when the stream is at the expected version,
 * and the insert joins on that row, so a stale writer inserts nothing. Hand-written SQL: the
 * TypeORM entity layer costs several times the CPU on this path (docs/benchmarks/write-path.md).
 */
const APPEND_SQL = (newStream: boolean) => `
  WITH claimed AS (
    ${
      newStream
        ? `INSERT INTO streams (stream_id, tenant_id, stream_type, version)
           VALUES ($1, $2, $3, $5) ON CONFLICT (stream_id) DO NOTHING RETURNING version`
        : `UPDATE streams SET version = version + $5, updated_at = now()
           WHERE stream_id = $1 AND tenant_id = $2 AND version = $4 RETURNING version`
    }
  )
  INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                      schema_version, data, metadata, occurred_at)
  SELECT $2, $1, $3, $4 + e.ordinal, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.occurred_at
  FROM claimed,
       unnest($6::uuid[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[], $11::timestamptz[])
         WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, occurred_at, ordinal)
  RETURNING stream_version, position::text AS position`;

const SETTLED_AFTER_SQL = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    -- Only transactions older than every still-running one: nothing can commit behind this point.
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  -- Qualified: the bare names would bind to the ::text output columns and sort as text.
  ORDER BY events.transaction_id, events.position
  LIMIT $3`;

export class PostgresEventStore implements EventStore, IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('appendToStream needs at least one event');
    const runner = this.dataSource.createQueryRunner();
    const transactional = request.idempotency !== undefined;
    try {
      await runner.connect();
      if (transactional) await runner.startTransaction();
      const result = await this.insertEvents(runner, request);
      if (request.idempotency) {
        await this.claimIdempotencyKey(runner, request.tenantId, request.idempotency, {
          ...result,
          ...(request.result !== undefined ? { result: request.result } : {}),
        });
      }
      if (transactional) await runner.commitTransaction();
      return result;
    } catch (error) {
      // A broken connection has already released the runner, and PostgreSQL rolls back a lost
      // session's transaction: a ROLLBACK then, or one that fails, would only hide the real error.
      if (transactional && runner.isTransactionActive && !runner.isReleased)
        await runner.rollbackTransaction().catch(() => undefined);
      throw this.translate(error, request);
    } finally {
      await runner.release();
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND stream_version >= $2
       ORDER BY events.stream_version LIMIT $3`,
      [streamId, options.fromVersion ?? 1, options.limit ?? null],
    );
    return rows.map(toStoredEvent);
  }

  async readAll(after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const rows = await this.query<EventRow>(SETTLED_AFTER_SQL, [
      after.transactionId.toString(),
      after.position.toString(),
      limit,
    ]);
    const events = rows.map(toStoredEvent);
    const last = events.at(-1);
    return {
      events,
      checkpoint: last ? { transactionId: last.transactionId, position: last.position } : after,
    };
  }

  async settledHead(): Promise<Checkpoint> {
    const [row] = (await this.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM events
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id DESC, events.position DESC LIMIT 1`,
    )) as Array<{ transaction_id: string; position: string }>;
    return row
      ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) }
      : START_OF_STORE;
  }

  async streamInfo(streamId: string): Promise<StreamInfo | null> {
    const [row] = (await this.query(
      `SELECT tenant_id, stream_type, version FROM streams WHERE stream_id = $1`,
      [streamId],
    )) as Array<{ tenant_id: string; stream_type: string; version: number }>;
    return row
      ? { tenantId: row.tenant_id, streamType: row.stream_type, version: row.version }
      : null;
  }

  async find(
    tenantId: string,
    principalId: string,
    key: string,
  ): Promise<IdempotencyRecord | null> {
    const [row] = (await this.query(
      `SELECT request_hash, response FROM idempotency_keys
       WHERE tenant_id = $1 AND principal_id = $2 AND key = $3`,
      [tenantId, principalId, key],
    )) as Array<{ request_hash: string; response: unknown }>;
    return row
      ? { requestHash: row.request_hash, outcome: readRecordedOutcome(row.response) }
      : null;
  }

  /** Every read goes through here, so an unreachable PostgreSQL is reported one way. */
  private query<T>(sql: string, parameters?: unknown[]): Promise<T[]> {
    return callStore(() => this.dataSource.query<T[]>(sql, parameters));
  }

  private async insertEvents(runner: QueryRunner, request: AppendRequest): Promise<AppendResult> {
    const { events } = request;
    const rows = (await runner.query(APPEND_SQL(request.expectedVersion === 0), [
      request.streamId,
      request.tenantId,
      request.streamType,
      request.expectedVersion,
      events.length,
      events.map((event) => event.eventId),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
      events.map((event) => event.occurredAt),
    ])) as Array<{ stream_version: number; position: string }>;
    const last = rows.at(-1);
    if (!last) throw new ConcurrencyError(request.streamId, request.expectedVersion);
    return {
      streamId: request.streamId,
      version: last.stream_version,
      position: BigInt(last.position) as GlobalPosition,
    };
  }

  private async claimIdempotencyKey(
    runner: QueryRunner,
    tenantId: string,
    claim: IdempotencyClaim,
    outcome: RecordedOutcome,
  ): Promise<void> {
    // The column keeps its historical name `response`; it holds the outcome, not an HTTP reply.
    await runner.query(
      `INSERT INTO idempotency_keys (tenant_id, principal_id, key, request_hash, response)
       VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, claim.principalId, claim.key, claim.requestHash, recordedOutcomeJson(outcome)],
    );
  }

  private translate(error: unknown, request: AppendRequest): unknown {
    switch (violatedUniqueConstraint(error)) {
      case 'events_stream_version_unique':
        return new ConcurrencyError(request.streamId, request.expectedVersion);
      case 'idempotency_keys_pkey':
        return new IdempotencyKeyAlreadyUsed(request.idempotency?.key ?? '');
      default:
        return classifyStoreError(error);
    }
  }
}
