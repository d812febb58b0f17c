import { EVENT_HEADERS, topicForStreamType } from '@ledgerline/contracts';
import { toEnvelope, type StoredEvent } from '@ledgerline/event-store';
import type { OutgoingMessage } from '@ledgerline/messaging';

/**
 * A stored event as a Kafka message: the envelope exactly as recorded (consumers upcast), keyed
 * by stream id so one stream's events share a partition and keep their order.
 */
export function toOutgoingMessage(event: StoredEvent, topicPrefix = ''): OutgoingMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    [EVENT_HEADERS.eventId]: event.eventId,
    [EVENT_HEADERS.correlationId]: event.metadata.correlationId,
    [EVENT_HEADERS.tenantId]: event.tenantId,
  };
  if (event.metadata.traceparent) headers[EVENT_HEADERS.traceparent] = event.metadata.traceparent;
  return {
    topic: topicForStreamType(event.streamType, topicPrefix),
    key: event.streamId,
    value: JSON.stringify(toEnvelope(event)),
    headers,
  };
}
