import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | undefined;

/** The OTLP exporter is on when an endpoint is configured (standard OpenTelemetry variables). */
function exporterFromEnvironment(env: NodeJS.ProcessEnv): SpanExporter | undefined {
  if (env['OTEL_TRACES_EXPORTER'] === 'none') return undefined;
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  // The exporter reads the endpoint, headers and timeouts from the same variables itself.
  return endpoint ? new OTLPTraceExporter() : undefined;
}

/**
 * Starts OpenTelemetry tracing for this process; call it first thing in an entrypoint.
 *
 * The provider is registered even without an exporter: spans still get real trace and span ids,
 * so the W3C `traceparent` a request starts is stored with its events and travels through Kafka
 * to the projection, and an operator can turn export on later without losing the correlation.
 * Registering also installs the AsyncLocalStorage context manager and the W3C propagator.
 */
export function startTracing(
  serviceName: string,
  options: { env?: NodeJS.ProcessEnv; exporter?: SpanExporter } = {},
): NodeTracerProvider {
  if (provider) return provider;
  const env = options.env ?? process.env;
  const exporter = options.exporter ?? exporterFromEnvironment(env);
  const spanProcessors: SpanProcessor[] = exporter ? [new BatchSpanProcessor(exporter)] : [];
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env['OTEL_SERVICE_NAME'] ?? serviceName,
    }),
    spanProcessors,
  });
  provider.register();
  return provider;
}

/** Exports what is buffered and stops; part of graceful shutdown, so the last spans are kept. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  if (!stopping) return;
  await stopping.shutdown();
  trace.disable();
}
