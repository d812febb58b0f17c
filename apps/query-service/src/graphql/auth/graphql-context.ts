import { InvalidTokenError, type Principal, type TokenVerifier } from '@ledgerline/platform';
import { Unauthenticated } from '../graphql-errors';

/** What every resolver can rely on: the request reached it with a verified principal. */
export interface GraphQLContext {
  principal: Principal;
}

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Builds the context of one GraphQL request, refusing it (UNAUTHENTICATED, HTTP 401) before
 * anything is parsed or executed when the bearer token is missing or invalid.
 */
export async function authenticatedContext(
  verifier: TokenVerifier,
  request: RequestLike,
): Promise<GraphQLContext> {
  const header = request.headers['authorization'];
  const [scheme, token, ...rest] = (typeof header === 'string' ? header : '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
    throw Unauthenticated.because('send Authorization: Bearer <token>');
  }
  try {
    return { principal: await verifier.verify(token) };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw Unauthenticated.because(error.message);
    throw error;
  }
}
