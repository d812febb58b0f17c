import type { HorizonHolder } from '@ledgerline/outbox-relay';
import { MetricsRegistry } from '@ledgerline/platform';
import { HORIZON_WARNING_REPEAT_MS, HorizonHoldReporter } from './horizon-hold-reporter';
import { RelayMetrics } from './relay-metrics';

const psql: HorizonHolder = {
  kind: 'session',
  transactionId: 900n,
  pid: 4242,
  gid: null,
  database: 'reports',
  user: 'analyst',
  applicationName: 'psql',
  clientAddress: '10.0.0.7',
  state: 'idle in transaction',
  query: 'UPDATE totals SET n = n + 1',
  heldSeconds: 3,
  detailsVisible: true,
};

function setUp() {
  const registry = new MetricsRegistry();
  const lines: Array<{ level: 'warn' | 'log'; line: { msg: string; horizon: object } }> = [];
  let nowMs = 0;
  const reporter = new HorizonHoldReporter(
    new RelayMetrics(registry),
    {
      warn: (line: { msg: string; horizon: object }) => lines.push({ level: 'warn', line }),
      log: (line: { msg: string; horizon: object }) => lines.push({ level: 'log', line }),
    },
    10_000,
    () => nowMs,
  );
  const scrape = () => registry.metrics();
  return { reporter, lines, scrape, advance: (ms: number) => (nowMs += ms) };
}

describe('HorizonHoldReporter', () => {
  it('shows every hold in the gauges and names the holder once it is past the threshold', async () => {
    const { reporter, lines, scrape } = setUp();

    reporter.report(psql);
    expect(await scrape()).toContain('ledgerline_relay_horizon_held_seconds 3\n');
    expect(await scrape()).toContain(
      'ledgerline_relay_horizon_holder{pid="4242",gid="",datname="reports",usename="analyst",application_name="psql",state="idle in transaction"} 1',
    );
    expect(lines).toEqual([]);

    reporter.report({ ...psql, heldSeconds: 10.2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('warn');
    expect(lines[0]!.line.msg).toBe(
      'settled horizon held for 10.2 s by pid 4242 (application "psql") in database "reports" as "analyst", xid 900: events committed after its transaction began are not published until it ends',
    );
    expect(lines[0]!.line.horizon).toMatchObject({
      pid: 4242,
      clientAddress: '10.0.0.7',
      state: 'idle in transaction',
      heldSeconds: 10.2,
      query: 'UPDATE totals SET n = n + 1',
    });
  });

  it('repeats the warning for the same transaction at most once per minute', () => {
    const { reporter, lines, advance } = setUp();
    for (let second = 11; second < 11 + 150; second++) {
      reporter.report({ ...psql, heldSeconds: second });
      advance(1_000);
    }
    expect(lines.map((l) => l.line.msg.match(/held for (\d+)/)?.[1])).toEqual(['11', '71', '131']);
    expect(HORIZON_WARNING_REPEAT_MS).toBe(60_000);
  });

  it('says when a warned hold ends and clears the gauges; a hidden holder is named with the grant it needs', async () => {
    const { reporter, lines, scrape } = setUp();
    const hidden: HorizonHolder = {
      ...psql,
      transactionId: 901n,
      clientAddress: null,
      state: null,
      query: null,
      heldSeconds: 12,
      detailsVisible: false,
    };
    reporter.report(hidden);
    reporter.report(undefined);

    expect(lines.map((l) => l.level)).toEqual(['warn', 'log']);
    expect(lines[0]!.line.msg).toMatch(/hidden from this role: grant it pg_read_all_stats\)$/);
    expect(lines[1]!.line.msg).toBe(
      'settled horizon released: pid 4242 (application "psql") in database "reports" as "analyst", xid 901 no longer holds it',
    );
    expect(await scrape()).toContain('ledgerline_relay_horizon_held_seconds 0\n');
    expect(await scrape()).not.toContain('ledgerline_relay_horizon_holder{');
  });
});
