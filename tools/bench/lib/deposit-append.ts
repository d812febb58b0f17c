import { randomUUID } from 'node:crypto';
import { latestSchemaVersion } from '@ledgerline/contracts';
import type { NewEvent } from '@ledgerline/event-store';

const DEPOSIT_TYPE = 'account.money-deposited';

/** A deposit of 100 minor units as the command-service would append it, leaving `balanceAfter`. */
export function depositEvent(accountId: string, balanceAfter: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: DEPOSIT_TYPE,
    schemaVersion: latestSchemaVersion(DEPOSIT_TYPE),
    data: {
      accountId,
      amount: '100',
      currency: 'EUR',
      reference: null,
      balanceAfter: String(balanceAfter),
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID() },
    occurredAt: new Date().toISOString(),
  };
}

/** What can run a parameterised statement: a pg Client, Pool or PoolClient. */
interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/** Where the raw appends write: the event store's tables in `schema`, else on the search path. */
export interface RawTarget {
  schema?: string;
  /** Tenant and stream type of the streams and events. */
  tag: string;
}

const table = (target: RawTarget, name: string) =>
  target.schema ? `${target.schema}.${name}` : name;

/** Empty streams (version 0) with `ids`, for the raw appends below. */
export async function createStreams(
  db: Queryable,
  target: RawTarget,
  ids: string[],
): Promise<void> {
  const tag = target.tag;
  await db.query(
    `INSERT INTO ${table(target, 'streams')} (stream_id, tenant_id, stream_type, version)
     SELECT id, '${tag}', '${tag}', 0 FROM unnest($1::text[]) AS id`,
    [ids],
  );
}

/**
 * The raw ceiling: one statement per append, a CTE that bumps `streams.version` where it is the
 * expected one and inserts one deposit joined on the claimed row (the shape PostgresEventStore
 * uses). Its parameters: rawAppendValues.
 */
export function rawAppendSql(target: RawTarget): string {
  const tag = target.tag;
  return `
    WITH claimed AS (
      UPDATE ${table(target, 'streams')} SET version = version + 1, updated_at = now()
      WHERE stream_id = $1 AND version = $2 RETURNING version)
    INSERT INTO ${table(target, 'events')} (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                                  schema_version, data, metadata, occurred_at)
    SELECT '${tag}', $1, '${tag}', claimed.version, $3, '${DEPOSIT_TYPE}', 1, $4, $5, $6
    FROM claimed
    RETURNING position`;
}

/** rawAppendSql's parameters for appending `event` to a stream now at `version`. */
export function rawAppendValues(streamId: string, version: number, event: NewEvent): unknown[] {
  return [
    streamId,
    version,
    event.eventId,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.occurredAt,
  ];
}
