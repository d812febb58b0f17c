import type { DataSource } from 'typeorm';
import { callStore } from './postgres-errors';

export interface Snapshot {
  streamVersion: number;
  state: Record<string, unknown>;
}

/**
 * Snapshots are a cache of folded state, never the truth. Each carries the schema version of the
 * state it serialises; a snapshot of another version is ignored (the stream is replayed instead),
 * so changing the state shape can never misread an old snapshot.
 */
export class PostgresSnapshotStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(streamId: string, stateSchemaVersion: number): Promise<Snapshot | null> {
    const [row] = (await callStore(() =>
      this.dataSource.query(
        `SELECT stream_version, state FROM snapshots
         WHERE stream_id = $1 AND state_schema_version = $2`,
        [streamId, stateSchemaVersion],
      ),
    )) as Array<{ stream_version: number; state: Record<string, unknown> }>;
    return row ? { streamVersion: row.stream_version, state: row.state } : null;
  }

  /** Keeps the newest snapshot; an older one arriving late (a slow writer) changes nothing. */
  async save(
    tenantId: string,
    streamId: string,
    stateSchemaVersion: number,
    snapshot: Snapshot,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO snapshots (stream_id, tenant_id, stream_version, state_schema_version, state)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (stream_id) DO UPDATE
         SET stream_version = excluded.stream_version, state_schema_version = excluded.state_schema_version,
             state = excluded.state, taken_at = now()
         WHERE snapshots.stream_version < excluded.stream_version
            OR snapshots.state_schema_version <> excluded.state_schema_version`,
      [
        streamId,
        tenantId,
        snapshot.streamVersion,
        stateSchemaVersion,
        JSON.stringify(snapshot.state),
      ],
    );
  }
}
