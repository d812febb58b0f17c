import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Complexity } from '@nestjs/graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { QueryTooComplex } from '../graphql-errors';
import { MAX_PAGE_SIZE } from '../pagination/page-size';

/**
 * Cost model: every field costs 1; a connection costs 1 + `first` × what each item selects (an
 * over-large `first` is priced at the page maximum and then refused by the resolver with its own
 * message); lists without paging are priced at `estimatedItems`.
 */
export function connectionComplexity(defaultPageSize: number): Complexity {
  return ({ args, childComplexity }) => {
    const first: unknown = args['first'];
    const size = typeof first === 'number' && first > 0 ? first : defaultPageSize;
    return 1 + Math.min(size, MAX_PAGE_SIZE) * childComplexity;
  };
}

export function listComplexity(estimatedItems: number): Complexity {
  return ({ childComplexity }) => 1 + estimatedItems * childComplexity;
}

const ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** The estimated cost of the operation, or null when its variables do not even coerce. */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      estimators: ESTIMATORS,
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    });
  } catch (error) {
    // Bad variables: execution refuses them with a precise BAD_USER_INPUT before any resolver.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

/** The refusal for an operation over `maxComplexity`, or null when it may run. */
export function complexityProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxComplexity: number,
  operationName?: string | null,
): GraphQLError | null {
  const complexity = operationComplexity(schema, document, variables, operationName);
  return complexity !== null && complexity > maxComplexity
    ? QueryTooComplex.limit(complexity, maxComplexity)
    : null;
}

/**
 * Complexity depends on variables (`first: $n`), which validation rules do not see; this plugin
 * checks it once the operation is resolved and before it executes, so an over-limit operation
 * never runs a resolver.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request, operationName }) {
          const problem = complexityProblem(
            schema,
            document,
            request.variables,
            maxComplexity,
            operationName,
          );
          return problem ? Promise.reject(problem) : Promise.resolve();
        },
      });
    },
  };
}
