import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode, type GraphQLError } from 'graphql';
import { BadUserInput } from '../graphql-errors';

const NUL = '\u0000';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * The refusal of an operation whose arguments (literal or variables) carry U+0000, or null.
 * PostgreSQL, FerretDB's storage, cannot hold U+0000 in text, so a view filter containing one made
 * the read fail inside the store (INTERNAL_SERVER_ERROR, found by test/graphql-fuzz.e2e-spec.ts).
 * Nothing stored contains it (the command side refuses it), so such an argument can match
 * nothing: it is bad input, refused before any resolver runs.
 */
export function nulArgumentProblem(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  for (const [name, value] of Object.entries(variables ?? {}))
    if (containsNul(value)) return BadUserInput.nulCharacter(`$${name}`);
  let problem: GraphQLError | null = null;
  visit(document, {
    Argument(argument) {
      visit(argument.value, {
        StringValue(node) {
          if (!node.value.includes(NUL)) return undefined;
          problem = BadUserInput.nulCharacter(argument.name.value);
          return BREAK;
        },
      });
      return problem ? BREAK : undefined;
    },
  });
  return problem;
}

/** Applies `nulArgumentProblem` once the operation is resolved, before it executes. */
export function nulFreeArgumentsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request }) {
          const problem = nulArgumentProblem(document, request.variables);
          return problem ? Promise.reject(problem) : Promise.resolve();
        },
      });
    },
  };
}
