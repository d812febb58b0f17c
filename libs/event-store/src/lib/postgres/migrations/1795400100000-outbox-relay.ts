import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's checkpoint (a commit-order position, see Checkpoint) and a wake-up signal: every
 * statement that inserts events notifies `ledgerline_events` when its transaction commits, so the
 * relay reacts within milliseconds instead of polling hard.
 */
export class OutboxRelay1795400100000 implements MigrationInterface {
  name = 'OutboxRelay1795400100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE relay_checkpoints (
        name           text        PRIMARY KEY,
        transaction_id xid8        NOT NULL,
        position       bigint      NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Identical notifications within one transaction are folded into one by PostgreSQL.
        PERFORM pg_notify('ledgerline_events', '');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER events_appended AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER events_appended ON events`);
    await runner.query(`DROP FUNCTION notify_events_appended()`);
    await runner.query(`DROP TABLE relay_checkpoints`);
  }
}
