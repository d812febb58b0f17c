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

  it('refuses to start on a bad environment, naming the variable', async () => {
    const { code, output } = await runUntilExit(ENTRY, { PORT: '-1' });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
  });
});
