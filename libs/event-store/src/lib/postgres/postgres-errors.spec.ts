import { StoreUnavailableError } from '@ledgerline/domain-kernel';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { classifyStoreError, isStoreUnreachable } from './postgres-errors';

/** What node-postgres rejects with when the server answers an ErrorResponse. */
function serverError(code: string, message = `server error ${code}`): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isStoreUnreachable', () => {
  it.each([
    ['admin shutdown (57P01, also an immediate shutdown)', failedQuery(serverError('57P01'))],
    ['crash shutdown (57P02)', failedQuery(serverError('57P02'))],
    ['cannot connect now (57P03, starting up)', serverError('57P03')],
    ['too many connections (53300)', serverError('53300')],
    ['a connection exception (08006)', failedQuery(serverError('08006'))],
    [
      'a refused connect',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a refused connect on every address (AggregateError)',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], ''),
    ],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection cut mid-query', failedQuery(new Error('Connection terminated unexpectedly'))],
    ['a pool with no connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'a connect timeout (pg-pool wraps the cause)',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['a query runner released by a broken connection', new QueryRunnerAlreadyReleasedError()],
  ])('is true for %s', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failedQuery(serverError('23505'))],
    ['a syntax error', failedQuery(serverError('42601'))],
    ['a statement timeout (the server is there)', failedQuery(serverError('57014'))],
    ['a bug of ours', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error at all', 'Connection terminated'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(false);
  });
});

describe('classifyStoreError', () => {
  it('turns an unreachable store into StoreUnavailableError, keeping the cause', () => {
    const cause = failedQuery(new Error('Connection terminated unexpectedly'));
    const classified = classifyStoreError(cause);
    expect(classified).toBeInstanceOf(StoreUnavailableError);
    expect(classified).toMatchObject({ retryAfterSeconds: expect.any(Number), cause });
  });

  it('leaves every other error as it is', () => {
    const error = failedQuery(serverError('23505'));
    expect(classifyStoreError(error)).toBe(error);
  });
});
