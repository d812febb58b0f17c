import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type Server as NetServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const workspaceRoot = path.resolve(__dirname, '../../../..');
const STACK = path.join(workspaceRoot, 'tools/stack/stack');
/** `stack up` of a cold Kafka resolves its jars first; anything slower than this is stuck. */
const STACK_TIMEOUT_MS = 300_000;

/** The servers of the local stack, in the order `stack up` starts them. */
export const STACK_SERVERS = ['postgres', 'kafka', 'ferretdb'] as const;
export type StackServer = (typeof STACK_SERVERS)[number];

/** The databases tools/stack/postgres.sh provisions for the services: the app's and the tests'. */
export type StackDatabase = 'ledgerline' | 'ledgerline_test';

/** Where a private stack's servers listen (tools/stack/lib/common.sh's port variables). */
export interface StackPorts {
  readonly postgres: number;
  readonly kafka: number;
  readonly kafkaController: number;
  readonly ferretdb: number;
}

/** The connection variables the services read, as `stack env` prints them. */
export type StackConnection = {
  readonly DATABASE_URL: string;
  readonly KAFKA_BROKERS: string;
  readonly MONGODB_URL: string;
};

/**
 * What a pg `Client` needs for a superuser session over the cluster's unix socket. Settings, not a
 * client: libs/testing may not import infrastructure clients (eslint.config.mjs), the tests may.
 */
export type SuperuserConnection = {
  readonly host: string;
  readonly port: number;
  readonly user: 'postgres';
  readonly database: string;
  readonly application_name: string;
};

export interface PrivateStackOptions {
  /** Default: a new directory under the workspace's git-ignored tmp/, unique to this call. */
  readonly directory?: string;
  /** Default: ports nothing listens on right now, chosen by the OS. */
  readonly ports?: StackPorts;
}

/**
 * A local stack of its own (tools/stack in a directory and on ports of its own, so it has the
 * stack's settings), for tests and the soak that must crash or stop servers: the shared stack
 * other tests use is never touched. Only the servers asked for are started.
 */
export class PrivateStack {
  private constructor(
    readonly directory: string,
    readonly ports: StackPorts,
  ) {}

  /** Picks the directory and ports; starts nothing (the ports are known before `up`). */
  static async create(name: string, options: PrivateStackOptions = {}): Promise<PrivateStack> {
    const directory =
      options.directory ??
      // Short on purpose: PostgreSQL's unix socket path inside it must stay under 108 bytes.
      path.join(workspaceRoot, 'tmp', `stack-${name}-${randomBytes(3).toString('hex')}`);
    return new PrivateStack(directory, options.ports ?? (await freeStackPorts()));
  }

  /** The connection variables for one of the stack's databases. */
  connection(database: StackDatabase): StackConnection {
    return {
      DATABASE_URL: `postgres://ledgerline:ledgerline@127.0.0.1:${this.ports.postgres}/${database}`,
      KAFKA_BROKERS: `127.0.0.1:${this.ports.kafka}`,
      MONGODB_URL: `mongodb://127.0.0.1:${this.ports.ferretdb}`,
    };
  }

  /** Starts the server (default: all) and resolves once it accepts connections. */
  up(server?: StackServer): Promise<void> {
    return this.stack('up', server);
  }

  /** kill -9 (PostgreSQL: immediate shutdown, so the next start runs crash recovery). */
  crash(server: StackServer): Promise<void> {
    return this.stack('crash', server);
  }

  /** Stops the server (default: all) cleanly; its data stays. */
  down(server?: StackServer): Promise<void> {
    return this.stack('down', server);
  }

  /** Stops every server and deletes the directory. */
  async destroy(): Promise<void> {
    await this.down();
    await rm(this.directory, { recursive: true, force: true });
  }

  /**
   * Stops whatever an earlier run left in the directory, wipes it (FerretDB's PostgreSQL database
   * lives there too) and starts every server. A failed stop is no reason not to start afresh.
   */
  async fresh(): Promise<void> {
    await this.down().catch(() => undefined);
    await rm(this.directory, { recursive: true, force: true });
    await this.up();
  }

  /**
   * A superuser session over the cluster's unix socket (postgres.sh trusts the `postgres` role
   * there), in any database of the cluster: for what the `ledgerline` role may not do.
   */
  superuser(database: string, applicationName: string): SuperuserConnection {
    return {
      host: path.join(this.directory, 'postgres', 'run'),
      port: this.ports.postgres,
      user: 'postgres',
      database,
      application_name: applicationName,
    };
  }

  private async stack(command: 'up' | 'down' | 'crash', server?: StackServer): Promise<void> {
    const args = server ? [command, server] : [command];
    try {
      await run(STACK, args, {
        env: {
          ...process.env,
          LEDGERLINE_STACK_DIR: this.directory,
          LEDGERLINE_PG_PORT: String(this.ports.postgres),
          LEDGERLINE_KAFKA_PORT: String(this.ports.kafka),
          LEDGERLINE_KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
          LEDGERLINE_FERRETDB_PORT: String(this.ports.ferretdb),
        },
        timeout: STACK_TIMEOUT_MS,
        maxBuffer: 16 << 20,
      });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      const detail = stderr?.trim() || (error instanceof Error ? error.message : String(error));
      throw new Error(`stack ${args.join(' ')} (in ${this.directory}) failed: ${detail}`);
    }
  }
}

/** Four distinct ports nothing listens on right now: all held open at once, then released. */
async function freeStackPorts(): Promise<StackPorts> {
  const servers = [0, 1, 2, 3].map(() => createServer());
  try {
    const [postgres = 0, kafka = 0, kafkaController = 0, ferretdb = 0] = await Promise.all(
      servers.map(listenOnAnyPort),
    );
    return { postgres, kafka, kafkaController, ferretdb };
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listenOnAnyPort(server: NetServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}
