import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { QueryTooDeep } from '../graphql-errors';

/** Introspection is bounded by the schema itself and only enabled in development. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Refuses operations nested deeper than `maxDepth` fields (`{ a { b } }` is 2), following fragment
 * spreads. A validation rule, so an over-deep operation is rejected before anything executes.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth <= maxDepth) return;
        const refusal = QueryTooDeep.limit(depth, maxDepth);
        context.reportError(
          new GraphQLError(refusal.message, { nodes: [operation], extensions: refusal.extensions }),
        );
      },
    };
  };
}

export function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        if (INTROSPECTION_ROOTS.has(selection.name.value)) break;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, visiting));
        break;
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is reported by graphql's own NoFragmentCycles rule; here it must only not loop.
        if (!fragment || visiting.has(name)) break;
        visiting.add(name);
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, visiting));
        visiting.delete(name);
        break;
      }
    }
  }
  return deepest;
}
