import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { readerScopeOf } from '../../views/shared/reader-scope';
import type { GraphQLContext } from './graphql-context';

/** The caller's ReaderScope (tenant, and owner for customers), from the authenticated context. */
export const CurrentReader = createParamDecorator((_: unknown, execution: ExecutionContext) => {
  const { principal } = GqlExecutionContext.create(execution).getContext<GraphQLContext>();
  return readerScopeOf(principal);
});
