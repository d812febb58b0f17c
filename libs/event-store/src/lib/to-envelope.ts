import type { EventEnvelope } from '@ledgerline/contracts';
import type { StoredEvent } from './event-store';

/** A stored event as the public envelope (docs/api.md), exactly as recorded: no upcasting. */
export function toEnvelope(event: StoredEvent): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamType: event.streamType,
    streamVersion: event.streamVersion,
    position: event.position.toString(),
    tenantId: event.tenantId,
    occurredAt: event.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: event.data,
  };
}
