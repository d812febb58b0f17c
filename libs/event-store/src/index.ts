export * from './lib/postgres/postgres-options';
export * from './lib/postgres/create-data-source';
export * from './lib/postgres/run-migrations';
