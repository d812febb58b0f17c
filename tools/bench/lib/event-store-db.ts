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
