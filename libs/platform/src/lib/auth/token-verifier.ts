import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthOptions } from './auth-options';
import { ROLES, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies a bearer token and turns its claims into a Principal, or says why it cannot. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: AuthOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else if (options.hs256Secret) {
      this.key = new TextEncoder().encode(options.hs256Secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('auth needs either an HS256 secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        algorithms: this.algorithms,
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
      };
      // Two calls because jwtVerify's overloads do not accept the union of key kinds.
      payload =
        typeof this.key === 'function'
          ? (await jwtVerify(token, this.key, verifyOptions)).payload
          : (await jwtVerify(token, this.key, verifyOptions)).payload;
    } catch (error) {
      const reason = error instanceof errors.JWTExpired ? 'token expired' : 'token invalid';
      throw new InvalidTokenError(reason);
    }
    return toPrincipal(payload);
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const { sub, tenant, roles = [] } = payload as JWTPayload & { tenant?: unknown; roles?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('claim sub missing');
  if (typeof tenant !== 'string' || tenant.length === 0)
    throw new InvalidTokenError('claim tenant missing');
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw new InvalidTokenError(`claim roles must be a subset of ${ROLES.join(', ')}`);
  }
  return { userId: sub, tenantId: tenant, roles };
}
