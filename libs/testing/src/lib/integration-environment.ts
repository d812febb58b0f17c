/**
 * Where integration tests find the real servers. `npm test` exports these from `stack env --test`;
 * the defaults match the local stack's defaults so a single test file can be run by hand.
 */
export interface IntegrationEnvironment {
  databaseUrl: string;
  kafkaBrokers: string[];
  mongoUrl: string;
  mongoDatabase: string;
}

export function integrationEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): IntegrationEnvironment {
  return {
    databaseUrl:
      env['DATABASE_URL'] ?? 'postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline_test',
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:59092').split(','),
    mongoUrl: env['MONGODB_URL'] ?? 'mongodb://127.0.0.1:57017',
    mongoDatabase: env['MONGODB_DATABASE'] ?? 'ledgerline_test',
  };
}

/** A name no other test run or test file will use, for topics, collections and streams. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
