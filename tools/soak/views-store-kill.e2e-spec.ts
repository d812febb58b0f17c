import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** Runs the soak with the given flags; resolves with its exit code and everything it printed. */
function runSoak(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/soak/soak.ts', ...args],
      {
        cwd: REPO,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const violationsOf = (output: string, check: string) => {
  const row = new RegExp(`\\| ${check} \\| (\\d+) \\| (\\d+) \\|`).exec(output);
  if (!row) throw new Error(`no '${check}' row in the soak's report:\n${output}`);
  return { checked: Number(row[1]), violations: Number(row[2]) };
};

/**
 * The views store killed (kill -9 of FerretDB) again and again while the projection writes: the
 * transactions view once lost the movements of the batch in flight and committed its offsets
 * anyway. On a private stack, so the shared servers are untouched.
 */
describe('kill -9 of the views store mid-batch (private stack, real servers)', () => {
  it('leaves every view equal to a fold of the event store, nothing lost or doubled', async () => {
    const { code, output } = await runSoak([
      '--faults',
      'ferretdb',
      '--rounds',
      '3',
      '--duration',
      '40',
      '--workers',
      '6',
      '--port-base',
      '56700',
    ]);

    expect(output.match(/killed ferretdb/g)).toHaveLength(3);
    for (const check of [
      'accounts view equals a fold of the store',
      'transactions view equals a fold of the store',
      'portfolio view equals a fold of the store',
      'every acknowledged command is in the store',
      'no Idempotency-Key applied twice',
    ]) {
      const { checked, violations } = violationsOf(output, check);
      expect({ check, violations }).toEqual({ check, violations: 0 });
      expect(checked).toBeGreaterThan(0);
    }
    expect(code).toBe(0);
  }, 300_000);
});
