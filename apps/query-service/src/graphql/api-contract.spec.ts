import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { graphqlContractOf } from '../../test/support/api-doc-contract';
import { buildApiSchema } from '../../test/support/api-schema';

/**
 * The GraphQL schema of docs/api.md ("Schema"), written by hand for clients: the served schema may
 * only change together with it. apps/query-service/schema.graphql is the printed form of the code
 * (src/graphql/schema-sdl.spec.ts); this compares the code with what the documentation promises.
 */
const CONTRACT = graphqlContractOf();

describe('GraphQL schema against the public contract (docs/api.md)', () => {
  let served: GraphQLSchema;
  const contract = buildSchema(CONTRACT);

  beforeAll(async () => {
    served = await buildApiSchema();
  });

  it('breaks nothing a client of the contract relies on', () => {
    expect(findBreakingChanges(contract, served)).toEqual([]);
  });

  it('changes no default value and adds no enum value (dangerous for clients)', () => {
    expect(findDangerousChanges(contract, served)).toEqual([]);
  });

  it('serves exactly the contract, descriptions aside', () => {
    const print = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(print(withoutDescriptions(served))).toBe(print(contract));
  });
});

function withoutDescriptions(schema: GraphQLSchema): GraphQLSchema {
  return buildSchema(
    printSchema(schema)
      .replace(/^\s*"""[\s\S]*?"""\n/gm, '')
      .replace(/^\s*"[^"\n]*"\n/gm, '')
      .replace(/\("[^"\n]*"\s*/g, '(')
      .replace(/,\s*"[^"\n]*"\s*/g, ', '),
  );
}
