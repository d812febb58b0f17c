import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningService {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const workspaceRoot = path.resolve(__dirname, '../../../..');

/**
 * Starts a service from source the way `npm start` does, on a free port, and resolves once it
 * logs the URL it listens on. E2E tests talk to it over HTTP like any client would.
 */
export function startService(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningService> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(workspaceRoot, entry)],
    {
      cwd: workspaceRoot,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Runs a service expected to refuse to start; resolves with its exit code and output. */
export async function runUntilExit(entry: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(workspaceRoot, entry)],
    {
      cwd: workspaceRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
