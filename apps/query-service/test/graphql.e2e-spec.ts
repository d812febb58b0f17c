import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken } from '@ledgerline/platform';
import { startService, type RunningService } from '@ledgerline/testing';
import { AccountStream } from './support/account-stream';
import { GraphQLClient, codesOf, token, type GraphQLResult } from './support/graphql-client';
import { SeededViews } from './support/seeded-views';
import { openTestDatabase, type TestDatabase } from './support/test-database';

const ENTRY = 'apps/query-service/src/main.ts';
const CONSISTENCY_TIMEOUT_MS = 1_500;

const ACCOUNT_FIELDS = `id ownerId currency balance status overdraftLimit dailyWithdrawalLimit
  withdrawnToday version openedAt updatedAt`;

interface AccountNode {
  id: string;
  ownerId: string;
  balance: string;
  status: string;
  version: number;
  withdrawnToday: string;
}

interface Page<Node> {
  edges: { node: Node; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('query-service GraphQL API (running service, real FerretDB)', () => {
  let database: TestDatabase;
  let views: SeededViews;
  let service: RunningService;
  let api: GraphQLClient;
  let teller: string;
  let auditor: string;
  let alice: string;
  let otherTenantTeller: string;

  const tenant = 'acme';
  const at = (minute: number) => new Date(Date.UTC(2024, 4, 17, 9, minute)).toISOString();
  // Accounts in opening order: three of alice's, two of bob's.
  const aliceEur = new AccountStream({ tenantId: tenant, ownerId: 'alice', startAt: at(0) });
  const bobEur = new AccountStream({ tenantId: tenant, ownerId: 'bob', startAt: at(1) });
  const aliceUsd = new AccountStream({
    tenantId: tenant,
    ownerId: 'alice',
    currency: 'USD',
    startAt: at(2),
  });
  const bobClosed = new AccountStream({ tenantId: tenant, ownerId: 'bob', startAt: at(3) });
  const aliceToday = new AccountStream({
    tenantId: tenant,
    ownerId: 'alice',
    startAt: new Date(Date.now() - 60_000).toISOString(),
  });
  const inOpeningOrder = [aliceEur, bobEur, aliceUsd, bobClosed, aliceToday];

  beforeAll(async () => {
    database = await openTestDatabase('qs_e2e');
    views = new SeededViews(database.db);
    await views.apply(
      aliceEur.opened({ overdraftLimit: '50000', dailyWithdrawalLimit: '300000' }),
      aliceEur.deposited('150000', '2024-05-17T10:00:00.000Z', 'Salary May'),
      aliceEur.withdrawn('175000', '2024-05-17T18:30:00.000+02:00'),
      aliceEur.deposited('1', '2024-05-18T09:00:00.000Z'),
      bobEur.opened(),
      bobEur.deposited('7'),
      aliceUsd.opened(),
      aliceUsd.deposited('99999'),
      bobClosed.opened(),
      bobClosed.closed(),
      aliceToday.opened(),
      aliceToday.deposited('100000'),
      aliceToday.withdrawn('12345', new Date().toISOString()),
    );
    [service, teller, auditor, alice, otherTenantTeller] = await Promise.all([
      // GraphQL only: this suite seeds the views itself, no consumer may write into them.
      startService(ENTRY, {
        PROJECTIONS_ENABLED: 'false',
        MONGODB_DATABASE: database.name,
        CONSISTENCY_TIMEOUT_MS: String(CONSISTENCY_TIMEOUT_MS),
      }),
      token('teller-1', tenant, ['teller']),
      token('auditor-1', tenant, ['auditor']),
      token('alice', tenant),
      token('teller-9', 'globex', ['teller']),
    ]);
    api = new GraphQLClient(service.url);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.dropAndClose();
  });

  const account = (id: string, as: string, minVersion?: number) =>
    api.query<{ account: AccountNode | null }>(
      `query($id: ID!, $minVersion: Int) { account(id: $id, minVersion: $minVersion) { ${ACCOUNT_FIELDS} } }`,
      { id, minVersion },
      as,
    );

  const accountsPage = (as: string, variables: Record<string, unknown>) =>
    api.query<{ accounts: Page<AccountNode> }>(
      `query($first: Int, $after: String, $ownerId: String, $status: AccountStatus) {
        accounts(first: $first, after: $after, ownerId: $ownerId, status: $status) {
          edges { cursor node { id ownerId status } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      variables,
      as,
    );

  describe('account', () => {
    it('shows the account with money as decimal strings, never floats', async () => {
      const { status, body } = await account(aliceEur.accountId, teller);

      expect(status).toBe(200);
      expect(body).toEqual({
        data: {
          account: {
            id: aliceEur.accountId,
            ownerId: 'alice',
            currency: 'EUR',
            balance: '-249.99',
            status: 'OPEN',
            overdraftLimit: '500.00',
            dailyWithdrawalLimit: '3000.00',
            withdrawnToday: '0.00',
            version: 4,
            openedAt: '2024-05-17T09:00:00.000Z',
            updatedAt: '2024-05-18T09:00:00.000Z',
          },
        },
      });
    });

    it("counts today's withdrawals only while it is still their UTC day", async () => {
      const today = await account(aliceToday.accountId, teller);
      const earlier = await account(aliceEur.accountId, teller);

      expect(today.body.data?.account?.withdrawnToday).toBe('123.45');
      expect(earlier.body.data?.account?.withdrawnToday).toBe('0.00');
    });

    it('is null for an id that does not exist', async () => {
      expect((await account('00000000-0000-4000-8000-000000000000', teller)).body).toEqual({
        data: { account: null },
      });
    });
  });

  describe('accounts', () => {
    it('pages through every account in opening order with opaque cursors', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      do {
        const { body }: GraphQLResult<{ accounts: Page<AccountNode> }> = await accountsPage(
          auditor,
          { first: 2, after },
        );
        const page = body.data!.accounts;
        seen.push(...page.edges.map((edge) => edge.node.id));
        pages.push(page.pageInfo.hasNextPage);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);

      expect(seen).toEqual(inOpeningOrder.map((stream) => stream.accountId));
      expect(pages).toEqual([true, true, false]);
    });

    it('filters by owner and status', async () => {
      const bobs = await accountsPage(teller, { ownerId: 'bob' });
      const closed = await accountsPage(teller, { status: 'CLOSED' });

      expect(bobs.body.data?.accounts.edges.map((edge) => edge.node.id)).toEqual([
        bobEur.accountId,
        bobClosed.accountId,
      ]);
      expect(closed.body.data?.accounts.edges.map((edge) => edge.node.id)).toEqual([
        bobClosed.accountId,
      ]);
    });

    it('refuses first above 100 and a cursor it did not issue, naming the argument', async () => {
      const tooMany = await accountsPage(teller, { first: 101 });
      const forged = await accountsPage(teller, { after: 'bm90LWEtY3Vyc29y' });

      expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
      expect(tooMany.body.errors?.[0]?.message).toBe(
        'Argument first must be between 1 and 100, got 101.',
      );
      expect(codesOf(forged)).toEqual(['BAD_USER_INPUT']);
      expect(forged.body.errors?.[0]?.extensions?.['argument']).toBe('after');
    });
  });

  describe('transactions and balanceAt', () => {
    const transactions = (variables: Record<string, unknown>, as = teller) =>
      api.query<{
        transactions: Page<{ kind: string; amount: string; balanceAfter: string; version: number }>;
      }>(
        `query($accountId: ID!, $first: Int, $after: String, $from: DateTime, $to: DateTime) {
          transactions(accountId: $accountId, first: $first, after: $after, from: $from, to: $to) {
            edges { cursor node { id accountId kind amount balanceAfter reference occurredAt version transferId } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        variables,
        as,
      );
    const balanceAt = (accountId: string, when: string, as = teller) =>
      api.query<{ balanceAt: string }>(
        'query($accountId: ID!, $at: DateTime!) { balanceAt(accountId: $accountId, at: $at) }',
        { accountId, at: when },
        as,
      );

    it('lists movements oldest first, within [from, to)', async () => {
      const { body } = await transactions({
        accountId: aliceEur.accountId,
        from: '2024-05-17T10:00:00.000Z',
        to: '2024-05-18T09:00:00.000Z',
      });

      expect(body.data?.transactions.edges.map(({ node }) => node)).toEqual([
        expect.objectContaining({
          kind: 'DEPOSIT',
          amount: '1500.00',
          balanceAfter: '1500.00',
          reference: 'Salary May',
          occurredAt: '2024-05-17T10:00:00.000Z',
          version: 2,
          transferId: null,
        }),
        expect.objectContaining({
          kind: 'WITHDRAWAL',
          amount: '1750.00',
          balanceAfter: '-250.00',
          reference: null,
          occurredAt: '2024-05-17T16:30:00.000Z',
          version: 3,
        }),
      ]);
    });

    it('pages with cursors', async () => {
      const first = await transactions({ accountId: aliceEur.accountId, first: 2 });
      const rest = await transactions({
        accountId: aliceEur.accountId,
        first: 2,
        after: first.body.data?.transactions.pageInfo.endCursor,
      });

      expect(first.body.data?.transactions.pageInfo.hasNextPage).toBe(true);
      expect(rest.body.data?.transactions.edges.map(({ node }) => node.version)).toEqual([4]);
      expect(rest.body.data?.transactions.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses an invalid DateTime and an empty range', async () => {
      const invalid = await transactions({
        accountId: aliceEur.accountId,
        from: '2024-02-30T00:00:00Z',
      });
      const empty = await transactions({
        accountId: aliceEur.accountId,
        from: '2024-05-18T00:00:00Z',
        to: '2024-05-17T00:00:00Z',
      });

      expect(codesOf(invalid)).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(empty)).toEqual(['BAD_USER_INPUT']);
    });

    it('balanceAt tells the balance after the last movement at or before the instant', async () => {
      const answers = await Promise.all(
        [
          '2024-05-17T09:30:00.000Z',
          '2024-05-17T10:00:00.000Z',
          '2024-05-17T20:00:00.000+02:00',
          '2030-01-01T00:00:00.000Z',
        ].map((when) => balanceAt(aliceEur.accountId, when)),
      );

      expect(answers.map(({ body }) => body.data?.balanceAt)).toEqual([
        '0.00',
        '1500.00',
        '-250.00',
        '-249.99',
      ]);
    });

    it('is NOT_FOUND for an unknown account', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';

      expect(codesOf(await balanceAt(unknown, '2024-05-17T09:30:00.000Z'))).toEqual(['NOT_FOUND']);
      expect(codesOf(await transactions({ accountId: unknown }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('portfolio', () => {
    it('totals each currency exactly and lists the accounts in opening order', async () => {
      const { body } = await api.query(
        `{ portfolio(ownerId: "alice") { ownerId totals { currency balance } accounts { id balance } } }`,
        {},
        teller,
      );

      expect(body).toEqual({
        data: {
          portfolio: {
            ownerId: 'alice',
            totals: [
              { currency: 'EUR', balance: '626.56' },
              { currency: 'USD', balance: '999.99' },
            ],
            accounts: [
              { id: aliceEur.accountId, balance: '-249.99' },
              { id: aliceUsd.accountId, balance: '999.99' },
              { id: aliceToday.accountId, balance: '876.55' },
            ],
          },
        },
      });
    });

    it('is empty for an owner without accounts', async () => {
      const { body } = await api.query(
        '{ portfolio(ownerId: "nobody") { ownerId totals { currency } accounts { id } } }',
        {},
        teller,
      );
      expect(body).toEqual({
        data: { portfolio: { ownerId: 'nobody', totals: [], accounts: [] } },
      });
    });
  });

  describe('read-your-own-write (minVersion)', () => {
    it('waits until the view reaches the version, then answers', async () => {
      const stream = new AccountStream({ tenantId: tenant, ownerId: 'carol' });
      await views.apply(stream.opened(), stream.deposited('100'));
      const next = stream.deposited('250');

      const started = performance.now();
      const answer = account(stream.accountId, teller, 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await views.apply(next);
      const { body } = await answer;

      expect(body.data?.account).toMatchObject({ version: 3, balance: '3.50' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(300);
      expect(performance.now() - started).toBeLessThan(CONSISTENCY_TIMEOUT_MS);
    });

    it('waits for an account that is not in the view yet', async () => {
      const stream = new AccountStream({ tenantId: tenant, ownerId: 'carol' });
      const answer = account(stream.accountId, teller, 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await views.apply(stream.opened());

      expect((await answer).body.data?.account).toMatchObject({ version: 1, balance: '0.00' });
    });

    it('fails with CONSISTENCY_TIMEOUT, naming both versions, when the view does not catch up', async () => {
      const started = performance.now();
      const { status, body } = await account(aliceEur.accountId, teller, 5);

      expect(performance.now() - started).toBeGreaterThanOrEqual(CONSISTENCY_TIMEOUT_MS);
      expect(status).toBe(200);
      expect(body.data).toEqual({ account: null });
      expect(body.errors).toEqual([
        {
          message: expect.stringMatching(/at version 4 in the view, not yet at 5/),
          locations: expect.any(Array),
          path: ['account'],
          extensions: {
            code: 'CONSISTENCY_TIMEOUT',
            accountId: aliceEur.accountId,
            currentVersion: 4,
            wantedVersion: 5,
            waitedMs: CONSISTENCY_TIMEOUT_MS,
          },
        },
      ]);
    });
  });

  describe('tenant isolation', () => {
    it("another tenant's ids behave like missing ones on every query", async () => {
      const id = aliceEur.accountId;
      const [single, list, history, balance, portfolio] = await Promise.all([
        account(id, otherTenantTeller),
        accountsPage(otherTenantTeller, {}),
        api.query(
          'query($id: ID!) { transactions(accountId: $id) { edges { cursor } } }',
          { id },
          otherTenantTeller,
        ),
        api.query(
          'query($id: ID!) { balanceAt(accountId: $id, at: "2030-01-01T00:00:00Z") }',
          { id },
          otherTenantTeller,
        ),
        api.query(
          '{ portfolio(ownerId: "alice") { totals { balance } accounts { id } } }',
          {},
          otherTenantTeller,
        ),
      ]);

      expect(single.body).toEqual({ data: { account: null } });
      expect(list.body.data?.accounts.edges).toEqual([]);
      expect(codesOf(history)).toEqual(['NOT_FOUND']);
      expect(codesOf(balance)).toEqual(['NOT_FOUND']);
      expect(portfolio.body).toEqual({ data: { portfolio: { totals: [], accounts: [] } } });
    });

    it('waiting on minVersion for another tenant’s account times out like a missing one', async () => {
      const { body } = await account(bobEur.accountId, otherTenantTeller, 1);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONSISTENCY_TIMEOUT',
        currentVersion: 0,
      });
    });
  });

  describe('customers (no role)', () => {
    it('see their own accounts only; someone else’s account is null', async () => {
      const own = await account(aliceEur.accountId, alice);
      const bobs = await account(bobEur.accountId, alice);
      const list = await accountsPage(alice, {});

      expect(own.body.data?.account?.id).toBe(aliceEur.accountId);
      expect(bobs.body).toEqual({ data: { account: null } });
      expect(list.body.data?.accounts.edges.map((edge) => edge.node.ownerId)).toEqual([
        'alice',
        'alice',
        'alice',
      ]);
    });

    it("are FORBIDDEN to ask for someone else's accounts or portfolio by owner", async () => {
      const list = await accountsPage(alice, { ownerId: 'bob' });
      const portfolio = await api.query('{ portfolio(ownerId: "bob") { ownerId } }', {}, alice);

      expect(codesOf(list)).toEqual(['FORBIDDEN']);
      expect(codesOf(portfolio)).toEqual(['FORBIDDEN']);
    });

    it("find someone else's history NOT_FOUND", async () => {
      const history = await api.query(
        'query($id: ID!) { transactions(accountId: $id) { edges { cursor } } }',
        { id: bobEur.accountId },
        alice,
      );
      expect(codesOf(history)).toEqual(['NOT_FOUND']);
    });
  });

  describe('authentication', () => {
    const query = '{ transfer(id: "x") { id } }';

    it.each([
      ['no Authorization header', undefined],
      ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
      ['a malformed token', 'Bearer not.a.jwt'],
      [
        'a token signed with another secret',
        'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInRlbmFudCI6ImFjbWUiLCJyb2xlcyI6W119.' +
          'Yk3nJ0nPpY8mJ2JmYt5I3L3rB3N1bQZf3p9k0uM4n8c',
      ],
    ])('refuses %s with 401 UNAUTHENTICATED and runs nothing', async (_case, authorization) => {
      const { status, body } = await api.query(query, {}, null, authorization);

      expect(status).toBe(401);
      expect(body).not.toHaveProperty('data');
      expect(codesOf({ status, body })).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses a token that never expires and one with a 5,000-character tenant', async () => {
      const key = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
      const neverExpires = await new SignJWT({ tenant: 'acme', roles: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .setIssuedAt()
        .sign(key);
      const hugeTenant = await mintDevelopmentToken(DEVELOPMENT_JWT_SECRET, {
        sub: 'alice',
        tenant: 'a'.repeat(5_000),
      });
      for (const refused of [neverExpires, hugeTenant]) {
        const { status, body } = await api.query(query, {}, null, `Bearer ${refused}`);
        expect(status).toBe(401);
        expect(codesOf({ status, body })).toEqual(['UNAUTHENTICATED']);
      }
    });

    it('answers transfer with null while no transfer exists', async () => {
      expect((await api.query(query, {}, teller)).body).toEqual({ data: { transfer: null } });
    });
  });

  describe('operation limits', () => {
    it('rejects an over-complex operation with 400 QUERY_TOO_COMPLEX before executing it', async () => {
      const page = `accounts(first: 100) { edges { node { ${ACCOUNT_FIELDS} } } }`;
      const { status, body } = await api.query(`{ a: ${page} b: ${page} }`, {}, teller);

      expect(status).toBe(400);
      expect(body).not.toHaveProperty('data');
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'QUERY_TOO_COMPLEX',
        complexity: 2_602,
        maxComplexity: 2_000,
      });
    });

    it('prices page sizes given in variables', async () => {
      const { status, body } = await api.query(
        `query($n: Int) { a: accounts(first: $n) { edges { node { ${ACCOUNT_FIELDS} } } }
                          b: accounts(first: $n) { edges { node { ${ACCOUNT_FIELDS} } } } }`,
        { n: 100 },
        teller,
      );

      expect(status).toBe(400);
      expect(codesOf({ status, body })).toEqual(['QUERY_TOO_COMPLEX']);
    });

    it('has no introspection outside development', async () => {
      const result = await api.query('{ __schema { types { name } } }', {}, teller);
      expect(result.status).toBe(400);
      expect(codesOf(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it('sends no stack traces with errors', async () => {
      const results = await Promise.all([
        accountsPage(teller, { first: 0 }),
        api.query('{ nope }', {}, teller),
        api.query('{ accounts { ', {}, teller),
      ]);
      for (const { body } of results) {
        expect(body.errors?.length).toBeGreaterThan(0);
        for (const error of body.errors ?? []) {
          expect(error.extensions?.code).toEqual(expect.any(String));
          expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.ts:\d+/);
        }
      }
    });
  });
});

describe('query-service GraphQL limits from the environment', () => {
  let service: RunningService;
  let api: GraphQLClient;
  let teller: string;

  beforeAll(async () => {
    [service, teller] = await Promise.all([
      startService(ENTRY, {
        PROJECTIONS_ENABLED: 'false',
        GRAPHQL_MAX_DEPTH: '3',
        GRAPHQL_MAX_COMPLEXITY: '50',
      }),
      token('teller-1', 'acme', ['teller']),
    ]);
    api = new GraphQLClient(service.url);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('rejects an operation deeper than GRAPHQL_MAX_DEPTH with 400 QUERY_TOO_DEEP', async () => {
    const { status, body } = await api.query('{ accounts { edges { node { id } } } }', {}, teller);

    expect(status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([
      {
        message: 'The operation is nested 4 levels deep; at most 3 are allowed.',
        locations: expect.any(Array),
        extensions: { code: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 },
      },
    ]);
  });

  it('admits what fits and refuses what exceeds GRAPHQL_MAX_COMPLEXITY', async () => {
    const fits = await api.query(
      '{ accounts(first: 10) { pageInfo { hasNextPage } } }',
      {},
      teller,
    );
    const exceeds = await api.query(
      '{ accounts(first: 30) { pageInfo { hasNextPage } } }',
      {},
      teller,
    );

    expect(fits.status).toBe(200);
    expect(fits.body.errors).toBeUndefined();
    expect(codesOf(exceeds)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
