import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

/** The installed version of each package, 'not installed' where it is missing. */
export function packageVersions(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, packageVersion(name)]));
}

function packageVersion(name: string): string {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ).version;
  } catch {
    return 'not installed';
  }
}

export interface MachineFactsOptions {
  /** Count CPUs with the `nproc` command; Node's availableParallelism when it fails or is off. */
  nprocCommand?: boolean;
  /** Appended to the commit when tracked files have uncommitted changes; gets their paths. */
  describeChanges: (files: string[]) => string;
}

/** CPU, RAM, kernel and the commit measured: what a reader needs to compare two reports. */
export function machineFacts(options: MachineFactsOptions): Record<string, string> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const memKb = Number(
    /MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0,
  );
  let nproc = String(os.availableParallelism());
  if (options.nprocCommand) {
    try {
      nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      // keep availableParallelism
    }
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trimEnd();
    if (changes)
      commit += options.describeChanges(changes.split('\n').map((line) => line.slice(3)));
  } catch {
    // not a git checkout
  }
  return {
    nproc,
    ram: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    cpu: model,
    kernel: os.release(),
    commit,
  };
}
