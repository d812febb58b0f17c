import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken } from '@ledgerline/platform';
import { startService, type RunningService } from '@ledgerline/testing';
import { CommandClient, newId, token } from './support/http-client';

const ENTRY = 'apps/command-service/src/main.ts';

interface CommandBody {
  streamId: string;
  version: number;
  position: string;
}

interface Envelope {
  type: string;
  streamVersion: number;
  data: Record<string, string>;
}

describe('command-service accounts API (running service, real PostgreSQL)', () => {
  let service: RunningService;
  let api: CommandClient;
  const tenant = `acme-${newId()}`;
  let teller: string;
  let auditor: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    service = await startService(ENTRY, {});
    api = new CommandClient(service.url);
    [teller, auditor, alice, bob] = await Promise.all([
      token('teller-1', tenant, ['teller']),
      token('auditor-1', tenant, ['auditor']),
      token('alice', tenant),
      token('bob', tenant),
    ]);
  });

  afterAll(async () => {
    await service.stop();
  });

  async function openAccount(body: Record<string, unknown> = {}, as = teller): Promise<string> {
    const accountId = newId();
    const opened = await api.post(
      '/accounts',
      { accountId, ownerId: 'alice', currency: 'EUR', ...body },
      { token: as },
    );
    expect(opened.status).toBe(201);
    return accountId;
  }

  async function events(accountId: string): Promise<Envelope[]> {
    const feed = await api.get<Envelope[]>(`/accounts/${accountId}/events?limit=1000`, {
      token: auditor,
    });
    expect(feed.status).toBe(200);
    return feed.body;
  }

  describe('success paths', () => {
    it('opens an account: 201, stream id, version 1, ETag and Location', async () => {
      const accountId = newId();
      const opened = await api.post<CommandBody>(
        '/accounts',
        {
          accountId,
          ownerId: 'alice',
          currency: 'EUR',
          overdraftLimit: '50.00',
          dailyWithdrawalLimit: '300.00',
        },
        { token: teller },
      );

      expect(opened.status).toBe(201);
      expect(opened.body).toEqual({
        streamId: accountId,
        version: 1,
        position: expect.stringMatching(/^\d+$/),
      });
      expect(opened.headers.get('etag')).toBe('"1"');
      expect(opened.headers.get('location')).toBe(`/accounts/${accountId}`);
      const [openedEvent] = await events(accountId);
      expect(openedEvent).toMatchObject({
        type: 'account.opened',
        data: {
          ownerId: 'alice',
          currency: 'EUR',
          overdraftLimit: '5000',
          dailyWithdrawalLimit: '30000',
        },
      });
    });

    it('generates the account id when the client sends none', async () => {
      const opened = await api.post<CommandBody>(
        '/accounts',
        { ownerId: 'alice', currency: 'EUR' },
        { token: teller },
      );
      expect(opened.status).toBe(201);
      expect(opened.body.streamId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('deposits, withdraws and closes, each answering the new version', async () => {
      const accountId = await openAccount();
      const deposit = await api.post<CommandBody>(
        `/accounts/${accountId}/deposits`,
        { amount: '100.00', reference: 'salary' },
        { token: teller },
      );
      const withdrawal = await api.post<CommandBody>(
        `/accounts/${accountId}/withdrawals`,
        { amount: '100.00' },
        { token: teller },
      );
      const closed = await api.post<CommandBody>(
        `/accounts/${accountId}/close`,
        {},
        { token: teller },
      );

      expect([deposit.status, withdrawal.status, closed.status]).toEqual([201, 201, 200]);
      expect([deposit.body.version, withdrawal.body.version, closed.body.version]).toEqual([
        2, 3, 4,
      ]);
      expect(closed.headers.get('etag')).toBe('"4"');
      expect(BigInt(withdrawal.body.position)).toBeGreaterThan(BigInt(deposit.body.position));
      expect((await events(accountId)).map((e) => e.type)).toEqual([
        'account.opened',
        'account.money-deposited',
        'account.money-withdrawn',
        'account.closed',
      ]);
    });

    it('lets a customer open and use their own account', async () => {
      const accountId = await openAccount({ ownerId: 'alice' }, alice);
      const deposit = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '1.00' },
        { token: alice },
      );
      expect(deposit.status).toBe(201);
    });

    it('serves the auditor feed from a version with a limit', async () => {
      const accountId = await openAccount();
      await api.post(`/accounts/${accountId}/deposits`, { amount: '1.00' }, { token: teller });
      await api.post(`/accounts/${accountId}/deposits`, { amount: '2.00' }, { token: teller });
      const page = await api.get<Envelope[]>(
        `/accounts/${accountId}/events?fromVersion=2&limit=1`,
        { token: auditor },
      );
      expect(page.status).toBe(200);
      expect(page.body.map((e) => [e.streamVersion, e.data['amount']])).toEqual([[2, '100']]);
    });
  });

  describe('conditional commands (If-Match)', () => {
    it('applies the command at the stated version', async () => {
      const accountId = await openAccount();
      const deposit = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '5.00' },
        { token: teller, headers: { 'if-match': '"1"' } },
      );
      expect(deposit.status).toBe(201);
    });

    it('answers 412 at another version and appends nothing', async () => {
      const accountId = await openAccount();
      const stale = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '5.00' },
        { token: teller, headers: { 'if-match': '"7"' } },
      );
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        type: '/problems/precondition-failed',
        currentVersion: 1,
      });
      expect(await events(accountId)).toHaveLength(1);
    });

    it('refuses a malformed If-Match with 400', async () => {
      const accountId = await openAccount();
      const bad = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '5.00' },
        { token: teller, headers: { 'if-match': 'yesterday' } },
      );
      expect(bad.status).toBe(400);
    });
  });

  describe('idempotency keys', () => {
    it('returns the first response to a retry and appends nothing', async () => {
      const accountId = await openAccount();
      const headers = { 'idempotency-key': `deposit-${newId()}` };
      const first = await api.post<CommandBody>(
        `/accounts/${accountId}/deposits`,
        { amount: '10.00' },
        { token: teller, headers },
      );
      const retry = await api.post<CommandBody>(
        `/accounts/${accountId}/deposits`,
        { amount: '10.00' },
        { token: teller, headers },
      );

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await events(accountId)).toHaveLength(2);
    });

    it('replays each route’s own reply: an open’s 201 with Location, a close’s 200', async () => {
      const accountId = newId();
      const open = { accountId, ownerId: 'alice', currency: 'EUR' };
      const openKey = { 'idempotency-key': `open-${newId()}` };
      const opened = await api.post<CommandBody>('/accounts', open, {
        token: teller,
        headers: openKey,
      });
      const reopened = await api.post<CommandBody>('/accounts', open, {
        token: teller,
        headers: openKey,
      });
      expect([opened.status, reopened.status]).toEqual([201, 201]);
      expect(reopened.body).toEqual(opened.body);
      expect(reopened.headers.get('location')).toBe(`/accounts/${accountId}`);
      expect(reopened.headers.get('idempotent-replayed')).toBe('true');

      const closeKey = { 'idempotency-key': `close-${newId()}` };
      const close = () =>
        api.post<CommandBody>(
          `/accounts/${accountId}/close`,
          {},
          { token: teller, headers: closeKey },
        );
      const [closed, reclosed] = [await close(), await close()];
      expect([closed.status, reclosed.status]).toEqual([200, 200]);
      expect(reclosed.body).toEqual(closed.body);
      expect(reclosed.headers.get('etag')).toBe('"2"');
      expect(closed.headers.get('idempotent-replayed')).toBeNull();
      expect(reclosed.headers.get('idempotent-replayed')).toBe('true');
      expect(await events(accountId)).toHaveLength(2);
    });

    it('appends once when the same request races itself', async () => {
      const accountId = await openAccount();
      const headers = { 'idempotency-key': `race-${newId()}` };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          api.post<CommandBody>(
            `/accounts/${accountId}/deposits`,
            { amount: '3.00' },
            { token: teller, headers },
          ),
        ),
      );
      expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
      expect(new Set(responses.map((r) => r.body.version))).toEqual(new Set([2]));
      expect(await events(accountId)).toHaveLength(2);
    });

    it('answers 422 when the key is reused with a different body', async () => {
      const accountId = await openAccount();
      const headers = { 'idempotency-key': `reuse-${newId()}` };
      await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '10.00' },
        { token: teller, headers },
      );
      const reuse = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '99.00' },
        { token: teller, headers },
      );
      expect(reuse.status).toBe(422);
      expect(reuse.body['type']).toBe('/problems/idempotency-key-reused');
      expect(await events(accountId)).toHaveLength(2);
    });

    it('refuses a key longer than 100 characters', async () => {
      const accountId = await openAccount();
      const tooLong = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '1.00' },
        { token: teller, headers: { 'idempotency-key': 'k'.repeat(101) } },
      );
      expect(tooLong.status).toBe(400);
    });
  });

  describe('authentication, roles and tenancy', () => {
    it('401 without a token, with a forged token, and with an expired one', async () => {
      expect((await api.post('/accounts', { ownerId: 'a', currency: 'EUR' })).status).toBe(401);
      const forged = `${teller.slice(0, -4)}AAAA`;
      expect(
        (await api.post('/accounts', { ownerId: 'a', currency: 'EUR' }, { token: forged })).status,
      ).toBe(401);
      const expired = await mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, {
        sub: 't',
        tenant,
        roles: ['teller'],
        expiresIn: '-1m',
      });
      const response = await api.post(
        '/accounts',
        { ownerId: 'a', currency: 'EUR' },
        { token: expired },
      );
      expect(response.status).toBe(401);
      expect(response.body['type']).toBe('/problems/unauthenticated');
    });

    it('401 with a token that never expires, lives too long, or carries an odd tenant', async () => {
      const key = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
      const claims = { tenant, roles: ['teller'] };
      const neverExpires = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('t')
        .setIssuedAt()
        .sign(key);
      const refused = [
        neverExpires,
        await mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, {
          sub: 't',
          tenant,
          roles: ['teller'],
          expiresIn: '25h',
        }),
        await mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, {
          sub: 't',
          tenant: 'a'.repeat(5_000),
          roles: ['teller'],
        }),
        await mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, {
          sub: 't',
          tenant: 'acme corp',
          roles: ['teller'],
        }),
      ];
      for (const token of refused) {
        const response = await api.post(
          '/accounts',
          { accountId: newId(), ownerId: 'a', currency: 'EUR' },
          { token },
        );
        expect([response.status, response.body['type']]).toEqual([
          401,
          '/problems/unauthenticated',
        ]);
      }
    });

    it('403 when a customer acts on another customer’s account', async () => {
      const accountId = await openAccount({ ownerId: 'alice' });
      const response = await api.post(
        `/accounts/${accountId}/withdrawals`,
        { amount: '1.00' },
        { token: bob },
      );
      expect(response.status).toBe(403);
      expect(await events(accountId)).toHaveLength(1);
    });

    it('403 when a customer opens an account for someone else, or an auditor acts', async () => {
      expect(
        (await api.post('/accounts', { ownerId: 'alice', currency: 'EUR' }, { token: bob })).status,
      ).toBe(403);
      const accountId = await openAccount();
      expect(
        (await api.post(`/accounts/${accountId}/deposits`, { amount: '1.00' }, { token: auditor }))
          .status,
      ).toBe(403);
    });

    it('403 when a non-auditor reads the event feed', async () => {
      const accountId = await openAccount();
      expect((await api.get(`/accounts/${accountId}/events`, { token: teller })).status).toBe(403);
    });

    it('404 for another tenant’s account, on commands and on the feed', async () => {
      const accountId = await openAccount();
      const otherTeller = await token('teller-x', `other-${newId()}`, ['teller']);
      const otherAuditor = await token('auditor-x', `other-${newId()}`, ['auditor']);
      expect(
        (
          await api.post(
            `/accounts/${accountId}/deposits`,
            { amount: '1.00' },
            { token: otherTeller },
          )
        ).status,
      ).toBe(404);
      expect((await api.get(`/accounts/${accountId}/events`, { token: otherAuditor })).status).toBe(
        404,
      );
      expect(await events(accountId)).toHaveLength(1);
    });
  });

  describe('bad input is a 4xx with Problem Details, never a 500', () => {
    it('400 with field-level errors for invalid and unknown fields', async () => {
      const response = await api.post(
        '/accounts',
        { ownerId: '', currency: 'euro', overdraftLimit: 5, extra: true },
        { token: teller },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const fields = (response.body['errors'] as Array<{ field: string }>)
        .map((e) => e.field)
        .sort();
      expect(fields).toEqual(
        expect.arrayContaining(['currency', 'extra', 'overdraftLimit', 'ownerId']),
      );
    });

    it.each(['1.001', '-5.00', '1e3', ' 1.00', '1,00', '', '0.5.0'])(
      '400 for the amount %p',
      async (amount) => {
        const accountId = await openAccount();
        const response = await api.post(
          `/accounts/${accountId}/deposits`,
          { amount },
          { token: teller },
        );
        expect(response.status).toBe(400);
        expect(response.body['errors']).toEqual([expect.objectContaining({ field: 'amount' })]);
      },
    );

    it('400 for a zero amount and for one above 1,000,000,000.00', async () => {
      const accountId = await openAccount();
      for (const amount of ['0.00', '1000000000.01']) {
        const response = await api.post(
          `/accounts/${accountId}/deposits`,
          { amount },
          { token: teller },
        );
        expect(response.status).toBe(400);
      }
    });

    it('400 for malformed JSON and for a non-UUID account id', async () => {
      const malformed = await api.post('/accounts', undefined, {
        token: teller,
        raw: '{"ownerId": ',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body['detail']).toContain('not valid JSON');
      const badId = await api.post(
        '/accounts/not-a-uuid/deposits',
        { amount: '1.00' },
        { token: teller },
      );
      expect(badId.status).toBe(400);
    });

    it('400, not 500, for text PostgreSQL cannot store and for null optional fields', async () => {
      const accountId = await openAccount();
      // Raw bodies: JSON escapes of U+0000 and of a lone surrogate, which the store refuses.
      const refusals = [
        ['/accounts', '{"ownerId": "al\\u0000ice", "currency": "EUR"}', 'ownerId'],
        ['/accounts', '{"ownerId": "al\\ud800ice", "currency": "EUR"}', 'ownerId'],
        ['/accounts', '{"ownerId": "alice", "currency": "EUR", "accountId": null}', 'accountId'],
        [
          `/accounts/${accountId}/deposits`,
          '{"amount": "1.00", "reference": "a\\u0000"}',
          'reference',
        ],
        [`/accounts/${accountId}/deposits`, '{"amount": "1.00", "reference": null}', 'reference'],
      ] as const;
      for (const [path, raw, field] of refusals) {
        const response = await api.post(path, undefined, { token: teller, raw });
        const fields = (response.body['errors'] as { field: string }[]).map((e) => e.field);
        expect([raw, response.status, [...new Set(fields)]]).toEqual([raw, 400, [field]]);
      }
      expect(await events(accountId)).toHaveLength(1);
    });

    it('400, not 500, for a feed position beyond a PostgreSQL integer or not in digits', async () => {
      const accountId = await openAccount();
      for (const query of ['fromVersion=99999999999999', 'fromVersion=0x10', 'limit=1e3']) {
        const response = await api.get(`/accounts/${accountId}/events?${query}`, {
          token: auditor,
        });
        expect([query, response.status]).toEqual([query, 400]);
      }
    });

    it('415 for a body that is not JSON', async () => {
      const response = await api.post('/accounts', undefined, {
        token: teller,
        raw: 'ownerId=alice',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(415);
    });

    it('413 for an oversized body', async () => {
      const response = await api.post(
        '/accounts',
        { ownerId: 'x'.repeat(64 * 1024), currency: 'EUR' },
        { token: teller },
      );
      expect(response.status).toBe(413);
      expect(response.body['type']).toBe('/problems/payload-too-large');
    });

    it('404 for an account that does not exist', async () => {
      const response = await api.post(
        `/accounts/${newId()}/deposits`,
        { amount: '1.00' },
        { token: teller },
      );
      expect(response.status).toBe(404);
      expect(response.body['type']).toBe('/problems/not-found');
    });
  });

  describe('business rules answer 422 with stable problem types', () => {
    it('insufficient funds, beyond the overdraft', async () => {
      const accountId = await openAccount({ overdraftLimit: '10.00' });
      expect(
        (
          await api.post(
            `/accounts/${accountId}/withdrawals`,
            { amount: '10.00' },
            { token: teller },
          )
        ).status,
      ).toBe(201);
      const over = await api.post(
        `/accounts/${accountId}/withdrawals`,
        { amount: '0.01' },
        { token: teller },
      );
      expect(over.status).toBe(422);
      expect(over.body).toMatchObject({ type: '/problems/insufficient-funds', available: '0.00' });
    });

    it('daily limit exceeded', async () => {
      const accountId = await openAccount({ dailyWithdrawalLimit: '20.00' });
      await api.post(`/accounts/${accountId}/deposits`, { amount: '100.00' }, { token: teller });
      expect(
        (
          await api.post(
            `/accounts/${accountId}/withdrawals`,
            { amount: '20.00' },
            { token: teller },
          )
        ).status,
      ).toBe(201);
      const over = await api.post(
        `/accounts/${accountId}/withdrawals`,
        { amount: '0.01' },
        { token: teller },
      );
      expect(over.status).toBe(422);
      expect(over.body['type']).toBe('/problems/daily-limit-exceeded');
    });

    it('currency mismatch', async () => {
      const accountId = await openAccount();
      const response = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '1.00', currency: 'USD' },
        { token: teller },
      );
      expect(response.status).toBe(422);
      expect(response.body['type']).toBe('/problems/currency-mismatch');
    });

    it('balance not zero, then account closed', async () => {
      const accountId = await openAccount();
      await api.post(`/accounts/${accountId}/deposits`, { amount: '1.00' }, { token: teller });
      const notZero = await api.post(`/accounts/${accountId}/close`, {}, { token: teller });
      expect(notZero.status).toBe(422);
      expect(notZero.body['type']).toBe('/problems/balance-not-zero');

      await api.post(`/accounts/${accountId}/withdrawals`, { amount: '1.00' }, { token: teller });
      expect((await api.post(`/accounts/${accountId}/close`, {}, { token: teller })).status).toBe(
        200,
      );
      const afterClose = await api.post(
        `/accounts/${accountId}/deposits`,
        { amount: '1.00' },
        { token: teller },
      );
      expect(afterClose.status).toBe(422);
      expect(afterClose.body['type']).toBe('/problems/account-closed');
    });

    it('account already exists', async () => {
      const accountId = await openAccount();
      const again = await api.post(
        '/accounts',
        { accountId, ownerId: 'alice', currency: 'EUR' },
        { token: teller },
      );
      expect(again.status).toBe(422);
      expect(again.body['type']).toBe('/problems/account-already-exists');
    });
  });

  it('serves the OpenAPI UI and document', async () => {
    expect((await fetch(`${service.url}/docs`)).status).toBe(200);
    const document = (await (await fetch(`${service.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/accounts',
        '/accounts/{id}/deposits',
        '/accounts/{id}/withdrawals',
        '/accounts/{id}/close',
        '/accounts/{id}/events',
      ]),
    );
  });
});
