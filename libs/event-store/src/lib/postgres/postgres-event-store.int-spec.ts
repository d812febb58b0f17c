import { randomUUID } from 'node:crypto';
import { integrationEnvironment } from '@ledgerline/testing';
import type { DataSource } from 'typeorm';
import {
  anEvent,
  describeEventStoreContract,
  type EventStoreHarness,
} from '../contract/event-store.contract';
import type { NewEvent } from '../event-store';
import { IdempotencyKeyAlreadyUsed } from '../idempotency/idempotency';
import { createEventStoreDataSource } from './create-data-source';
import { PostgresEventStore } from './postgres-event-store';
import { PostgresSnapshotStore } from './postgres-snapshot-store';
import { runMigrations } from './run-migrations';

let dataSource: DataSource;
let store: PostgresEventStore;

beforeAll(async () => {
  dataSource = createEventStoreDataSource({
    url: integrationEnvironment().databaseUrl,
    poolSize: 60,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  store = new PostgresEventStore(dataSource);
});

afterAll(async () => {
  await dataSource.destroy();
});

/** Writes like `appendToStream` but holds the transaction open before committing. */
async function appendWithDelayedCommit(
  streamId: string,
  event: NewEvent,
  holdMs: number,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(
      `INSERT INTO streams (stream_id, tenant_id, stream_type, version) VALUES ($1, 't', 'test', 1)`,
      [streamId],
    );
    await runner.query(
      `INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
       VALUES ('t', $1, 'test', 1, $2, $3, 1, $4, $5, $6)`,
      [
        streamId,
        event.eventId,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.occurredAt,
      ],
    );
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
}

async function appendAsTransaction(
  streamId: string,
  event: NewEvent,
  transactionId: bigint,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO streams (stream_id, tenant_id, stream_type, version) VALUES ($1, 't', 'test', 1)`,
      [streamId],
    );
    await manager.query(
      `INSERT INTO events (transaction_id, tenant_id, stream_id, stream_type, stream_version, event_id,
                           type, schema_version, data, metadata, occurred_at)
       VALUES ($1::xid8, 't', $2, 'test', 1, $3, $4, 1, $5, $6, $7)`,
      [
        transactionId.toString(),
        streamId,
        event.eventId,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.occurredAt,
      ],
    );
  });
}

const harness = (): EventStoreHarness => ({ store, appendWithDelayedCommit, appendAsTransaction });

describeEventStoreContract('PostgresEventStore', harness);

describe('PostgresEventStore idempotency keys', () => {
  const claim = (key: string, requestHash = 'hash-1') => ({
    principalId: 'user-1',
    key,
    requestHash,
  });

  it('records the outcome with the events, and a reuse of the key appends nothing', async () => {
    const streamId = `idem-${randomUUID()}`;
    const key = randomUUID();
    const first = await store.appendToStream({
      tenantId: 't',
      streamId,
      streamType: 'test',
      expectedVersion: 0,
      events: [anEvent()],
      idempotency: claim(key),
      result: { transferId: 'tr-1' },
    });
    expect(await store.find('t', 'user-1', key)).toEqual({
      requestHash: 'hash-1',
      outcome: {
        streamId,
        version: 1,
        position: first.position,
        result: { transferId: 'tr-1' },
      },
    });

    const reuse = store.appendToStream({
      tenantId: 't',
      streamId,
      streamType: 'test',
      expectedVersion: 1,
      events: [anEvent()],
      idempotency: claim(key),
    });
    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyAlreadyUsed);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('stores no transport: the record is the stream id, version, position (and result)', async () => {
    const streamId = `idem-${randomUUID()}`;
    const key = randomUUID();
    const appended = await store.appendToStream({
      tenantId: 't',
      streamId,
      streamType: 'test',
      expectedVersion: 0,
      events: [anEvent()],
      idempotency: claim(key),
    });
    const [row] = (await dataSource.query(
      `SELECT response FROM idempotency_keys WHERE tenant_id = 't' AND key = $1`,
      [key],
    )) as Array<{ response: unknown }>;
    expect(row?.response).toEqual({
      streamId,
      version: 1,
      position: appended.position.toString(),
    });
  });

  it('reads a row of the earlier HTTP-reply shape as the outcome its body held', async () => {
    const key = randomUUID();
    const streamId = randomUUID();
    // As the release before recorded outcomes wrote it.
    await dataSource.query(
      `INSERT INTO idempotency_keys (tenant_id, principal_id, key, request_hash, response)
       VALUES ('t', 'user-1', $1, 'hash-1', $2)`,
      [
        key,
        JSON.stringify({
          statusCode: 201,
          body: { streamId, version: 2, position: '4711' },
          headers: { etag: '"2"', location: `/accounts/${streamId}` },
        }),
      ],
    );
    expect(await store.find('t', 'user-1', key)).toEqual({
      requestHash: 'hash-1',
      outcome: { streamId, version: 2, position: 4711n },
    });
  });

  it('scopes keys by tenant and principal', async () => {
    expect(await store.find('other-tenant', 'user-1', randomUUID())).toBeNull();
  });
});

describe('PostgresSnapshotStore', () => {
  it('keeps the newest snapshot and ignores one of another state schema version', async () => {
    const snapshots = new PostgresSnapshotStore(dataSource);
    const streamId = `snap-${randomUUID()}`;
    await store.appendToStream({
      tenantId: 't',
      streamId,
      streamType: 'test',
      expectedVersion: 0,
      events: [anEvent()],
    });

    await snapshots.save('t', streamId, 1, { streamVersion: 10, state: { balance: '10' } });
    await snapshots.save('t', streamId, 1, { streamVersion: 5, state: { balance: '5' } });

    expect(await snapshots.load(streamId, 1)).toEqual({
      streamVersion: 10,
      state: { balance: '10' },
    });
    expect(await snapshots.load(streamId, 2)).toBeNull();
  });
});
