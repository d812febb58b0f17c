import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource } from './create-data-source';
import { runMigrations } from './run-migrations';

describe('event store DataSource against the real PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createEventStoreDataSource({ url: integrationEnvironment().databaseUrl });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('applies migrations idempotently', async () => {
    await runMigrations(dataSource);
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('round-trips rows through a transaction and exposes the transaction id as xid8', async () => {
    const table = uniqueName('roundtrip').replace(/-/g, '_');
    await dataSource.query(
      `CREATE TABLE ${table} (id bigserial PRIMARY KEY, body jsonb NOT NULL, tx xid8 NOT NULL)`,
    );
    try {
      const written = await dataSource.transaction(async (manager) => {
        const [row] = await manager.query(
          `INSERT INTO ${table} (body, tx) VALUES ($1, pg_current_xact_id()) RETURNING id, tx::text AS tx`,
          [JSON.stringify({ amount: '10.00' })],
        );
        return row as { id: string; tx: string };
      });

      const rows: Array<{ id: string; body: unknown; tx: string }> = await dataSource.query(
        `SELECT id, body, tx::text AS tx FROM ${table}`,
      );
      expect(rows).toEqual([{ id: written.id, body: { amount: '10.00' }, tx: written.tx }]);
      expect(BigInt(written.tx)).toBeGreaterThan(0n);
    } finally {
      await dataSource.query(`DROP TABLE ${table}`);
    }
  });
});
