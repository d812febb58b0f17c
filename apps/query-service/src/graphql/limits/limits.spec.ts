import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { buildApiSchema } from '../../../test/support/api-schema';
import { complexityProblem, operationComplexity } from './complexity';
import { depthLimitRule } from './depth-limit.rule';

const ACCOUNT_FIELDS =
  'id ownerId currency balance status overdraftLimit dailyWithdrawalLimit withdrawnToday version openedAt updatedAt';

describe('operation limits', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  describe('depth', () => {
    const check = (query: string, maxDepth: number) =>
      validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]);

    it('admits an operation exactly at the limit', () => {
      expect(check('{ accounts { edges { node { id } } } }', 4)).toEqual([]);
    });

    it('refuses one level more with QUERY_TOO_DEEP, naming depth and limit', () => {
      const [error, ...more] = check('{ accounts { edges { node { id } } } }', 3);

      expect(more).toEqual([]);
      expect(error?.message).toBe('The operation is nested 4 levels deep; at most 3 are allowed.');
      expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 4, maxDepth: 3 });
    });

    it('follows fragments, inline and named', () => {
      const query = `
        query { accounts { ...Page } }
        fragment Page on AccountConnection { edges { ... on AccountEdge { node { id } } } }`;

      expect(check(query, 3)).toHaveLength(1);
      expect(check(query, 4)).toEqual([]);
    });

    it('does not count introspection, which the schema itself bounds', () => {
      const query = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
      expect(check(query, 2)).toEqual([]);
    });

    it('survives a fragment cycle (reported by graphql itself)', () => {
      const errors = check(
        'query { portfolio(ownerId: "a") { ...A } } fragment A on Portfolio { ...A }',
        8,
      );
      expect(errors.map((error) => error.message).join()).toMatch(/Cannot spread fragment "A"/);
    });
  });

  describe('complexity', () => {
    const complexity = (query: string, variables?: Record<string, unknown>) =>
      operationComplexity(schema, parse(query), variables);

    it('multiplies a connection by its page size', () => {
      // 1 (accounts) + 20 × (edges + node + id) with the default first: 20.
      expect(complexity('{ accounts { edges { node { id } } } }')).toBe(61);
      expect(complexity('{ accounts(first: 100) { edges { node { id } } } }')).toBe(301);
      expect(complexity('{ transactions(accountId: "x") { edges { cursor } } }')).toBe(101);
    });

    it('reads the page size from variables', () => {
      const query = 'query($n: Int) { accounts(first: $n) { edges { node { id } } } }';
      expect(complexity(query, { n: 5 })).toBe(16);
    });

    it('prices an oversized first at the page maximum (the resolver refuses it by name)', () => {
      expect(complexity('{ accounts(first: 100000) { edges { node { id } } } }')).toBe(301);
    });

    it('admits one full page with every field under the default limit of 2000', () => {
      const query = `{ accounts(first: 100) { edges { cursor node { ${ACCOUNT_FIELDS} } }
        pageInfo { hasNextPage endCursor } } }`;
      expect(complexityProblem(schema, parse(query), undefined, 2_000)).toBeNull();
    });

    it('refuses aliased pages beyond the limit with QUERY_TOO_COMPLEX', () => {
      const page = `accounts(first: 100) { edges { node { ${ACCOUNT_FIELDS} } } }`;
      const query = `{ a: ${page} b: ${page} }`;

      const problem = complexityProblem(schema, parse(query), undefined, 2_000);

      expect(problem?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        complexity: 2_602,
        maxComplexity: 2_000,
      });
      expect(problem?.message).toMatch(/estimated complexity is 2602; at most 2000/);
    });

    it('leaves operations with undecodable variables to execution, which refuses them', () => {
      const query = 'query($n: Int) { accounts(first: $n) { edges { cursor } } }';
      expect(complexity(query, { n: 'many' })).toBeNull();
    });
  });
});
