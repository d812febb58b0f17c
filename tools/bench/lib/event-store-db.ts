import { Client } from 'pg';
import { createEventStoreDataSource, runMigrations } from '@ledgerline/event-store';
import type { DataSource } from 'typeorm';

/**
 * An initialised event-store DataSource whose connections show as `applicationName` in
 * pg_stat_activity, `poolSize` of them at most (the event store's default when absent); the caller
 * destroys it.
 */
export async function openEventStore(
  url: string,
  applicationName: string,
  poolSize?: number,
): Promise<DataSource> {
  const dataSource = createEventStoreDataSource({
    url,
    applicationName,
    ...(poolSize === undefined ? {} : { poolSize }),
  });
  await dataSource.initialize();
  return dataSource;
}

/** Brings the event store's schema at `url` up to date. */
export async function migrateEventStore(url: string, applicationName: string): Promise<void> {
  const migrations = await openEventStore(url, applicationName);
  await runMigrations(migrations);
  await migrations.destroy();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the URL's database when it does not exist yet, so a fresh stack needs no manual step. */
export async function ensureDatabase(url: string): Promise<void> {
  const maintenance = new Client({ connectionString: withDatabase(url, 'postgres') });
  await maintenance.connect();
  try {
    const name = databaseName(url);
    const { rowCount } = await maintenance.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [
      name,
    ]);
    if (!rowCount) await maintenance.query(`CREATE DATABASE "${name}"`);
  } finally {
    await maintenance.end();
  }
}
