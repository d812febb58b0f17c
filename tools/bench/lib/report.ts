import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { loadavg } from './machine-load';

const ANALYSIS_MARKER =
  '<!-- analysis: hand-written below this line, kept when the script regenerates the figures -->';

/** What every run records about itself and where it ran. */
export interface RunFacts {
  date: string;
  durationSeconds: number;
  machine: Record<string, string>;
  loadAvg: Record<string, string>;
  versions: Record<string, string>;
}

/**
 * The "Machine and versions" section: hardware, the load averages recorded during the run, Node,
 * then `serverRows` (the servers measured against), the packages but `notPackages`, the commit.
 */
export function machineSection(
  facts: RunFacts,
  serverRows: string[],
  notPackages: string[] = [],
): string[] {
  return [
    '## Machine and versions',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${facts.machine['cpu']} (nproc ${facts.machine['nproc']}) |`,
    `| RAM | ${facts.machine['ram']} |`,
    `| Kernel | ${facts.machine['kernel']} |`,
    `| Load average (1/5/15 min) | ${Object.entries(facts.loadAvg)
      .map(([when, value]) => `${when}: ${value}`)
      .join('; ')} |`,
    `| Node | ${facts.versions['node']} |`,
    ...serverRows,
    `| Packages | ${Object.entries(facts.versions)
      .filter(([name]) => name !== 'node' && !notPackages.includes(name))
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')} |`,
    `| Tree | ${facts.machine['commit']} |`,
  ];
}

/**
 * Writes the regenerated `figures` to `output`, followed by the hand-written analysis the file
 * already has below ANALYSIS_MARKER (or a placeholder for it), formatted as `prettier --check .`
 * (part of `npm test`) expects.
 */
export async function writeReport(output: string, figures: string): Promise<void> {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  let analysis = `${ANALYSIS_MARKER}\n\n## Analysis\n\n_Not written yet._\n`;
  if (fs.existsSync(output)) {
    const existing = fs.readFileSync(output, 'utf8');
    const at = existing.indexOf(ANALYSIS_MARKER);
    if (at >= 0) analysis = existing.slice(at);
  }
  const text = `${figures}\n${analysis}`;
  const options = (await prettier.resolveConfig(output)) ?? {};
  fs.writeFileSync(output, await prettier.format(text, { ...options, filepath: output }));
}

/**
 * Ends a run: notes the last load average and how long the run took, saves the results as
 * `<tmpdir>/<name>.json` (for a closer look than the report gives) and writes the report.
 */
export async function finishRun<R extends RunFacts>(
  results: R,
  run: { durationSeconds: number; name: string; output: string; render: (results: R) => string },
): Promise<void> {
  results.loadAvg['end'] = loadavg();
  results.durationSeconds = run.durationSeconds;
  fs.writeFileSync(path.join(os.tmpdir(), `${run.name}.json`), JSON.stringify(results, null, 2));
  await writeReport(run.output, run.render(results));
}
