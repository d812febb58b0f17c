export interface AuthOptions {
  /** HS256 shared secret (development). Exactly one of `hs256Secret` and `jwksUrl` is set. */
  hs256Secret?: string;
  /** JWKS endpoint of the identity provider (production; RS256/ES256 keys, cached and rotated). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}
