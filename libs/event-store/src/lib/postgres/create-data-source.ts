import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresOptions } from './postgres-options';
import { EVENT_STORE_MIGRATIONS } from './migrations';

/**
 * The one place the event store's TypeORM connection is configured. The schema is owned by
 * migrations (never `synchronize`); the hot path uses hand-written SQL through query runners.
 */
export function eventStoreDataSourceOptions(options: PostgresOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName ?? 'ledgerline',
    poolSize: options.poolSize ?? 10,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'ledgerline_migrations',
    migrations: EVENT_STORE_MIGRATIONS,
    entities: [],
    // A broken idle connection is replaced by the pool instead of failing a request.
    extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}

export function createEventStoreDataSource(options: PostgresOptions): DataSource {
  return new DataSource(eventStoreDataSourceOptions(options));
}
