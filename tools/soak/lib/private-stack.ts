import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SERVERS = ['postgres', 'kafka', 'ferretdb'] as const;
export type Server = (typeof SERVERS)[number];

const STACK = path.resolve(__dirname, '../../stack/stack');

/** Where the private stack's servers listen; kept clear of the shared stack's ports. */
export interface StackPorts {
  postgres: number;
  kafka: number;
  ferretdb: number;
}

/**
 * A stack of its own (tools/stack with its own data directory and ports), so the soak can kill
 * servers without disturbing anything else that runs on this machine, tests included.
 */
export class PrivateStack {
  readonly env: Record<string, string>;

  constructor(
    readonly directory: string,
    readonly ports: StackPorts,
  ) {
    this.env = {
      LEDGERLINE_STACK_DIR: directory,
      LEDGERLINE_PG_PORT: String(ports.postgres),
      LEDGERLINE_KAFKA_PORT: String(ports.kafka),
      LEDGERLINE_KAFKA_CONTROLLER_PORT: String(ports.kafka + 1),
      LEDGERLINE_FERRETDB_PORT: String(ports.ferretdb),
    };
  }

  /** The connection variables the services read. */
  get serviceEnv(): { DATABASE_URL: string; KAFKA_BROKERS: string; MONGODB_URL: string } {
    return {
      DATABASE_URL: `postgres://ledgerline:ledgerline@127.0.0.1:${this.ports.postgres}/ledgerline`,
      KAFKA_BROKERS: `127.0.0.1:${this.ports.kafka}`,
      MONGODB_URL: `mongodb://127.0.0.1:${this.ports.ferretdb}`,
    };
  }

  /**
   * Stops whatever an earlier soak left running here, wipes its data (the whole directory is the
   * soak's own, FerretDB's PostgreSQL database included) and starts every server.
   */
  async fresh(): Promise<void> {
    await this.stack('down').catch(() => undefined);
    await rm(this.directory, { recursive: true, force: true });
    await this.stack('up');
  }

  up(server?: Server): Promise<void> {
    return this.stack('up', server);
  }

  /** kill -9 (PostgreSQL: immediate shutdown, the same crash recovery on the next start). */
  crash(server: Server): Promise<void> {
    return this.stack('crash', server);
  }

  down(): Promise<void> {
    return this.stack('down');
  }

  private async stack(command: string, server?: Server): Promise<void> {
    const args = server ? [command, server] : [command];
    try {
      await run(STACK, args, { env: { ...process.env, ...this.env }, maxBuffer: 16 << 20 });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`stack ${args.join(' ')} failed: ${stderr ?? String(error)}`);
    }
  }
}
