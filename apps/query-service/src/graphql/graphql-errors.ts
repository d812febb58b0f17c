import { GraphQLError } from 'graphql';

/**
 * `extensions.code` of every error the API returns: clients branch on these, so they are part of
 * the contract. Everything unexpected leaves as INTERNAL_SERVER_ERROR with a generic message.
 */
export const ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  badUserInput: 'BAD_USER_INPUT',
  consistencyTimeout: 'CONSISTENCY_TIMEOUT',
  queryTooDeep: 'QUERY_TOO_DEEP',
  queryTooComplex: 'QUERY_TOO_COMPLEX',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes the API assigns on purpose (the rest are Apollo's own, such as GRAPHQL_PARSE_FAILED). */
export const API_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));

function apiError(
  message: string,
  code: ErrorCode,
  details: Record<string, unknown> = {},
  httpStatus?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...details, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

export const Unauthenticated = {
  because: (reason: string) =>
    apiError(`Authentication required: ${reason}.`, ERROR_CODES.unauthenticated, {}, 401),
};

export const Forbidden = {
  toReadOwner: () =>
    apiError('You may only read your own accounts and portfolio.', ERROR_CODES.forbidden),
};

export const NotFound = {
  account: (id: string) =>
    apiError(`Account ${id} was not found.`, ERROR_CODES.notFound, { accountId: id }),
};

export const BadUserInput = {
  argument: (argument: string, problem: string) =>
    apiError(`Argument ${argument} ${problem}.`, ERROR_CODES.badUserInput, { argument }),
  /** Refused before execution, hence the HTTP status (as for the operation limits). */
  nulCharacter: (argument: string) =>
    apiError(
      `Argument ${argument} contains U+0000, which no stored text does.`,
      ERROR_CODES.badUserInput,
      { argument },
      400,
    ),
};

export const ConsistencyTimeout = {
  forAccount: (
    accountId: string,
    currentVersion: number,
    wantedVersion: number,
    waitedMs: number,
  ) =>
    apiError(
      `Account ${accountId} is at version ${currentVersion} in the view, not yet at ` +
        `${wantedVersion}, after waiting ${waitedMs} ms; retry shortly.`,
      ERROR_CODES.consistencyTimeout,
      { accountId, currentVersion, wantedVersion, waitedMs },
    ),
};

export const QueryTooDeep = {
  limit: (depth: number, maxDepth: number) =>
    apiError(
      `The operation is nested ${depth} levels deep; at most ${maxDepth} are allowed.`,
      ERROR_CODES.queryTooDeep,
      { depth, maxDepth },
      400,
    ),
};

export const QueryTooComplex = {
  limit: (complexity: number, maxComplexity: number) =>
    apiError(
      `The operation's estimated complexity is ${complexity}; at most ${maxComplexity} is ` +
        `allowed. Ask for fewer items (first) or fewer fields, or split the operation.`,
      ERROR_CODES.queryTooComplex,
      { complexity, maxComplexity },
      400,
    ),
};
