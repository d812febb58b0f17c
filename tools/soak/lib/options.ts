import { parseArgs } from 'node:util';
import { COMPONENTS, type Component } from './faults';

export interface SoakOptions {
  readonly profile: 'short' | 'full';
  readonly durationSeconds: number;
  /** How many times each component is killed. */
  readonly rounds: number;
  /** The components to kill (default: every process and server). */
  readonly faults: readonly Component[];
  readonly workers: number;
  readonly accounts: number;
  readonly selfTest: boolean;
  readonly writeDocs: boolean;
  readonly keepStack: boolean;
  readonly seed: number;
  readonly portBase: number;
}

const PROFILES = {
  short: { durationSeconds: 90, rounds: 1 },
  full: { durationSeconds: 600, rounds: 4 },
} as const;

export const USAGE = `npm run soak -- [--short] [--duration <s>] [--rounds <n>] [--self-test] [--write-docs] [--keep-stack]

A chaos soak on a private stack (its own PostgreSQL, Kafka and FerretDB): deposits and withdrawals
with Idempotency-Keys while every process and server is killed, then checks that nothing
acknowledged is lost or doubled and that every view equals a fold of the event store.

  --short          ≈ 90 s, each component killed once (what npm test runs)
  --duration <s>   length of the load phase (full: 600)
  --rounds <n>     kills of each component (full: 4, short: 1)
  --faults <list>  only these, comma-separated (default: ${COMPONENTS.join(',')})
  --workers <n>    concurrent clients (default 8)
  --accounts <n>   accounts the load spreads over (default 40)
  --self-test      then plant violations and require every check to catch its own
  --write-docs     write the report into docs/reliability.md (default for the full run as
                   it is; a run with --duration, --rounds or --faults only when asked)
  --keep-stack     leave the private stack running afterwards
  --seed <n>       fault order and load mix (default 1)
  --port-base <p>  the private stack's ports start here (default 56600)

Example: npm run soak -- --short --self-test`;

/** Parses the command line; throws a one-line error naming a bad flag. */
export function parseSoakOptions(argv: string[]): SoakOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: 'boolean', default: false },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      faults: { type: 'string', default: COMPONENTS.join(',') },
      workers: { type: 'string', default: '8' },
      accounts: { type: 'string', default: '40' },
      'self-test': { type: 'boolean', default: false },
      'write-docs': { type: 'boolean' },
      'keep-stack': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'port-base': { type: 'string', default: '56600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const profile = values.short ? 'short' : 'full';
  const defaults = PROFILES[profile];
  return {
    profile,
    durationSeconds: positive('--duration', values.duration ?? String(defaults.durationSeconds)),
    rounds: positive('--rounds', values.rounds ?? String(defaults.rounds)),
    faults: components(values.faults),
    workers: positive('--workers', values.workers),
    accounts: positive('--accounts', values.accounts),
    selfTest: values['self-test'],
    // docs/reliability.md records the full run as documented, not a variation of it.
    writeDocs:
      values['write-docs'] ??
      (profile === 'full' &&
        values.duration === undefined &&
        values.rounds === undefined &&
        values.faults === COMPONENTS.join(',')),
    keepStack: values['keep-stack'],
    seed: positive('--seed', values.seed),
    portBase: positive('--port-base', values['port-base']),
  };
}

function components(list: string): Component[] {
  const named = list.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !(COMPONENTS as readonly string[]).includes(name));
  if (unknown.length > 0 || named.length === 0)
    throw new Error(
      `--faults: unknown component '${unknown.join(',')}' (known: ${COMPONENTS.join(',')})`,
    );
  return named as Component[];
}

function positive(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${flag} must be a positive integer, got '${value}'`);
  return parsed;
}
