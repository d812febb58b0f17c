import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunningService {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface ServiceOutputOptions {
  /** Keep only the last this many characters of output in memory (long runs log a lot). */
  readonly keepLastChars?: number;
  /** Also append everything the service prints to this file. */
  readonly logFile?: string;
}

/**
 * Starts a service from source the way `npm start` does, on a free port, and resolves once it
 * logs the URL it listens on. E2E tests talk to it over HTTP like any client would.
 */
export function startService(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  outputOptions: ServiceOutputOptions = {},
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
    const log = outputOptions.logFile
      ? fs.createWriteStream(outputOptions.logFile, { flags: 'a' })
      : null;
    let listening = false;
    const onData = (chunk: Buffer) => {
      log?.write(chunk);
      output += chunk.toString();
      const keep = outputOptions.keepLastChars;
      if (keep !== undefined && output.length > 2 * keep) output = output.slice(-keep);
      if (listening) return;
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        listening = true;
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      log?.end();
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
