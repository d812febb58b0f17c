/**
 * Read-path benchmark: (a) freshness, from a command's 2xx to its visibility in the accounts view, at
 * fixed command rates; (b) the query-service's projection apply rate against raw FerretDB bulkWrite
 * upserts; (c) the outbox relay's publish rate against a raw kafkajs idempotent producer.
 *
 *   export PATH=$PWD/node_modules/.bin:$PATH  (from the repository root)
 *   node -r @swc-node/register tools/bench/read-path.ts
 *
 * Prints figures and writes docs/benchmarks/read-path.md (everything above the analysis marker is
 * regenerated; the hand-written analysis below it is kept). Only 127.0.0.1 traffic, 3.5-5 minutes.
 * It uses names of its own throughout (PostgreSQL database, topic prefix, consumer group, relay
 * names, Mongo database), starts every process it measures from source, and at the end stops them,
 * deletes its topics and drops its databases.
 *
 * Environment:
 *   BENCH_DATABASE_URL   event store (default postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline_readbench;
 *                        its name must contain "readbench": the script creates it when missing and drops it at the end)
 *   BENCH_FERRETDB_BIN   FerretDB binary to run a private instance of (own port, own PostgreSQL database
 *                        ledgerline_readbench_fdb). Default: the stack's patched build
 *                        (~/.cache/ledgerline/ferretdb/v1.24.2-ledgerline-p2/bin/ferretdb) when it exists.
 *   BENCH_MONGODB_URL    use this running server instead of a private FerretDB (e.g. the stack's
 *                        mongodb://127.0.0.1:57017); BENCH_FERRETDB_PG_URL then names its PostgreSQL backend
 *                        (default .../ferretdb), which the freshness poller reads.
 *   BENCH_SCALE          multiplies every measuring window and event count (0.2 for a smoke run; default 1)
 *   BENCH_KEEP           1: keep the databases and topics at the end (for inspection)
 *   BENCH_OUTPUT         markdown path (default docs/benchmarks/read-path.md)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel, Partitioners, type Admin, type Message, type Producer } from 'kafkajs';
import { MongoClient, type AnyBulkWriteOperation, type Db, type Document } from 'mongodb';
import { Client } from 'pg';
import {
  decode,
  EVENT_HEADERS,
  latestSchemaVersion,
  TOPICS,
  type LatestEventEnvelope,
} from '@ledgerline/contracts';
import { PostgresEventStore, type Checkpoint } from '@ledgerline/event-store';
import { ensureTopics } from '@ledgerline/messaging';
import { RelayCheckpointStore, toOutgoingMessage } from '@ledgerline/outbox-relay';
import type { Projector } from '@ledgerline/projections';
import { ACCOUNTS_COLLECTION } from '../../apps/query-service/src/views/accounts/account.document';
import { AccountsProjector } from '../../apps/query-service/src/views/accounts/accounts.projector';
import { AccountsRepository } from '../../apps/query-service/src/views/accounts/accounts.repository';
import { PORTFOLIO_ENTRIES_COLLECTION } from '../../apps/query-service/src/views/portfolio/portfolio.document';
import { PortfolioEntriesRepository } from '../../apps/query-service/src/views/portfolio/portfolio-entries.repository';
import { PortfolioProjector } from '../../apps/query-service/src/views/portfolio/portfolio.projector';
import { ViewChanges } from '../../apps/query-service/src/views/shared/view-changes';
import { TRANSACTIONS_COLLECTION } from '../../apps/query-service/src/views/transactions/transaction.document';
import { TransactionsProjector } from '../../apps/query-service/src/views/transactions/transactions.projector';
import { TransactionsRepository } from '../../apps/query-service/src/views/transactions/transactions.repository';
import { openAccounts, tellerToken } from './lib/accounts-api';
import { machineFacts, packageVersions } from './lib/environment';
import {
  databaseName,
  ensureDatabase,
  migrateEventStore,
  openEventStore,
  withDatabase,
} from './lib/event-store-db';
import { int, ms, pct } from './lib/format';
import { post } from './lib/http-post';
import { loadavg } from './lib/machine-load';
import { openLoop } from './lib/open-loop';
import { freePort, portOpen } from './lib/ports';
import { machineCpuMs, processCpuMs } from './lib/proc-cpu';
import { REPO_ROOT } from './lib/repo-root';
import { finishRun, machineSection, type RunFacts } from './lib/report';
import {
  exitOnLimitOrSignal,
  killAll,
  spawnFromSource,
  spawnProcess,
  stopProcess,
  waitLive,
  type ServiceProcess,
} from './lib/service-process';
import { medianOfFinite, percentile } from './lib/stats';

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const PG_HOST = '127.0.0.1:55432';
const DATABASE_URL =
  process.env['BENCH_DATABASE_URL'] ??
  `postgres://ledgerline:ledgerline@${PG_HOST}/ledgerline_readbench`;
const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:59092';
const SCALE = Number(process.env['BENCH_SCALE'] ?? '1');
const KEEP = process.env['BENCH_KEEP'] === '1';
const OUTPUT = path.resolve(
  REPO_ROOT,
  process.env['BENCH_OUTPUT'] ?? 'docs/benchmarks/read-path.md',
);
const STACK_PATCHED_FERRETDB = path.join(
  os.homedir(),
  '.cache/ledgerline/ferretdb/v1.24.2-ledgerline-p2/bin/ferretdb',
);
const RUNS = 3;
const s = (seconds: number) => Math.max(1, seconds * SCALE);
const n = (count: number) => Math.max(60, Math.round(count * SCALE));

/** Unique per invocation: topic prefix, consumer group, relay names, Mongo database. */
const RUN_ID = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const PREFIX = `readbench-${RUN_ID}.`;
const MONGO_DB = `readbench_${RUN_ID}`;
const TENANT = 'bench';

const FRESH = {
  accounts: 200,
  rates: [50, 200, 500],
  /** Measuring window per rate; the low rate only shows the pipeline's latency on an unloaded machine. */
  seconds: { 50: s(8), 200: s(15), 500: s(15) } as Record<number, number>,
  maxInFlight: 256,
  /** Longest wait, after the last 2xx, for the commands of a run to become visible. */
  drainCapMs: 30_000,
  pollIntervalMs: 5,
  /** A GraphQL `minVersion` read for every Nth 2xx, at most this many outstanding (cross-check). */
  graphqlEvery: 10,
  graphqlMaxOutstanding: 2,
};
const APPLY = { accounts: 200, deposits: n(2_000), pollMs: 25, rawConcurrency: 3 };
const RELAY = { events: n(50_000), streams: 200, batch: 500, bigBatch: 2_000 };
const STORE = { bigCollection: n(10_000), probes: 60, batch: 100 };
const TARGETS = { freshP50Ms: 30, freshP99Ms: 200, atRate: 500, applyRatio: 0.7, relayRatio: 0.7 };
const HARD_LIMIT_MS = 9 * 60_000;

const DEPOSIT_TYPE = 'account.money-deposited';
const OPENED_TYPE = 'account.opened';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Milliseconds on the process-wide monotonic clock (the same in the poller's worker thread). */
const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// CPU accounting: who used the two cores during a window
// ---------------------------------------------------------------------------------------------

/** Named groups of processes; a group's pids are re-read at the end (PostgreSQL backends come and go). */
type PidSource = () => Promise<number[]> | number[];

interface CpuSplit {
  /** CPU milliseconds per operation, by group (plus "client" = this process, all threads). */
  perOp: Record<string, number>;
  machineBusy: number;
  /** Busy share of the machine that none of the groups accounts for (other people's work). */
  other: number;
}

class CpuMeter {
  private readonly start = new Map<number, number>();
  private readonly client = process.cpuUsage();
  private readonly machine = machineCpuMs();
  private constructor(private readonly groups: Record<string, PidSource>) {}

  static async begin(groups: Record<string, PidSource>): Promise<CpuMeter> {
    const meter = new CpuMeter(groups);
    for (const source of Object.values(groups))
      for (const pid of await source()) meter.start.set(pid, processCpuMs(pid));
    return meter;
  }

  async end(operations: number): Promise<CpuSplit> {
    const perOp: Record<string, number> = {};
    let explained = 0;
    const counted = new Set<number>();
    for (const [name, source] of Object.entries(this.groups)) {
      const pids = new Set([...(await source())]);
      let used = 0;
      for (const pid of pids) {
        if (counted.has(pid)) continue;
        counted.add(pid);
        const end = processCpuMs(pid);
        const begin = this.start.get(pid) ?? 0; // a process born during the window counts whole
        if (Number.isFinite(end)) used += Math.max(0, end - (Number.isFinite(begin) ? begin : 0));
      }
      perOp[name] = used / Math.max(1, operations);
      explained += used;
    }
    const usage = process.cpuUsage(this.client);
    const client = (usage.user + usage.system) / 1000;
    perOp['client'] = client / Math.max(1, operations);
    explained += client;
    const m = machineCpuMs();
    const busy = m.busy - this.machine.busy;
    const total = m.total - this.machine.total;
    return {
      perOp,
      machineBusy: busy / total,
      other: Math.max(0, busy - explained) / total,
    };
  }
}

function cpuCells(split: CpuSplit | undefined, unit: 'µs' | 'ms' = 'µs'): string {
  if (!split) return 'n/a';
  const factor = unit === 'µs' ? 1000 : 1;
  const parts = Object.entries(split.perOp)
    .filter(([, value]) => value * factor >= 0.5)
    .map(([name, value]) => `${name} ${ms(value * factor, 0)}`);
  return `${parts.join(', ')} ${unit} · machine ${pct(split.machineBusy)} busy (${pct(split.other)} other)`;
}

// ---------------------------------------------------------------------------------------------
// Processes: the services under test (from source) and, optionally, a private FerretDB
// ---------------------------------------------------------------------------------------------

/** A service from source in development mode, on the stack's Kafka. */
function spawnService(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
): ServiceProcess {
  return spawnFromSource({
    name,
    entry,
    port,
    env: { NODE_ENV: 'development', KAFKA_BROKERS, ...env },
  });
}

function startService(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  return waitLive(spawnService(name, entry, port, env), { timeoutMs: 120_000, pollMs: 200 });
}

// ---------------------------------------------------------------------------------------------
// Milestones: when each (account, version) was first seen in Kafka and in the accounts view
// ---------------------------------------------------------------------------------------------

/** First time each version of each account was seen somewhere; callbacks for versions still to come. */
class FirstSeen {
  /** Per account: the versions seen and when each was first seen, in order. */
  private readonly transitions = new Map<string, Array<[number, number]>>();
  private readonly pending = new Map<
    string,
    Array<{ version: number; done: (t: number) => void }>
  >();

  record(id: string, version: number, t: number): void {
    const list = this.transitions.get(id) ?? [];
    if ((list.at(-1)?.[0] ?? 0) >= version) return;
    list.push([version, t]);
    this.transitions.set(id, list);
    const waiting = this.pending.get(id);
    if (!waiting) return;
    const still = waiting.filter((entry) => {
      if (entry.version > version) return true;
      entry.done(t);
      return false;
    });
    if (still.length > 0) this.pending.set(id, still);
    else this.pending.delete(id);
  }

  /** Calls `done(t)` with the first time the account showed `version` or later (now or later). */
  whenSeen(id: string, version: number, done: (t: number) => void): void {
    const reached = this.transitions.get(id)?.find(([v]) => v >= version);
    if (reached) {
      done(reached[1]);
      return;
    }
    const waiting = this.pending.get(id) ?? [];
    waiting.push({ version, done });
    this.pending.set(id, waiting);
  }

  versionOf(id: string): number {
    return this.transitions.get(id)?.at(-1)?.[0] ?? 0;
  }

  clearPending(): void {
    this.pending.clear();
  }
}

/**
 * The view poller, in a worker thread so the load generator's event loop cannot delay it. FerretDB
 * 1.x keeps each collection in one PostgreSQL table (one jsonb column, `_jsonb`); a write FerretDB
 * acknowledged is a committed PostgreSQL statement and every FerretDB read is a PostgreSQL read. So
 * the first poll of that table showing an account at version >= v is when v became readable through
 * FerretDB - observed without adding load to FerretDB (the contended resource) or GraphQL.
 */
const POLLER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Client } = require('pg');
const now = () => Number(process.hrtime.bigint()) / 1e6;
(async () => {
  const client = new Client({ connectionString: workerData.url, application_name: 'readbench-poller' });
  await client.connect();
  let sql = null;
  let running = true;
  let low = '0';
  const seen = new Map();
  parentPort.on('message', (message) => {
    if (message.type === 'table') sql = message.sql;
    if (message.type === 'stop') running = false;
  });
  let next = now();
  while (running) {
    if (sql) {
      const t = now();
      let rows = [];
      try { rows = (await client.query(sql, [low])).rows; } catch (error) { parentPort.postMessage({ type: 'error', message: String(error) }); }
      const done = now();
      const changes = [];
      for (const row of rows) {
        if (row.id === null) { if (row.low !== null) low = row.low; continue; }
        if (seen.get(row.id) !== row.v) { seen.set(row.id, row.v); changes.push([row.id, row.v]); }
      }
      parentPort.postMessage({ type: 'poll', t, queryMs: done - t, changes });
    }
    next += workerData.intervalMs;
    const wait = next - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else next = now();
  }
  await client.end();
  parentPort.postMessage({ type: 'stopped' });
})().catch((error) => parentPort.postMessage({ type: 'error', message: String(error) }));
`;

/**
 * A Kafka tap, in a worker thread: a consumer group of its own on the accounts topic, from the
 * latest offset, recording when each event could first be fetched. Splits freshness into the
 * relay's part (2xx → in Kafka) and the projection's part (in Kafka → in the view).
 */
const TAP_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Kafka, logLevel } = require('kafkajs');
const now = () => Number(process.hrtime.bigint()) / 1e6;
(async () => {
  const kafka = new Kafka({ clientId: workerData.groupId, brokers: workerData.brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: workerData.groupId, maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topic: workerData.topic, fromBeginning: false });
  parentPort.on('message', async (message) => {
    if (message.type !== 'stop') return;
    await consumer.disconnect().catch(() => undefined);
    parentPort.postMessage({ type: 'stopped' });
  });
  consumer.on(consumer.events.GROUP_JOIN, () => parentPort.postMessage({ type: 'joined' }));
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      const t = now();
      const seen = [];
      for (const message of batch.messages) {
        try {
          const event = JSON.parse(message.value.toString());
          seen.push([event.streamId, event.streamVersion]);
        } catch {}
      }
      parentPort.postMessage({ type: 'poll', t, queryMs: 0, changes: seen });
    },
  });
})().catch((error) => parentPort.postMessage({ type: 'error', message: String(error) }));
`;

interface WorkerMessage {
  type: 'poll' | 'error' | 'stopped' | 'joined';
  t: number;
  queryMs: number;
  changes: Array<[string, number]>;
  message?: string;
}

class Watcher {
  readonly seen = new FirstSeen();
  private readonly worker: Worker;
  pollTimes: number[] = [];
  queryMs: number[] = [];
  recording = false;
  joined = false;
  errors: string[] = [];

  constructor(source: string, workerData: Record<string, unknown>) {
    this.worker = new Worker(source, { eval: true, workerData });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error) => this.errors.push(String(error)));
  }

  post(message: Record<string, unknown>): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'joined') this.joined = true;
    if (message.type === 'error') this.errors.push(message.message ?? 'unknown');
    if (message.type !== 'poll') return;
    if (this.recording) {
      this.pollTimes.push(message.t);
      this.queryMs.push(message.queryMs);
    }
    for (const [id, version] of message.changes) this.seen.record(id, version, message.t);
  }

  async stop(): Promise<void> {
    const stopped = new Promise<void>((resolve) =>
      this.worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'stopped') resolve();
      }),
    );
    this.worker.postMessage({ type: 'stop' });
    await Promise.race([stopped, sleep(5000)]);
    await this.worker.terminate();
  }
}

/**
 * Reads only the row versions written since the previous poll's snapshot: every transaction that
 * was still running then has an xid >= that snapshot's xmin, so `xmin >= low` misses nothing, and
 * the unchanged documents cost a tuple header check instead of a jsonb extraction each.
 */
function viewPoller(url: string, qualifiedTable: string): Watcher {
  const watcher = new Watcher(POLLER_SOURCE, { url, intervalMs: FRESH.pollIntervalMs });
  watcher.post({
    type: 'table',
    sql: `SELECT NULL AS id, NULL::int AS v, (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text AS low
          UNION ALL
          SELECT _jsonb->>'_id', (_jsonb->>'version')::numeric::int, NULL
          FROM ${qualifiedTable} WHERE xmin::text::bigint >= $1::bigint`,
  });
  return watcher;
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!(await condition())) {
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// FerretDB's PostgreSQL side
// ---------------------------------------------------------------------------------------------

/** The PostgreSQL table FerretDB 1.x keeps a collection in, schema-qualified and quoted. */
async function backingTable(
  backend: Client,
  mongoDb: string,
  collection: string,
): Promise<string | null> {
  try {
    const { rows } = await backend.query<{ table: string }>(
      `SELECT _jsonb->>'table' AS table FROM "${mongoDb}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
      [collection],
    );
    return rows[0] ? `"${mongoDb}"."${rows[0].table}"` : null;
  } catch {
    return null; // the schema does not exist yet
  }
}

async function requireBackingTable(
  backend: Client,
  mongoDb: string,
  collection: string,
): Promise<string> {
  let table: string | null = null;
  await waitFor(
    `FerretDB collection ${mongoDb}.${collection}`,
    async () => (table = await backingTable(backend, mongoDb, collection)) !== null,
    60_000,
    200,
  );
  return table!;
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

let nextPosition = 1_000_000_000;

function envelope(
  type: typeof OPENED_TYPE | typeof DEPOSIT_TYPE,
  accountId: string,
  streamVersion: number,
): Record<string, unknown> {
  const data =
    type === OPENED_TYPE
      ? {
          accountId,
          ownerId: 'bench-owner',
          currency: 'EUR',
          overdraftLimit: '0',
          dailyWithdrawalLimit: '150000',
        }
      : {
          accountId,
          amount: '100',
          currency: 'EUR',
          reference: null,
          balanceAfter: String((streamVersion - 1) * 100),
        };
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: latestSchemaVersion(type),
    streamId: accountId,
    streamType: 'account',
    streamVersion,
    position: String(nextPosition++),
    tenantId: TENANT,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data,
  };
}

/** As the relay sends it (toOutgoingMessage): keyed by stream, the same headers. */
function kafkaMessage(event: Record<string, unknown>): Message {
  return {
    key: String(event['streamId']),
    value: JSON.stringify(event),
    headers: {
      [EVENT_HEADERS.type]: String(event['type']),
      [EVENT_HEADERS.schemaVersion]: String(event['schemaVersion']),
      [EVENT_HEADERS.eventId]: String(event['eventId']),
      [EVENT_HEADERS.correlationId]: String(event['correlationId']),
      [EVENT_HEADERS.tenantId]: String(event['tenantId']),
    },
  };
}

function orderedProducer(kafka: Kafka): Producer {
  // The relay's producer (createOrderedProducer): idempotent, one request in flight, murmur2 partitioner.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

async function sendInBatches(
  producer: Producer,
  topic: string,
  messages: Message[],
  batch: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < messages.length; i += batch) {
    const started = now();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: messages.slice(i, i + batch) }],
    });
    times.push(now() - started);
  }
  return times;
}

async function partitionEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
}

async function committedOffsets(
  admin: Admin,
  groupId: string,
  topic: string,
): Promise<Map<number, bigint>> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return new Map(
    (entry?.partitions ?? []).map((p) => [p.partition, p.offset === '-1' ? 0n : BigInt(p.offset)]),
  );
}

// ---------------------------------------------------------------------------------------------
// Shared context
// ---------------------------------------------------------------------------------------------

interface Context {
  admin: Client; // event store database
  backend: Client; // FerretDB's PostgreSQL database
  backendDb: string;
  mongo: MongoClient;
  db: Db;
  kafka: Kafka;
  kafkaAdmin: Admin;
  kafkaPid: number | undefined;
  ferretPid: number | undefined;
  view: Watcher;
  tap?: Watcher;
  tables: { accounts: string; transactions: string; portfolio: string };
  token: string;
  topic: string;
  groupId: string;
  deadLetterTopic: string;
}

async function backendPids(ctx: Context, databases: string[]): Promise<number[]> {
  const { rows } = await ctx.admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE (datname = ANY($1) AND application_name NOT IN ('readbench-poller', 'readbench-admin'))
        OR backend_type IN ('walwriter', 'background writer', 'checkpointer')`,
    [databases],
  );
  return rows.map((row) => row.pid);
}

/** Every event on the accounts topic applied and committed by the query-service's consumer group. */
async function waitConsumerIdle(ctx: Context): Promise<void> {
  await waitFor(
    'the consumer group to commit every partition',
    async () => {
      const [ends, committed] = await Promise.all([
        partitionEnds(ctx.kafkaAdmin, ctx.topic),
        committedOffsets(ctx.kafkaAdmin, ctx.groupId, ctx.topic),
      ]);
      return [...ends].every(([p, end]) => (committed.get(p) ?? 0n) >= end);
    },
    90_000,
    50,
  );
}

/**
 * Empties the three views (TRUNCATE of their backing tables) once the consumer is idle. Only then:
 * a reset under a batch still being written would turn its remaining writes into version gaps.
 */
async function resetViews(ctx: Context): Promise<void> {
  await waitConsumerIdle(ctx);
  await ctx.backend.query(
    `TRUNCATE ${ctx.tables.accounts}, ${ctx.tables.transactions}, ${ctx.tables.portfolio}`,
  );
}

async function deadLetters(ctx: Context): Promise<bigint> {
  const ends = await partitionEnds(ctx.kafkaAdmin, ctx.deadLetterTopic);
  return [...ends.values()].reduce((a, b) => a + b, 0n);
}

// ---------------------------------------------------------------------------------------------
// (a) Freshness at a fixed command rate
// ---------------------------------------------------------------------------------------------

interface FreshRun {
  rate: number;
  scheduled: number;
  completed: number;
  dropped: number;
  errors: number;
  errorSample?: string;
  achieved: number;
  commandP50: number;
  commandP99: number;
  freshP50: number;
  freshP99: number;
  freshMax: number;
  /** Became visible only after the drain cap (or never): counted as +∞ in the percentiles. */
  notVisible: number;
  drainMs: number;
  graphql: { count: number; p50: number; p99: number; errors: number };
  pollIntervalP50: number;
  pollIntervalP99: number;
  pollQueryP50: number;
  /** This process's main-thread event-loop delay: how late 2xx responses may have been stamped. */
  loopDelayP99: number;
  /** 2xx → the event could be fetched from Kafka (the relay's share of freshness). */
  inKafkaP50: number;
  inKafkaP99: number;
  cpu: CpuSplit;
  loadAvg: string;
  deadLettered: number;
}

async function freshnessRun(
  ctx: Context,
  services: { command: ServiceProcess; relay: ServiceProcess; query: ServiceProcess },
  rate: number,
  seconds = FRESH.seconds[rate] ?? s(15),
): Promise<FreshRun> {
  const loadAvg = loadavg();
  const dlqBefore = await deadLetters(ctx);
  await resetViews(ctx);
  const accounts = await openAccounts(services.command.port, ctx.token, FRESH.accounts);
  await waitFor(
    'the opened accounts to reach the view',
    () => accounts.every((id) => ctx.view.seen.versionOf(id) >= 1),
    30_000,
  );
  const total = Math.round(rate * seconds);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: FRESH.maxInFlight,
    maxFreeSockets: FRESH.maxInFlight,
  });
  const gqlAgent = new http.Agent({ keepAlive: true, maxSockets: FRESH.graphqlMaxOutstanding });
  const commandLatency: number[] = [];
  const freshness: number[] = [];
  const inKafka: number[] = [];
  const graphqlLatency: number[] = [];
  let graphqlErrors = 0;
  let graphqlOutstanding = 0;
  let ok = 0;
  let errors = 0;
  let errorSample: string | undefined;
  let lastDone = 0;
  let next = 0;
  let awaiting = 0;

  const graphqlCheck = (accountId: string, version: number, at: number) => {
    graphqlOutstanding++;
    const body = JSON.stringify({
      query: 'query($id: ID!, $v: Int) { account(id: $id, minVersion: $v) { version } }',
      variables: { id: accountId, v: version },
    });
    void post(gqlAgent, services.query.port, ctx.token, '/graphql', body, {
      keepBody: true,
    }).then((result) => {
      graphqlOutstanding--;
      const t = now();
      if (result.status === 200 && !result.body.includes('"errors"')) graphqlLatency.push(t - at);
      else graphqlErrors++;
    });
  };

  const meter = await CpuMeter.begin(cpuGroups(ctx, services));
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  ctx.view.pollTimes = [];
  ctx.view.queryMs = [];
  ctx.view.recording = true;
  const loop = await openLoop({
    rate,
    total,
    maxInFlight: FRESH.maxInFlight,
    now,
    send: (due) => {
      const accountId = accounts[next++ % accounts.length]!;
      return post(
        agent,
        services.command.port,
        ctx.token,
        `/accounts/${accountId}/deposits`,
        '{"amount":"1.00"}',
        { keepBody: true },
      ).then((result) => {
        const done = now();
        lastDone = done;
        if (result.status !== 201) {
          errors++;
          errorSample ??= `${result.status} ${result.body}`.slice(0, 300);
          return;
        }
        ok++;
        commandLatency.push(done - due);
        const version = (JSON.parse(result.body) as { version: number }).version;
        awaiting++;
        ctx.tap?.seen.whenSeen(accountId, version, (t) => inKafka.push(t - done));
        ctx.view.seen.whenSeen(accountId, version, (t) => {
          awaiting--;
          freshness.push(t - done);
        });
        if (ok % FRESH.graphqlEvery === 0 && graphqlOutstanding < FRESH.graphqlMaxOutstanding)
          graphqlCheck(accountId, version, done);
      });
    },
  });
  await Promise.all(loop.inFlight);
  const responsesDone = now();
  const elapsed = (Math.max(lastDone, loop.start + seconds * 1000) - loop.start) / 1000;
  let drained = true;
  try {
    await waitFor('the commands to become visible', () => awaiting === 0, FRESH.drainCapMs, 10);
  } catch {
    drained = false;
  }
  const drainMs = now() - responsesDone;
  ctx.view.recording = false;
  loopDelay.disable();
  const cpu = await meter.end(Math.max(1, ok));
  await waitFor('GraphQL checks', () => graphqlOutstanding === 0, 35_000, 20).catch(
    () => undefined,
  );
  agent.destroy();
  gqlAgent.destroy();
  const notVisible = drained ? 0 : awaiting;
  if (!drained) ctx.view.seen.clearPending();
  ctx.tap?.seen.clearPending();
  const withCensored = [...freshness, ...Array.from({ length: notVisible }, () => Infinity)];
  const intervals = ctx.view.pollTimes.slice(1).map((t, i) => t - ctx.view.pollTimes[i]!);
  return {
    rate,
    scheduled: total,
    completed: ok,
    dropped: loop.dropped,
    errors,
    ...(errorSample ? { errorSample } : {}),
    achieved: ok / elapsed,
    commandP50: percentile(commandLatency, 0.5),
    commandP99: percentile(commandLatency, 0.99),
    freshP50: percentile(withCensored, 0.5),
    freshP99: percentile(withCensored, 0.99),
    freshMax: percentile(withCensored, 1),
    notVisible,
    drainMs,
    graphql: {
      count: graphqlLatency.length,
      p50: percentile(graphqlLatency, 0.5),
      p99: percentile(graphqlLatency, 0.99),
      errors: graphqlErrors,
    },
    pollIntervalP50: percentile(intervals, 0.5),
    pollIntervalP99: percentile(intervals, 0.99),
    pollQueryP50: percentile(ctx.view.queryMs, 0.5),
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    inKafkaP50: percentile(inKafka, 0.5),
    inKafkaP99: percentile(inKafka, 0.99),
    cpu,
    loadAvg,
    deadLettered: Number((await deadLetters(ctx)) - dlqBefore),
  };
}

function cpuGroups(
  ctx: Context,
  services: Partial<Record<'command' | 'relay' | 'query', ServiceProcess>>,
): Record<string, PidSource> {
  const groups: Record<string, PidSource> = {};
  if (services.command) groups['command-service'] = () => [services.command!.child.pid!];
  if (services.relay) groups['relay'] = () => [services.relay!.child.pid!];
  if (services.query) groups['query-service'] = () => [services.query!.child.pid!];
  if (ctx.ferretPid) groups['FerretDB'] = () => [ctx.ferretPid!];
  groups['PostgreSQL'] = () => backendPids(ctx, [databaseName(DATABASE_URL), ctx.backendDb]);
  if (ctx.kafkaPid) groups['Kafka'] = () => [ctx.kafkaPid!];
  return groups;
}

// ---------------------------------------------------------------------------------------------
// (b) Projection apply rate vs raw bulkWrite upserts
// ---------------------------------------------------------------------------------------------

interface ApplyRun {
  rawFirst: boolean;
  events: number;
  applyPerSecond: number;
  produceMs: number;
  totalMs: number;
  batches: number[];
  rawBatch: number;
  rawPerSecond: number;
  rawBulkMs: number[];
  cpu: CpuSplit;
  rawCpu: CpuSplit;
  deadLettered: number;
  loadAvg: string;
}

/** Transaction-view-shaped documents with string ids, like the views'. */
type StringIdDoc = Document & { _id: string };

function transactionLikeDoc(i: number): StringIdDoc {
  return {
    _id: randomUUID(),
    tenantId: TENANT,
    accountId: randomUUID(),
    kind: 'DEPOSIT',
    amount: '100',
    balanceAfter: String(i * 100),
    currency: 'EUR',
    reference: null,
    occurredAt: new Date(),
    version: i + 2,
    transferId: null,
  };
}

/** `concurrency` loops, each a bulkWrite of `batch` replaceOne upserts by _id (new ids) at a time. */
async function rawUpserts(
  db: Db,
  collection: string,
  docs: Document[],
  batch: number,
  concurrency: number,
): Promise<{ perSecond: number; bulkMs: number[] }> {
  const coll = db.collection(collection);
  const bulkMs: number[] = [];
  let cursor = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < docs.length) {
        const slice = docs.slice(cursor, cursor + batch);
        cursor += batch;
        const operations: AnyBulkWriteOperation[] = slice.map(({ _id, ...rest }) => ({
          replaceOne: { filter: { _id }, replacement: rest, upsert: true },
        }));
        const t = now();
        await coll.bulkWrite(operations, { ordered: false });
        bulkMs.push(now() - t);
      }
    }),
  );
  return { perSecond: (docs.length * 1000) / (now() - started), bulkMs };
}

/** Raw upserts of `count` transaction-shaped documents into a fresh collection. */
async function rawApply(ctx: Context, run: number, batch: number) {
  const rawCollection = `raw_upserts_${run}`;
  await ctx.db.createCollection(rawCollection).catch(() => undefined);
  const docs = Array.from({ length: APPLY.deposits }, (_, i) => transactionLikeDoc(i));
  const rawMeter = await CpuMeter.begin(cpuGroups(ctx, {}));
  const raw = await rawUpserts(ctx.db, rawCollection, docs, batch, APPLY.rawConcurrency);
  const rawCpu = await rawMeter.end(APPLY.deposits);
  await ctx.db
    .collection(rawCollection)
    .drop()
    .catch(() => undefined);
  return { ...raw, rawCpu };
}

/**
 * One (b) run. Odd runs measure raw first (with the previous run's median batch), even runs the
 * runtime first, so a drift in the machine's background load does not always favour the same side.
 */
async function applyRun(
  ctx: Context,
  query: ServiceProcess,
  run: number,
  previousBatch: number,
): Promise<ApplyRun> {
  const loadAvg = loadavg();
  const rawFirst = run % 2 === 1 ? await rawApply(ctx, run, previousBatch) : undefined;
  const dlqBefore = await deadLetters(ctx);
  await resetViews(ctx);
  const producer = orderedProducer(ctx.kafka);
  await producer.connect();
  try {
    const accounts = Array.from({ length: APPLY.accounts }, () => randomUUID());
    await sendInBatches(
      producer,
      ctx.topic,
      accounts.map((id) => kafkaMessage(envelope(OPENED_TYPE, id, 1))),
      500,
    );
    await waitFor(
      'the opened accounts to reach the view',
      () => accounts.every((id) => ctx.view.seen.versionOf(id) >= 1),
      30_000,
    );
    await waitConsumerIdle(ctx);

    // N deposits, round-robin over the accounts (each account's events in version order).
    const versions = new Map(accounts.map((id) => [id, 1]));
    const messages: Message[] = [];
    for (let i = 0; i < APPLY.deposits; i++) {
      const id = accounts[i % accounts.length]!;
      const version = versions.get(id)! + 1;
      versions.set(id, version);
      const event = envelope(DEPOSIT_TYPE, id, version);
      if (i === 0 && !decode(JSON.stringify(event)).ok) throw new Error('fixture does not decode');
      messages.push(kafkaMessage(event));
    }
    const before = await committedOffsets(ctx.kafkaAdmin, ctx.groupId, ctx.topic);
    const meter = await CpuMeter.begin(cpuGroups(ctx, { query }));
    const t0 = now();
    await sendInBatches(producer, ctx.topic, messages, 500);
    const produceMs = now() - t0;
    const ends = await partitionEnds(ctx.kafkaAdmin, ctx.topic);
    // Poll the committed offsets: the runtime commits each partition batch after all three views are
    // written, so the deltas are the batch sizes and "all committed" means "all applied".
    const last = new Map(before);
    const batches: number[] = [];
    let tDone = 0;
    const deadline = now() + 120_000;
    for (;;) {
      const committed = await committedOffsets(ctx.kafkaAdmin, ctx.groupId, ctx.topic);
      const t = now();
      for (const [p, offset] of committed) {
        const previous = last.get(p) ?? 0n;
        if (offset > previous) batches.push(Number(offset - previous));
        last.set(p, offset);
      }
      if ([...ends].every(([p, end]) => (committed.get(p) ?? 0n) >= end)) {
        tDone = t;
        break;
      }
      if (t > deadline) throw new Error('the consumer did not apply the deposits within 120 s');
      await sleep(APPLY.pollMs);
    }
    const totalMs = tDone - t0;
    const cpu = await meter.end(APPLY.deposits);
    // Cross-check in the view itself: every account at its last version, every deposit a movement.
    const expected = new Map(versions);
    await waitFor(
      'the accounts view to show every deposit',
      () => [...expected].every(([id, v]) => ctx.view.seen.versionOf(id) >= v),
      10_000,
    );
    const { rows } = await ctx.backend.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${ctx.tables.transactions}`,
    );
    if (Number(rows[0]!.count) !== APPLY.deposits)
      throw new Error(`transactions view holds ${rows[0]!.count}, expected ${APPLY.deposits}`);

    // Raw: the same number of documents, the runtime's median batch, its partition concurrency.
    const rawBatch = rawFirst ? previousBatch : Math.max(1, Math.round(medianOfFinite(batches)));
    const raw = rawFirst ?? (await rawApply(ctx, run, rawBatch));
    const rawCpu = raw.rawCpu;
    return {
      rawFirst: rawFirst !== undefined,
      events: APPLY.deposits,
      applyPerSecond: (APPLY.deposits * 1000) / totalMs,
      produceMs,
      totalMs,
      batches,
      rawBatch,
      rawPerSecond: raw.perSecond,
      rawBulkMs: raw.bulkMs,
      cpu,
      rawCpu,
      deadLettered: Number((await deadLetters(ctx)) - dlqBefore),
      loadAvg,
    };
  } finally {
    await producer.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// (b') Where the projection's time goes: the real projectors, in this process, one batch at a time
// ---------------------------------------------------------------------------------------------

interface ProjectorSplit {
  batch: number;
  batches: number;
  events: number;
  /** ms per batch, by projector, plus decode. */
  perBatch: Record<string, number>;
  /** MongoDB commands per batch, by projector (from the driver's command monitoring). */
  commandsPerBatch: Record<string, Record<string, number>>;
}

async function projectorSplit(
  ctx: Context,
  mongoUrl: string,
  batch: number,
): Promise<ProjectorSplit> {
  await resetViews(ctx);
  const client = new MongoClient(mongoUrl, { maxPoolSize: 20, monitorCommands: true });
  await client.connect();
  try {
    const db = client.db(MONGO_DB);
    const changes = new ViewChanges();
    const projectors: Projector[] = [
      new AccountsProjector(new AccountsRepository(db), changes),
      new TransactionsProjector(new TransactionsRepository(db), changes),
      new PortfolioProjector(new PortfolioEntriesRepository(db), changes),
    ];
    let current = '';
    const commands: Record<string, Record<string, number>> = {};
    client.on('commandStarted', (event) => {
      if (!current) return;
      const perView = (commands[current] ??= {});
      perView[event.commandName] = (perView[event.commandName] ?? 0) + 1;
    });
    // One partition's share of the accounts, as in (b): accounts / 6 partitions.
    const accounts = Array.from({ length: Math.ceil(APPLY.accounts / 6) }, () => randomUUID());
    const opened = accounts.map((id) => envelope(OPENED_TYPE, id, 1));
    const decodeAll = (events: Array<Record<string, unknown>>) =>
      events.map((event) => {
        const result = decode(JSON.stringify(event));
        if (!result.ok) throw new Error(`fixture does not decode: ${result.error.message}`);
        return result.envelope;
      });
    for (const projector of projectors) await projector.project(decodeAll(opened));
    const versions = new Map(accounts.map((id) => [id, 1]));
    const batches = Math.max(2, Math.round(Math.min(APPLY.deposits / 2, 1_000) / batch));
    const totals: Record<string, number> = { decode: 0 };
    for (let b = 0; b < batches; b++) {
      const raw = Array.from({ length: batch }, (_, i) => {
        const id = accounts[i % accounts.length]!;
        const version = versions.get(id)! + 1;
        versions.set(id, version);
        return envelope(DEPOSIT_TYPE, id, version);
      });
      let t = now();
      const events: LatestEventEnvelope[] = decodeAll(raw);
      totals['decode'] = totals['decode']! + (now() - t);
      for (const projector of projectors) {
        current = projector.name;
        t = now();
        await projector.project(events);
        totals[projector.name] = (totals[projector.name] ?? 0) + (now() - t);
      }
      current = '';
    }
    const perBatch = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / batches]));
    const commandsPerBatch = Object.fromEntries(
      Object.entries(commands).map(([view, byName]) => [
        view,
        Object.fromEntries(Object.entries(byName).map(([name, count]) => [name, count / batches])),
      ]),
    );
    return { batch, batches, events: batches * batch, perBatch, commandsPerBatch };
  } finally {
    await client.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (b'') The store's cost per write as a function of collection size, and two candidate fixes
// ---------------------------------------------------------------------------------------------

interface StoreProbe {
  size: number;
  upsertMs: number; // one replaceOne upsert by _id (new document), median
  findOneMs: number; // findOne by _id, median
  inLoadMs: number; // find {_id: {$in: 33 ids}}, median (what a projector's load does)
  bulkUpsertPerSecond: number; // bulkWrite of STORE.batch replaceOne upserts
  insertManyPerSecond: number; // insertMany of STORE.batch documents, ordered: false
}

interface StoreResults {
  probes: StoreProbe[];
  explainSeqScan: string;
  explainIndexed: string;
  gin: { before: number; after: number; findOneBefore: number; findOneAfter: number; size: number };
}

async function timeMedian(times: number, body: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = now();
    await body();
    samples.push(now() - t);
  }
  return medianOfFinite(samples);
}

async function storeProbe(ctx: Context, collection: string, size: number): Promise<StoreProbe> {
  const coll = ctx.db.collection<StringIdDoc>(collection);
  const existing = await coll
    .find({}, { projection: { _id: 1 } })
    .limit(33)
    .toArray();
  const ids = existing.map((d) => d._id);
  const upsertMs = await timeMedian(STORE.probes / 2, async () => {
    const { _id, ...rest } = transactionLikeDoc(0);
    await coll.replaceOne({ _id }, rest, { upsert: true });
  });
  const findOneMs = await timeMedian(STORE.probes / 2, () => coll.findOne({ _id: ids[0] ?? 'x' }));
  const inLoadMs = await timeMedian(3, () => coll.find({ _id: { $in: ids } }).toArray());
  const bulk = await rawUpserts(
    ctx.db,
    collection,
    Array.from({ length: STORE.batch * 2 }, (_, i) => transactionLikeDoc(i)),
    STORE.batch,
    1,
  );
  const t = now();
  const count = STORE.batch * 5;
  for (let i = 0; i < count; i += STORE.batch)
    await coll.insertMany(
      Array.from({ length: STORE.batch }, (_, k) => transactionLikeDoc(i + k)),
      { ordered: false },
    );
  const insertManyPerSecond = (count * 1000) / (now() - t);
  return {
    size,
    upsertMs,
    findOneMs,
    inLoadMs,
    bulkUpsertPerSecond: bulk.perSecond,
    insertManyPerSecond,
  };
}

async function storeExperiments(ctx: Context): Promise<StoreResults> {
  const name = 'store_probe';
  const coll = ctx.db.collection<StringIdDoc>(name);
  await coll.drop().catch(() => undefined);
  await ctx.db.createCollection(name);
  await coll.insertMany(Array.from({ length: 40 }, (_, i) => transactionLikeDoc(i)));
  const probes = [await storeProbe(ctx, name, await coll.countDocuments())];
  // Grow to a bigger collection with insertMany (cheap), then probe again.
  const target = STORE.bigCollection;
  for (let have = await coll.countDocuments(); have < target; have += 1_000)
    await coll.insertMany(
      Array.from({ length: Math.min(1_000, target - have) }, (_, i) => transactionLikeDoc(i)),
      { ordered: false },
    );
  probes.push(await storeProbe(ctx, name, await coll.countDocuments()));

  const table = await requireBackingTable(ctx.backend, MONGO_DB, name);
  const someId = (await coll.findOne({}, { projection: { _id: 1 } }))?._id ?? 'x';
  const explain = async (sql: string, params: unknown[]) =>
    (
      await ctx.backend.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, COSTS OFF) ${sql}`,
        params,
      )
    ).rows
      .map((r) => r['QUERY PLAN'].trim())
      .filter((line) => !line.startsWith('Planning'))
      .join('; ');
  // The filter FerretDB 1.24 generates for {_id: x} (internal/backends/postgresql/query.go) ...
  const explainSeqScan = await explain(`SELECT _jsonb FROM ${table} WHERE _jsonb->$1 @> $2`, [
    '_id',
    JSON.stringify(someId),
  ]);
  // ... and the equality its own unique index ((_jsonb->'_id')) could serve.
  const explainIndexed = await explain(`SELECT _jsonb FROM ${table} WHERE _jsonb->'_id' = $1`, [
    JSON.stringify(someId),
  ]);

  // Candidate fix without touching FerretDB's code: a GIN index that serves `@>` on _id.
  const size = await coll.countDocuments();
  const docs = () => Array.from({ length: STORE.batch * 2 }, (_, i) => transactionLikeDoc(i));
  const before = (await rawUpserts(ctx.db, name, docs(), STORE.batch, 1)).perSecond;
  const findOneBefore = await timeMedian(10, () => coll.findOne({ _id: someId }));
  await ctx.backend.query(`CREATE INDEX ON ${table} USING gin ((_jsonb->'_id') jsonb_path_ops)`);
  await ctx.backend.query(`ANALYZE ${table}`);
  const after = (await rawUpserts(ctx.db, name, docs(), STORE.batch, 1)).perSecond;
  const findOneAfter = await timeMedian(10, () => coll.findOne({ _id: someId }));
  await coll.drop().catch(() => undefined);
  return {
    probes,
    explainSeqScan,
    explainIndexed,
    gin: { before, after, findOneBefore, findOneAfter, size },
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Relay publish rate vs a raw kafkajs idempotent producer
// ---------------------------------------------------------------------------------------------

interface RelayRun {
  batchSize: number;
  rawFirst: boolean;
  events: number;
  /** From the relay's first checkpoint advance to the head (excludes boot and the first batch). */
  relayPerSecond: number;
  /** From spawning the process to the head, boot included. */
  wallFromSpawnMs: number;
  bootToFirstMs: number;
  rawPerSecond: number;
  /** Decomposition of one relay batch (ms): readAll page, toOutgoingMessage, raw sendBatch, checkpoint save. */
  readMs: number;
  mapMs: number;
  sendMs: number;
  saveMs: number;
  cpu: CpuSplit;
  rawCpu: CpuSplit;
  loadAvg: string;
}

async function insertRelayEvents(ctx: Context): Promise<void> {
  const perStream = Math.ceil(RELAY.events / RELAY.streams);
  const streams = Array.from({ length: RELAY.streams }, () => randomUUID());
  const metadata = JSON.stringify({ correlationId: randomUUID(), causationId: randomUUID() });
  await ctx.admin.query('BEGIN');
  await ctx.admin.query(
    `INSERT INTO streams (stream_id, tenant_id, stream_type, version)
     SELECT id, $2, 'account', $3 FROM unnest($1::text[]) AS id`,
    [streams, TENANT, perStream],
  );
  // Interleaved like live traffic (stream by stream within a version), one transaction.
  await ctx.admin.query(
    `INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                         schema_version, data, metadata, occurred_at)
     SELECT $2, s.id, 'account', v, gen_random_uuid(), '${DEPOSIT_TYPE}', $3,
            jsonb_build_object('accountId', s.id, 'amount', '100', 'currency', 'EUR',
                               'reference', null, 'balanceAfter', ((v - 1) * 100)::text),
            $4, now()
     FROM generate_series(1, $5::int) AS v, unnest($1::text[]) AS s(id)
     ORDER BY v, s.id
     LIMIT $6`,
    [streams, TENANT, latestSchemaVersion(DEPOSIT_TYPE), metadata, perStream, RELAY.events],
  );
  await ctx.admin.query('COMMIT');
}

/**
 * One (c) run. Odd runs measure raw first, even runs the relay first, so a drift in the machine's
 * background load does not always favour the same side.
 */
async function relayRun(ctx: Context, run: number, batchSize = RELAY.batch): Promise<RelayRun> {
  const loadAvg = loadavg();
  const dataSource = await openEventStore(DATABASE_URL, 'readbench-admin', 2);
  try {
    const store = new PostgresEventStore(dataSource);
    const head0 = await store.settledHead();
    await insertRelayEvents(ctx);
    const head1 = await store.settledHead();
    const name = `readbench-${RUN_ID}-c${run}`;
    const atHead = (cp: Checkpoint) =>
      cp.transactionId === head1.transactionId && cp.position === head1.position;

    const measureRelay = async () => {
      const prefix = `readbench-${RUN_ID}-c${run}.`;
      // A fresh relay group, its checkpoint at the head before these events: it publishes exactly them.
      await ctx.admin.query(
        `INSERT INTO relay_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)`,
        [name, head0.transactionId.toString(), head0.position.toString()],
      );
      await ensureTopics(
        ctx.kafka,
        Object.values(TOPICS).map((topic) => ({ topic: `${prefix}${topic}`, partitions: 6 })),
      );
      const port = await freePort(3202);
      const spawned = now();
      const relayProc = spawnService('outbox-relay', 'apps/command-service/src/relay.ts', port, {
        DATABASE_URL,
        RELAY_NAME: name,
        KAFKA_TOPIC_PREFIX: prefix,
        RELAY_BATCH_SIZE: String(batchSize),
      });
      const read = async (): Promise<Checkpoint> => {
        const { rows } = await ctx.admin.query<{ t: string; p: string }>(
          `SELECT transaction_id::text AS t, position::text AS p FROM relay_checkpoints WHERE name = $1`,
          [name],
        );
        return { transactionId: BigInt(rows[0]!.t), position: BigInt(rows[0]!.p) };
      };
      let first: { t: number; cp: Checkpoint } | undefined;
      let meter: CpuMeter | undefined;
      const deadline = now() + 150_000;
      let tEnd = 0;
      for (;;) {
        const cp = await read();
        const t = now();
        if (!first && cp.position !== head0.position) {
          first = { t, cp };
          meter = await CpuMeter.begin(cpuGroups(ctx, { relay: relayProc }));
        }
        if (atHead(cp)) {
          tEnd = t;
          break;
        }
        if (relayProc.child.exitCode !== null)
          throw new Error(`the relay exited:\n${relayProc.output.join('')}`);
        if (t > deadline) throw new Error('the relay did not reach the head within 150 s');
        await sleep(10);
      }
      const published = Number(head1.position - first!.cp.position);
      const cpu = await meter!.end(published);
      await stopProcess(relayProc);
      return {
        published,
        perSecond: (published * 1000) / (tEnd - first!.t),
        wallFromSpawnMs: tEnd - spawned,
        bootToFirstMs: first!.t - spawned,
        cpu,
      };
    };

    // Raw and the decomposition, on the same events: read them as the relay does, map, send raw.
    const measureRaw = async () => {
      let cursor = head0;
      const readTimes: number[] = [];
      const events = [];
      for (;;) {
        const t = now();
        const page = await store.readAll(cursor, RELAY.batch);
        if (page.events.length === 0) break;
        readTimes.push(now() - t);
        events.push(...page.events);
        cursor = page.checkpoint;
        if (atHead(cursor)) break;
      }
      const rawPrefix = `readbench-${RUN_ID}-r${run}.`;
      await ensureTopics(
        ctx.kafka,
        Object.values(TOPICS).map((topic) => ({ topic: `${rawPrefix}${topic}`, partitions: 6 })),
      );
      let t = now();
      const outgoing = events.map((event) => toOutgoingMessage(event, rawPrefix));
      const mapMs = ((now() - t) * RELAY.batch) / events.length;
      const topic = outgoing[0]!.topic;
      const messages: Message[] = outgoing.map(({ key, value, headers }) => ({
        key,
        value,
        headers,
      }));
      const producer = orderedProducer(ctx.kafka);
      await producer.connect();
      const rawMeter = await CpuMeter.begin(cpuGroups(ctx, {}));
      t = now();
      const sendTimes = await sendInBatches(producer, topic, messages, RELAY.batch);
      const rawMs = now() - t;
      const rawCpu = await rawMeter.end(messages.length);
      await producer.disconnect();
      const checkpoints = new RelayCheckpointStore(dataSource);
      let probe = head1;
      const saveMs = await timeMedian(30, async () => {
        probe = { transactionId: probe.transactionId, position: probe.position + 1n };
        await checkpoints.save(`${name}-probe`, probe);
      });
      return {
        perSecond: (messages.length * 1000) / rawMs,
        readMs: medianOfFinite(readTimes),
        mapMs,
        sendMs: medianOfFinite(sendTimes),
        saveMs,
        rawCpu,
      };
    };

    const rawFirst = run % 2 === 1;
    const raw = rawFirst ? await measureRaw() : undefined;
    const relay = await measureRelay();
    const rawAfter = raw ?? (await measureRaw());
    return {
      batchSize,
      rawFirst,
      events: relay.published,
      relayPerSecond: relay.perSecond,
      wallFromSpawnMs: relay.wallFromSpawnMs,
      bootToFirstMs: relay.bootToFirstMs,
      rawPerSecond: rawAfter.perSecond,
      readMs: rawAfter.readMs,
      mapMs: rawAfter.mapMs,
      sendMs: rawAfter.sendMs,
      saveMs: rawAfter.saveMs,
      cpu: relay.cpu,
      rawCpu: rawAfter.rawCpu,
      loadAvg,
    };
  } finally {
    await dataSource.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Environment facts
// ---------------------------------------------------------------------------------------------

function kafkaVersion(): string {
  try {
    return fs.readFileSync(path.join(REPO_ROOT, '.stack/kafka/version'), 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').trim());
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

interface Results extends RunFacts {
  postgres: string;
  mongo: { url: string; how: string; version: string };
  fresh: Array<{ rate: number; runs: FreshRun[]; skipped?: string }>;
  apply: ApplyRun[];
  split?: ProjectorSplit;
  store?: StoreResults;
  relay: RelayRun[];
  /** Supplementary, one run: the relay with a bigger RELAY_BATCH_SIZE (configuration only). */
  relayBig?: RelayRun;
}

function headline(r: Results) {
  const at = r.fresh.find((row) => row.rate === TARGETS.atRate);
  const achieved = at ? medianOfFinite(at.runs.map((x) => x.achieved)) : NaN;
  const sustained = at
    ? at.runs.every((x) => x.dropped === 0 && x.achieved >= TARGETS.atRate * 0.97)
    : false;
  const p50 = at ? medianOfFinite(at.runs.map((x) => x.freshP50)) : NaN;
  const p99 = at ? medianOfFinite(at.runs.map((x) => x.freshP99)) : NaN;
  const applyRatio = medianOfFinite(r.apply.map((x) => x.applyPerSecond / x.rawPerSecond));
  const relayRatio = medianOfFinite(r.relay.map((x) => x.relayPerSecond / x.rawPerSecond));
  return {
    achieved,
    sustained,
    p50,
    p99,
    freshMet: sustained && p50 <= TARGETS.freshP50Ms && p99 <= TARGETS.freshP99Ms,
    applyRatio,
    applyMet: applyRatio >= TARGETS.applyRatio,
    relayRatio,
    relayMet: relayRatio >= TARGETS.relayRatio,
  };
}

function render(r: Results): string {
  const h = headline(r);
  const runs = (values: number[], format: (v: number) => string) =>
    `${values.map(format).join(' · ')} → **${format(medianOfFinite(values))}**`;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const freshAt = (rate: number) => r.fresh.find((row) => row.rate === rate);
  add(
    '# Read-path benchmark',
    '',
    `Generated by \`tools/bench/read-path.ts\` on ${r.date} (${Math.round(r.durationSeconds)} s). ` +
      'Every figure is the **median of 3 runs** (the three runs are listed) unless a row says otherwise. The machine is ' +
      'shared: other engineers may run tests at the same time, so load averages are recorded and the CPU columns show ' +
      'how busy the whole machine was and how much of that no process of the benchmark explains ("other").',
    '',
    ...machineSection(
      r,
      [
        `| PostgreSQL | ${r.postgres} |`,
        `| Kafka | ${r.versions['kafka']} (single broker, KRaft, the stack's) |`,
        `| Views store | ${r.mongo.version}; ${r.mongo.how} |`,
      ],
      ['kafka'],
    ),
    '',
    '## Targets',
    '',
    '| Target | Measured | Met? |',
    '|---|---|---|',
    `| freshness p50 ≤ ${TARGETS.freshP50Ms} ms and p99 ≤ ${TARGETS.freshP99Ms} ms at ${TARGETS.atRate} commands/s | ` +
      `${TARGETS.atRate}/s scheduled, ${int(h.achieved)}/s completed${h.sustained ? '' : ' (**not sustained**)'}; freshness p50 **${ms(h.p50)} ms**, p99 **${ms(h.p99)} ms** | ${h.freshMet ? 'yes' : '**no**'} |`,
    `| (b) projection apply rate ≥ ${TARGETS.applyRatio} × raw bulkWrite upserts | ${int(medianOfFinite(r.apply.map((x) => x.applyPerSecond)))} ÷ ${int(medianOfFinite(r.apply.map((x) => x.rawPerSecond)))} events/s = **${h.applyRatio.toFixed(2)}** (median of the per-run ratios) | ${h.applyMet ? 'yes' : '**no**'} |`,
    `| (c) relay publish rate ≥ ${TARGETS.relayRatio} × raw idempotent producer | ${int(medianOfFinite(r.relay.map((x) => x.relayPerSecond)))} ÷ ${int(medianOfFinite(r.relay.map((x) => x.rawPerSecond)))} events/s = **${h.relayRatio.toFixed(2)}** | ${h.relayMet ? 'yes' : '**no**'} |`,
    '',
    'CPU columns: CPU time per operation (command, event or message) of each process group - the services under test, ' +
      "FerretDB (when the benchmark runs its own), the PostgreSQL backends of the benchmark's two databases (plus walwriter, " +
      'bgwriter, checkpointer), the Kafka broker, this load generator ("client") - then how busy the whole machine was ' +
      '(100% = both cores) and the busy share none of them accounts for.',
    '',
    '## (a) Freshness: command 2xx → visible in the accounts view',
    '',
    `Processes from source, as in production but on one machine: command-service, outbox-relay and query-service ` +
      `(LOG_LEVEL=warn, RATE_LIMIT_PER_MINUTE=100000000, defaults otherwise: pool 20, SNAPSHOT_EVERY 100, relay batch 500, ` +
      `6 partitions, consumer 3 partitions concurrently). Each run: the views are emptied (TRUNCATE of their backing tables), ` +
      `${FRESH.accounts} new accounts are opened through the API and waited for in the view, then deposits ` +
      `(\`POST /accounts/{id}/deposits\`) go out **open loop** for ${FRESH.rates.map((rate) => `${FRESH.seconds[rate]} s at ${rate}/s`).join(', ')}, round-robin over the accounts: request ` +
      `*i* is due at start + i/rate and sent then; at most ${FRESH.maxInFlight} are outstanding and a request due beyond that ` +
      `is **dropped** (counted), as in write-path.md. Command latency counts from the due time.`,
    '',
    `**How visibility is measured.** For each 2xx the client records the response time and the \`version\` it returned. A ` +
      `worker thread polls the accounts view every ${FRESH.pollIntervalMs} ms by reading its backing PostgreSQL table ` +
      "directly, one connection, only the row versions written since the previous poll's snapshot (`xmin >= " +
      'pg_snapshot_xmin` of that poll, so an unchanged document costs a tuple header check, not a jsonb extraction); ' +
      `a command is visible at the first poll that shows its account at its version or later. FerretDB 1.x keeps a collection ` +
      'as one jsonb table and acknowledges a write only after PostgreSQL committed it, and every FerretDB read is a ' +
      'PostgreSQL read, so this is the moment the version became readable through FerretDB - measured without adding ' +
      'load to FerretDB, which is the contended resource, and without the GraphQL path. The poll time is an upper bound: ' +
      'the error is one poll interval at most (see the poll columns). Why not GraphQL `minVersion` for every command: its ' +
      'waiter re-reads MongoDB every 20 ms per waiting request (AccountVersionWaiter) and shares the query-service event ' +
      `loop with the consumer, so at ${TARGETS.atRate}/s it would multiply the reads on the bottleneck. It is kept as a ` +
      `cross-check on a sample (every ${FRESH.graphqlEvery}th 2xx, at most ${FRESH.graphqlMaxOutstanding} outstanding, ` +
      'CONSISTENCY_TIMEOUT_MS=30000): its latency is the same interval plus a GraphQL round trip. A second worker thread ' +
      'taps the accounts topic with a consumer group of its own (fetch wait 20 ms) and records when each event could first ' +
      "be fetched: \"2xx → in Kafka\" is the relay's share of freshness, the rest is the consumer's and the views'.",
    '',
    '| Rate scheduled | commands/s completed (runs · **median**) | dropped | errors | command p50 / p99 ms | freshness p50 ms (runs · **median**) | freshness p99 ms (runs · **median**) | max ms | of which 2xx → in Kafka p50 / p99 ms | not visible in time | GraphQL minVersion p50 / p99 ms (n) | CPU per command |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of r.fresh) {
    if (row.runs.length === 0) {
      add(`| ${row.rate}/s | ${row.skipped ?? 'not run'} | | | | | | | | | | |`);
      continue;
    }
    const rs = row.runs;
    const cpu = rs[Math.floor(rs.length / 2)]!.cpu;
    add(
      `| ${row.rate}/s${rs.length < RUNS ? ` (${rs.length} run${rs.length > 1 ? 's' : ''})` : ''} | ${runs(
        rs.map((x) => x.achieved),
        int,
      )} | ${rs.map((x) => int(x.dropped)).join(' · ')} | ${rs.reduce((a, x) => a + x.errors, 0)} | ${ms(medianOfFinite(rs.map((x) => x.commandP50)))} / ${ms(medianOfFinite(rs.map((x) => x.commandP99)))} | ${runs(
        rs.map((x) => x.freshP50),
        (v) => ms(v),
      )} | ${runs(
        rs.map((x) => x.freshP99),
        (v) => ms(v),
      )} | ${ms(Math.max(...rs.map((x) => x.freshMax)))} | ${ms(medianOfFinite(rs.map((x) => x.inKafkaP50)))} / ${ms(medianOfFinite(rs.map((x) => x.inKafkaP99)))} | ${rs.map((x) => int(x.notVisible)).join(' · ')} | ${ms(medianOfFinite(rs.map((x) => x.graphql.p50)))} / ${ms(medianOfFinite(rs.map((x) => x.graphql.p99)))} (${rs.reduce((a, x) => a + x.graphql.count, 0)}${rs.some((x) => x.graphql.errors) ? `, ${rs.reduce((a, x) => a + x.graphql.errors, 0)} errors` : ''}) | ${cpuCells(cpu)} |`,
    );
    if (row.skipped) add(`| ${row.rate}/s | ${row.skipped} | | | | | | | | | | |`);
  }
  add('');
  const allFresh = r.fresh.flatMap((row) => row.runs);
  if (allFresh.length > 0) {
    add(
      `Poller: interval p50 ${ms(medianOfFinite(allFresh.map((x) => x.pollIntervalP50)), 1)} ms, p99 ${ms(medianOfFinite(allFresh.map((x) => x.pollIntervalP99)), 1)} ms; ` +
        `one poll query p50 ${ms(medianOfFinite(allFresh.map((x) => x.pollQueryP50)), 2)} ms. Event-loop delay of the load generator's ` +
        `main thread (which stamps the 2xx), p99: ${r.fresh.map((row) => `${row.rate}/s ${row.runs.map((x) => ms(x.loopDelayP99)).join(', ')} ms`).join('; ')}; ` +
        'a late stamp makes freshness look shorter and "2xx → in Kafka" negative (the tap thread saw the event before the ' +
        'main thread handled the response). Load average at the start of each run: ' +
        r.fresh
          .map(
            (row) => `${row.rate}/s: ${row.runs.map((x) => x.loadAvg.split(' / ')[0]).join(', ')}`,
          )
          .join('; ') +
        `. Drain after the last response (until every 2xx was visible, cap ${FRESH.drainCapMs / 1000} s): ` +
        r.fresh
          .map((row) => `${row.rate}/s: ${row.runs.map((x) => int(x.drainMs)).join(', ')} ms`)
          .join('; ') +
        '. Dead-lettered during (a): ' +
        `${allFresh.reduce((a, x) => a + x.deadLettered, 0)}.`,
      '',
    );
    const sample = allFresh.find((x) => x.errorSample)?.errorSample;
    if (sample) add(`First command error seen: \`${sample.replace(/`/g, "'")}\``, '');
  }
  const at = freshAt(TARGETS.atRate);
  if (at && at.runs.length > 0 && !h.sustained) {
    add(
      `**${TARGETS.atRate} commands/s was not sustained on this machine**: ${int(h.achieved)}/s completed (median), ` +
        `${at.runs.map((x) => int(x.dropped)).join(' / ')} of ${int(at.runs[0]!.scheduled)} scheduled requests dropped. ` +
        'The freshness figures of that row are for the commands that completed.',
      '',
    );
  }
  add(
    '## (b) Projection apply rate vs raw FerretDB bulkWrite',
    '',
    `Each run: views emptied; ${APPLY.accounts} \`account.opened\` envelopes (schema v${latestSchemaVersion(OPENED_TYPE)}) produced straight to ` +
      `the consumer's topic and waited for; then **${int(APPLY.deposits)} \`account.money-deposited\`** envelopes (the wire shape of ` +
      'libs/contracts, checked with `decode`; keyed and headed as the relay does), round-robin over the accounts, produced ' +
      'in one burst by an idempotent producer (acks -1) to the idle, caught-up query-service consumer. The clock runs from ' +
      "the first send until the consumer group has committed every partition's end offset; the runtime commits a partition " +
      'batch only after all three projectors (accounts, transactions, portfolio) wrote it, so that is "all applied". Checked ' +
      'afterwards: every account at its last version in the accounts view, one movement per deposit in the transactions view. ' +
      'Batch sizes are the committed-offset steps. **Raw**, in the same run (after the runtime, or before it in the runs ' +
      'marked "raw first", so a drifting background load does not always favour one side): a fresh collection, the same number ' +
      `of transaction-shaped documents, \`bulkWrite\` of \`replaceOne\` upserts by \`_id\` (new ids, ordered: false) in the ` +
      `runtime's median batch size (a raw-first run uses the previous run's), ${APPLY.rawConcurrency} loops at once (the runtime's partitionsConsumedConcurrently).`,
    '',
    '| Run | deposits | produce ms | applied in ms | **apply events/s** | runtime batches: n · median · max | raw batch | raw bulkWrite ms p50 (= ms per event) | **raw upserts/s** | ratio | CPU per event, runtime | CPU per doc, raw | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.apply.map(
      (x, i) =>
        `| ${i + 1}${x.rawFirst ? ' (raw first)' : ''} | ${int(x.events)} | ${int(x.produceMs)} | ${int(x.totalMs)} | ${int(x.applyPerSecond)} | ${x.batches.length} · ${int(medianOfFinite(x.batches))} · ${int(Math.max(...x.batches))} | ${x.rawBatch} | ${int(medianOfFinite(x.rawBulkMs))} (${ms(medianOfFinite(x.rawBulkMs) / x.rawBatch, 2)}) | ${int(x.rawPerSecond)} | ${(x.applyPerSecond / x.rawPerSecond).toFixed(2)} | ${cpuCells(x.cpu)} | ${cpuCells(x.rawCpu)} | ${x.loadAvg.split(' / ')[0]} |`,
    ),
    `| **median** | | | | **${int(medianOfFinite(r.apply.map((x) => x.applyPerSecond)))}** | | | | **${int(medianOfFinite(r.apply.map((x) => x.rawPerSecond)))}** | **${h.applyRatio.toFixed(2)}** | | | |`,
    '',
    `Dead-lettered during (b): ${r.apply.reduce((a, x) => a + x.deadLettered, 0)}.`,
    '',
  );
  if (r.split) {
    const sp = r.split;
    const total = Object.values(sp.perBatch).reduce((a, b) => a + b, 0);
    add(
      "### Where a batch's time goes (the real projectors, in-process)",
      '',
      `The three projector classes of the query-service, constructed in this process over the same FerretDB, fed ` +
        `${sp.batches} batches of ${sp.batch} decoded deposits over ${Math.ceil(APPLY.accounts / 6)} accounts (one partition's share), ` +
        "one batch at a time, views emptied first. MongoDB commands counted with the driver's command monitoring.",
      '',
      '| Step | ms per batch | share | ms per event | MongoDB commands per batch |',
      '|---|---|---|---|---|',
      ...Object.entries(sp.perBatch).map(
        ([step, value]) =>
          `| ${step} | ${ms(value)} | ${pct(value / total)} | ${ms(value / sp.batch, 2)} | ${
            Object.entries(sp.commandsPerBatch[step] ?? {})
              .map(([cmd, count]) => `${cmd} ${count.toFixed(1)}`)
              .join(', ') || '-'
          } |`,
      ),
      `| **total** | **${ms(total)}** | | **${ms(total / sp.batch, 2)}** (≈ ${int((1000 * sp.batch) / total)} events/s for one partition at a time) | |`,
      '',
    );
  }
  if (r.store) {
    const st = r.store;
    add(
      '### The store: cost per write by collection size (one run)',
      '',
      'A scratch collection of transaction-shaped documents, probed small and again after growing it with `insertMany`. ' +
        `Medians of ${STORE.probes / 2} single operations; bulk rates over ${STORE.batch * 2} documents in batches of ${STORE.batch}.`,
      '',
      `| documents in the collection | replaceOne upsert by _id, ms | findOne by _id, ms | find {_id: {$in: 33 ids}}, ms | bulkWrite upserts/s (batch ${STORE.batch}) | insertMany docs/s (batch ${STORE.batch}) |`,
      '|---|---|---|---|---|---|',
      ...st.probes.map(
        (p) =>
          `| ${int(p.size)} | ${ms(p.upsertMs, 2)} | ${ms(p.findOneMs, 2)} | ${ms(p.inLoadMs, 1)} | ${int(p.bulkUpsertPerSecond)} | ${int(p.insertManyPerSecond)} |`,
      ),
      '',
      `PostgreSQL plan of the lookup FerretDB 1.24 generates for \`{_id: x}\` (\`_jsonb->'_id' @> '"x"'\`), ${int(st.probes.at(-1)!.size)} documents: \`${st.explainSeqScan}\`. ` +
        `The same lookup as an equality, which FerretDB's own unique index \`((_jsonb->'_id'))\` serves: \`${st.explainIndexed}\`.`,
      '',
      `Candidate fix without changing FerretDB: a GIN index \`((_jsonb->'_id') jsonb_path_ops)\` on the backing table (serves \`@>\`), ` +
        `${int(st.gin.size)} documents: bulkWrite upserts ${int(st.gin.before)} → **${int(st.gin.after)}/s**, findOne by _id ` +
        `${ms(st.gin.findOneBefore, 2)} → **${ms(st.gin.findOneAfter, 2)} ms**.`,
      '',
    );
  }
  add(
    '## (c) Relay publish rate vs a raw kafkajs idempotent producer',
    '',
    `Each run: ${int(RELAY.events)} \`account.money-deposited\` events over ${RELAY.streams} new account streams inserted by SQL in one ` +
      'transaction (interleaved by version, as live traffic would be) while no relay of the new group runs; a fresh ' +
      '`RELAY_NAME` whose checkpoint row is set to the head before those events (so it publishes exactly them, not the whole ' +
      'store), its own topic prefix; then the relay process is started from source (batch 500, defaults) and ' +
      '`relay_checkpoints` polled every 10 ms. **Relay rate** = events between its first checkpoint advance and the head ÷ ' +
      'that time (process start-up and the first batch excluded; the wall time from spawn is listed too). **Raw**, same run ' +
      '(after the relay, or before it in the runs marked "raw first"): ' +
      'the same events read back with `readAll` and mapped with `toOutgoingMessage`, sent by one kafkajs producer with the ' +
      "relay's settings (idempotent, maxInFlightRequests 1, acks -1, murmur2 partitioner) in `sendBatch` calls of 500, one " +
      'after another, to a topic of its own with 6 partitions. The decomposition columns are per batch of 500: `readAll` ' +
      'page, `toOutgoingMessage`, raw `sendBatch`, one checkpoint upsert.',
    '',
    '| Run | events | **relay events/s** | wall from spawn ms (to first advance) | **raw events/s** | ratio | per batch: read / map / send / save ms | CPU per event, relay | CPU per event, raw | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.relay.map(
      (x, i) =>
        `| ${i + 1}${x.rawFirst ? ' (raw first)' : ''} | ${int(x.events)} | ${int(x.relayPerSecond)} | ${int(x.wallFromSpawnMs)} (${int(x.bootToFirstMs)}) | ${int(x.rawPerSecond)} | ${(x.relayPerSecond / x.rawPerSecond).toFixed(2)} | ${ms(x.readMs)} / ${ms(x.mapMs)} / ${ms(x.sendMs)} / ${ms(x.saveMs)} | ${cpuCells(x.cpu)} | ${cpuCells(x.rawCpu)} | ${x.loadAvg.split(' / ')[0]} |`,
    ),
    `| **median** | | **${int(medianOfFinite(r.relay.map((x) => x.relayPerSecond)))}** | | **${int(medianOfFinite(r.relay.map((x) => x.rawPerSecond)))}** | **${h.relayRatio.toFixed(2)}** | ${ms(medianOfFinite(r.relay.map((x) => x.readMs)))} / ${ms(medianOfFinite(r.relay.map((x) => x.mapMs)))} / ${ms(medianOfFinite(r.relay.map((x) => x.sendMs)))} / ${ms(medianOfFinite(r.relay.map((x) => x.saveMs)))} | | | |`,
    '',
    ...(r.relayBig
      ? [
          `Supplementary (1 run, configuration only): the relay with **RELAY_BATCH_SIZE=${r.relayBig.batchSize}** published ` +
            `**${int(r.relayBig.relayPerSecond)} events/s** (raw producer with batches of 500 in the same run: ${int(r.relayBig.rawPerSecond)}/s, ` +
            `ratio ${(r.relayBig.relayPerSecond / r.relayBig.rawPerSecond).toFixed(2)}); CPU per event ${cpuCells(r.relayBig.cpu)}.`,
          '',
        ]
      : []),
    '## How to reproduce',
    '',
    '```sh',
    'export PATH=$PWD/node_modules/.bin:$PATH   # from the repository root',
    'tools/stack/stack up          # PostgreSQL 55432, Kafka 59092 (and FerretDB, whose patched build this uses)',
    '# creates and migrates ledgerline_readbench (the ledgerline role has CREATEDB), runs its own FerretDB',
    '# (~/.cache/ledgerline/ferretdb/v1.24.2-ledgerline-p2, or BENCH_FERRETDB_BIN) on a free port over its own',
    '# PostgreSQL database ledgerline_readbench_fdb, and drops both databases and its topics at the end',
    'node -r @swc-node/register tools/bench/read-path.ts           # 3.5-5 min; BENCH_SCALE=0.2 for a smoke run (~1.5 min)',
    '# against a running server instead: BENCH_MONGODB_URL=mongodb://127.0.0.1:57017 (backend: BENCH_FERRETDB_PG_URL)',
    '```',
    '',
    'It starts command-service (3200), query-service (3201) and relays (3202) from source, or the next free ports, and ' +
      'stops them at the end. Topics are prefixed `readbench-<run>.`, the consumer group and Mongo database are ' +
      '`readbench-<run>` / `readbench_<run>`. Raw figures: `/tmp/ledgerline-read-path.json`.',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function dropDatabase(url: string): Promise<void> {
  const maintenance = new Client({ connectionString: withDatabase(url, 'postgres') });
  await maintenance.connect();
  try {
    await maintenance.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
  } finally {
    await maintenance.end();
  }
}

async function pingMongo(url: string): Promise<string> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000, socketTimeoutMS: 5_000 });
  try {
    await client.connect();
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = (info['ferretdbVersion'] as string | undefined) ?? undefined;
    return ferret ? `FerretDB ${ferret}` : `MongoDB ${String(info['version'])}`;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const began = now();
  const database = databaseName(DATABASE_URL);
  if (!database.includes('readbench'))
    throw new Error(
      `refusing to use ${database}: the benchmark drops it at the end; use a *readbench* database`,
    );
  const loadAvg: Record<string, string> = { start: loadavg() };
  log(
    `read-path benchmark ${RUN_ID} against ${database}; load average at start ${loadAvg['start']}`,
  );

  // Run in this order at the end: while the servers still run, then connections, then databases.
  const whileUp: Array<() => Promise<unknown>> = [];
  const connections: Array<() => Promise<unknown>> = [];
  const databases: Array<() => Promise<unknown>> = [];
  const watchdog = exitOnLimitOrSignal(HARD_LIMIT_MS, killAll);

  let ferret: ServiceProcess | undefined;
  let view: Watcher | undefined;
  let tap: Watcher | undefined;
  const services: { command?: ServiceProcess; relay?: ServiceProcess; query?: ServiceProcess } = {};
  try {
    // Event store
    await ensureDatabase(DATABASE_URL);
    if (!KEEP) databases.push(() => dropDatabase(DATABASE_URL));
    await migrateEventStore(DATABASE_URL, 'readbench-admin');
    const admin = new Client({
      connectionString: DATABASE_URL,
      application_name: 'readbench-admin',
    });
    await admin.connect();
    connections.push(() => admin.end());
    await admin.query(`TRUNCATE events, snapshots, idempotency_keys, streams, relay_checkpoints`);
    const pgVersion = (await admin.query<{ v: string }>(`SELECT version() AS v`)).rows[0]!.v.split(
      ' on ',
    )[0]!;

    // Views store: a private FerretDB (default) or a given server
    let mongoUrl = process.env['BENCH_MONGODB_URL'];
    let backendUrl =
      process.env['BENCH_FERRETDB_PG_URL'] ??
      `postgres://ledgerline:ledgerline@${PG_HOST}/ferretdb`;
    let how: string;
    if (!mongoUrl) {
      const bin =
        process.env['BENCH_FERRETDB_BIN'] ??
        (fs.existsSync(STACK_PATCHED_FERRETDB) ? STACK_PATCHED_FERRETDB : undefined);
      if (!bin)
        throw new Error(
          'no FerretDB binary: run `tools/stack/stack up ferretdb` (builds the patched v1.24.2-ledgerline-p2), ' +
            'set BENCH_FERRETDB_BIN, or point BENCH_MONGODB_URL at a running server',
        );
      backendUrl = withDatabase(DATABASE_URL, `${database}_fdb`);
      await ensureDatabase(backendUrl);
      const url = backendUrl;
      if (!KEEP) databases.unshift(() => dropDatabase(url));
      const port = await freePort(57117);
      const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readbench-ferretdb-'));
      databases.push(async () => fs.rmSync(stateDir, { recursive: true, force: true }));
      ferret = spawnProcess(
        'ferretdb',
        bin,
        [
          '--handler=postgresql',
          `--listen-addr=127.0.0.1:${port}`,
          `--state-dir=${stateDir}`,
          '--telemetry=disable',
          '--test-telemetry-url=http://127.0.0.1:9/',
          '--debug-addr=-',
          '--log-level=warn',
        ],
        { ...process.env, FERRETDB_POSTGRESQL_URL: backendUrl, DO_NOT_TRACK: '1' },
        port,
      );
      await waitFor('FerretDB to listen', () => portOpen(port), 30_000, 100);
      mongoUrl = `mongodb://127.0.0.1:${port}`;
      how = `a private instance started by the benchmark (\`${bin.replace(os.homedir(), '~')}\`, port ${port}) over its own PostgreSQL database \`${databaseName(backendUrl)}\` in the stack's cluster`;
    } else {
      how = `the running server at ${mongoUrl}, backend \`${databaseName(backendUrl)}\``;
    }
    let mongoVersion: string;
    try {
      mongoVersion = await pingMongo(mongoUrl);
    } catch (error) {
      throw new Error(
        `${mongoUrl} does not answer (${String(error)}). A FerretDB 1.24.2 without the ledgerline patches hangs for good ` +
          'once one update command matches 50 documents (see tools/stack/ferretdb.sh); restart it with the patched build.',
      );
    }
    log(`views store: ${mongoVersion} at ${mongoUrl}`);
    const mongo = new MongoClient(mongoUrl, { maxPoolSize: 20, serverSelectionTimeoutMS: 5_000 });
    await mongo.connect();
    connections.push(() => mongo.close());
    const db = mongo.db(MONGO_DB);
    if (!KEEP) whileUp.push(() => db.dropDatabase());
    const backend = new Client({
      connectionString: backendUrl,
      application_name: 'readbench-admin',
    });
    await backend.connect();
    connections.push(() => backend.end());

    // Kafka
    const kafka = new Kafka({
      clientId: `readbench-${RUN_ID}`,
      brokers: KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 100, retries: 8 },
    });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    whileUp.push(async () => {
      if (!KEEP) {
        const mine = (await kafkaAdmin.listTopics()).filter((t) =>
          t.startsWith(`readbench-${RUN_ID}`),
        );
        if (mine.length > 0) await kafkaAdmin.deleteTopics({ topics: mine }).catch(() => undefined);
        await kafkaAdmin
          .deleteGroups([`readbench-${RUN_ID}`, `readbench-${RUN_ID}-tap`])
          .catch(() => undefined);
      }
      await kafkaAdmin.disconnect();
    });
    await ensureTopics(
      kafka,
      Object.values(TOPICS).map((topic) => ({ topic: `${PREFIX}${topic}`, partitions: 6 })),
    );

    const results: Partial<Results> = {
      date: new Date().toISOString(),
      loadAvg,
      machine: machineFacts({
        describeChanges: () => ' (working tree has uncommitted changes)',
      }),
      versions: {
        node: process.version,
        kafka: kafkaVersion(),
        ...packageVersions([
          'kafkajs',
          'mongodb',
          'pg',
          'typeorm',
          '@nestjs/core',
          '@nestjs/microservices',
          '@swc-node/register',
        ]),
      },
      postgres: pgVersion,
      mongo: { url: mongoUrl, how, version: mongoVersion },
    };

    // Services
    const groupId = `readbench-${RUN_ID}`;
    const [commandPort, queryPort, relayPort] = [
      await freePort(3200),
      await freePort(3201),
      await freePort(3202),
    ];
    log('starting command-service, outbox-relay and query-service from source');
    const [command, relay, query] = await Promise.all([
      startService('command-service', 'apps/command-service/src/main.ts', commandPort, {
        DATABASE_URL,
        RATE_LIMIT_PER_MINUTE: '100000000',
      }),
      startService('outbox-relay', 'apps/command-service/src/relay.ts', relayPort, {
        DATABASE_URL,
        RELAY_NAME: groupId,
        KAFKA_TOPIC_PREFIX: PREFIX,
      }),
      startService('query-service', 'apps/query-service/src/main.ts', queryPort, {
        MONGODB_URL: mongoUrl,
        MONGODB_DATABASE: MONGO_DB,
        KAFKA_CONSUMER_GROUP: groupId,
        KAFKA_TOPIC_PREFIX: PREFIX,
        CONSISTENCY_TIMEOUT_MS: '30000',
      }),
    ]);
    Object.assign(services, { command, relay, query });
    log(`  command-service :${commandPort}, relay :${relayPort}, query-service :${queryPort}`);
    const tables = {
      accounts: await requireBackingTable(backend, MONGO_DB, ACCOUNTS_COLLECTION),
      transactions: await requireBackingTable(backend, MONGO_DB, TRANSACTIONS_COLLECTION),
      portfolio: await requireBackingTable(backend, MONGO_DB, PORTFOLIO_ENTRIES_COLLECTION),
    };
    view = viewPoller(backendUrl, tables.accounts);
    tap = new Watcher(TAP_SOURCE, {
      groupId: `${groupId}-tap`,
      brokers: KAFKA_BROKERS.split(','),
      topic: `${PREFIX}${TOPICS.accounts}`,
    });
    const tapRef = tap;
    await waitFor('the Kafka tap to join its group', () => tapRef.joined, 60_000, 50);
    const token = await tellerToken(TENANT);
    const ctx: Context = {
      admin,
      backend,
      backendDb: databaseName(backendUrl),
      mongo,
      db,
      kafka,
      kafkaAdmin,
      kafkaPid: readPid('.stack/kafka/kafka.pid'),
      ferretPid: ferret?.child.pid,
      view,
      tap,
      tables,
      token,
      topic: `${PREFIX}${TOPICS.accounts}`,
      groupId,
      deadLetterTopic: `${PREFIX}${TOPICS.deadLetter}`,
    };

    // (a) freshness, after a short unrecorded warm-up of every process on the path
    const warm = await freshnessRun(ctx, { command, relay, query }, FRESH.rates[0]!, s(3));
    log(`(a) warm-up: ${int(warm.completed)} deposits, freshness p50 ${ms(warm.freshP50)} ms`);
    loadAvg['before (a)'] = loadavg();
    results.fresh = [];
    for (const rate of FRESH.rates) {
      const row: Results['fresh'][number] = { rate, runs: [] };
      results.fresh.push(row);
      for (let run = 0; run < RUNS; run++) {
        const outcome = await freshnessRun(ctx, { command, relay, query }, rate);
        row.runs.push(outcome);
        log(
          `(a) ${rate}/s run ${run + 1}: completed ${int(outcome.achieved)}/s, dropped ${outcome.dropped}, errors ${outcome.errors}, ` +
            `command p50 ${ms(outcome.commandP50)} ms; freshness p50 ${ms(outcome.freshP50)} ms, p99 ${ms(outcome.freshP99)} ms, ` +
            `not visible ${outcome.notVisible}, drain ${int(outcome.drainMs)} ms; GraphQL p50 ${ms(outcome.graphql.p50)} ms (n ${outcome.graphql.count}); ` +
            `machine ${pct(outcome.cpu.machineBusy)} busy`,
        );
        if (outcome.notVisible > 0) {
          row.skipped = `remaining runs skipped: ${int(outcome.notVisible)} commands were still not visible ${FRESH.drainCapMs / 1000} s after the last response`;
          break;
        }
      }
    }
    for (const [what, watcher] of [
      ['poller', view],
      ['tap', tap],
    ] as const)
      if (watcher.errors.length > 0)
        log(`${what} errors: ${watcher.errors.slice(0, 3).join(' | ')}`);
    await tap.stop();
    tap = undefined;
    delete ctx.tap;
    await Promise.all([stopProcess(command), stopProcess(relay)]);
    delete services.command;
    delete services.relay;

    // (b) apply rate, with the same query-service (its consumer now idle and caught up)
    loadAvg['before (b)'] = loadavg();
    results.apply = [];
    for (let run = 0; run < RUNS; run++) {
      const previous = results.apply.at(-1);
      const outcome = await applyRun(
        ctx,
        query,
        run,
        previous
          ? Math.max(1, Math.round(medianOfFinite(previous.batches)))
          : Math.round(APPLY.deposits / 6),
      );
      results.apply.push(outcome);
      log(
        `(b) run ${run + 1}: ${int(outcome.events)} deposits applied in ${int(outcome.totalMs)} ms = ${int(outcome.applyPerSecond)}/s ` +
          `(batches n ${outcome.batches.length}, median ${int(medianOfFinite(outcome.batches))}); raw upserts batch ${outcome.rawBatch} x${APPLY.rawConcurrency}: ` +
          `${int(outcome.rawPerSecond)}/s (bulkWrite p50 ${int(medianOfFinite(outcome.rawBulkMs))} ms); ratio ${(outcome.applyPerSecond / outcome.rawPerSecond).toFixed(2)}`,
      );
    }
    await view.stop();
    view = undefined;
    await stopProcess(query);
    delete services.query;

    // (b') and (b''): the projectors' split and the store's cost curve, with nothing else writing
    loadAvg["before (b')"] = loadavg();
    const splitBatch = Math.max(
      1,
      Math.round(medianOfFinite(results.apply.flatMap((x) => x.batches))),
    );
    results.split = await projectorSplit(ctx, mongoUrl, splitBatch);
    log(
      `(b') per batch of ${splitBatch}: ${Object.entries(results.split.perBatch)
        .map(([k, v]) => `${k} ${ms(v)} ms`)
        .join(', ')}`,
    );
    results.store = await storeExperiments(ctx);
    for (const p of results.store.probes)
      log(
        `(b'') ${int(p.size)} docs: upsert ${ms(p.upsertMs, 2)} ms, findOne ${ms(p.findOneMs, 2)} ms, $in(33) ${ms(p.inLoadMs)} ms, ` +
          `bulk upserts ${int(p.bulkUpsertPerSecond)}/s, insertMany ${int(p.insertManyPerSecond)}/s`,
      );
    log(
      `(b'') GIN index on _id: bulk upserts ${int(results.store.gin.before)} -> ${int(results.store.gin.after)}/s, ` +
        `findOne ${ms(results.store.gin.findOneBefore, 2)} -> ${ms(results.store.gin.findOneAfter, 2)} ms`,
    );

    // (c) relay
    loadAvg['before (c)'] = loadavg();
    results.relay = [];
    for (let run = 0; run < RUNS; run++) {
      const outcome = await relayRun(ctx, run);
      results.relay.push(outcome);
      log(
        `(c) run ${run + 1}: relay ${int(outcome.relayPerSecond)} events/s (wall from spawn ${int(outcome.wallFromSpawnMs)} ms), ` +
          `raw ${int(outcome.rawPerSecond)}/s, ratio ${(outcome.relayPerSecond / outcome.rawPerSecond).toFixed(2)}; per batch read ${ms(outcome.readMs)} / ` +
          `map ${ms(outcome.mapMs)} / send ${ms(outcome.sendMs)} / save ${ms(outcome.saveMs)} ms`,
      );
    }

    results.relayBig = await relayRun(ctx, RUNS, RELAY.bigBatch);
    log(
      `(c') RELAY_BATCH_SIZE=${RELAY.bigBatch}: relay ${int(results.relayBig.relayPerSecond)} events/s, raw (500) ${int(results.relayBig.rawPerSecond)}/s`,
    );

    const complete = results as Results;
    await finishRun(complete, {
      durationSeconds: (now() - began) / 1000,
      name: 'ledgerline-read-path',
      output: OUTPUT,
      render,
    });
    const h = headline(complete);
    log('');
    log(
      `freshness at ${TARGETS.atRate}/s: completed ${int(h.achieved)}/s${h.sustained ? '' : ' (NOT sustained)'}, p50 ${ms(h.p50)} ms, p99 ${ms(h.p99)} ms ` +
        `(target p50 ≤ ${TARGETS.freshP50Ms}, p99 ≤ ${TARGETS.freshP99Ms}: ${h.freshMet ? 'met' : 'NOT met'})`,
    );
    log(
      `apply / raw = ${h.applyRatio.toFixed(2)} (target ≥ ${TARGETS.applyRatio}: ${h.applyMet ? 'met' : 'NOT met'})`,
    );
    log(
      `relay / raw = ${h.relayRatio.toFixed(2)} (target ≥ ${TARGETS.relayRatio}: ${h.relayMet ? 'met' : 'NOT met'})`,
    );
    log(`wrote ${path.relative(REPO_ROOT, OUTPUT)} in ${Math.round(complete.durationSeconds)} s`);
  } finally {
    clearTimeout(watchdog);
    await view?.stop().catch(() => undefined);
    await tap?.stop().catch(() => undefined);
    await Promise.all(Object.values(services).map((proc) => stopProcess(proc)));
    for (const cleanup of [...whileUp, ...connections])
      await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    await stopProcess(ferret);
    for (const cleanup of databases)
      await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    killAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `read-path benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
