import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Errors the API raises on purpose (NOT_FOUND, BAD_USER_INPUT, CONSISTENCY_TIMEOUT, …) are answers,
 * not faults: hand them to GraphQL as they are instead of letting Nest log each with a stack trace.
 * Anything else still reaches Nest's handler, which logs it.
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
