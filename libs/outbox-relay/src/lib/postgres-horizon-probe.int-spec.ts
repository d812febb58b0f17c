import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createEventStoreDataSource } from '@ledgerline/event-store';
import { integrationEnvironment } from '@ledgerline/testing';
import type { HorizonHolder } from './horizon-holder';
import { PostgresHorizonProbe } from './postgres-horizon-probe';

// The shared test cluster: holding an xid here stalls every relay on the cluster, so the hold
// lasts well under a second. The relay process's view of a longer hold, on a cluster of its own,
// is apps/command-service/test/relay-horizon.e2e-spec.ts.
describe('PostgresHorizonProbe (real PostgreSQL)', () => {
  const env = integrationEnvironment();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createEventStoreDataSource({ url: env.databaseUrl });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('names the session whose open transaction holds the horizon, and lets go when it ends', async () => {
    const probe = new PostgresHorizonProbe(dataSource);
    const holding = new Client({
      connectionString: env.databaseUrl,
      application_name: 'horizon-probe-test',
    });
    await holding.connect();
    try {
      const {
        rows: [backend],
      } = await holding.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const longQuery = `SELECT pg_current_xact_id() AS xid /* ${'x'.repeat(150)} */`;
      await holding.query('BEGIN');
      const {
        rows: [taken],
      } = await holding.query<{ xid: string }>(longQuery);
      const xid = BigInt(taken!.xid);

      // Write transactions older than ours (other tests') may sit at the horizon for a moment.
      const first = await probeUntil(probe, (h) => h?.transactionId === xid);
      expect(first).toMatchObject({
        kind: 'session',
        pid: backend!.pid,
        gid: null,
        database: new URL(env.databaseUrl).pathname.slice(1),
        applicationName: 'horizon-probe-test',
        clientAddress: '127.0.0.1',
        state: 'idle in transaction',
        detailsVisible: true,
      });
      expect(first?.query).toBe(longQuery.slice(0, 100));

      await new Promise((resolve) => setTimeout(resolve, 300));
      const later = await probe.holder();
      expect(later?.transactionId).toBe(xid);
      expect(later!.heldSeconds - first!.heldSeconds).toBeGreaterThanOrEqual(0.25);

      await holding.query('ROLLBACK');
      const after = await probe.holder();
      expect(after?.transactionId).not.toBe(xid);
    } finally {
      await holding.end();
    }
  });
});

async function probeUntil(
  probe: PostgresHorizonProbe,
  wanted: (holder: HorizonHolder | undefined) => boolean,
): Promise<HorizonHolder | undefined> {
  for (let attempt = 0; ; attempt++) {
    const holder = await probe.holder();
    if (wanted(holder) || attempt === 100) return holder;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
