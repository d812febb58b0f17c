import { propagation, SpanKind, trace, type Span } from '@opentelemetry/api';
import { EVENT_HEADERS } from '@ledgerline/contracts';
import type { StoredEvent } from '@ledgerline/event-store';
import { contextOfTraceparent, endBatchSpans, type OutgoingMessage } from '@ledgerline/messaging';
import { toOutgoingMessage } from './to-outgoing-message';

const tracer = trace.getTracer('@ledgerline/outbox-relay');

/**
 * One PRODUCER span per published event, child of the request that appended it (the
 * `traceparent` stored in its metadata). The Kafka message carries the span's own `traceparent`,
 * so the projection becomes its child and a trace shows the time an event waited in the outbox.
 * Spans end when Kafka acknowledged the batch.
 */
export class PublishSpans {
  readonly messages: OutgoingMessage[];
  private readonly spans: Span[] = [];

  constructor(events: readonly StoredEvent[], topicPrefix: string | undefined) {
    this.messages = events.map((event) => {
      const message = toOutgoingMessage(event, topicPrefix);
      const stored = event.metadata.traceparent;
      if (!stored) return message; // no trace to continue
      const parent = contextOfTraceparent(stored);
      const span = tracer.startSpan(
        `publish ${event.type}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.destination.name': message.topic,
            'messaging.kafka.message.key': event.streamId,
            'ledgerline.event_id': event.eventId,
          },
        },
        parent,
      );
      this.spans.push(span);
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(parent, span), carrier);
      const traceparent = carrier['traceparent'] ?? stored;
      return {
        ...message,
        headers: { ...message.headers, [EVENT_HEADERS.traceparent]: traceparent },
      };
    });
  }

  /** Ends every span; with an error when the send failed (the batch will be sent again). */
  end(error?: unknown): void {
    endBatchSpans(this.spans, error, 'send failed; retried');
  }
}
