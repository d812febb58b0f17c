import { OWNER_ID_MAX_LENGTH } from '@ledgerline/contracts';
import type { JWTPayload } from 'jose';
import { InvalidTokenError } from './invalid-token.error';
import { ROLES, type Principal, type Role } from './principal';

/** Default of JWT_MAX_LIFETIME: a token may be valid for at most a day from its issue. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/** Clocks of the issuer and of this process may disagree by this much. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Tenants become part of every stored event, idempotency key and view document: short, and from
 * an alphabet that is safe in logs, metric labels and URLs.
 */
export const TENANT_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `sub` is the user id; a customer's becomes the `ownerId` of their accounts, so it is bounded
 * like ownerId in libs/contracts. Any printable text (identity providers issue ids such as
 * `auth0|5f7c…`), but no control, format or line-separator characters, which could forge log lines.
 */
const SUBJECT_PATTERN = new RegExp(`^[^\\p{C}\\p{Zl}\\p{Zp}]{1,${OWNER_ID_MAX_LENGTH}}$`, 'u');

export interface ClaimRules {
  /** Longest accepted `exp - iat` (or `exp - now` for a token without `iat`). */
  maxLifetimeSeconds: number;
  /** Seconds since the epoch; injected so tests need no clock. */
  nowSeconds: number;
}

/**
 * The claims of a token whose signature, `exp` and `nbf` jose has already verified, checked
 * against what Ledgerline accepts, and turned into a Principal. A token must expire, and not too
 * far ahead: a leaked token is then useful for a bounded time.
 */
export function principalFromClaims(payload: JWTPayload, rules: ClaimRules): Principal {
  checkLifetime(payload, rules);
  const { sub, tenant, roles = [] } = payload as JWTPayload & { tenant?: unknown; roles?: unknown };
  if (typeof sub !== 'string' || !SUBJECT_PATTERN.test(sub)) {
    throw new InvalidTokenError(`claim sub must be 1-${OWNER_ID_MAX_LENGTH} printable characters`);
  }
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw new InvalidTokenError('claim tenant must be 1-64 characters of A-Z a-z 0-9 . _ -');
  }
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw new InvalidTokenError(`claim roles must be a list of ${ROLES.join(', ')}`);
  }
  return { userId: sub, tenantId: tenant, roles: [...new Set(roles)] };
}

function checkLifetime({ exp, iat }: JWTPayload, rules: ClaimRules): void {
  if (typeof exp !== 'number') throw new InvalidTokenError('token has no exp');
  if (iat !== undefined && typeof iat !== 'number')
    throw new InvalidTokenError('claim iat invalid');
  if (iat !== undefined && iat > rules.nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new InvalidTokenError('token issued in the future');
  }
  const lifetime = exp - (iat ?? rules.nowSeconds);
  if (lifetime > rules.maxLifetimeSeconds) {
    throw new InvalidTokenError(
      `token lifetime ${lifetime} s exceeds the maximum of ${rules.maxLifetimeSeconds} s`,
    );
  }
}
