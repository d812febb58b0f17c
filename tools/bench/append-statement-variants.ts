/**
 * Attribution helper for docs/benchmarks/write-path.md: where does appendToStream lose against the
 * raw ceiling? Same load (16 concurrent appenders, one event each, distinct streams), four ways:
 *   1. raw CTE, single-row VALUES, named prepared statement (the write-path.ts ceiling)
 *   2. the product's APPEND_SQL (unnest arrays) through node-postgres, unnamed (parsed and planned each time)
 *   3. the product's APPEND_SQL through node-postgres as a named prepared statement
 *   4. PostgresEventStore.appendToStream (TypeORM query runner + APPEND_SQL unnamed)
 * Reports appends/s and PostgreSQL backend CPU per append (from /proc), median of 3 runs of 4 s.
 *
 *   node -r @swc-node/register tools/bench/append-statement-variants.ts   (~1 min, ledgerline_bench)
 */
import 'reflect-metadata';
import { Client, Pool, type PoolClient } from 'pg';
import { PostgresEventStore } from '@ledgerline/event-store';
import { measureClosedLoop, streamsOfWorker } from './lib/closed-loop';
import { createStreams, depositEvent, rawAppendSql, rawAppendValues } from './lib/deposit-append';
import { openEventStore } from './lib/event-store-db';
import { loadavg } from './lib/machine-load';
import { processCpuMs } from './lib/proc-cpu';
import { median } from './lib/stats';

const DATABASE_URL =
  process.env['BENCH_DATABASE_URL'] ??
  'postgres://ledgerline:ledgerline@127.0.0.1:55432/ledgerline_bench';
const CONCURRENCY = 16;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const STREAMS = 1_600;

const PRODUCT_SQL = `
  WITH claimed AS (
    UPDATE streams SET version = version + $5, updated_at = now()
    WHERE stream_id = $1 AND tenant_id = $2 AND version = $4 RETURNING version
  )
  INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                      schema_version, data, metadata, occurred_at)
  SELECT $2, $1, $3, $4 + e.ordinal, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.occurred_at
  FROM claimed,
       unnest($6::uuid[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[], $11::timestamptz[])
         WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, occurred_at, ordinal)
  RETURNING stream_version, position::text AS position`;

const TARGET = { tag: 'bench-variants' };
const RAW_SQL = rawAppendSql(TARGET);

/** A process that has ended reads as 0 ms. */
const cpuMs = (pid: number) => processCpuMs(pid, 0);
/** The deposit that takes a stream from `version` to `version + 1` (100 minor units each). */
const event = (streamId: string, version: number) => depositEvent(streamId, (version + 1) * 100);

type AppendFn = (worker: number, streamId: string, version: number) => Promise<void>;

async function measure(
  admin: Client,
  streams: string[],
  versions: Map<string, number>,
  append: AppendFn,
) {
  let count = 0;
  return measureClosedLoop({
    warmupSeconds: 1,
    seconds: SECONDS,
    workers: (loop) =>
      Array.from({ length: CONCURRENCY }, async (_, index) => {
        const mine = streamsOfWorker(streams, CONCURRENCY, index);
        for (let i = 0; !loop.stopped; i++) {
          const streamId = mine[i % mine.length]!;
          const version = versions.get(streamId)!;
          await append(index, streamId, version);
          versions.set(streamId, version + 1);
          if (loop.measuring) count++;
        }
      }),
    open: async () => {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const pgBefore = rows.reduce((sum, row) => sum + cpuMs(row.pid), 0);
      return { rows, pgBefore, nodeBefore: process.cpuUsage() };
    },
    close: ({ rows, pgBefore, nodeBefore }, elapsed) => {
      const measured = count;
      const pg = rows.reduce((sum, row) => sum + cpuMs(row.pid), 0) - pgBefore;
      const node = process.cpuUsage(nodeBefore);
      return {
        perSecond: measured / elapsed,
        pgUsPerAppend: (pg * 1000) / measured,
        nodeUsPerAppend: (node.user + node.system) / measured,
      };
    },
  });
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const database = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!
    .db;
  if (!database.endsWith('_bench')) throw new Error('run against a *_bench database');
  const prefix = `variants-${Date.now()}`;
  const streams = Array.from({ length: STREAMS }, (_, i) => `${prefix}-${i}`);
  await createStreams(admin, TARGET, streams);
  const versions = new Map(streams.map((id) => [id, 0]));

  const pool = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY });
  const clients: PoolClient[] = await Promise.all(
    Array.from({ length: CONCURRENCY }, () => pool.connect()),
  );
  const productValues = (streamId: string, version: number) => {
    const e = event(streamId, version);
    return [
      streamId,
      'bench-variants',
      'bench-variants',
      version,
      1,
      [e.eventId],
      [e.type],
      [e.schemaVersion],
      [JSON.stringify(e.data)],
      [JSON.stringify(e.metadata)],
      [e.occurredAt],
    ];
  };
  const dataSource = await openEventStore(DATABASE_URL, 'bench-variants', 20);
  const store = new PostgresEventStore(dataSource);

  const variants: Array<[string, AppendFn]> = [
    [
      '1. raw CTE, prepared (ceiling)',
      async (w, streamId, version) => {
        await clients[w]!.query({
          name: 'variant_raw',
          text: RAW_SQL,
          values: rawAppendValues(streamId, version, event(streamId, version)),
        });
      },
    ],
    [
      '2. product APPEND_SQL, pg, unnamed',
      async (w, streamId, version) => {
        await clients[w]!.query(PRODUCT_SQL, productValues(streamId, version));
      },
    ],
    [
      '3. product APPEND_SQL, pg, prepared',
      async (w, streamId, version) => {
        await clients[w]!.query({
          name: 'variant_product',
          text: PRODUCT_SQL,
          values: productValues(streamId, version),
        });
      },
    ],
    [
      '4. PostgresEventStore.appendToStream',
      async (_w, streamId, version) => {
        await store.appendToStream({
          tenantId: 'bench-variants',
          streamId,
          streamType: 'bench-variants',
          expectedVersion: version,
          events: [event(streamId, version)],
        });
      },
    ],
  ];
  process.stdout.write(`load average ${loadavg(' ')}\n`);
  process.stdout.write(
    '| Variant | appends/s (median of 3) | PG CPU µs/append | Node CPU µs/append |\n|---|---|---|---|\n',
  );
  for (const [name, append] of variants) {
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await measure(admin, streams, versions, append));
    process.stdout.write(
      `| ${name} | ${Math.round(median(runs.map((r) => r.perSecond)))} (${runs.map((r) => Math.round(r.perSecond)).join(', ')}) | ` +
        `${Math.round(median(runs.map((r) => r.pgUsPerAppend)))} | ${Math.round(median(runs.map((r) => r.nodeUsPerAppend)))} |\n`,
    );
  }
  clients.forEach((client) => client.release());
  await pool.end();
  await dataSource.destroy();
  await admin.end();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
