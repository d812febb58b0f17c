import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PostgresEventStore, PostgresSnapshotStore } from '@ledgerline/event-store';
import type { DataSource } from 'typeorm';

/** The event store over the app's TypeORM connection, injectable by class. */
@Global()
@Module({
  providers: [
    {
      provide: PostgresEventStore,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new PostgresEventStore(dataSource),
    },
    {
      provide: PostgresSnapshotStore,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new PostgresSnapshotStore(dataSource),
    },
  ],
  exports: [PostgresEventStore, PostgresSnapshotStore],
})
export class EventStoreModule {}
