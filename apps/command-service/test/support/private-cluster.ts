import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface PrivateCluster {
  /** The tests' database, as the ledgerline role (what the services connect as). */
  databaseUrl: string;
  /** A superuser session over the cluster's unix socket, in any database of the cluster. */
  superuser(database: string, applicationName: string): Promise<Client>;
  /** `stack up postgres` again, on the running cluster. */
  up(): void;
  stop(): void;
}

/**
 * A PostgreSQL cluster of a test's own, made by the stack's own script (tools/stack/postgres.sh,
 * so it has the stack's settings), with superuser sessions over its unix socket, for tests that
 * must disturb the whole cluster: holding the settled horizon on the shared one would stall
 * every other test's relay. (./private-postgres.ts is the same without superuser access.)
 */
export async function startPrivateCluster(name: string): Promise<PrivateCluster> {
  const stackDir = path.join(workspaceRoot, 'tmp', name);
  mkdirSync(stackDir, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    LEDGERLINE_STACK_DIR: stackDir,
    LEDGERLINE_PG_PORT: String(port),
  };
  const stack = (command: 'up' | 'down') => {
    const result = spawnSync(path.join(workspaceRoot, 'tools/stack/stack'), [command, 'postgres'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) {
      throw new Error(`stack ${command} postgres failed:\n${result.stdout}${result.stderr}`);
    }
  };
  stack('up');
  return {
    databaseUrl: `postgres://ledgerline:ledgerline@127.0.0.1:${port}/ledgerline_test`,
    superuser: async (database, applicationName) => {
      const client = new Client({
        host: path.join(stackDir, 'postgres', 'run'),
        port,
        user: 'postgres',
        database,
        application_name: applicationName,
      });
      await client.connect();
      return client;
    },
    up: () => stack('up'),
    stop: () => {
      try {
        stack('down');
      } finally {
        rmSync(stackDir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
