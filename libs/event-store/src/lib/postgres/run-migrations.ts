import type { DataSource } from 'typeorm';

/**
 * Applies pending migrations. TypeORM takes a PostgreSQL advisory lock around the run, so replicas
 * started together do not race; still, deployments run this once as a job before the services.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
