import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const workspaceRoot = path.resolve(__dirname, '../../..');

/** A cold machine builds docker compose from source (~4 min); warm runs return at once. */
export const TOOL_INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface DeployTools {
  kustomize: string;
  'docker-compose': string;
  hadolint: string;
  'kubernetes-validate': string;
}

type ToolArg = 'kustomize' | 'compose' | 'hadolint' | 'kubernetes-validate';

/** Runs install-tools.sh (idempotent, cached) and returns the binaries it reports. */
export function installTools(...tools: ToolArg[]): Partial<DeployTools> {
  const output = execFileSync(
    'bash',
    [path.join(workspaceRoot, 'tools/deploy-validation/install-tools.sh'), ...tools],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: TOOL_INSTALL_TIMEOUT_MS },
  );
  return Object.fromEntries(
    output
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );
}

/** Runs a tool; returns its exit status and combined output instead of throwing. */
export function run(
  binary: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { status: number; output: string; stdout: string } {
  try {
    const stdout = execFileSync(binary, args, {
      cwd: options.cwd ?? workspaceRoot,
      env: options.env ?? process.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, output: stdout, stdout };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    const stdout = failed.stdout ?? '';
    return { status: failed.status ?? 1, output: `${stdout}${failed.stderr ?? ''}`, stdout };
  }
}

/** Every document of a multi-document YAML stream, parse errors included. */
export function parseYamlStream<T = Record<string, unknown>>(text: string): T[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as T;
  });
}

/**
 * The variables the services understand, from the README's "Configuration" section: the
 * deployment files may set nothing else (a misspelt name would be silently ignored).
 */
export function documentedVariables(): Set<string> {
  const readme = readFileSync(path.join(workspaceRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('## Configuration');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]!));
}
