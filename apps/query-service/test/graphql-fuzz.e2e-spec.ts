import { seededRandom, startService, type RunningService } from '@ledgerline/testing';
import type { GraphQLSchema } from 'graphql';
import { AccountStream } from './support/account-stream';
import { buildApiSchema } from './support/api-schema';
import { GraphQLClient, token, type GraphQLResult } from './support/graphql-client';
import { fuzzCases, type FuzzCase } from './support/graphql-fuzz';
import { SeededViews } from './support/seeded-views';
import { openTestDatabase, type TestDatabase } from './support/test-database';

const ENTRY = 'apps/query-service/src/main.ts';
/** Deterministic by default; GRAPHQL_FUZZ_SEED explores other combinations. */
const SEED = Number(process.env['GRAPHQL_FUZZ_SEED'] ?? 20261204);
const RANDOM_CASES_PER_FIELD = 100;
/** minVersion far ahead of the view waits this long; short, so the extremes stay cheap. */
const CONSISTENCY_TIMEOUT_MS = 100;
const PARALLEL_REQUESTS = 8;

/** Queries written out, so literal parsing is covered too (variables only exercise coercion). */
const LITERAL_QUERIES = [
  '{ accounts(first: 99999999999) { edges { cursor } } }',
  '{ accounts(first: -5, after: "") { pageInfo { hasNextPage } } }',
  '{ account(id: "\\u0000") { id } }',
  '{ account(id: "x", minVersion: 2147483647) { id } }',
  '{ balanceAt(accountId: "x", at: "2024-02-30T00:00:00Z") }',
  '{ balanceAt(accountId: "x", at: 5) }',
  '{ transactions(accountId: "x", from: "2024-05-18T00:00:00Z", to: "2024-05-17T00:00:00Z") { edges { cursor } } }',
  '{ portfolio(ownerId: "") { totals { currency balance } } }',
  '{ transfer(id: "") { id } }',
  '{ __typename }',
];

interface Finding {
  reader: string;
  query: string;
  variables: Record<string, unknown>;
  status: number;
  errors: unknown;
}

describe('query-service GraphQL API under schema-driven fuzzing (running service, real FerretDB)', () => {
  let database: TestDatabase;
  let service: RunningService;
  let api: GraphQLClient;
  let schema: GraphQLSchema;
  let readers: Record<string, string>;

  const tenant = 'fuzz';
  const alice = new AccountStream({ tenantId: tenant, ownerId: 'alice' });
  const bob = new AccountStream({ tenantId: tenant, ownerId: 'bob', currency: 'USD' });

  beforeAll(async () => {
    database = await openTestDatabase('qs_fuzz');
    await new SeededViews(database.db).apply(
      alice.opened({ overdraftLimit: '5000' }),
      alice.deposited('150000', undefined, 'Salary'),
      alice.withdrawn('2500'),
      bob.opened(),
      bob.deposited('1'),
      bob.closed(),
    );
    let teller: string;
    let customer: string;
    let stranger: string;
    [service, schema, teller, customer, stranger] = await Promise.all([
      startService(ENTRY, {
        PROJECTIONS_ENABLED: 'false',
        MONGODB_DATABASE: database.name,
        CONSISTENCY_TIMEOUT_MS: String(CONSISTENCY_TIMEOUT_MS),
        RATE_LIMIT_PER_MINUTE: '1000000',
      }),
      buildApiSchema(),
      token('teller-1', tenant, ['teller']),
      token('alice', tenant),
      token('teller-9', 'another-tenant', ['teller']),
    ]);
    readers = { teller, customer, stranger };
    api = new GraphQLClient(service.url);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.dropAndClose();
  });

  /** Sends every case as every reader, a few at a time; returns what had no business happening. */
  async function findings(
    cases: FuzzCase[],
  ): Promise<{ sent: number; answered: number; found: Finding[] }> {
    const jobs = cases.flatMap((fuzz) =>
      Object.entries(readers).map(([reader, bearer]) => ({ fuzz, reader, bearer })),
    );
    const found: Finding[] = [];
    let answered = 0;
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { fuzz, reader, bearer } = jobs[next++]!;
        const result: GraphQLResult = await api.query(fuzz.query, fuzz.variables, bearer);
        if (!result.body.errors && result.body.data) answered++;
        const internal = (result.body.errors ?? []).filter(
          (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR',
        );
        if (
          result.status >= 500 ||
          internal.length > 0 ||
          (!result.body.errors && !result.body.data)
        )
          found.push({
            reader,
            query: fuzz.query,
            variables: fuzz.variables,
            status: result.status,
            errors: result.body.errors,
          });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
    return { sent: jobs.length, answered, found };
  }

  it('answers every generated operation of every Query field without an internal error', async () => {
    const cases = fuzzCases(
      schema,
      { accountIds: [alice.accountId, bob.accountId], ownerIds: ['alice', 'bob'] },
      seededRandom(SEED),
      RANDOM_CASES_PER_FIELD,
    );
    const fields = new Set(cases.map((fuzz) => fuzz.field));
    expect([...fields].sort()).toEqual(
      Object.keys(schema.getQueryType()?.getFields() ?? {}).sort(),
    );

    const { sent, answered, found } = await findings(cases);

    expect(sent).toBeGreaterThan(1_000);
    // Enough cases get past validation to run the resolvers against the seeded views.
    expect(answered).toBeGreaterThan(sent / 5);
    expect(found).toEqual([]);
  });

  it('refuses U+0000 in an argument before executing: HTTP 400, BAD_USER_INPUT', async () => {
    const result = await api.query(
      'query($id: ID!) { account(id: $id) { id } }',
      { id: 'nul\u0000byte' },
      readers['teller'] ?? null,
    );
    expect(result.status).toBe(400);
    expect(result.body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', argument: '$id' },
    ]);
  });

  it('answers hand-written literal operations without an internal error', async () => {
    const { found } = await findings(
      LITERAL_QUERIES.map((query) => ({ field: 'literal', query, variables: {} })),
    );
    expect(found).toEqual([]);
  });
});
