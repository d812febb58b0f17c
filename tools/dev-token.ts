import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import {
  DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
  DEVELOPMENT_JWT_SECRET,
  mintDevelopmentToken,
  principalFromClaims,
  ROLES,
  type Role,
} from '@ledgerline/platform';

/**
 * Mints a development bearer token signed with JWT_SECRET (or the development default):
 *   npm run token -- --sub alice --tenant acme [--roles teller,auditor] [--expires 12h]
 * `--expires` may not exceed JWT_MAX_LIFETIME (24 h by default), as the services would refuse it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string', default: 'alice' },
      tenant: { type: 'string', default: 'acme' },
      roles: { type: 'string', default: '' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const roles = (values.roles ?? '').split(',').filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0)
    throw new Error(`unknown roles ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  const token = await mintDevelopmentToken(process.env['JWT_SECRET'] ?? DEVELOPMENT_JWT_SECRET, {
    sub: values.sub ?? 'alice',
    tenant: values.tenant ?? 'acme',
    roles: roles as Role[],
    expiresIn: values.expires ?? '12h',
  });
  // The services' own claim rules: a token they would refuse is an error here, not a 401 later.
  principalFromClaims(decodeJwt(token), {
    nowSeconds: Math.floor(Date.now() / 1000),
    maxLifetimeSeconds: Number(
      process.env['JWT_MAX_LIFETIME'] ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
    ),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
