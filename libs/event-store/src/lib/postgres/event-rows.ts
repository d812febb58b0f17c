import type { GlobalPosition, StoredEvent } from '../event-store';

/** The columns every read selects, in the shape `toStoredEvent` expects. */
export const EVENT_COLUMNS = `
  position::text AS position, transaction_id::text AS transaction_id, event_id, tenant_id, stream_id,
  stream_type, stream_version, type, schema_version, data, metadata, occurred_at`;

export interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  tenant_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  occurred_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at.toISOString(),
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    position: BigInt(row.position) as GlobalPosition,
    transactionId: BigInt(row.transaction_id),
  };
}
