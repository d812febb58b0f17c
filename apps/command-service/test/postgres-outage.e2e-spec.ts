import { createEventStoreDataSource, runMigrations } from '@ledgerline/event-store';
import { PrivateStack, startService, type RunningService } from '@ledgerline/testing';
import { CommandClient, newId, token, type HttpResult } from './support/http-client';

const ENTRY = 'apps/command-service/src/main.ts';

async function migrate(url: string): Promise<void> {
  const dataSource = createEventStoreDataSource({ url });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function expectUnavailable(result: HttpResult): void {
  expect({ status: result.status, type: result.body['type'] }).toEqual({
    status: 503,
    type: '/problems/service-unavailable',
  });
  expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

/**
 * PostgreSQL crashes (immediate shutdown) under a running command-service and comes back. On a
 * stack of the test's own (only its PostgreSQL started), so the shared stack is never disturbed.
 * Kafka points at the private stack's broker port, which nobody listens on: the command-service
 * does not need it to take commands.
 */
describe('command-service while PostgreSQL is down (private cluster, real crash)', () => {
  let stack: PrivateStack;
  let service: RunningService;
  let api: CommandClient;
  let teller: string;
  let auditor: string;
  const tenant = `outage-${newId()}`;
  const accountId = newId();

  beforeAll(async () => {
    stack = await PrivateStack.create('outage');
    await stack.up('postgres');
    const { DATABASE_URL, KAFKA_BROKERS } = stack.connection('ledgerline_test');
    await migrate(DATABASE_URL);
    service = await startService(ENTRY, {
      DATABASE_URL,
      DATABASE_POOL_SIZE: '4',
      KAFKA_BROKERS,
    });
    api = new CommandClient(service.url);
    [teller, auditor] = await Promise.all([
      token('teller-1', tenant, ['teller']),
      token('auditor-1', tenant, ['auditor']),
    ]);
  });

  afterAll(async () => {
    await service?.stop();
    await stack?.destroy();
  });

  const deposit = (amount: string, idempotencyKey?: string) =>
    api.post(
      `/accounts/${accountId}/deposits`,
      { amount },
      {
        token: teller,
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
      },
    );

  it('takes commands while PostgreSQL is up', async () => {
    const opened = await api.post(
      '/accounts',
      { accountId, ownerId: 'alice', currency: 'EUR' },
      { token: teller },
    );
    expect(opened.status).toBe(201);
    expect((await deposit('10.00')).status).toBe(201);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
  });

  it('answers the commands in flight when it crashes with 201 or 503, never 500', async () => {
    // Another account: a write cut off mid-way may have committed, so its count is not asserted.
    const busy = newId();
    const opened = await api.post(
      '/accounts',
      { accountId: busy, ownerId: 'alice', currency: 'EUR' },
      { token: teller },
    );
    expect(opened.status).toBe(201);
    const statuses = new Set<number>();
    let crashed = false;
    const writers = Array.from({ length: 4 }, async () => {
      // Until a few requests after the crash, so some are in flight when the connections drop.
      for (let afterCrash = 0; afterCrash < 3; afterCrash += crashed ? 1 : 0) {
        const result = await api.post(
          `/accounts/${busy}/deposits`,
          { amount: '1.00' },
          { token: teller, headers: { 'idempotency-key': newId() } },
        );
        statuses.add(result.status);
        if (result.status !== 201) expectUnavailable(result);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stack.crash('postgres');
    crashed = true;
    await Promise.all(writers);
    expect([...statuses].sort()).toEqual([201, 503]);
  });

  it('answers 503 with Retry-After, never 500, to every command and read while it is down', async () => {
    // Pooled connections were cut mid-life: the first requests meet them, later ones a refused connect.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        deposit('1.00'),
        deposit('2.00', newId()), // the transactional path (events + stored response)
        api.post(
          '/accounts',
          { accountId: newId(), ownerId: 'bob', currency: 'EUR' },
          { token: teller },
        ),
        api.get(`/accounts/${accountId}/events`, { token: auditor }),
      ]);
      for (const result of results) expectUnavailable(result as HttpResult);
    }
  });

  it('reports not ready while PostgreSQL is down, and stays live', async () => {
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
  });

  it('takes commands again once PostgreSQL is back, without a restart of the service', async () => {
    await stack.up('postgres');

    const deadline = Date.now() + 15_000;
    let result = await deposit('5.00');
    while (result.status !== 201 && Date.now() < deadline) {
      expectUnavailable(result);
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await deposit('5.00');
    }
    expect(result.status).toBe(201);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);

    // Nothing refused during the outage was applied: opened, the deposit before, the one after.
    const feed = await api.get<Array<{ streamVersion: number }>>(`/accounts/${accountId}/events`, {
      token: auditor,
    });
    expect(feed.body.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(service.process.exitCode).toBeNull();
  });
});
