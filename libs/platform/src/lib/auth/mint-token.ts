import { SignJWT } from 'jose';
import type { Role } from './principal';

export interface DevelopmentTokenClaims {
  sub: string;
  tenant: string;
  roles?: Role[];
  expiresIn?: string;
}

/** Signs an HS256 token for development and tests (production tokens come from the IdP). */
export function mintDevelopmentToken(
  secret: string,
  claims: DevelopmentTokenClaims,
): Promise<string> {
  return new SignJWT({ tenant: claims.tenant, roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}
