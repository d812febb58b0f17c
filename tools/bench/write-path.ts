/**
 * Write-path benchmark: raw PostgreSQL ceiling, PostgresEventStore.appendToStream, REST deposits
 * through the command-service, and aggregate load time with and without a snapshot.
 *
 *   export PATH=$PWD/node_modules/.bin:$PATH  (from the repository root)
 *   node -r @swc-node/register tools/bench/write-path.ts
 *
 * Prints figures and writes docs/benchmarks/write-path.md (everything above the analysis marker is
 * regenerated; the hand-written analysis below it is kept). Only 127.0.0.1 traffic, 5–7 minutes.
 *
 * Environment:
 *   BENCH_DATABASE_URL  default postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline_bench
 *                       (its name must end in _bench: the script TRUNCATEs the event-store tables)
 *   BENCH_PORT          port for the command-service it starts (default 3100, next free if taken)
 *   BENCH_SCALE         multiplies every measuring window (0.2 for a smoke run; default 1)
 *   BENCH_PROFILE       auto (profile the service when a REST target is missed) | 1 | 0
 *   BENCH_OUTPUT        markdown path (default docs/benchmarks/write-path.md)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Pool, type PoolClient } from 'pg';
import {
  accountDecider,
  ACCOUNT_STREAM_TYPE,
  type AccountCommand,
} from '@ledgerline/accounts-domain';
import { latestSchemaVersion } from '@ledgerline/contracts';
import { AggregateStore, PostgresEventStore, PostgresSnapshotStore } from '@ledgerline/event-store';
import { minorUnits } from '@ledgerline/money';
import { accountCodec } from '../../apps/command-service/src/accounts/account-event.codec';
import { openAccounts, tellerToken } from './lib/accounts-api';
import { measureClosedLoop, streamsOfWorker } from './lib/closed-loop';
import { createStreams, depositEvent, rawAppendSql, rawAppendValues } from './lib/deposit-append';
import { machineFacts, packageVersions } from './lib/environment';
import { ensureDatabase, migrateEventStore, openEventStore } from './lib/event-store-db';
import { int, ms, pct } from './lib/format';
import { post } from './lib/http-post';
import { loadavg, waitForQuietMachine } from './lib/machine-load';
import { openLoop } from './lib/open-loop';
import { freePort } from './lib/ports';
import { machineCpuMs, processCpuMs } from './lib/proc-cpu';
import { REPO_ROOT } from './lib/repo-root';
import { finishRun, machineSection, writeReport, type RunFacts } from './lib/report';
import {
  exitOnLimitOrSignal,
  spawnFromSource,
  stopProcess,
  waitLive,
  type ServiceProcess,
} from './lib/service-process';
import { Latencies, median, percentile } from './lib/stats';

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const DATABASE_URL =
  process.env['BENCH_DATABASE_URL'] ??
  'postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline_bench';
const SCALE = Number(process.env['BENCH_SCALE'] ?? '1');
const PROFILE_MODE = process.env['BENCH_PROFILE'] ?? 'auto';
const OUTPUT = path.resolve(
  REPO_ROOT,
  process.env['BENCH_OUTPUT'] ?? 'docs/benchmarks/write-path.md',
);
const RUNS = 3;
const s = (seconds: number) => Math.max(1, seconds * SCALE);

const RAW = { clients: [8, 16], seconds: s(10), warmup: 1, streams: 2_000 };
const RAW_NO_NOTIFY = { clients: 16, seconds: s(4), warmup: 1 };
const APPEND = { batches: [1, 10], concurrency: 16, seconds: s(4), warmup: 1, streams: 1_600 };
const REST = { accounts: 1_000, concurrency: [16, 64], seconds: s(7), warmup: 1.5 };
/** Supplementary: the same closed loop with the service configured SNAPSHOT_EVERY=10 (config only). */
const SNAPSHOT_EVERY_ALT = 10;
const RATE = { perSecond: 1_000, seconds: s(10), maxInFlight: 256, drainTimeoutMs: 15_000 };
const LOAD = { events: 100_000, snapshotEvery: 100, tails: [0, 10, 50, 99], loadsPerRound: 20 };
const HEADLINE_TAIL = 50; // the average tail with the service's default SNAPSHOT_EVERY=100
const PROFILE_SECONDS = 10;
const TARGETS = { ratio: 0.5, p99AtRateMs: 50, snapshotLoadP50Ms: 5 };
const HARD_LIMIT_MS = 9 * 60_000;
/** A run is marked † when more than this share of the machine was busy outside the benchmark. */
const DISTURBED = 0.2;
/** Before each measured run, wait up to this long for the machine to be ≥ 85% idle. */
const QUIET_WAIT_MS = 5_000;

const DEPOSIT_TYPE = 'account.money-deposited';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const log = (line: string) => process.stdout.write(`${line}\n`);
/** Before each measured run: a quiet machine if the other work on it allows. */
const quietGate = () => waitForQuietMachine(QUIET_WAIT_MS);

/** The numbers of the RUNS measured runs, each handed out once the quiet gate lets it start. */
async function* quietRuns(): AsyncGenerator<number> {
  for (let run = 0; run < RUNS; run++) {
    await quietGate();
    yield run;
  }
}

// ---------------------------------------------------------------------------------------------
// CPU accounting: who used the two cores during a run (service, PostgreSQL, this client, others)
// ---------------------------------------------------------------------------------------------

interface CpuSplit {
  /** CPU milliseconds per operation. */
  servicePerOp: number;
  postgresPerOp: number;
  clientPerOp: number;
  /** Share of the whole machine (all cores) that was busy, and the share nobody here explains. */
  machineBusy: number;
  unexplained: number;
}

/** A process that has ended reads as 0 ms. */
const cpuMsOrZero = (pid: number) => processCpuMs(pid, 0);

class CpuMeter {
  private service = 0;
  private pg = 0;
  private client = process.cpuUsage();
  private machine = machineCpuMs();
  constructor(
    private readonly servicePid: number | undefined,
    private readonly pgPids: number[],
  ) {
    this.service = servicePid ? cpuMsOrZero(servicePid) : 0;
    this.pg = pgPids.reduce((sum, pid) => sum + cpuMsOrZero(pid), 0);
  }
  stop(operations: number): CpuSplit {
    const service = this.servicePid ? cpuMsOrZero(this.servicePid) - this.service : 0;
    const pg = this.pgPids.reduce((sum, pid) => sum + cpuMsOrZero(pid), 0) - this.pg;
    const usage = process.cpuUsage(this.client);
    const client = (usage.user + usage.system) / 1000;
    const now = machineCpuMs();
    const busy = now.busy - this.machine.busy;
    const total = now.total - this.machine.total;
    return {
      servicePerOp: service / operations,
      postgresPerOp: pg / operations,
      clientPerOp: client / operations,
      machineBusy: busy / total,
      unexplained: Math.max(0, busy - service - pg - client) / total,
    };
  }
}

async function benchBackendPids(admin: Client): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() OR backend_type IN ('walwriter', 'background writer', 'checkpointer')`,
  );
  return rows.map((row) => row.pid);
}

/** Samples what the benchmark's backends wait on, every 25 ms (CPU = active and not waiting). */
class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private running = true;
  private readonly done: Promise<void>;
  constructor(private readonly admin: Client) {
    this.done = this.loop();
  }
  private async loop(): Promise<void> {
    while (this.running) {
      const { rows } = await this.admin.query<{ wait: string | null }>(
        `SELECT CASE WHEN wait_event IS NULL THEN 'CPU (running)'
                     ELSE wait_event_type || ':' || wait_event END AS wait
         FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      for (const row of rows) this.counts.set(row.wait!, (this.counts.get(row.wait!) ?? 0) + 1);
      this.samples++;
      await sleep(25);
    }
  }
  async stop(): Promise<{ samples: number; activeAvg: number; top: Array<[string, number]> }> {
    this.running = false;
    await this.done;
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const top = [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([wait, count]): [string, number] => [wait, count / total]);
    return { samples: this.samples, activeAvg: total / Math.max(1, this.samples), top };
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const METADATA = { correlationId: 'bench', causationId: 'bench' };

// ---------------------------------------------------------------------------------------------
// (a) Raw ceiling: node-postgres, one CTE statement per transaction (version bump + event insert)
// ---------------------------------------------------------------------------------------------

interface RawRun {
  perSecond: number;
  p50: number;
  p99: number;
  conflicts: number;
  cpu: CpuSplit;
}

async function createRawStreams(pool: Pool, schema: string, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: RAW.streams }, (_, i) => `${prefix}-${i}`);
  await createStreams(pool, { schema, tag: 'bench-raw' }, ids);
  return ids;
}

async function rawCeilingRun(
  admin: Client,
  setup: {
    schema: string;
    streams: string[];
    versions: Map<string, number>;
    clients: number;
    seconds: number;
    warmup: number;
    sampler?: () => WaitSampler;
  },
): Promise<RawRun & { waits?: Waits }> {
  const { schema, streams, versions, clients, seconds, warmup, sampler } = setup;
  const pool = new Pool({
    connectionString: DATABASE_URL,
    max: clients,
    application_name: 'bench-raw',
  });
  const connections: PoolClient[] = await Promise.all(
    Array.from({ length: clients }, () => pool.connect()),
  );
  const sql = rawAppendSql({ schema, tag: 'bench-raw' });
  const name = `raw_append_${schema}`;
  let count = 0;
  let conflicts = 0;
  const latencies = new Latencies();
  const window = await measureClosedLoop({
    warmupSeconds: warmup,
    seconds,
    workers: (loop) =>
      connections.map(async (client, index) => {
        const mine = streamsOfWorker(streams, clients, index);
        for (let i = 0; !loop.stopped; i++) {
          const streamId = mine[i % mine.length]!;
          const version = versions.get(streamId)!;
          const event = depositEvent(streamId, version * 100 + 100);
          const started = performance.now();
          const result = await client.query({
            name,
            text: sql,
            values: rawAppendValues(streamId, version, event),
          });
          if (result.rowCount === 1) versions.set(streamId, version + 1);
          else if (loop.measuring) conflicts++;
          if (loop.measuring) {
            count++;
            latencies.push(performance.now() - started);
          }
        }
      }),
    open: async () => ({
      meter: new CpuMeter(undefined, await benchBackendPids(admin)),
      waits: sampler?.(),
    }),
    close: ({ meter, waits }, elapsed) => ({
      elapsed,
      measured: count,
      cpu: meter.stop(count),
      waits,
    }),
  });
  const waitSummary = window.waits ? await window.waits.stop() : undefined;
  connections.forEach((client) => client.release());
  await pool.end();
  return {
    perSecond: window.measured / window.elapsed,
    p50: latencies.p(0.5),
    p99: latencies.p(0.99),
    conflicts,
    cpu: window.cpu,
    ...(waitSummary ? { waits: waitSummary } : {}),
  };
}

/** A copy of streams/events without the NOTIFY trigger, to price the trigger separately. */
async function createNoNotifyTables(admin: Client): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS bench_no_notify CASCADE`);
  await admin.query(`CREATE SCHEMA bench_no_notify`);
  await admin.query(`CREATE TABLE bench_no_notify.streams (LIKE public.streams INCLUDING ALL)`);
  await admin.query(`CREATE TABLE bench_no_notify.events (LIKE public.events INCLUDING ALL)`);
  await admin.query(
    `ALTER TABLE bench_no_notify.events ADD FOREIGN KEY (stream_id) REFERENCES bench_no_notify.streams (stream_id)`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b) PostgresEventStore.appendToStream at batch sizes 1 and 10
// ---------------------------------------------------------------------------------------------

interface AppendRun {
  appendsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  cpu: CpuSplit;
}

async function appendRun(
  admin: Client,
  store: PostgresEventStore,
  streams: string[],
  versions: Map<string, number>,
  batch: number,
): Promise<AppendRun> {
  let appends = 0;
  const latencies = new Latencies();
  const window = await measureClosedLoop({
    warmupSeconds: APPEND.warmup,
    seconds: APPEND.seconds,
    workers: (loop) =>
      Array.from({ length: APPEND.concurrency }, async (_, index) => {
        const mine = streamsOfWorker(streams, APPEND.concurrency, index);
        for (let i = 0; !loop.stopped; i++) {
          const streamId = mine[i % mine.length]!;
          const version = versions.get(streamId)!;
          const events = Array.from({ length: batch }, (_, k) =>
            depositEvent(streamId, (version + k + 1) * 100),
          );
          const started = performance.now();
          const result = await store.appendToStream({
            tenantId: 'bench-append',
            streamId,
            streamType: 'bench-append',
            expectedVersion: version,
            events,
          });
          versions.set(streamId, result.version);
          if (loop.measuring) {
            appends++;
            latencies.push(performance.now() - started);
          }
        }
      }),
    open: async () => new CpuMeter(process.pid, await benchBackendPids(admin)),
    close: (meter, elapsed) => {
      // The client is the service here (the store runs in this process): count it once, as "service".
      const cpu = meter.stop(appends);
      cpu.clientPerOp = 0;
      return { elapsed, measured: appends, cpu };
    },
  });
  return {
    appendsPerSecond: window.measured / window.elapsed,
    eventsPerSecond: (window.measured * batch) / window.elapsed,
    p50: latencies.p(0.5),
    p99: latencies.p(0.99),
    cpu: window.cpu,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) REST deposits through the command-service
// ---------------------------------------------------------------------------------------------

function startService(
  port: number,
  profileFile: string,
  extraEnv: Record<string, string> = {},
): Promise<ServiceProcess> {
  return waitLive(
    spawnFromSource({
      name: 'command-service',
      entry: 'apps/command-service/src/main.ts',
      port,
      preload: ['./tools/bench/cpu-profile-hook.cjs'],
      env: {
        DATABASE_URL,
        RATE_LIMIT_PER_MINUTE: '100000000',
        BENCH_CPU_PROFILE: profileFile,
        ...extraEnv,
      },
    }),
    { timeoutMs: 90_000, pollMs: 250 },
  );
}

/**
 * Fresh accounts would make every command cheaper than in production and drift during the run (each
 * deposit lengthens the tail the next command decodes). So each account gets (i mod 99) deposits by
 * SQL first: stream versions 1-99, tails uniform, 49 events on average, which is the steady state
 * with SNAPSHOT_EVERY=100 (the tail cycles 0-99 between snapshots).
 */
async function seedSteadyState(admin: Client, accounts: string[]): Promise<number> {
  const metadata = JSON.stringify(METADATA);
  await admin.query('BEGIN');
  const inserted = await admin.query(
    `WITH a AS (SELECT id, ord FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord))
     INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                         schema_version, data, metadata, occurred_at)
     SELECT s.tenant_id, a.id, s.stream_type, v, gen_random_uuid(), '${DEPOSIT_TYPE}', $2,
            jsonb_build_object('accountId', a.id, 'amount', '100', 'currency', 'EUR',
                               'reference', null, 'balanceAfter', ((v - 1) * 100)::text),
            $3, now()
     FROM a JOIN streams s ON s.stream_id = a.id, generate_series(2, 1 + (a.ord % 99)::int) AS v`,
    [accounts, latestSchemaVersion(DEPOSIT_TYPE), metadata],
  );
  await admin.query(
    `WITH a AS (SELECT id, ord FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord))
     UPDATE streams SET version = 1 + (a.ord % 99)::int FROM a WHERE streams.stream_id = a.id AND streams.version = 1`,
    [accounts],
  );
  await admin.query('COMMIT');
  await admin.query('ANALYZE events');
  return inserted.rowCount ?? 0;
}

/** Saves a snapshot of each account's current state, as the service would at a snapshot boundary. */
async function snapshotCurrentStates(accounts: string[], tenantId: string): Promise<void> {
  const dataSource = await openEventStore(DATABASE_URL, 'bench-snapshot', 8);
  try {
    const snapshots = new PostgresSnapshotStore(dataSource);
    const aggregates = new AggregateStore(
      new PostgresEventStore(dataSource),
      snapshots,
      accountDecider,
      accountCodec,
      {
        snapshotEvery: 0,
        maxRetries: 0,
      },
    );
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < accounts.length) {
          const accountId = accounts[next++]!;
          const loaded = await aggregates.load(accountId);
          await snapshots.save(tenantId, accountId, accountCodec.stateSchemaVersion, {
            streamVersion: loaded.version,
            state: accountCodec.serializeState(loaded.state),
          });
        }
      }),
    );
  } finally {
    await dataSource.destroy();
  }
}

interface RestRun {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  errorSample?: string;
  cpu: CpuSplit;
  waits?: Awaited<ReturnType<WaitSampler['stop']>>;
}

const DEPOSIT_BODY = JSON.stringify({ amount: '1.00' });

/** What every REST run is given: the running service, a teller token, the accounts to deposit to. */
interface RestTarget {
  /** The benchmark's own connection, which finds the PostgreSQL backends to meter. */
  admin: Client;
  service: ServiceProcess;
  token: string;
  accounts: string[];
}

async function restClosedLoop(
  { admin, service, token, accounts }: RestTarget,
  concurrency: number,
  seconds: number,
  options: { waits?: boolean; onMeasuring?: () => Promise<void> } = {},
): Promise<RestRun> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: concurrency,
    maxFreeSockets: concurrency,
  });
  let ok = 0;
  let errors = 0;
  let errorSample: string | undefined;
  let next = 0;
  const latencies = new Latencies();
  const window = await measureClosedLoop({
    warmupSeconds: REST.warmup,
    seconds,
    workers: (loop) =>
      Array.from({ length: concurrency }, async () => {
        while (!loop.stopped) {
          const accountId = accounts[next++ % accounts.length]!;
          const started = performance.now();
          const result = await post(
            agent,
            service.port,
            token,
            `/accounts/${accountId}/deposits`,
            DEPOSIT_BODY,
          );
          if (!loop.measuring) continue;
          if (result.status === 201) {
            ok++;
            latencies.push(performance.now() - started);
          } else {
            errors++;
            errorSample ??= `${result.status} ${result.body ?? ''}`.slice(0, 300);
          }
        }
      }),
    open: async () => {
      const meter = new CpuMeter(service.child.pid, await benchBackendPids(admin));
      const waits = options.waits ? new WaitSampler(admin) : undefined;
      await options.onMeasuring?.();
      return { meter, waits };
    },
    close: ({ meter, waits }, elapsed) => ({ elapsed, measured: ok, cpu: meter.stop(ok), waits }),
  });
  const waitSummary = window.waits ? await window.waits.stop() : undefined;
  agent.destroy();
  return {
    perSecond: window.measured / window.elapsed,
    p50: latencies.p(0.5),
    p99: latencies.p(0.99),
    errors,
    ...(errorSample ? { errorSample } : {}),
    cpu: window.cpu,
    ...(waitSummary ? { waits: waitSummary } : {}),
  };
}

interface RateRun {
  achievedPerSecond: number;
  completedOk: number;
  scheduled: number;
  /** Due while RATE.maxInFlight requests were outstanding: never sent (k6's "dropped iterations"). */
  dropped: number;
  errors: number;
  unfinished: number;
  p50: number;
  p99: number;
  max: number;
  /** How late this client itself sent requests (event-loop lag): part of the measured latency. */
  sendLagP99: number;
  cpu: CpuSplit;
}

/**
 * Open loop: request i is due at start + i/rate and its latency counts from that due time. At most
 * RATE.maxInFlight requests are outstanding; a request due beyond that is dropped and counted, so a
 * machine that cannot keep up shows drops instead of an ever-growing queue (and the run stays bounded).
 */
async function restFixedRate({ admin, service, token, accounts }: RestTarget): Promise<RateRun> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: RATE.maxInFlight,
    maxFreeSockets: RATE.maxInFlight,
  });
  const total = Math.round(RATE.perSecond * RATE.seconds);
  const latencies = new Latencies();
  const sendLag = new Latencies();
  let ok = 0;
  let errors = 0;
  let lastDone = 0;
  let next = 0;
  const meter = new CpuMeter(service.child.pid, await benchBackendPids(admin));
  const loop = await openLoop({
    rate: RATE.perSecond,
    total,
    maxInFlight: RATE.maxInFlight,
    now: () => performance.now(),
    send: (due) => {
      const accountId = accounts[next++ % accounts.length]!;
      sendLag.push(performance.now() - due);
      return post(agent, service.port, token, `/accounts/${accountId}/deposits`, DEPOSIT_BODY).then(
        (result) => {
          const done = performance.now();
          lastDone = done;
          if (result.status === 201) {
            ok++;
            latencies.push(done - due);
          } else errors++;
        },
      );
    },
  });
  await Promise.race([Promise.all(loop.inFlight), sleep(RATE.drainTimeoutMs)]);
  const cpu = meter.stop(Math.max(1, ok));
  agent.destroy();
  const elapsed = (Math.max(lastDone, loop.start + RATE.seconds * 1000) - loop.start) / 1000;
  return {
    achievedPerSecond: ok / elapsed,
    completedOk: ok,
    scheduled: total,
    dropped: loop.dropped,
    errors,
    unfinished: loop.outstanding,
    p50: latencies.p(0.5),
    p99: latencies.p(0.99),
    max: latencies.p(1),
    sendLagP99: sendLag.p(0.99),
    cpu,
  };
}

// ---------------------------------------------------------------------------------------------
// Profile of the service (V8 sampling profiler via cpu-profile-hook.cjs)
// ---------------------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface ProfileSummary {
  totalMs: number;
  /** Wall time the profiler ran (a little longer than the measuring window). */
  durationMs: number;
  idleShare: number;
  topSelf: Array<{ name: string; where: string; ms: number; share: number }>;
  byArea: Array<{ area: string; ms: number; share: number }>;
  inclusive: Array<{ name: string; ms: number; share: number }>;
}

function areaOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = file.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith('node:')) return `node:${file.slice(5).split('/')[1] ?? file.slice(5)}`;
  const relative = path.relative(REPO_ROOT, file);
  const parts = relative.split(path.sep);
  if (parts[0] === 'libs' || parts[0] === 'apps') return `${parts[0]}/${parts[1]}`;
  return relative;
}

/** Functions whose inclusive time explains the request path (matched by name and file). */
const INCLUSIVE_PROBES: Array<{ label: string; match: (node: ProfileNode) => boolean }> = [
  {
    label: 'AggregateStore.load (snapshot + tail read, decode, evolve)',
    match: (n) =>
      n.callFrame.functionName === 'load' && n.callFrame.url.includes('aggregate-store'),
  },
  {
    label: 'accountCodec.decode (contracts decode = class-validator per stored event)',
    match: (n) =>
      n.callFrame.functionName === 'decode' && n.callFrame.url.includes('account-event.codec'),
  },
  {
    label: 'accountCodec.encode (validateEventData of the new event)',
    match: (n) =>
      n.callFrame.functionName === 'encode' && n.callFrame.url.includes('account-event.codec'),
  },
  {
    label: 'class-validator (all calls)',
    match: (n) => n.callFrame.url.includes('node_modules/class-validator/'),
  },
  {
    label: 'class-transformer (all calls)',
    match: (n) => n.callFrame.url.includes('node_modules/class-transformer/'),
  },
  { label: 'typeorm (all calls)', match: (n) => n.callFrame.url.includes('node_modules/typeorm/') },
  {
    label: 'pg + pg-protocol (all calls)',
    match: (n) => /node_modules\/pg(-protocol|-types)?\//.test(n.callFrame.url),
  },
  { label: 'jose (JWT verify)', match: (n) => n.callFrame.url.includes('node_modules/jose/') },
  {
    label: 'pino / pino-http / nestjs-pino',
    match: (n) => /node_modules\/(pino|pino-http|nestjs-pino)\//.test(n.callFrame.url),
  },
  {
    label: 'express + router + body-parser',
    match: (n) => /node_modules\/(express|router|body-parser|raw-body)\//.test(n.callFrame.url),
  },
  {
    label: '@nestjs/* (core, common, cqrs, throttler, platform-express)',
    match: (n) => n.callFrame.url.includes('node_modules/@nestjs/'),
  },
  {
    label: 'node:http / net / stream internals',
    match: (n) =>
      /^node:(_http|http|net|internal\/(streams|http|net))/.test(
        n.callFrame.url.replace(/^node:internal\//, 'node:internal/'),
      ),
  },
];

function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + delta);
  }
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map<string, { name: string; where: string; ms: number }>();
  const areaSelf = new Map<string, number>();
  let idle = 0;
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    if (area === 'idle') idle += time;
    areaSelf.set(area, (areaSelf.get(area) ?? 0) + time);
    const where = url
      ? `${path.relative(REPO_ROOT, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}`
      : '(native)';
    const key = `${functionName}@${where}`;
    const entry = fnSelf.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += time;
    fnSelf.set(key, entry);
  }
  const busy = totalMs - idle;
  // Inclusive time: a sample counts once for each probe found anywhere on its stack.
  const inclusive = INCLUSIVE_PROBES.map(() => 0);
  const stackHits = new Map<number, boolean[]>();
  const hitsFor = (id: number): boolean[] => {
    const cached = stackHits.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const above = parent.has(id) ? hitsFor(parent.get(id)!) : INCLUSIVE_PROBES.map(() => false);
    const hits = INCLUSIVE_PROBES.map((probe, i) => above[i]! || probe.match(node));
    stackHits.set(id, hits);
    return hits;
  };
  for (const [id, time] of self)
    hitsFor(id).forEach((hit, i) => {
      if (hit) inclusive[i]! += time;
    });
  return {
    totalMs,
    durationMs: (profile.endTime - profile.startTime) / 1000,
    idleShare: idle / totalMs,
    topSelf: [...fnSelf.values()]
      .filter((entry) => entry.name !== '(idle)')
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 20)
      .map((entry) => ({ ...entry, share: entry.ms / busy })),
    byArea: [...areaSelf.entries()]
      .filter(([area]) => area !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([area, time]) => ({ area, ms: time, share: time / busy })),
    inclusive: INCLUSIVE_PROBES.map((probe, i) => ({
      name: probe.label,
      ms: inclusive[i]!,
      share: inclusive[i]! / busy,
    })),
  };
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await sleep(100);
  }
  await sleep(200); // let the writer finish
}

// ---------------------------------------------------------------------------------------------
// (d) Load time of a 100,000-event stream
// ---------------------------------------------------------------------------------------------

interface LoadResults {
  insertSeconds: number;
  firstHandleMs: number;
  snapshotVersion: number;
  fullReadStreamMs: number[];
  fullLoadMs: number[];
  byTail: Array<{ tail: number; p50s: number[]; p99s: number[] }>;
}

async function loadBenchmark(url: string): Promise<LoadResults> {
  const dataSource = await openEventStore(url, 'bench-load', 4);
  try {
    const events = new PostgresEventStore(dataSource);
    const snapshots = new PostgresSnapshotStore(dataSource);
    const withSnapshots = new AggregateStore(events, snapshots, accountDecider, accountCodec, {
      snapshotEvery: LOAD.snapshotEvery,
      maxRetries: 3,
    });
    const noSnapshots = new AggregateStore(
      events,
      { load: async () => null, save: async () => undefined } as unknown as PostgresSnapshotStore,
      accountDecider,
      accountCodec,
      { snapshotEvery: 0, maxRetries: 3 },
    );
    const accountId = randomUUID();
    const tenantId = 'bench-load';
    const metadata = JSON.stringify(METADATA);
    const bulk = LOAD.events - 1; // the last event is appended by AggregateStore.handle, which snapshots

    const t0 = performance.now();
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO streams (stream_id, tenant_id, stream_type, version) VALUES ($1, $2, $3, $4)`,
        [accountId, tenantId, ACCOUNT_STREAM_TYPE, bulk],
      );
      await manager.query(
        `INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                             schema_version, data, metadata, occurred_at)
         VALUES ($1, $2, $3, 1, gen_random_uuid(), 'account.opened', $4,
                 jsonb_build_object('accountId', $2::text, 'ownerId', 'bench-owner', 'currency', 'EUR',
                                    'overdraftLimit', '0', 'dailyWithdrawalLimit', '150000'),
                 $5, now())`,
        [tenantId, accountId, ACCOUNT_STREAM_TYPE, latestSchemaVersion('account.opened'), metadata],
      );
      await manager.query(
        `INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                             schema_version, data, metadata, occurred_at)
         SELECT $1, $2, $3, v, gen_random_uuid(), '${DEPOSIT_TYPE}', $4,
                jsonb_build_object('accountId', $2::text, 'amount', '100', 'currency', 'EUR',
                                   'reference', null, 'balanceAfter', ((v - 1) * 100)::text),
                $5, now()
         FROM generate_series(2, $6::int) AS v`,
        [
          tenantId,
          accountId,
          ACCOUNT_STREAM_TYPE,
          latestSchemaVersion(DEPOSIT_TYPE),
          metadata,
          bulk,
        ],
      );
    });
    await dataSource.query(`ANALYZE events`);
    const insertSeconds = (performance.now() - t0) / 1000;

    const deposit = (): AccountCommand => ({
      type: 'DepositMoney',
      data: { accountId, amount: minorUnits(100n) },
      metadata: { now: new Date() },
    });
    const handleOptions = { tenantId, metadata: METADATA, newEventId: () => randomUUID() };
    // Full replay of 99,999 events, decide, append event 100,000: crossing a multiple of 100 snapshots.
    const t1 = performance.now();
    const appended = await withSnapshots.handle(accountId, deposit(), handleOptions);
    const firstHandleMs = performance.now() - t1;
    if (appended.version !== LOAD.events)
      throw new Error(`expected version ${LOAD.events}, got ${appended.version}`);
    const snapshot = await snapshots.load(accountId, accountCodec.stateSchemaVersion);
    if (snapshot?.streamVersion !== LOAD.events)
      throw new Error('no snapshot was taken at the end of the stream');

    const byTail: LoadResults['byTail'] = [];
    let tail = 0;
    for (const wanted of LOAD.tails) {
      while (tail < wanted) {
        await withSnapshots.handle(accountId, deposit(), handleOptions);
        tail++;
      }
      const p50s: number[] = [];
      const p99s: number[] = [];
      for (let round = 0; round < RUNS; round++) {
        for (let i = 0; i < 3; i++) await withSnapshots.load(accountId); // warm
        const times: number[] = [];
        for (let i = 0; i < LOAD.loadsPerRound; i++) {
          const started = performance.now();
          const loaded = await withSnapshots.load(accountId);
          times.push(performance.now() - started);
          if (loaded.version !== LOAD.events + tail)
            throw new Error('load returned a wrong version');
        }
        p50s.push(percentile(times, 0.5));
        p99s.push(percentile(times, 0.99));
      }
      byTail.push({ tail, p50s, p99s });
    }

    const fullReadStreamMs: number[] = [];
    const fullLoadMs: number[] = [];
    for (let round = 0; round < RUNS; round++) {
      let started = performance.now();
      await events.readStream(accountId);
      fullReadStreamMs.push(performance.now() - started);
      started = performance.now();
      const loaded = await noSnapshots.load(accountId);
      fullLoadMs.push(performance.now() - started);
      if (loaded.version !== LOAD.events + tail)
        throw new Error('full load returned a wrong version');
    }
    return {
      insertSeconds,
      firstHandleMs,
      snapshotVersion: snapshot.streamVersion,
      fullReadStreamMs,
      fullLoadMs,
      byTail,
    };
  } finally {
    await dataSource.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

interface Results extends RunFacts {
  postgres: Record<string, string>;
  raw: Array<{ clients: number; runs: RawRun[]; waits?: RestRun['waits'] }>;
  rawNoNotify: { clients: number; runs: RawRun[] };
  append: Array<{ batch: number; runs: AppendRun[] }>;
  rest: Array<{ concurrency: number; runs: RestRun[]; waits?: RestRun['waits'] }>;
  rate: RateRun[];
  restSnapshotEvery: { concurrency: number; every: number; runs: RestRun[]; avgTail: number };
  restStreams: { avgVersion: number; avgTail: number };
  load: LoadResults;
  profile?: {
    concurrency: number;
    perSecond: number;
    summary: ProfileSummary;
    file: string;
    /** CPU split measured from /proc while profiling (older result files lack it). */
    cpu?: CpuSplit;
  };
}

function cpuCells(split: CpuSplit): string {
  return `${ms(split.servicePerOp * 1000, 0)} / ${ms(split.postgresPerOp * 1000, 0)} / ${ms(split.clientPerOp * 1000, 0)} µs · ${pct(split.machineBusy)} busy (${pct(split.unexplained)} other)`;
}

function medianSplit(splits: CpuSplit[]): CpuSplit {
  return {
    servicePerOp: median(splits.map((x) => x.servicePerOp)),
    postgresPerOp: median(splits.map((x) => x.postgresPerOp)),
    clientPerOp: median(splits.map((x) => x.clientPerOp)),
    machineBusy: median(splits.map((x) => x.machineBusy)),
    unexplained: median(splits.map((x) => x.unexplained)),
  };
}

function headline(results: Results) {
  const rawBest = results.raw
    .map((row) => ({ clients: row.clients, value: median(row.runs.map((r) => r.perSecond)) }))
    .sort((a, b) => b.value - a.value)[0]!;
  const restBest = results.rest
    .map((row) => ({
      concurrency: row.concurrency,
      value: median(row.runs.map((r) => r.perSecond)),
    }))
    .sort((a, b) => b.value - a.value)[0]!;
  const ratio = restBest.value / rawBest.value;
  const rateAchieved = median(results.rate.map((r) => r.achievedPerSecond));
  const rateP99 = median(results.rate.map((r) => r.p99));
  const sustained =
    rateAchieved >= RATE.perSecond * 0.98 && median(results.rate.map((r) => r.dropped)) === 0;
  const tailRow = results.load.byTail.find((row) => row.tail === HEADLINE_TAIL)!;
  const snapshotP50 = median(tailRow.p50s);
  return {
    rawBest,
    restBest,
    ratio,
    ratioMet: ratio >= TARGETS.ratio,
    rateAchieved,
    rateP99,
    sustained,
    rateMet: sustained && rateP99 <= TARGETS.p99AtRateMs,
    snapshotP50,
    snapshotMet: snapshotP50 <= TARGETS.snapshotLoadP50Ms,
  };
}

function render(results: Results): string {
  const h = headline(results);
  // A run during which more than DISTURBED of the machine was busy with work outside the benchmark gets a †.
  const runs = (values: number[], format: (n: number) => string, cpus?: CpuSplit[]) =>
    `${values.map((v, i) => `${format(v)}${(cpus?.[i]?.unexplained ?? 0) > DISTURBED ? '†' : ''}`).join(' · ')} → **${format(median(values))}**`;
  // Cells of the closed-loop tables: a rate per run with its median, latency medians, CPU medians.
  const runsOf = <R extends { cpu: CpuSplit }>(rs: R[], rate: (r: R) => number) =>
    runs(
      rs.map(rate),
      int,
      rs.map((r) => r.cpu),
    );
  const latencyMedians = (rs: Array<{ p50: number; p99: number }>) =>
    `${ms(median(rs.map((r) => r.p50)), 2)} / ${ms(median(rs.map((r) => r.p99)), 2)}`;
  const cpuMedians = (rs: Array<{ cpu: CpuSplit }>) => cpuCells(medianSplit(rs.map((r) => r.cpu)));
  const rawRow = (label: string, rs: RawRun[]) =>
    `| ${label} | ${runsOf(rs, (r) => r.perSecond)} | ${latencyMedians(rs)} | ${cpuMedians(rs)} |`;
  const restRow = (label: string, rs: RestRun[]) =>
    `| ${label} | ${runsOf(rs, (r) => r.perSecond)} | ${ms(median(rs.map((r) => r.p50)))} | ${ms(median(rs.map((r) => r.p99)))} | ${rs.reduce((sum, r) => sum + r.errors, 0)} | ${cpuMedians(rs)} |`;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  add(
    '# Write-path benchmark',
    '',
    `Generated by \`tools/bench/write-path.ts\` on ${results.date} (${Math.round(results.durationSeconds)} s). ` +
      'Every figure is the **median of 3 runs** (the three runs are listed). The machine is shared: ' +
      'other engineers may run tests at the same time, so load averages are recorded and the CPU ' +
      'columns show how busy the whole machine was and how much of that nobody in the benchmark explains ("other"). ' +
      `Before each measured run the script waits up to ${QUIET_WAIT_MS / 1000} s for the machine to be ≥ 85% idle; a run during which ` +
      `more than ${pct(DISTURBED)} of the machine was busy outside the benchmark is marked †.`,
    '',
    ...machineSection(results, [
      `| PostgreSQL | ${results.postgres['version']} |`,
      `| PostgreSQL settings | ${results.postgres['settings']} |`,
    ]),
    '',
    '## Targets',
    '',
    '| Target | Measured | Met? |',
    '|---|---|---|',
    `| (c) ≥ 0.5 × (a) | (c) ${int(h.restBest.value)}/s at concurrency ${h.restBest.concurrency} ÷ (a) ${int(h.rawBest.value)}/s at ${h.rawBest.clients} clients = **${h.ratio.toFixed(2)}** | ${h.ratioMet ? 'yes' : '**no**'} |`,
    `| p99 ≤ 50 ms at 1,000 commands/s | achieved ${int(h.rateAchieved)}/s${h.sustained ? '' : ' (**not sustained**)'}, p99 **${ms(h.rateP99)} ms** | ${h.rateMet ? 'yes' : '**no**'} |`,
    `| (d) load with snapshot ≤ 5 ms p50 | **${ms(h.snapshotP50, 2)} ms** p50 (snapshot + ${HEADLINE_TAIL}-event tail) | ${h.snapshotMet ? 'yes' : '**no**'} |`,
    '',
    'CPU columns: CPU time per operation of the command-service / the PostgreSQL backends of the benchmark ' +
      'database (plus walwriter, bgwriter, checkpointer) / this load generator, then how busy the whole machine was ' +
      '(100% = both cores) and the busy share no process of the benchmark accounts for.',
    '',
    '## (a) Raw ceiling: node-postgres, one statement per transaction',
    '',
    'A CTE bumps `streams.version` where `version = expected` and inserts one event joined on the claimed row ' +
      '(the shape `PostgresEventStore` uses), as a named prepared statement on a dedicated connection per client, ' +
      `spread over ${int(RAW.streams)} streams (no conflicts). Against the migrated tables, so the \`events_appended\` ` +
      `NOTIFY trigger fires too. ${RAW.seconds} s per run after ${RAW.warmup} s warm-up.`,
    '',
    '| Clients | transactions/s (runs · **median**) | p50 / p99 ms | CPU per tx: service / PG / client · machine |',
    '|---|---|---|---|',
    ...results.raw.map((row) => rawRow(String(row.clients), row.runs)),
    rawRow(
      `${results.rawNoNotify.clients}, tables **without** the NOTIFY trigger (supplementary, ${RAW_NO_NOTIFY.seconds} s runs)`,
      results.rawNoNotify.runs,
    ),
    '',
  );
  const rawWaits = results.raw.find((row) => row.waits)?.waits;
  if (rawWaits) {
    add(
      `What the active backends were doing at ${results.raw.find((row) => row.waits)!.clients} clients (sampled every 25 ms, ` +
        `${rawWaits.samples} samples, ${rawWaits.activeAvg.toFixed(1)} active on average): ` +
        rawWaits.top.map(([wait, share]) => `${wait} ${pct(share)}`).join(', ') +
        '.',
      '',
    );
  }
  add(
    '## (b) `PostgresEventStore.appendToStream`',
    '',
    `Concurrency ${APPEND.concurrency} over ${int(APPEND.streams)} streams (no conflicts), TypeORM DataSource with pool size 20 ` +
      `(the service default), no idempotency key (so no explicit transaction). ${APPEND.seconds} s per run.`,
    '',
    '| Events per append | appends/s (runs · **median**) | events/s (runs · **median**) | p50 / p99 ms | CPU per append: Node / PG · machine |',
    '|---|---|---|---|---|',
    ...results.append.map((row) => {
      const cpu = medianSplit(row.runs.map((r) => r.cpu));
      return `| ${row.batch} | ${runsOf(row.runs, (r) => r.appendsPerSecond)} | ${runsOf(
        row.runs,
        (r) => r.eventsPerSecond,
      )} | ${latencyMedians(row.runs)} | ${ms(cpu.servicePerOp * 1000, 0)} / ${ms(cpu.postgresPerOp * 1000, 0)} µs · ${pct(cpu.machineBusy)} (${pct(cpu.unexplained)} other) |`;
    }),
    '',
    '## (c) REST deposits through the command-service',
    '',
    `\`POST /accounts/{id}/deposits {"amount":"1.00"}\` with a teller token, round-robin over ${int(REST.accounts)} accounts opened ` +
      'through the API first, then given 0–98 deposits each by SQL so that the tail a command replays after the last snapshot ' +
      'is already at its steady-state average (about 50 events with SNAPSHOT_EVERY=100) and does not drift during the runs; no Idempotency-Key. The service runs from source (`node -r @swc-node/register`, ' +
      'LOG_LEVEL=warn, RATE_LIMIT_PER_MINUTE=100000000, defaults otherwise: pool 20, SNAPSHOT_EVERY 100). ' +
      'Load generator: `node:http` with a keep-alive `Agent` (one pooled socket per concurrent request), in the ' +
      `benchmark process on the same 2 cores. Closed loop: ${REST.seconds} s per run after ${REST.warmup} s warm-up. ` +
      `At the end the ${int(REST.accounts)} streams held ${results.restStreams.avgVersion.toFixed(0)} events on average, and the ` +
      `tail after the latest snapshot was ${results.restStreams.avgTail.toFixed(0)} events on average.`,
    '',
    '| Concurrency | commands/s (runs · **median**) | p50 ms | p99 ms | errors | CPU per command: service / PG / client · machine |',
    '|---|---|---|---|---|---|',
    ...results.rest.map((row) => restRow(String(row.concurrency), row.runs)),
    restRow(
      `${results.restSnapshotEvery.concurrency}, service restarted with **SNAPSHOT_EVERY=${results.restSnapshotEvery.every}** (supplementary, config only)`,
      results.restSnapshotEvery.runs,
    ),
    '',
    `For the SNAPSHOT_EVERY=${results.restSnapshotEvery.every} row, each account first got a snapshot of its current state ` +
      `(taken with AggregateStore.load + PostgresSnapshotStore.save), so its tail starts short and then cycles 0–${results.restSnapshotEvery.every - 1}; ` +
      `it averaged ${results.restSnapshotEvery.avgTail.toFixed(1)} events at the end. All requests come from 127.0.0.1, i.e. one ` +
      'rate-limit tracker of `@nestjs/throttler` (in-memory storage, 60 s window).',
    '',
  );
  const restWaits = results.rest.find((row) => row.waits);
  if (restWaits?.waits) {
    add(
      `PostgreSQL backends at concurrency ${restWaits.concurrency} (sampled every 25 ms, ${restWaits.waits.activeAvg.toFixed(1)} active on average): ` +
        restWaits.waits.top.map(([wait, share]) => `${wait} ${pct(share)}`).join(', ') +
        '.',
      '',
    );
  }
  const errorSample = results.rest
    .flatMap((row) => row.runs)
    .find((r) => r.errorSample)?.errorSample;
  if (errorSample) add(`First error seen: \`${errorSample.replace(/`/g, "'")}\``, '');
  add(
    `### Fixed rate: ${int(RATE.perSecond)} commands/s for ${RATE.seconds} s (open loop)`,
    '',
    `Request *i* is due at start + i/${RATE.perSecond} s and sent then on its own keep-alive socket; latency counts from the ` +
      'due time, so queueing anywhere (client, service, database) is included. At most ' +
      `${RATE.maxInFlight} requests are outstanding: a request due beyond that is **dropped** (never sent) and counted, as k6's ` +
      'constant-arrival-rate does, so an overloaded run ends on time. When requests are dropped, the latencies describe only ' +
      'the requests that were sent and understate what clients would see.',
    '',
    '| Run | scheduled | completed 201 | dropped | errors | unfinished | achieved /s | p50 ms | p99 ms | max ms | client send lag p99 ms | CPU per command |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.rate.map(
      (r, i) =>
        `| ${i + 1} | ${int(r.scheduled)} | ${int(r.completedOk)} | ${int(r.dropped)} | ${r.errors} | ${r.unfinished} | ${int(r.achievedPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.sendLagP99)} | ${cpuCells(r.cpu)} |`,
    ),
    `| **median** | | | | | | **${int(h.rateAchieved)}** | **${ms(median(results.rate.map((r) => r.p50)))}** | **${ms(h.rateP99)}** | | | |`,
    '',
    h.sustained
      ? `The machine sustained ${int(RATE.perSecond)} commands/s.`
      : `**The machine did not sustain ${int(RATE.perSecond)} commands/s**: it completed ${int(h.rateAchieved)}/s (median), ` +
          `dropped ${int(median(results.rate.map((r) => r.dropped)))} of ${int(results.rate[0]!.scheduled)} scheduled requests, and the ` +
          'completed ones spent their time queueing.',
    '',
    '## (d) Loading a 100,000-event account',
    '',
    `\`account.opened\` v2 plus ${int(LOAD.events - 2)} \`account.money-deposited\` events inserted in one SQL statement ` +
      `(${results.load.insertSeconds.toFixed(1)} s), then one deposit through \`AggregateStore.handle\` (snapshotEvery ${LOAD.snapshotEvery}) ` +
      `appends event ${int(LOAD.events)} and takes the snapshot at version ${int(results.load.snapshotVersion)} ` +
      `(that first command replayed the whole stream: ${int(results.load.firstHandleMs)} ms). More deposits then grow the tail ` +
      `after the snapshot. \`AggregateStore.load\` = snapshot row + \`readStream\` of the tail + contracts decode + evolve. ` +
      `Each round: 3 warm loads, then ${LOAD.loadsPerRound} timed loads; 3 rounds.`,
    '',
    '| Load | p50 ms (rounds · **median**) | p99 ms (median) |',
    '|---|---|---|',
    ...results.load.byTail.map(
      (row) =>
        `| snapshot + ${row.tail}-event tail${row.tail === HEADLINE_TAIL ? ' (headline: the average tail at SNAPSHOT_EVERY=100)' : ''} | ${runs(row.p50s, (n) => ms(n, 2))} | ${ms(median(row.p99s), 2)} |`,
    ),
    `| no snapshot: full replay of ${int(LOAD.events + LOAD.tails.at(-1)!)} events (3 loads) | ${runs(results.load.fullLoadMs, int)} | |`,
    `| of which \`readStream\` alone (SQL + row mapping, 3 reads) | ${runs(results.load.fullReadStreamMs, int)} | |`,
    '',
  );
  if (results.profile) {
    const p = results.profile;
    // µs per command = share of the busy main thread × the service's CPU per command from /proc while
    // profiling (CPU time, so time the OS gave to other processes does not count).
    const perCommand = (share: number) => (p.cpu ? int(share * p.cpu.servicePerOp * 1000) : 'n/a');
    add(
      '## Profile of the command-service',
      '',
      `V8 sampling profiler (0.5 ms) inside the service for ${PROFILE_SECONDS} s of closed-loop deposits at concurrency ` +
        `${p.concurrency} (${int(p.perSecond)} commands/s while profiling). Profile: \`${p.file}\`. ` +
        `The main thread was idle ${pct(p.summary.idleShare)} of the time; shares below are of the busy time. ` +
        (p.cpu
          ? `While profiling the machine was ${pct(p.cpu.machineBusy)} busy (${pct(p.cpu.unexplained)} other)${p.cpu.unexplained > DISTURBED ? ' †' : ''}.`
          : 'The CPU per command of this profiling window was not recorded (older result file), so µs per command is n/a.'),
      '',
      '**Inclusive time by component** (a sample counts for each component on its stack, so rows overlap):',
      '',
      '| Component | ms | share of busy | ≈ CPU µs per command |',
      '|---|---|---|---|',
      ...p.summary.inclusive
        .slice()
        .sort((a, b) => b.ms - a.ms)
        .map(
          (row) =>
            `| ${row.name} | ${int(row.ms)} | ${pct(row.share)} | ${perCommand(row.share)} |`,
        ),
      `| **all busy main-thread time** | ${int(p.summary.totalMs * (1 - p.summary.idleShare))} | 100% | ${perCommand(1)} |`,
      '',
      '**Self time by package / area:**',
      '',
      '| Area | ms | share of busy |',
      '|---|---|---|',
      ...p.summary.byArea.map((row) => `| ${row.area} | ${int(row.ms)} | ${pct(row.share)} |`),
      '',
      '**Top functions by self time:**',
      '',
      '| Function | Where | ms | share of busy |',
      '|---|---|---|---|',
      ...p.summary.topSelf.map(
        (row) => `| \`${row.name}\` | ${row.where} | ${int(row.ms)} | ${pct(row.share)} |`,
      ),
      '',
    );
  }
  add(
    '## How to reproduce',
    '',
    '```sh',
    '# from the repository root',
    'export PATH=$PWD/node_modules/.bin:$PATH',
    'tools/stack/stack up postgres',
    '# the script creates ledgerline_bench if missing, migrates it and TRUNCATEs its event-store tables first',
    'node -r @swc-node/register tools/bench/write-path.ts          # 5-7 min (waits up to 5 s for a quiet machine before each run); BENCH_SCALE=0.2 for a smoke run',
    '# attribution of (b) vs (a): product SQL unnamed vs prepared vs appendToStream (~1 min)',
    'node -r @swc-node/register tools/bench/append-statement-variants.ts',
    '# re-render this file from the result file a run leaves in the temp directory',
    'BENCH_RENDER_ONLY=/tmp/ledgerline-write-path.json node -r @swc-node/register tools/bench/write-path.ts',
    '```',
    '',
    'It starts its own command-service (port 3100 or the next free one) with `tools/bench/cpu-profile-hook.cjs` preloaded ' +
      '(inert until SIGUSR2), stops it at the end, and rewrites this file above the analysis marker. `BENCH_PROFILE=1` ' +
      'always profiles, `0` never, `auto` (default) when a REST target is missed.',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const renderOnly = process.env['BENCH_RENDER_ONLY'];
  if (renderOnly) {
    // Re-renders the markdown from a saved result file (the script saves one to the temp directory).
    await writeReport(OUTPUT, render(JSON.parse(fs.readFileSync(renderOnly, 'utf8')) as Results));
    log(`rendered ${path.relative(REPO_ROOT, OUTPUT)} from ${renderOnly}`);
    return;
  }
  const began = performance.now();
  const database = new URL(DATABASE_URL).pathname.slice(1);
  if (!database.endsWith('_bench')) {
    throw new Error(
      `refusing to run against ${database}: the benchmark TRUNCATEs tables, use a *_bench database`,
    );
  }
  const loadAvg: Record<string, string> = { start: loadavg() };
  log(`write-path benchmark against ${database}; load average at start ${loadAvg['start']}`);

  // Schema and a clean slate (our own database only).
  await ensureDatabase(DATABASE_URL);
  await migrateEventStore(DATABASE_URL, 'bench-migrate');
  const admin = new Client({ connectionString: DATABASE_URL, application_name: 'bench-admin' });
  await admin.connect();
  await admin.query(`TRUNCATE events, snapshots, idempotency_keys, streams`);
  await admin.query(`VACUUM ANALYZE events`);
  await admin.query(`VACUUM ANALYZE streams`);
  const pgVersion = (await admin.query<{ v: string }>(`SELECT version() AS v`)).rows[0]!.v;
  const settings = (
    await admin.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'commit_delay')`,
    )
  ).rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`);

  const results: Partial<Results> = {
    date: new Date().toISOString(),
    loadAvg,
    machine: machineFacts({
      nprocCommand: true,
      describeChanges: (files) =>
        ` + uncommitted changes in ${files.length} files (${files.slice(0, 12).join(', ')}${files.length > 12 ? ', …' : ''})`,
    }),
    versions: {
      node: process.version,
      ...packageVersions([
        'pg',
        'typeorm',
        '@nestjs/core',
        '@nestjs/cqrs',
        '@nestjs/typeorm',
        '@nestjs/platform-express',
        'express',
        'jose',
        'class-validator',
        'class-transformer',
        'nestjs-pino',
        'pino-http',
        '@swc-node/register',
        '@swc/core',
      ]),
    },
    postgres: { version: pgVersion.split(' on ')[0]!, settings: settings.join(', ') },
  };

  let service: ServiceProcess | undefined;
  const watchdog = exitOnLimitOrSignal(HARD_LIMIT_MS, () => service?.child.kill('SIGKILL'));

  try {
    // (a) raw ceiling
    const setupPool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    const rawStreams = await createRawStreams(setupPool, 'public', 'raw');
    const rawVersions = new Map(rawStreams.map((id) => [id, 0]));
    results.raw = [];
    for (const clients of RAW.clients) {
      const row: NonNullable<Results['raw']>[number] = { clients, runs: [] };
      for await (const run of quietRuns()) {
        const outcome = await rawCeilingRun(admin, {
          schema: 'public',
          streams: rawStreams,
          versions: rawVersions,
          clients,
          seconds: RAW.seconds,
          warmup: RAW.warmup,
          sampler: clients === 16 ? () => new WaitSampler(admin) : undefined,
        });
        addRun(row, outcome);
        log(
          `(a) raw ${clients} clients run ${run + 1}: ${int(outcome.perSecond)} tx/s, p50 ${ms(outcome.p50, 2)} ms, p99 ${ms(outcome.p99, 2)} ms, machine ${pct(outcome.cpu.machineBusy)} busy`,
        );
      }
      results.raw.push(row);
    }
    await createNoNotifyTables(admin);
    const quietStreams = await createRawStreams(setupPool, 'bench_no_notify', 'quiet');
    const quietVersions = new Map(quietStreams.map((id) => [id, 0]));
    results.rawNoNotify = { clients: RAW_NO_NOTIFY.clients, runs: [] };
    for await (const run of quietRuns()) {
      const outcome = await rawCeilingRun(admin, {
        schema: 'bench_no_notify',
        streams: quietStreams,
        versions: quietVersions,
        clients: RAW_NO_NOTIFY.clients,
        seconds: RAW_NO_NOTIFY.seconds,
        warmup: RAW_NO_NOTIFY.warmup,
      });
      results.rawNoNotify.runs.push(outcome);
      log(
        `(a') raw without NOTIFY trigger, ${RAW_NO_NOTIFY.clients} clients run ${run + 1}: ${int(outcome.perSecond)} tx/s`,
      );
    }
    await admin.query(`DROP SCHEMA bench_no_notify CASCADE`);
    await setupPool.end();

    // (b) appendToStream
    loadAvg['before (b)'] = loadavg();
    const dataSource = await openEventStore(DATABASE_URL, 'bench-append', 20);
    const store = new PostgresEventStore(dataSource);
    const appendStreams = Array.from({ length: APPEND.streams }, (_, i) => `append-${i}`);
    const appendVersions = new Map<string, number>();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (cursor < appendStreams.length) {
          const streamId = appendStreams[cursor++]!;
          const result = await store.appendToStream({
            tenantId: 'bench-append',
            streamId,
            streamType: 'bench-append',
            expectedVersion: 0,
            events: [depositEvent(streamId, 100)],
          });
          appendVersions.set(streamId, result.version);
        }
      }),
    );
    results.append = [];
    for (const batch of APPEND.batches) {
      const row = { batch, runs: [] as AppendRun[] };
      for await (const run of quietRuns()) {
        const outcome = await appendRun(admin, store, appendStreams, appendVersions, batch);
        row.runs.push(outcome);
        log(
          `(b) appendToStream batch ${batch} run ${run + 1}: ${int(outcome.appendsPerSecond)} appends/s, ${int(outcome.eventsPerSecond)} events/s, p99 ${ms(outcome.p99, 2)} ms`,
        );
      }
      results.append.push(row);
    }
    await dataSource.destroy();

    // (c) REST
    loadAvg['before (c)'] = loadavg();
    const profileFile = path.join(os.tmpdir(), `ledgerline-write-path-${process.pid}.cpuprofile`);
    const port = await freePort(Number(process.env['BENCH_PORT'] ?? 3100));
    log(`(c) starting command-service on 127.0.0.1:${port}`);
    service = await startService(port, profileFile);
    const token = await tellerToken('bench');
    const accounts = await openAccounts(service.port, token, REST.accounts);
    const seeded = await seedSteadyState(admin, accounts);
    const rest: RestTarget = { admin, service, token, accounts };
    log(
      `(c) opened ${accounts.length} accounts and seeded ${int(seeded)} deposits (tails of 0-98 events, no snapshots yet)`,
    );
    results.rest = [];
    for (const concurrency of REST.concurrency) {
      const row: NonNullable<Results['rest']>[number] = { concurrency, runs: [] };
      for await (const run of quietRuns()) {
        const outcome = await restClosedLoop(rest, concurrency, REST.seconds, {
          waits: concurrency === 16,
        });
        addRun(row, outcome);
        log(
          `(c) REST concurrency ${concurrency} run ${run + 1}: ${int(outcome.perSecond)}/s, p50 ${ms(outcome.p50)} ms, p99 ${ms(outcome.p99)} ms, errors ${outcome.errors}, service ${ms(outcome.cpu.servicePerOp * 1000, 0)} µs CPU/command, machine ${pct(outcome.cpu.machineBusy)} busy`,
        );
      }
      results.rest.push(row);
    }
    results.rate = [];
    for await (const run of quietRuns()) {
      const outcome = await restFixedRate(rest);
      results.rate.push(outcome);
      log(
        `(c) fixed ${RATE.perSecond}/s run ${run + 1}: achieved ${int(outcome.achievedPerSecond)}/s, dropped ${outcome.dropped}, p50 ${ms(outcome.p50)} ms, p99 ${ms(outcome.p99)} ms, errors ${outcome.errors}, unfinished ${outcome.unfinished}`,
      );
      await sleep(1000);
    }
    const streamsRow = (
      await admin.query<{ avg_version: string; avg_tail: string }>(
        `SELECT avg(s.version) AS avg_version, avg(s.version - coalesce(sn.stream_version, 0)) AS avg_tail
         FROM streams s LEFT JOIN snapshots sn USING (stream_id) WHERE s.stream_id = ANY($1)`,
        [accounts],
      )
    ).rows[0]!;
    results.restStreams = {
      avgVersion: Number(streamsRow.avg_version),
      avgTail: Number(streamsRow.avg_tail),
    };

    // Profile when a REST target is missed (or when asked).
    const partial = {
      ...results,
      load: { byTail: [{ tail: HEADLINE_TAIL, p50s: [0], p99s: [0] }] },
    } as unknown as Results;
    const h = headline(partial);
    if (PROFILE_MODE === '1' || (PROFILE_MODE === 'auto' && (!h.ratioMet || !h.rateMet))) {
      const concurrency = h.restBest.concurrency;
      log(`profiling the service for ${PROFILE_SECONDS} s at concurrency ${concurrency}`);
      await quietGate();
      const outcome = await restClosedLoop(rest, concurrency, PROFILE_SECONDS, {
        onMeasuring: async () => {
          service!.child.kill('SIGUSR2');
          await waitForFile(`${profileFile}.started`, 10_000);
        },
      });
      service.child.kill('SIGUSR2');
      await waitForFile(profileFile, 30_000);
      const kept = path.join(os.tmpdir(), 'ledgerline-write-path.cpuprofile');
      fs.renameSync(profileFile, kept);
      fs.rmSync(`${profileFile}.started`, { force: true });
      const summary = summarizeProfile(JSON.parse(fs.readFileSync(kept, 'utf8')) as CpuProfile);
      results.profile = {
        concurrency,
        perSecond: outcome.perSecond,
        summary,
        file: kept,
        cpu: outcome.cpu,
      };
      log(
        `profile: idle ${pct(summary.idleShare)}; top self: ${summary.topSelf
          .slice(0, 5)
          .map((f) => `${f.name} ${pct(f.share)}`)
          .join(', ')}`,
      );
    }
    await stopProcess(service);
    service = undefined;
    log('(c) command-service stopped');

    // Supplementary (c'): the service configured with SNAPSHOT_EVERY=10, best concurrency.
    const bestConcurrency = headline(partial).restBest.concurrency;
    await snapshotCurrentStates(accounts, 'bench');
    service = await startService(port, profileFile, { SNAPSHOT_EVERY: String(SNAPSHOT_EVERY_ALT) });
    results.restSnapshotEvery = {
      concurrency: bestConcurrency,
      every: SNAPSHOT_EVERY_ALT,
      runs: [],
      avgTail: NaN,
    };
    const restSnapshotEvery = { ...rest, service };
    await restClosedLoop(restSnapshotEvery, bestConcurrency, 2); // JIT warm-up of the new process
    for await (const run of quietRuns()) {
      const outcome = await restClosedLoop(restSnapshotEvery, bestConcurrency, REST.seconds);
      results.restSnapshotEvery.runs.push(outcome);
      log(
        `(c') SNAPSHOT_EVERY=${SNAPSHOT_EVERY_ALT}, concurrency ${bestConcurrency} run ${run + 1}: ${int(outcome.perSecond)}/s, p50 ${ms(outcome.p50)} ms, p99 ${ms(outcome.p99)} ms, errors ${outcome.errors}, service ${ms(outcome.cpu.servicePerOp * 1000, 0)} µs CPU/command`,
      );
    }
    await stopProcess(service);
    service = undefined;
    results.restSnapshotEvery.avgTail = Number(
      (
        await admin.query<{ avg_tail: string }>(
          `SELECT avg(s.version - coalesce(sn.stream_version, 0)) AS avg_tail
           FROM streams s LEFT JOIN snapshots sn USING (stream_id) WHERE s.stream_id = ANY($1)`,
          [accounts],
        )
      ).rows[0]!.avg_tail,
    );

    // (d) load time
    loadAvg['before (d)'] = loadavg();
    await quietGate();
    results.load = await loadBenchmark(DATABASE_URL);
    for (const row of results.load.byTail)
      log(
        `(d) load with snapshot + ${row.tail}-event tail: p50 ${row.p50s.map((n) => ms(n, 2)).join(' / ')} ms`,
      );
    log(
      `(d) load without snapshot: ${results.load.fullLoadMs.map((n) => int(n)).join(' / ')} ms (readStream alone ${results.load.fullReadStreamMs.map((n) => int(n)).join(' / ')} ms)`,
    );

    const complete = results as Results;
    await finishRun(complete, {
      durationSeconds: (performance.now() - began) / 1000,
      name: 'ledgerline-write-path',
      output: OUTPUT,
      render,
    });
    const final = headline(complete);
    log('');
    log(
      `(c)/(a) = ${int(final.restBest.value)} / ${int(final.rawBest.value)} = ${final.ratio.toFixed(2)} (target ≥ ${TARGETS.ratio}: ${final.ratioMet ? 'met' : 'NOT met'})`,
    );
    log(
      `1,000/s: achieved ${int(final.rateAchieved)}/s, p99 ${ms(final.rateP99)} ms (target ≤ ${TARGETS.p99AtRateMs} ms: ${final.rateMet ? 'met' : 'NOT met'})`,
    );
    log(
      `load with snapshot p50 ${ms(final.snapshotP50, 2)} ms (target ≤ ${TARGETS.snapshotLoadP50Ms} ms: ${final.snapshotMet ? 'met' : 'NOT met'})`,
    );
    log(`wrote ${path.relative(REPO_ROOT, OUTPUT)} in ${Math.round(complete.durationSeconds)} s`);
  } finally {
    clearTimeout(watchdog);
    await stopProcess(service);
    await admin.end();
  }
}

type Waits = NonNullable<RestRun['waits']>;

/** Adds a run to its table row, keeping the wait samples of all the row's runs together. */
function addRun<T>(row: { runs: T[]; waits?: Waits }, outcome: T & { waits?: Waits }): void {
  if (outcome.waits) row.waits = row.waits ? mergeWaits(row.waits, outcome.waits) : outcome.waits;
  row.runs.push(outcome);
}

function mergeWaits(a: Waits, b: Waits): Waits {
  const samples = a.samples + b.samples;
  const shares = new Map<string, number>();
  for (const [wait, share] of a.top)
    shares.set(wait, (shares.get(wait) ?? 0) + (share * a.samples) / samples);
  for (const [wait, share] of b.top)
    shares.set(wait, (shares.get(wait) ?? 0) + (share * b.samples) / samples);
  return {
    samples,
    activeAvg: (a.activeAvg * a.samples + b.activeAvg * b.samples) / samples,
    top: [...shares.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `write-path benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
