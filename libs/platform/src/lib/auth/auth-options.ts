import type { ConfigService } from '@nestjs/config';
import type { SharedEnvironment } from '../config/shared-environment';

export interface AuthOptions {
  /** HS256 shared secret (development). Exactly one of `hs256Secret` and `jwksUrl` is set. */
  hs256Secret?: string;
  /** JWKS endpoint of the identity provider (production; RS256/ES256 keys, cached and rotated). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Tokens valid for longer than this (`exp - iat`, seconds) are refused; default 24 h. */
  maxLifetimeSeconds?: number;
}

/** The token rules every service applies, from the JWT_* variables of its environment. */
export function authOptionsFrom(config: ConfigService<SharedEnvironment, true>): AuthOptions {
  const jwksUrl = config.get('JWT_JWKS_URL', { infer: true });
  const issuer = config.get('JWT_ISSUER', { infer: true });
  const audience = config.get('JWT_AUDIENCE', { infer: true });
  return {
    ...(jwksUrl ? { jwksUrl } : { hs256Secret: config.get('JWT_SECRET', { infer: true }) }),
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
    maxLifetimeSeconds: config.get('JWT_MAX_LIFETIME', { infer: true }),
  };
}
