// @ledgerline/platform's config classes need decorator metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken } from '@ledgerline/platform';
import { post } from './http-post';

/** A teller's token for `tenant`, signed as the services running from source verify it. */
export function tellerToken(tenant: string): Promise<string> {
  return mintDevelopmentToken(process.env['JWT_SECRET'] ?? DEVELOPMENT_JWT_SECRET, {
    sub: 'bench',
    tenant,
    roles: ['teller'],
    expiresIn: '2h',
  });
}

/** Opens `count` new EUR accounts through the command-service's API, 16 at a time; their ids. */
export async function openAccounts(port: number, token: string, count: number): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const ids = Array.from({ length: count }, () => randomUUID());
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const accountId = ids[next++]!;
        const result = await post(
          agent,
          port,
          token,
          '/accounts',
          JSON.stringify({ accountId, ownerId: 'bench-owner', currency: 'EUR' }),
          { keepBody: true },
        );
        if (result.status !== 201) failures.push(`${result.status} ${result.body}`);
      }
    }),
  );
  agent.destroy();
  if (failures.length > 0)
    throw new Error(`opening accounts failed: ${failures.slice(0, 3).join(' | ')}`);
  return ids;
}
