import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const workspaceRoot = path.resolve(__dirname, '../../../..');
const STACK = path.join(workspaceRoot, 'tools/stack/stack');

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's newest PostgreSQL server binaries, as tools/stack/postgres.sh picks them. */
function pgCtl(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions.at(-1)}/bin/pg_ctl`;
}

/**
 * A PostgreSQL cluster of the test's own (tools/stack in a directory and on a port of its own),
 * for tests that must take the server away: the shared stack other tests use is never touched.
 * The directory is new for each run, so two runs of the same test never share a cluster.
 */
export class PrivatePostgres {
  private constructor(
    private readonly stackDir: string,
    readonly port: number,
  ) {}

  /** The tests' database of the private cluster, as `stack env --test` names it. */
  get url(): string {
    return `postgres://ledgerline:ledgerline@127.0.0.1:${this.port}/ledgerline_test`;
  }

  /** Initialises (a few seconds) and starts a new cluster. */
  static async up(name: string): Promise<PrivatePostgres> {
    const stackDir = path.join(workspaceRoot, '.stack', `${name}-${process.pid}-${Date.now()}`);
    const postgres = new PrivatePostgres(stackDir, await freePort());
    await postgres.start();
    return postgres;
  }

  /** Starts the cluster again after crash(); resolves once it accepts connections. */
  async start(): Promise<void> {
    await this.stack('up');
  }

  /**
   * `pg_ctl stop -m immediate`: every connection is cut at once, without a checkpoint, as when
   * the server crashes; the next start runs crash recovery.
   */
  async crash(): Promise<void> {
    const args = ['stop', '-D', path.join(this.stackDir, 'postgres/data'), '-m', 'immediate', '-w'];
    // As root, the stack runs PostgreSQL as the `postgres` user (it refuses to run as root).
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', pgCtl(), ...args]);
    else await run(pgCtl(), args);
  }

  /** Stops the cluster and deletes its data. */
  async destroy(): Promise<void> {
    await this.stack('down');
    await rm(this.stackDir, { recursive: true, force: true });
  }

  private async stack(command: 'up' | 'down'): Promise<void> {
    await run(STACK, [command, 'postgres'], {
      env: {
        ...process.env,
        LEDGERLINE_STACK_DIR: this.stackDir,
        LEDGERLINE_PG_PORT: String(this.port),
      },
    });
  }
}
