import { HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter, type ProblemDetails } from '@ledgerline/platform';
import { PROBLEM_TYPES } from './api-problems';

/** What the filter answers for `error`, captured from the response it writes. */
function problemFor(error: unknown): ProblemDetails {
  let body: ProblemDetails | undefined;
  const response = {
    status: () => response,
    type: () => response,
    setHeader: () => response,
    json: (sent: ProblemDetails) => {
      body = sent;
      return response;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/accounts' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  if (!body) throw new Error('the filter wrote no body');
  return body;
}

describe('the Problem Details types the OpenAPI document declares', () => {
  beforeAll(() => {
    // The filter logs every 5xx with its stack; 503 is one of the statuses checked here.
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  it.each(Object.entries(PROBLEM_TYPES))(
    'are the ones problem-details.filter.ts sends for %s',
    (status, type) => {
      expect(problemFor(new HttpException('refused', Number(status)))).toMatchObject({
        status: Number(status),
        type,
      });
    },
  );
});
