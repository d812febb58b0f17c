/**
 * The relay publishes only events whose transaction is older than every running one
 * (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`). That horizon is cluster-wide: the
 * oldest transaction holding an xid anywhere in the cluster holds it, and with it every event
 * committed after that transaction began. This is who holds it, as far as the relay can tell.
 */
export interface HorizonHolder {
  /** A backend's open transaction, or a prepared (two-phase) transaction nobody finished. */
  kind: 'session' | 'prepared';
  /** The transaction id at the horizon (`pg_snapshot_xmin`). */
  transactionId: bigint;
  /** Backend pid; null for a prepared transaction, which has no backend. */
  pid: number | null;
  /** Name of the prepared transaction (`pg_prepared_xacts.gid`); null for a session. */
  gid: string | null;
  database: string | null;
  user: string | null;
  applicationName: string | null;
  /** Null for a unix-socket client, or when the details are not visible. */
  clientAddress: string | null;
  /** `pg_stat_activity.state` (`idle in transaction`, `active`, …), `prepared`, or null. */
  state: string | null;
  /** The first 100 characters of the backend's current or last query. */
  query: string | null;
  /** How long the horizon has been held: since the transaction started when that is visible. */
  heldSeconds: number;
  /**
   * False when the relay's role may not see the holder's state, query, client address and start
   * (another role's session without `pg_read_all_stats`): `heldSeconds` then counts from the
   * first time the relay saw this transaction at the horizon, a lower bound.
   */
  detailsVisible: boolean;
}

/** Finds the transaction at the settled horizon; undefined when nothing running holds one. */
export interface HorizonProbe {
  holder(): Promise<HorizonHolder | undefined>;
}
