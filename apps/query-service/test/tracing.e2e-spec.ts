import { randomBytes, randomUUID } from 'node:crypto';
import { startService, uniqueName, type RunningService } from '@ledgerline/testing';
import { token } from './support/graphql-client';
import { OtlpCollector, type CollectedSpan } from './support/otlp-collector';

const COMMAND_SERVICE = 'apps/command-service/src/main.ts';
const RELAY = 'apps/command-service/src/relay.ts';
const QUERY_SERVICE = 'apps/query-service/src/main.ts';
/** OTLP span kinds. */
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * One trace from command to view, on the real servers: the client's `traceparent` starts the
 * REST span, the event stores it, the relay's publish span continues it and puts its own context
 * in the Kafka headers, the projection's span continues that, and the client's GraphQL read joins
 * the trace. Every process exports OTLP/HTTP to
 * an in-test receiver, as it would to an OpenTelemetry Collector.
 */
describe('trace context from REST command to projection and GraphQL read (real servers)', () => {
  const collector = new OtlpCollector();
  const services: RunningService[] = [];
  const tenant = `tracing-${randomUUID()}`;

  beforeAll(async () => {
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: await collector.start(),
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const prefix = `${uniqueName('tracing')}.`;
    services.push(
      ...(await Promise.all([
        startService(COMMAND_SERVICE, tracing),
        startService(RELAY, {
          ...tracing,
          KAFKA_TOPIC_PREFIX: prefix,
          RELAY_NAME: uniqueName('relay'),
          RELAY_START_FROM: 'latest',
        }),
        startService(QUERY_SERVICE, {
          ...tracing,
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_CONSUMER_GROUP: uniqueName('views'),
          MONGODB_DATABASE: uniqueName('views').replace(/-/g, '_'),
          CONSISTENCY_TIMEOUT_MS: '15000',
        }),
      ])),
    );
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await collector.stop();
  });

  it('carries the trace id from the REST request through Kafka into the projection and the read', async () => {
    const [commands, , query] = services as [RunningService, RunningService, RunningService];
    const teller = await token('teller-1', tenant, ['teller']);
    const traceId = randomBytes(16).toString('hex');
    const headers = {
      authorization: `Bearer ${teller}`,
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    };
    const accountId = randomUUID();
    const opened = await fetch(`${commands.url}/accounts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ accountId, ownerId: 'alice', currency: 'EUR' }),
    });
    expect(opened.status).toBe(201);
    const { version } = (await opened.json()) as { version: number };
    const read = await fetch(`${query.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'query($id: ID!, $v: Int) { account(id: $id, minVersion: $v) { version } }',
        variables: { id: accountId, v: version },
      }),
    });
    expect(await read.json()).toEqual({ data: { account: { version } } });

    const inTrace = (spans: CollectedSpan[]) => spans.filter((span) => span.traceId === traceId);
    const command = (spans: CollectedSpan[]) =>
      inTrace(spans).find((s) => s.service === 'command-service' && s.name === 'POST /accounts');
    const projection = (spans: CollectedSpan[]) =>
      inTrace(spans).find(
        (s) => s.service === 'query-service' && s.name === 'project account.opened',
      );
    const publish = (spans: CollectedSpan[]) =>
      inTrace(spans).find(
        (s) => s.service === 'outbox-relay' && s.name === 'publish account.opened',
      );
    const graphqlRead = (spans: CollectedSpan[]) =>
      inTrace(spans).find((s) => s.service === 'query-service' && s.name === 'POST /graphql');
    await collector.waitFor(
      (spans) =>
        !!command(spans) && !!publish(spans) && !!projection(spans) && !!graphqlRead(spans),
    );

    const commandSpan = command(collector.spans)!;
    expect(commandSpan.kind).toBe(SERVER);
    // A chain, not merely one trace id: request → relay publish → projection.
    const publishSpan = publish(collector.spans)!;
    expect(publishSpan).toMatchObject({ kind: PRODUCER, parentSpanId: commandSpan.spanId });
    expect(projection(collector.spans)).toMatchObject({
      kind: CONSUMER,
      parentSpanId: publishSpan.spanId,
    });
    expect(graphqlRead(collector.spans)!.kind).toBe(SERVER);
  });
});
