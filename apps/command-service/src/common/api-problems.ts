import { ApiProblemResponse, PROBLEM_TYPE_BY_STATUS, problemResponse } from '@ledgerline/platform';

/**
 * The Problem Details `type` of each error status this service answers with: the filter's own
 * table (api-problems.spec.ts checks the filter really sends them). 422s carry the business
 * rule's own type and are declared per operation.
 */
export const PROBLEM_TYPES = PROBLEM_TYPE_BY_STATUS;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

const problem = (
  status: keyof typeof PROBLEM_TYPES,
  description: string,
  headers?: typeof RETRY_AFTER,
) =>
  ApiProblemResponse(status, {
    description,
    types: [PROBLEM_TYPES[status]],
    ...(headers ? { headers } : {}),
  });

/** The throttler guards every route (app.module.ts): openapi.ts adds this to every operation. */
export const RATE_LIMITED_RESPONSE = problemResponse(429, {
  description: 'More requests from this address than RATE_LIMIT_PER_MINUTE allows per minute.',
  types: [PROBLEM_TYPES[429]],
  headers: RETRY_AFTER,
});

/** One declaration per error status; operations pick those they can answer with. */
export const ApiProblems = {
  badRequest: () =>
    problem(
      400,
      'Invalid body, path id, query or header, with one `errors` entry per field; malformed JSON.',
    ),
  unauthenticated: () => problem(401, 'No bearer token, or one that does not verify.'),
  forbidden: () => problem(403, 'The token is valid, but its roles or owner do not allow this.'),
  notFound: () => problem(404, "No such account in the caller's tenant."),
  conflict: () =>
    problem(409, 'The account kept changing while the command was retried; nothing was appended.'),
  preconditionFailed: () =>
    problem(
      412,
      'If-Match named another version than the stream is at (`currentVersion` tells which).',
    ),
  payloadTooLarge: () => problem(413, 'The body is larger than BODY_LIMIT.'),
  unsupportedMediaType: () => problem(415, 'The body is not application/json.'),
  unavailable: () =>
    problem(503, 'The event store cannot be reached right now; retry later.', RETRY_AFTER),
  businessRule: (types: readonly string[]) =>
    ApiProblemResponse(422, {
      description:
        'A business rule refused the command (the `type` says which; its details are extra ' +
        'members), or the Idempotency-Key was used for another request.',
      types,
    }),
};
