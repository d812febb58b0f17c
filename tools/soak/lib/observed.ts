import { createMongoClient } from '@ledgerline/projections';
import pg from 'pg';

/** One stored event, as the store has it (data as written: minor units in decimal strings). */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
}

/**
 * The view documents the soak compares, by the collection names the query-service writes
 * (apps/query-service/src/views/*\/…document.ts). Only the fields every check reads.
 */
export interface ViewDocuments {
  readonly accounts: Array<{ _id: string; balance: string; version: number; status: string }>;
  readonly transactions: Array<{
    _id: string;
    accountId: string;
    kind: string;
    amount: string;
    balanceAfter: string;
    version: number;
  }>;
  readonly portfolio: Array<{ _id: string; balance: string; version: number; status: string }>;
}

export const VIEW_COLLECTIONS = {
  accounts: 'accounts_v1',
  transactions: 'transactions_v1',
  portfolio: 'portfolio_entries_v1',
} as const;

/**
 * Everything the store holds for the soak's tenant, in stream order. Given a client, reads through
 * it (the self-test reads its own uncommitted plants that way).
 */
export async function readStore(
  source: string | pg.ClientBase,
  tenantId: string,
): Promise<StoredEvent[]> {
  const client = typeof source === 'string' ? new pg.Client({ connectionString: source }) : source;
  if (typeof source === 'string') await client.connect();
  try {
    const { rows } = await client.query<{
      event_id: string;
      stream_id: string;
      stream_version: number;
      type: string;
      occurred_at: Date;
      data: Record<string, unknown>;
    }>(
      `SELECT event_id, stream_id, stream_version, type, occurred_at, data
         FROM events WHERE tenant_id = $1 ORDER BY stream_id, stream_version`,
      [tenantId],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      streamId: row.stream_id,
      version: row.stream_version,
      type: row.type,
      occurredAt: row.occurred_at,
      data: row.data,
    }));
  } finally {
    if (typeof source === 'string') await (client as pg.Client).end();
  }
}

/** Every view document of the soak's tenant. */
export async function readViews(
  mongoUrl: string,
  database: string,
  tenantId: string,
): Promise<ViewDocuments> {
  const client = createMongoClient({ url: mongoUrl, database });
  await client.connect();
  try {
    const db = client.db(database);
    const all = <T>(name: string) =>
      db.collection(name).find({ tenantId }).toArray() as unknown as Promise<T[]>;
    const [accounts, transactions, portfolio] = await Promise.all([
      all<ViewDocuments['accounts'][number]>(VIEW_COLLECTIONS.accounts),
      all<ViewDocuments['transactions'][number]>(VIEW_COLLECTIONS.transactions),
      all<ViewDocuments['portfolio'][number]>(VIEW_COLLECTIONS.portfolio),
    ]);
    return { accounts, transactions, portfolio };
  } finally {
    await client.close();
  }
}
