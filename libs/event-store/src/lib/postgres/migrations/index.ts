import type { MigrationInterface } from 'typeorm';
import { EventStoreSchema1795400000000 } from './1795400000000-event-store-schema';
import { OutboxRelay1795400100000 } from './1795400100000-outbox-relay';

type MigrationClass = new () => MigrationInterface;

/** Every migration, in order. New migrations are appended, never edited once released. */
export const EVENT_STORE_MIGRATIONS: MigrationClass[] = [
  EventStoreSchema1795400000000,
  OutboxRelay1795400100000,
];
