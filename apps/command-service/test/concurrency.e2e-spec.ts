import { startService, type RunningService } from '@ledgerline/testing';
import { CommandClient, newId, token, type HttpResult } from './support/http-client';

const ENTRY = 'apps/command-service/src/main.ts';

interface Envelope {
  type: string;
  data: Record<string, string>;
}

/**
 * Invariants under concurrency, with two service processes on one database so that optimistic
 * concurrency (not the in-process queue) decides between them.
 */
describe('command-service under concurrency (two processes, real PostgreSQL)', () => {
  let first: RunningService;
  let second: RunningService;
  let apis: CommandClient[];
  const tenant = `race-${newId()}`;
  let teller: string;
  let auditor: string;

  beforeAll(async () => {
    // The second process never retries a conflict, so conflicts surface as 409.
    [first, second] = await Promise.all([
      startService(ENTRY, {}),
      startService(ENTRY, { COMMAND_MAX_RETRIES: '0' }),
    ]);
    apis = [new CommandClient(first.url), new CommandClient(second.url)];
    [teller, auditor] = await Promise.all([
      token('teller-1', tenant, ['teller']),
      token('auditor-1', tenant, ['auditor']),
    ]);
  });

  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
  });

  async function openFunded(deposit: string, limits: Record<string, string>): Promise<string> {
    const accountId = newId();
    const api = apis[0]!;
    expect(
      (
        await api.post(
          '/accounts',
          { accountId, ownerId: 'o', currency: 'EUR', ...limits },
          { token: teller },
        )
      ).status,
    ).toBe(201);
    expect(
      (await api.post(`/accounts/${accountId}/deposits`, { amount: deposit }, { token: teller }))
        .status,
    ).toBe(201);
    return accountId;
  }

  async function withdrawConcurrently(
    accountId: string,
    count: number,
    amount: string,
  ): Promise<HttpResult[]> {
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        apis[i % 2]!.post(`/accounts/${accountId}/withdrawals`, { amount }, { token: teller }),
      ),
    );
  }

  async function withdrawn(
    accountId: string,
  ): Promise<{ count: number; total: bigint; lastBalance: bigint }> {
    const feed = await apis[0]!.get<Envelope[]>(`/accounts/${accountId}/events?limit=1000`, {
      token: auditor,
    });
    const withdrawals = feed.body.filter((e) => e.type === 'account.money-withdrawn');
    const last = feed.body.at(-1)!;
    return {
      count: withdrawals.length,
      total: withdrawals.reduce((sum, e) => sum + BigInt(e.data['amount']!), 0n),
      lastBalance: BigInt(last.data['balanceAfter']!),
    };
  }

  function statuses(responses: HttpResult[]): Record<number, number> {
    return responses.reduce<Record<number, number>>(
      (counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }),
      {},
    );
  }

  it('100 concurrent withdrawals never overdraw the account; 201s × amount equals the balance change', async () => {
    // 100 × 15.00 = 1500.00 requested against a balance of 1000.00 (daily limit out of the way).
    const accountId = await openFunded('1000.00', { dailyWithdrawalLimit: '100000.00' });
    const responses = await withdrawConcurrently(accountId, 100, '15.00');

    const counts = statuses(responses);
    expect(
      Object.keys(counts)
        .map(Number)
        .every((s) => [201, 409, 422].includes(s)),
    ).toBe(true);
    const accepted = counts[201] ?? 0;
    const result = await withdrawn(accountId);
    expect(result.count).toBe(accepted);
    expect(result.total).toBe(BigInt(accepted) * 1500n);
    expect(result.lastBalance).toBe(100000n - BigInt(accepted) * 1500n);
    expect(result.lastBalance).toBeGreaterThanOrEqual(0n);
    expect(accepted).toBeGreaterThan(0);
    // Every refusal for money is the insufficient-funds rule, not an accident.
    for (const r of responses.filter((x) => x.status === 422))
      expect(r.body['type']).toBe('/problems/insufficient-funds');
  });

  it('100 concurrent withdrawals never exceed the daily limit', async () => {
    // 100 × 20.00 = 2000.00 requested; the balance allows it, the daily limit (1500.00) does not.
    const accountId = await openFunded('5000.00', {});
    const responses = await withdrawConcurrently(accountId, 100, '20.00');

    const accepted = statuses(responses)[201] ?? 0;
    const result = await withdrawn(accountId);
    expect(result.count).toBe(accepted);
    expect(result.total).toBe(BigInt(accepted) * 2000n);
    expect(result.total).toBeLessThanOrEqual(150000n);
    expect(result.lastBalance).toBe(500000n - result.total);
    for (const r of responses.filter((x) => x.status === 422))
      expect(r.body['type']).toBe('/problems/daily-limit-exceeded');
  });

  it('answers 409 Problem Details when conflicts outlast the retries, and appends nothing for them', async () => {
    const accountId = await openFunded('1.00', {});
    let conflicts: HttpResult[] = [];
    let accepted = 0;
    // Conflicts depend on timing; a few rounds make at least one certain in practice.
    for (let round = 0; round < 5 && conflicts.length === 0; round++) {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          apis[i % 2]!.post(
            `/accounts/${accountId}/deposits`,
            { amount: '1.00' },
            { token: teller },
          ),
        ),
      );
      conflicts = responses.filter((r) => r.status === 409);
      accepted += responses.filter((r) => r.status === 201).length;
    }
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts[0]!.body['type']).toBe('/problems/concurrent-modification');
    const feed = await apis[0]!.get<Envelope[]>(`/accounts/${accountId}/events?limit=1000`, {
      token: auditor,
    });
    expect(feed.body.filter((e) => e.type === 'account.money-deposited')).toHaveLength(
      accepted + 1,
    );
  });
});

describe('command-service rate limiting', () => {
  let limited: RunningService;

  beforeAll(async () => {
    limited = await startService(ENTRY, { RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await limited.stop();
  });

  it('answers 429 Problem Details past the limit', async () => {
    const api = new CommandClient(limited.url);
    const teller = await token('t', `rl-${newId()}`, ['teller']);
    const responses = [];
    for (let i = 0; i < 5; i++)
      responses.push(
        await api.post('/accounts', { ownerId: 'o', currency: 'EUR' }, { token: teller }),
      );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    expect(responses[3]!.body['type']).toBe('/problems/rate-limited');
  });
});
