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
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client, Pool, type PoolClient } from 'pg';
import { createEventStoreDataSource, PostgresEventStore } from '@ledgerline/event-store';

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

const RAW_SQL = `
  WITH claimed AS (
    UPDATE streams SET version = version + 1, updated_at = now()
    WHERE stream_id = $1 AND version = $2 RETURNING version)
  INSERT INTO events (tenant_id, stream_id, stream_type, stream_version, event_id, type,
                      schema_version, data, metadata, occurred_at)
  SELECT 'bench-variants', $1, 'bench-variants', claimed.version, $3, 'account.money-deposited', 1, $4, $5, $6
  FROM claimed
  RETURNING position`;

const cpuMs = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function event(streamId: string, version: number) {
  return {
    eventId: randomUUID(),
    type: 'account.money-deposited',
    schemaVersion: 1,
    data: {
      accountId: streamId,
      amount: '100',
      currency: 'EUR',
      reference: null,
      balanceAfter: String(version * 100),
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID() },
    occurredAt: new Date().toISOString(),
  };
}

type AppendFn = (worker: number, streamId: string, version: number) => Promise<void>;

async function measure(
  admin: Client,
  streams: string[],
  versions: Map<string, number>,
  append: AppendFn,
) {
  let stop = false;
  let measuring = false;
  let count = 0;
  const worker = async (index: number) => {
    const mine = streams.filter((_, i) => i % CONCURRENCY === index);
    for (let i = 0; !stop; i++) {
      const streamId = mine[i % mine.length]!;
      const version = versions.get(streamId)!;
      await append(index, streamId, version);
      versions.set(streamId, version + 1);
      if (measuring) count++;
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, (_, i) => worker(i));
  await sleep(1000);
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const pgBefore = rows.reduce((sum, row) => sum + cpuMs(row.pid), 0);
  const nodeBefore = process.cpuUsage();
  measuring = true;
  const started = performance.now();
  await sleep(SECONDS * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const measured = count;
  const pg = rows.reduce((sum, row) => sum + cpuMs(row.pid), 0) - pgBefore;
  const node = process.cpuUsage(nodeBefore);
  stop = true;
  await Promise.all(workers);
  return {
    perSecond: measured / elapsed,
    pgUsPerAppend: (pg * 1000) / measured,
    nodeUsPerAppend: (node.user + node.system) / measured,
  };
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const database = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!
    .db;
  if (!database.endsWith('_bench')) throw new Error('run against a *_bench database');
  const prefix = `variants-${Date.now()}`;
  const streams = Array.from({ length: STREAMS }, (_, i) => `${prefix}-${i}`);
  await admin.query(
    `INSERT INTO streams (stream_id, tenant_id, stream_type, version)
     SELECT id, 'bench-variants', 'bench-variants', 0 FROM unnest($1::text[]) AS id`,
    [streams],
  );
  const versions = new Map(streams.map((id) => [id, 0]));

  const pool = new Pool({ connectionString: DATABASE_URL, max: CONCURRENCY });
  const clients: PoolClient[] = await Promise.all(
    Array.from({ length: CONCURRENCY }, () => pool.connect()),
  );
  const productValues = (streamId: string, version: number) => {
    const e = event(streamId, version + 1);
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
  const dataSource = createEventStoreDataSource({
    url: DATABASE_URL,
    poolSize: 20,
    applicationName: 'bench-variants',
  });
  await dataSource.initialize();
  const store = new PostgresEventStore(dataSource);

  const variants: Array<[string, AppendFn]> = [
    [
      '1. raw CTE, prepared (ceiling)',
      async (w, streamId, version) => {
        const e = event(streamId, version + 1);
        await clients[w]!.query({
          name: 'variant_raw',
          text: RAW_SQL,
          values: [
            streamId,
            version,
            e.eventId,
            JSON.stringify(e.data),
            JSON.stringify(e.metadata),
            e.occurredAt,
          ],
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
          events: [event(streamId, version + 1)],
        });
      },
    ],
  ];
  process.stdout.write(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}\n`,
  );
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
