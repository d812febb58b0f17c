import {
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  type Context,
  type Span,
} from '@opentelemetry/api';

/** The remote parent a W3C `traceparent` (stored with an event, or a Kafka header) describes. */
export function contextOfTraceparent(traceparent: string): Context {
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/**
 * Ends the spans of one batch of messages, marking them failed when the batch did not go through
 * (it is retried: sent or consumed again), so a trace shows the failed attempt too.
 */
export function endBatchSpans(spans: Iterable<Span>, error: unknown, retried: string): void {
  for (const span of spans) {
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: retried });
    }
    span.end();
  }
}
