import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startService, type RunningService } from '@ledgerline/testing';

const run = promisify(execFile);

export const PROCESSES = ['command-service', 'relay', 'query-service'] as const;
export type Process = (typeof PROCESSES)[number];

const ENTRY: Record<Process, string> = {
  'command-service': 'apps/command-service/src/main.ts',
  relay: 'apps/command-service/src/relay.ts',
  'query-service': 'apps/query-service/src/main.ts',
};

const REPO = path.resolve(__dirname, '../../..');

/** An unexpected exit of a process the soak did not kill: a fault it did not survive. */
export interface UnexpectedExit {
  readonly process: Process;
  readonly atMs: number;
  readonly code: number | null;
  readonly lastOutput: string;
}

/**
 * The system's processes, started from source with the helper the e2e tests use. A process the
 * soak kills is started again at once (as a supervisor would); one that exits on its own is
 * recorded as a violation, then restarted so the run can go on.
 */
export class Services {
  private readonly running = new Map<Process, RunningService>();
  private readonly killing = new Set<Process>();
  readonly unexpectedExits: UnexpectedExit[] = [];

  constructor(
    private readonly env: Record<Process, Record<string, string>>,
    private readonly logDirectory: string,
    private readonly clock: () => number,
  ) {}

  static async migrate(env: Record<string, string>): Promise<void> {
    await run(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/command-service/src/migrate.ts'],
      {
        cwd: REPO,
        env: { ...process.env, ...env },
      },
    );
  }

  url(process: Process): string {
    const service = this.running.get(process);
    if (!service) throw new Error(`${process} is not running`);
    return service.url;
  }

  async startAll(): Promise<void> {
    await Promise.all(PROCESSES.map((name) => this.start(name)));
  }

  async start(name: Process): Promise<void> {
    const service = await startService(ENTRY[name], this.env[name], 90_000, {
      keepLastChars: 20_000,
      logFile: path.join(this.logDirectory, `${name}.log`),
    });
    this.running.set(name, service);
    service.process.once('exit', (code) => {
      if (this.running.get(name) !== service) return;
      this.running.delete(name);
      if (this.killing.has(name)) return;
      this.unexpectedExits.push({
        process: name,
        atMs: this.clock(),
        code,
        lastOutput: service.output().slice(-2_000),
      });
      void this.start(name).catch(() => undefined);
    });
  }

  /** kill -9; the caller starts it again, as a supervisor would. */
  async kill(name: Process): Promise<void> {
    const service = this.running.get(name);
    this.killing.add(name);
    try {
      await service?.stop('SIGKILL');
    } finally {
      this.killing.delete(name);
    }
  }

  async stopAll(): Promise<void> {
    for (const name of PROCESSES) this.killing.add(name);
    await Promise.all([...this.running.values()].map((service) => service.stop('SIGTERM')));
    this.running.clear();
  }
}
