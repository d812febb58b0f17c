import 'reflect-metadata';
import { createEventStoreDataSource, runMigrations } from '@ledgerline/event-store';
import { validateEnvironment } from '@ledgerline/platform';
import { CommandServiceEnvironment } from './config/command-service.environment';

/** One-shot entrypoint: applies pending event-store migrations, then exits (a k8s Job in production). */
async function migrate(): Promise<void> {
  const env = validateEnvironment(CommandServiceEnvironment)(process.env);
  const dataSource = createEventStoreDataSource({
    url: env.DATABASE_URL,
    applicationName: 'migrate',
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    process.stdout.write(
      applied.length > 0
        ? `applied migrations: ${applied.join(', ')}\n`
        : 'migrations up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(
    `migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
