import { SECURITY_HEADERS } from '@ledgerline/platform';
import { runUntilExit, startService, type RunningService } from '@ledgerline/testing';

const ENTRY = 'apps/query-service/src/main.ts';

describe('query-service process', () => {
  let service: RunningService;

  beforeAll(async () => {
    // Probes only; the consumer is exercised by pipeline.e2e-spec.ts.
    service = await startService(ENTRY, { PROJECTIONS_ENABLED: 'false' });
  });

  afterAll(async () => {
    await service.stop();
  });

  it('is live', async () => {
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
  });

  it('is ready when MongoDB and Kafka answer', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    const body = (await response.json()) as { details: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(body.details['mongodb']?.status).toBe('up');
    expect(body.details['kafka']?.status).toBe('up');
  });

  it.each([
    ['a probe', 'GET', '/health/live'],
    ['an unauthenticated GraphQL request', 'POST', '/graphql'],
    ["a route nobody serves (Express' 404)", 'GET', '/no-such-route'],
  ])('sends the security headers and no X-Powered-By with %s', async (_, method, path) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
    });
    expect(response.headers.get('x-powered-by')).toBeNull();
    // The probes' own Cache-Control (terminus) is stricter still; no-store is what matters.
    const { 'cache-control': noStore, ...exact } = SECURITY_HEADERS;
    expect(response.headers.get('cache-control')).toContain(noStore);
    for (const [name, value] of Object.entries(exact))
      expect(`${name}: ${response.headers.get(name)}`).toBe(`${name}: ${value}`);
  });

  it('refuses to start on a bad environment, naming the variable', async () => {
    const { code, output } = await runUntilExit(ENTRY, { PORT: '-1' });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
  });
});
