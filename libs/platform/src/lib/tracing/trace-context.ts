import { context, propagation, trace } from '@opentelemetry/api';

/** The W3C `traceparent` of the active span, to store with what this work produces. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** Trace and span id of the active span, for log lines (empty when there is none). */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
