export * from './lib/event-store';
export * from './lib/idempotency';
export * from './lib/postgres/postgres-options';
export * from './lib/postgres/create-data-source';
export * from './lib/postgres/run-migrations';
export * from './lib/postgres/postgres-event-store';
export * from './lib/postgres/postgres-snapshot-store';
