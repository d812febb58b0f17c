import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** Every migration, in order. New migrations are appended, never edited once released. */
export const EVENT_STORE_MIGRATIONS: MigrationClass[] = [];
