import { createHash } from 'node:crypto';
import { integrationEnvironment, startService, type RunningService } from '@ledgerline/testing';
import { Client } from 'pg';
import { CommandClient, newId, token } from './support/http-client';

const ENTRY = 'apps/command-service/src/main.ts';

interface CommandBody {
  streamId: string;
  version: number;
  position: string;
}

/**
 * Idempotency records written by the release that stored the HTTP reply itself
 * (`{statusCode, body, headers}` in `idempotency_keys.response`) still replay as they did: the
 * same status and headers, marked `Idempotent-Replayed`, nothing appended; another body with the
 * key is still a 422. The request hash is computed here as command-context.decorator.ts does, so a
 * change of that hash (which would orphan every stored key) fails this test too.
 */
describe('command-service replays idempotency records of the earlier shape', () => {
  let service: RunningService;
  let api: CommandClient;
  let database: Client;
  let teller: string;
  const tenant = `earlier-${newId()}`;

  beforeAll(async () => {
    service = await startService(ENTRY, {});
    api = new CommandClient(service.url);
    teller = await token('teller-1', tenant, ['teller']);
    database = new Client({ connectionString: integrationEnvironment().databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database.end();
    await service.stop();
  });

  const requestHash = (path: string, body: string) =>
    createHash('sha256').update(`POST ${path}\n${body}`).digest('hex');

  /** Writes the row the earlier release wrote for this request and its first reply. */
  async function recordAsEarlierRelease(
    key: string,
    path: string,
    canonicalBody: string,
    statusCode: number,
    first: CommandBody,
    extraHeaders: Record<string, string> = {},
  ): Promise<void> {
    await database.query(
      `INSERT INTO idempotency_keys (tenant_id, principal_id, key, request_hash, response)
       VALUES ($1, 'teller-1', $2, $3, $4)`,
      [
        tenant,
        key,
        requestHash(path, canonicalBody),
        JSON.stringify({
          statusCode,
          body: first,
          headers: { etag: `"${first.version}"`, ...extraHeaders },
        }),
      ],
    );
  }

  async function eventCount(accountId: string): Promise<number> {
    const { rows } = await database.query<{ count: string }>(
      `SELECT count(*) FROM events WHERE stream_id = $1`,
      [accountId],
    );
    return Number(rows[0]?.count);
  }

  it('an open: 201 with its Location and ETag', async () => {
    const accountId = newId();
    const body = { accountId, currency: 'EUR', ownerId: 'alice' };
    const opened = await api.post<CommandBody>('/accounts', body, { token: teller });
    expect(opened.status).toBe(201);
    const key = `open-${newId()}`;
    await recordAsEarlierRelease(key, '/accounts', JSON.stringify(body), 201, opened.body, {
      location: `/accounts/${accountId}`,
    });

    const retry = await api.post<CommandBody>('/accounts', body, {
      token: teller,
      headers: { 'idempotency-key': key },
    });

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(opened.body);
    expect(retry.headers.get('etag')).toBe('"1"');
    expect(retry.headers.get('location')).toBe(`/accounts/${accountId}`);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount(accountId)).toBe(1);
  });

  it('a deposit: 201, nothing appended; another body with the key is a 422', async () => {
    const accountId = newId();
    await api.post(
      '/accounts',
      { accountId, ownerId: 'alice', currency: 'EUR' },
      { token: teller },
    );
    const path = `/accounts/${accountId}/deposits`;
    const deposited = await api.post<CommandBody>(path, { amount: '10.00' }, { token: teller });
    expect(deposited.status).toBe(201);
    const key = `deposit-${newId()}`;
    await recordAsEarlierRelease(key, path, '{"amount":"10.00"}', 201, deposited.body);
    const headers = { 'idempotency-key': key };

    const retry = await api.post<CommandBody>(
      path,
      { amount: '10.00' },
      { token: teller, headers },
    );
    const reuse = await api.post(path, { amount: '99.00' }, { token: teller, headers });

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(deposited.body);
    expect(retry.headers.get('etag')).toBe('"2"');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(reuse.status).toBe(422);
    expect(reuse.body['type']).toBe('/problems/idempotency-key-reused');
    expect(await eventCount(accountId)).toBe(2);
  });

  it('a close: 200, as the first reply was', async () => {
    const accountId = newId();
    await api.post(
      '/accounts',
      { accountId, ownerId: 'alice', currency: 'EUR' },
      { token: teller },
    );
    const path = `/accounts/${accountId}/close`;
    const closed = await api.post<CommandBody>(path, {}, { token: teller });
    expect(closed.status).toBe(200);
    const key = `close-${newId()}`;
    await recordAsEarlierRelease(key, path, '{}', 200, closed.body);

    const retry = await api.post<CommandBody>(
      path,
      {},
      {
        token: teller,
        headers: { 'idempotency-key': key },
      },
    );

    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(closed.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount(accountId)).toBe(2);
  });
});
