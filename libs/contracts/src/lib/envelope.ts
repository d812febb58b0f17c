/**
 * The envelope every event travels in, on the wire (Kafka) and in the auditor feed (REST).
 * Field names are part of the public contract (docs/api.md, Events): extend, never rename.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  /** Unique id of this event; consumers use it to detect redelivery. */
  eventId: string;
  /** Stable wire name, e.g. `account.money-withdrawn`. Independent of class names. */
  type: TType;
  /** Version of the `data` shape; old versions are upcast on read. */
  schemaVersion: number;
  streamId: string;
  streamType: string;
  /** 1-based position of the event within its stream. */
  streamVersion: number;
  /** Global position in the event store, a bigint serialised as a decimal string. */
  position: string;
  tenantId: string;
  /** ISO-8601 instant. */
  occurredAt: string;
  correlationId: string;
  causationId: string;
  data: TData;
}

/** Kafka headers carried next to every published envelope (values are strings on the wire). */
export const EVENT_HEADERS = {
  type: 'type',
  schemaVersion: 'schemaVersion',
  eventId: 'eventId',
  correlationId: 'correlationId',
  tenantId: 'tenantId',
  traceparent: 'traceparent',
} as const;
