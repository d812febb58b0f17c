import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store. `events` is also the outbox: an event and the right to publish it are one row,
 * committed in one transaction. `transaction_id` (xid8) lets the relay read in commit order.
 */
export class EventStoreSchema1795400000000 implements MigrationInterface {
  name = 'EventStoreSchema1795400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE streams (
        stream_id   text        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        stream_type text        NOT NULL,
        version     integer     NOT NULL CHECK (version >= 0),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE events (
        position        bigserial   PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid        NOT NULL,
        tenant_id       text        NOT NULL,
        stream_id       text        NOT NULL REFERENCES streams (stream_id),
        stream_type     text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version >= 1),
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version >= 1),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        -- The backstop behind the conditional version bump: two writers can never both own a version.
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    // The relay's settled, commit-ordered read.
    await runner.query(`CREATE INDEX events_commit_order ON events (transaction_id, position)`);
    await runner.query(`
      CREATE TABLE snapshots (
        stream_id            text        PRIMARY KEY REFERENCES streams (stream_id),
        tenant_id            text        NOT NULL,
        stream_version       integer     NOT NULL,
        state_schema_version integer     NOT NULL,
        state                jsonb       NOT NULL,
        taken_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE idempotency_keys (
        tenant_id     text        NOT NULL,
        principal_id  text        NOT NULL,
        key           text        NOT NULL CHECK (length(key) <= 100),
        request_hash  text        NOT NULL,
        response      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, principal_id, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys, snapshots, events, streams`);
  }
}
