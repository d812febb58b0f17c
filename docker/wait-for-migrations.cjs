// Init-container helper: waits until every migration this image ships has been applied by the
// migrate Job, so a Deployment never serves against an older schema and never migrates itself
// (no DDL rights needed, no replicas racing). Exits 0 when up to date, 1 after the deadline.
//   node docker/wait-for-migrations.cjs        (DATABASE_URL from the environment)
'use strict';
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { createEventStoreDataSource } = require(
  path.join(__dirname, '../dist/libs/event-store/src/index.js'),
);

const DEADLINE_MS = Number(process.env.MIGRATION_WAIT_TIMEOUT_MS ?? 600_000);
const INTERVAL_MS = 3_000;

async function pending() {
  const dataSource = createEventStoreDataSource({
    url: process.env.DATABASE_URL,
    applicationName: 'wait-for-migrations',
    poolSize: 1,
  });
  await dataSource.initialize();
  try {
    // TypeORM: true while any migration of EVENT_STORE_MIGRATIONS is not recorded as applied.
    return await dataSource.showMigrations();
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    let reason;
    try {
      if (!(await pending())) {
        process.stdout.write('migrations up to date\n');
        return;
      }
      reason = 'migrations pending (the migrate Job has not finished)';
    } catch (error) {
      reason = `database not reachable yet: ${error instanceof Error ? error.message : error}`;
    }
    if (Date.now() > deadline) throw new Error(`gave up after ${DEADLINE_MS} ms: ${reason}`);
    process.stdout.write(`${reason}; retrying in ${INTERVAL_MS / 1000} s\n`);
    await sleep(INTERVAL_MS);
  }
}

main().catch((error) => {
  process.stderr.write(`wait-for-migrations: ${error.message}\n`);
  process.exit(1);
});
