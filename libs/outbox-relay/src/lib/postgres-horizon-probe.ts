import type { DataSource } from 'typeorm';
import type { HorizonHolder, HorizonProbe } from './horizon-holder';

interface HolderRow {
  kind: 'session' | 'prepared';
  transaction_id: string;
  pid: number | null;
  gid: string | null;
  database: string | null;
  user: string | null;
  application_name: string | null;
  client_address: string | null;
  state: string | null;
  query: string | null;
  held_seconds: number | null;
}

/**
 * A snapshot's xmin is the oldest xid still running: a backend's top-level transaction or a
 * prepared one (both sit in the proc array GetSnapshotData scans). pg_stat_activity shows every
 * backend's pid, database, user, application name and xid to any role; state, query, client
 * address and xact_start only to the same role or members of pg_read_all_stats (null otherwise).
 */
const HOLDER_SQL = `
  WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
  SELECT 'session' AS kind, h.xmin::text AS transaction_id, a.pid, NULL AS gid,
         a.datname AS database, a.usename AS "user", a.application_name,
         host(a.client_addr) AS client_address, a.state,
         CASE WHEN a.xact_start IS NOT NULL THEN left(a.query, 100) END AS query,
         extract(epoch FROM clock_timestamp() - a.xact_start)::float8 AS held_seconds
    FROM pg_stat_activity a, horizon h
   WHERE a.backend_xid = h.xmin::xid
  UNION ALL
  SELECT 'prepared', h.xmin::text, NULL, p.gid, p.database, p.owner, NULL, NULL, 'prepared', NULL,
         extract(epoch FROM clock_timestamp() - p.prepared)::float8
    FROM pg_prepared_xacts p, horizon h
   WHERE p.transaction = h.xmin::xid
  LIMIT 1`;

/** Reads the holder of the settled horizon from PostgreSQL's statistics views: one small query. */
export class PostgresHorizonProbe implements HorizonProbe {
  /** The transaction last seen at the horizon, and when, for holders whose start is hidden. */
  private lastSeen?: { transactionId: bigint; atMs: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  async holder(): Promise<HorizonHolder | undefined> {
    const [row] = (await this.dataSource.query(HOLDER_SQL)) as HolderRow[];
    if (!row) {
      this.lastSeen = undefined;
      return undefined;
    }
    const transactionId = BigInt(row.transaction_id);
    if (this.lastSeen?.transactionId !== transactionId) {
      this.lastSeen = { transactionId, atMs: this.now() };
    }
    const detailsVisible = row.held_seconds !== null;
    return {
      kind: row.kind,
      transactionId,
      pid: row.pid,
      gid: row.gid,
      database: row.database,
      user: row.user,
      applicationName: row.application_name,
      clientAddress: row.client_address,
      state: row.state,
      query: row.query,
      heldSeconds: Math.max(0, row.held_seconds ?? (this.now() - this.lastSeen.atMs) / 1_000),
      detailsVisible,
    };
  }
}
