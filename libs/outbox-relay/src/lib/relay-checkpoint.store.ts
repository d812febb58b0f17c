import type { Checkpoint } from '@ledgerline/event-store';
import type { DataSource } from 'typeorm';

/** Where a relay is in the store's commit order, persisted after each acknowledged batch. */
export class RelayCheckpointStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Null for a relay group that never published. */
  async load(name: string): Promise<Checkpoint | null> {
    const [row] = (await this.dataSource.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position
       FROM relay_checkpoints WHERE name = $1`,
      [name],
    )) as Array<{ transaction_id: string; position: string }>;
    return row
      ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) }
      : null;
  }

  /** Never moves backwards, even if a deposed leader writes late. */
  async save(name: string, checkpoint: Checkpoint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO relay_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (name) DO UPDATE
         SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()
         WHERE (relay_checkpoints.transaction_id, relay_checkpoints.position)
             < (excluded.transaction_id, excluded.position)`,
      [name, checkpoint.transactionId.toString(), checkpoint.position.toString()],
    );
  }
}
