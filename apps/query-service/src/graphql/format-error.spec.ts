import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { formatError } from './format-error';
import { NotFound, QueryTooDeep } from './graphql-errors';

describe('formatError', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  it('keeps the message, code and details of errors the API raised on purpose', () => {
    const error = NotFound.account('acc-1');

    expect(
      formatError(
        { ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['x'] } },
        error,
      ),
    ).toEqual({
      message: 'Account acc-1 was not found.',
      extensions: { code: 'NOT_FOUND', accountId: 'acc-1' },
    });
  });

  it('hides anything unexpected behind a generic INTERNAL_SERVER_ERROR', () => {
    const error = new Error('connection 7 to 127.0.0.1:57017 closed');

    expect(
      formatError(
        {
          message: error.message,
          path: ['account'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
        error,
      ),
    ).toEqual({
      message: 'Internal server error.',
      path: ['account'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('gives a limit refusal its own code back from under GRAPHQL_VALIDATION_FAILED', () => {
    const refusal = QueryTooDeep.limit(9, 8);
    const wrapped = new GraphQLError(refusal.message, {
      originalError: refusal,
      extensions: { ...refusal.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });

    expect(formatError(wrapped.toJSON(), wrapped).extensions).toEqual({
      code: 'QUERY_TOO_DEEP',
      depth: 9,
      maxDepth: 8,
    });
  });
});
