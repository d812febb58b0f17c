import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';

const root = path.resolve(__dirname, '../..');
const dashboard = JSON.parse(
  readFileSync(path.join(root, 'docs/observability/grafana-dashboard.json'), 'utf8'),
) as { panels: Array<{ targets?: Array<{ expr: string }> }> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /(?<!spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every metric the processes register: ours (declared with `name: '…'`) and prom-client's defaults. */
function servedMetrics(): Set<string> {
  const ours = ['apps', 'libs']
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .flatMap((file) => [
      ...readFileSync(file, 'utf8').matchAll(/name: '((?:ledgerline|http)_[a-z_]+)'/g),
    ])
    .map((match) => match[1]!);
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  const names = [...ours, ...defaults.getMetricsAsArray().map((metric) => metric.name)];
  // Histograms are queried through their series.
  return new Set(names.flatMap((name) => [name, `${name}_bucket`, `${name}_sum`, `${name}_count`]));
}

const expressions = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((t) => t.expr);
const referenced = new Set(
  expressions.flatMap((expr) =>
    [...expr.matchAll(/\b((?:ledgerline|http|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!),
  ),
);

describe('the Grafana dashboard (docs/observability/grafana-dashboard.json)', () => {
  const served = servedMetrics();

  it('queries only metrics the processes serve, so no panel stays silently empty', () => {
    expect([...referenced].filter((name) => !served.has(name))).toEqual([]);
  });

  it('shows every Ledgerline metric', () => {
    const ours = [...served].filter(
      (name) => name.startsWith('ledgerline_') && !/_(bucket|sum|count)$/.test(name),
    );
    const shown = (name: string) =>
      [...referenced].some((ref) => ref === name || ref.startsWith(`${name}_`));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours.filter((name) => !shown(name))).toEqual([]);
  });
});
