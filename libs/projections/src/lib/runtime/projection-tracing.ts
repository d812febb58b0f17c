import {
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { endBatchSpans } from '@ledgerline/messaging';
import type { Batch, IHeaders } from 'kafkajs';

const tracer = trace.getTracer('@ledgerline/projections');

/** Reads W3C trace context from kafkajs headers (Buffers, strings or arrays of them). */
const kafkaHeaderGetter: TextMapGetter<IHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => {
    const value = headers[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * One CONSUMER span per message of a batch, child of the `traceparent` header the relay copied
 * from the event's metadata: the trace a REST command started continues into its projection.
 * Spans end when the batch is committed, so their duration includes the view write.
 */
export class BatchSpans {
  private readonly spans = new Map<string, Span>();

  constructor(batch: Batch) {
    for (const message of batch.messages) {
      const parent = propagation.extract(ROOT_CONTEXT, message.headers ?? {}, kafkaHeaderGetter);
      const type = kafkaHeaderGetter.get(message.headers ?? {}, 'type') ?? 'unknown';
      this.spans.set(
        message.offset,
        tracer.startSpan(
          `project ${type}`,
          {
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.system': 'kafka',
              'messaging.operation.type': 'process',
              'messaging.destination.name': batch.topic,
              'messaging.destination.partition.id': String(batch.partition),
              'messaging.kafka.offset': Number(message.offset),
              'messaging.kafka.message.key': message.key?.toString() ?? '',
            },
          },
          parent,
        ),
      );
    }
  }

  /** Marks a message that went to the dead-letter topic instead of a view. */
  deadLettered(offset: string, reason: string): void {
    const span = this.spans.get(offset);
    span?.setAttribute('ledgerline.dead_letter.reason', reason);
    span?.setStatus({ code: SpanStatusCode.ERROR, message: reason });
  }

  /** Ends every span; with an error when the batch failed and will be redelivered. */
  end(error?: unknown): void {
    endBatchSpans(this.spans.values(), error, 'batch failed; redelivered');
  }
}
