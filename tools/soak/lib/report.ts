import fs from 'node:fs';
import os from 'node:os';
import * as prettier from 'prettier';
import type { CheckResult } from './checks';
import type { FaultRecord } from './faults';
import type { SentCommand } from './load';
import type { PlantResult } from './self-test';

export interface SoakSummary {
  readonly profile: string;
  readonly startedAt: Date;
  readonly durationSeconds: number;
  readonly sent: readonly SentCommand[];
  readonly retries: number;
  readonly faults: readonly FaultRecord[];
  readonly checks: readonly CheckResult[];
  readonly selfTest: readonly PlantResult[] | null;
  readonly targets: { readonly graphqlMs: number; readonly visibleMs: number };
}

const seconds = (ms: number | null) =>
  ms === null ? '**not recovered**' : `${(ms / 1000).toFixed(1)} s`;

/** The soak's report as Markdown: printed at the end of every run, kept in docs/reliability.md. */
export function renderReport(summary: SoakSummary): string {
  const count = (outcome: SentCommand['outcome']) =>
    summary.sent.filter((command) => command.outcome === outcome).length;
  const rejectedBy = new Map<string, number>();
  for (const command of summary.sent)
    if (command.outcome === 'rejected')
      rejectedBy.set(
        command.problemType ?? '?',
        (rejectedBy.get(command.problemType ?? '?') ?? 0) + 1,
      );
  const worst = (pick: (fault: FaultRecord) => number | null) =>
    summary.faults.reduce<number | null>((max, fault) => {
      const value = pick(fault);
      return value === null || max === null ? null : Math.max(max, value);
    }, 0);
  const lines = [
    `Run of ${summary.startedAt.toISOString()} (${summary.profile}, ${Math.round(summary.durationSeconds)} s, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, every process and server on this machine).`,
    '',
    '| commands | count |',
    '| --- | ---: |',
    `| sent | ${summary.sent.length} |`,
    `| acknowledged (2xx) | ${count('acknowledged')} |`,
    `| rejected by a business rule | ${count('rejected')} ${rejectedBy.size ? `(${[...rejectedBy].map(([type, n]) => `${type}: ${n}`).join(', ')})` : ''} |`,
    `| never answered (gave up after 120 s) | ${count('unresolved')} |`,
    `| retries (same request, same key) | ${summary.retries} |`,
    '',
    '| # | at | killed | in flight | back after | GraphQL answers | command acknowledged | write visible |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...summary.faults.map(
      (fault, index) =>
        `| ${index + 1} | ${(fault.atMs / 1000).toFixed(0)} s | ${fault.component} | ${fault.inFlight} | ${seconds(fault.restartMs)} | ${seconds(fault.graphqlMs)} | ${seconds(fault.commandMs)} | ${seconds(fault.visibleMs)} |`,
    ),
    '',
    `Recovery is measured from the moment the killed component runs again. Worst: GraphQL ${seconds(worst((fault) => fault.graphqlMs))} ` +
      `(target ${summary.targets.graphqlMs / 1000} s: ${met(
        worst((fault) => fault.graphqlMs),
        summary.targets.graphqlMs,
      )}), ` +
      `a new write visible ${seconds(worst((fault) => fault.visibleMs))} (target ${summary.targets.visibleMs / 1000} s: ${met(
        worst((fault) => fault.visibleMs),
        summary.targets.visibleMs,
      )}).`,
    '',
    '| check | looked at | violations |',
    '| --- | ---: | ---: |',
    ...summary.checks.map(
      (check) => `| ${check.name} | ${check.checked} | ${check.violations.length} |`,
    ),
  ];
  if (summary.selfTest) {
    lines.push(
      '',
      '| self-test: planted | check that must catch it | caught |',
      '| --- | --- | --- |',
    );
    for (const plant of summary.selfTest)
      lines.push(
        `| ${plant.plant} | ${plant.expectedCheck} | ${plant.detected ? 'yes' : '**no**'} |`,
      );
  }
  const violations = summary.checks.flatMap((check) =>
    check.violations.slice(0, 10).map((violation) => `- ${check.name}: ${violation}`),
  );
  if (violations.length > 0) lines.push('', 'Violations (first ten per check):', '', ...violations);
  return lines.join('\n');
}

function met(worst: number | null, target: number): string {
  return worst !== null && worst <= target ? 'met' : '**not met**';
}

const BEGIN = '<!-- soak:begin (written by npm run soak; edit around it, not inside) -->';
const END = '<!-- soak:end -->';

/**
 * Replaces the generated block of `file` with `report`, keeping the hand-written text around it,
 * formatted as the repository's Prettier check expects.
 */
export async function writeIntoDocument(file: string, report: string): Promise<void> {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no soak block (${BEGIN} … ${END})`);
  const updated = `${text.slice(0, start + BEGIN.length)}\n\n${report}\n\n${text.slice(end)}`;
  const config = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(updated, { ...config, filepath: file }));
}
