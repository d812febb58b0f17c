import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './repo-root';

/** A process the benchmark started, with the tail of its output for error messages. */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  output: string[];
}

const running = new Set<ServiceProcess>();

/** Starts `command` in the repository root, output piped and its last 200 chunks kept. */
export function spawnProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): ServiceProcess {
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const proc = { name, child, port, output };
  running.add(proc);
  child.once('exit', () => running.delete(proc));
  return proc;
}

export interface SourceService {
  name: string;
  /** Entry file, relative to the repository root. */
  entry: string;
  port: number;
  /** On top of this process's environment, HOST=127.0.0.1, PORT and LOG_LEVEL=warn. */
  env: Record<string, string>;
  /** Modules preloaded (`-r`) after @swc-node/register. */
  preload?: string[];
}

/** Runs one of the repository's services from source, as `node -r @swc-node/register <entry>`. */
export function spawnFromSource(service: SourceService): ServiceProcess {
  const preload = (service.preload ?? []).flatMap((module) => ['-r', module]);
  return spawnProcess(
    service.name,
    process.execPath,
    ['-r', '@swc-node/register', ...preload, service.entry],
    {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(service.port),
      LOG_LEVEL: 'warn',
      ...service.env,
    },
    service.port,
  );
}

/** Polls GET /health/live until it answers; kills the process if it has not within `timeoutMs`. */
export async function waitLive(
  proc: ServiceProcess,
  { timeoutMs, pollMs }: { timeoutMs: number; pollMs: number },
): Promise<ServiceProcess> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited:\n${proc.output.join('')}`);
    const answered = await new Promise<boolean>((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port: proc.port, path: '/health/live', timeout: 1000 },
        (res) => {
          res.resume();
          resolve(true);
        },
      );
      request.on('error', () => resolve(false));
      request.on('timeout', () => request.destroy());
    });
    if (answered) return proc;
    await sleep(pollMs);
  }
  proc.child.kill('SIGKILL');
  throw new Error(
    `${proc.name} did not start within ${timeoutMs / 1000} s:\n${proc.output.join('')}`,
  );
}

/** SIGTERM (a graceful drain), SIGKILL after 10 s; resolves once the process has exited. */
export async function stopProcess(proc: ServiceProcess | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** SIGKILL to every process started here that is still running. */
export function killAll(): void {
  for (const proc of running) proc.child.kill('SIGKILL');
}

/**
 * Exits on a hard time limit (code 2) or SIGINT/SIGTERM (130), after `kill` has ended the processes
 * the run started: they would otherwise outlive it. Returns the limit's timer, to clear at the end.
 */
export function exitOnLimitOrSignal(limitMs: number, kill: () => void): NodeJS.Timeout {
  const watchdog = setTimeout(() => {
    process.stderr.write('hard time limit reached; stopping\n');
    kill();
    process.exit(2);
  }, limitMs);
  const onSignal = () => {
    kill();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return watchdog;
}
