import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KAFKA_SH = path.resolve(__dirname, '../../../../tools/stack/kafka.sh');

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A Kafka broker of this test's own, started with the local stack's script (tools/stack/kafka.sh)
 * in a temporary stack directory on free ports, so a test can kill it without disturbing the
 * shared stack the other tests use. Its data survives `crash` + `up`, as a real broker's disk.
 */
export class PrivateKafka {
  private constructor(
    private readonly stackDir: string,
    private readonly port: number,
    private readonly controllerPort: number,
  ) {}

  static async create(): Promise<PrivateKafka> {
    const dir = await mkdtemp(path.join(tmpdir(), 'ledgerline-private-kafka-'));
    return new PrivateKafka(dir, await freePort(), await freePort());
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts the broker and resolves once it answers metadata requests (kafka.sh waits for that). */
  async up(): Promise<void> {
    await this.script('up');
  }

  /** kill -9: no controlled shutdown, no leave-group for anyone; resolves once the JVM is gone. */
  async crash(): Promise<void> {
    const pid = Number(
      (await readFile(path.join(this.stackDir, 'kafka/kafka.pid'), 'utf8')).trim(),
    );
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Stops the broker and removes its data. */
  async destroy(): Promise<void> {
    await this.script('down').catch(() => undefined);
    await rm(this.stackDir, { recursive: true, force: true });
  }

  private async script(command: 'up' | 'down'): Promise<void> {
    await run('bash', [KAFKA_SH, command], {
      env: {
        ...process.env,
        LEDGERLINE_STACK_DIR: this.stackDir,
        LEDGERLINE_KAFKA_PORT: String(this.port),
        LEDGERLINE_KAFKA_CONTROLLER_PORT: String(this.controllerPort),
      },
      timeout: 120_000,
    });
  }
}
