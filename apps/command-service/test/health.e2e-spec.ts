import { SECURITY_HEADERS } from '@ledgerline/platform';
import { runUntilExit, startService, type RunningService } from '@ledgerline/testing';

const ENTRY = 'apps/command-service/src/main.ts';

describe('command-service process', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(ENTRY, {});
  });

  afterAll(async () => {
    await service.stop();
  });

  it('is live', async () => {
    const response = await fetch(`${service.url}/health/live`);
    expect(response.status).toBe(200);
  });

  it('is ready when PostgreSQL answers, and reports Kafka', async () => {
    const response = await fetch(`${service.url}/health/ready`);
    const body = (await response.json()) as {
      status: string;
      details: Record<string, { status: string }>;
    };
    expect(response.status).toBe(200);
    expect(body.details['postgres']?.status).toBe('up');
    expect(body.details['kafka']?.status).toBe('up');
  });

  it.each([
    ['a probe', 'GET', '/health/live'],
    ['a refused command (401 Problem Details)', 'POST', '/accounts'],
    ["a route nobody serves (Express' 404)", 'GET', '/no-such-route'],
    ['the OpenAPI UI', 'GET', '/docs'],
  ])('sends the security headers and no X-Powered-By with %s', async (_, method, path) => {
    const response = await fetch(`${service.url}${path}`, { method });
    expect(response.headers.get('x-powered-by')).toBeNull();
    // The probes' own Cache-Control (terminus) is stricter still; no-store is what matters.
    const { 'cache-control': noStore, ...exact } = SECURITY_HEADERS;
    expect(response.headers.get('cache-control')).toContain(noStore);
    for (const [name, value] of Object.entries(exact))
      expect(`${name}: ${response.headers.get(name)}`).toBe(`${name}: ${value}`);
  });

  it('writes structured JSON logs', () => {
    const firstLine = service
      .output()
      .split('\n')
      .find((line) => line.startsWith('{'));
    expect(JSON.parse(firstLine ?? 'null')).toMatchObject({
      level: expect.any(Number),
      msg: expect.any(String),
    });
  });

  it('refuses to start on a bad environment, naming the variable', async () => {
    const { code, output } = await runUntilExit(ENTRY, { DATABASE_POOL_SIZE: 'many' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_POOL_SIZE');
  });
});
