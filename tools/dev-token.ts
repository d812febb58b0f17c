import 'reflect-metadata';
import { parseArgs } from 'node:util';
import {
  DEVELOPMENT_JWT_SECRET,
  mintDevelopmentToken,
  ROLES,
  type Role,
} from '@ledgerline/platform';

/**
 * Mints a development bearer token signed with JWT_SECRET (or the development default):
 *   npm run token -- --sub alice --tenant acme [--roles teller,auditor] [--expires 12h]
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
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
