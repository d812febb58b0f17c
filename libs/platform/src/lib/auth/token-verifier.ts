import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthOptions } from './auth-options';
import { InvalidTokenError } from './invalid-token.error';
import type { Principal } from './principal';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, principalFromClaims } from './token-claims';

/** Verifies a bearer token and turns its claims into a Principal, or says why it cannot. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(
    private readonly options: AuthOptions,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
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
    const now = this.nowSeconds();
    try {
      const verifyOptions = {
        algorithms: this.algorithms,
        currentDate: new Date(now * 1000),
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
    return principalFromClaims(payload, {
      nowSeconds: now,
      maxLifetimeSeconds: this.options.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
    });
  }
}
