import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { mintDevelopmentToken } from '@ledgerline/platform';
import { integrationEnvironment, uniqueName } from '@ledgerline/testing';
import { run, workspaceRoot } from './support/deploy-tools';

/**
 * The production build (tools/build/build.mjs), run the way the image runs it: plain `node` on
 * dist/ with NODE_ENV=production, no SWC. Every entry starts against the real stack, a command
 * travels through relay and consumer to GraphQL, and each process drains on SIGTERM in time.
 */
interface Started {
  url: string;
  child: ChildProcess;
  output: () => string;
}

const GRACE_MS = 30_000; // the smallest terminationGracePeriodSeconds in k8s/base
const secret = randomBytes(24).toString('hex');
const env = integrationEnvironment();
const prefix = `${uniqueName('dist')}.`;
const shared = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  JWT_SECRET: secret,
  DATABASE_URL: env.databaseUrl,
  KAFKA_BROKERS: env.kafkaBrokers.join(','),
  KAFKA_TOPIC_PREFIX: prefix,
};

let out: string;
const started: Started[] = [];

function entry(relative: string) {
  return path.join(out, 'dist', relative);
}

/** Runs `node <entry>` and resolves once it logs the URL it listens on. */
function start(file: string, extra: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--enable-source-maps', entry(file)], {
    cwd: workspaceRoot,
    env: { PATH: process.env['PATH'] ?? '', ...shared, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        const service = { url: match[1], child, output: () => output };
        started.push(service);
        resolve(service);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}:\n${output}`)));
  });
}

async function ready(service: Started): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const response = await fetch(`${service.url}/health/ready`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${service.url} never became ready:\n${service.output()}`);
}

/**
 * SIGTERM, then how the process ended and when; SIGKILL after the grace period. Nest's shutdown
 * hooks re-raise the signal once closed, so a clean drain ends by SIGTERM (exit status 143).
 */
function drain(service: Started): Promise<{ ending: string; ms: number }> {
  const begun = Date.now();
  return new Promise((resolve) => {
    const kill = setTimeout(() => service.child.kill('SIGKILL'), GRACE_MS);
    service.child.once('exit', (code, signal) => {
      clearTimeout(kill);
      resolve({ ending: signal ?? `exit ${code}`, ms: Date.now() - begun });
    });
    service.child.kill('SIGTERM');
  });
}

describe('production build (dist/, plain node, NODE_ENV=production)', () => {
  let commands: Started;
  let relay: Started;
  let query: Started;

  beforeAll(async () => {
    mkdirSync(path.join(workspaceRoot, 'tmp'), { recursive: true });
    out = mkdtempSync(path.join(workspaceRoot, 'tmp', 'dist-e2e-'));
    const build = run(process.execPath, ['tools/build/build.mjs', '--out', path.join(out, 'dist')]);
    if (build.status !== 0) throw new Error(build.output);
    const migrate = run(process.execPath, [entry('apps/command-service/src/migrate.js')], {
      env: { PATH: process.env['PATH'] ?? '', ...shared },
    });
    if (migrate.status !== 0) throw new Error(`migrate.js: ${migrate.output}`);
    [commands, relay] = await Promise.all([
      start('apps/command-service/src/main.js', {}),
      start('apps/command-service/src/relay.js', {
        RELAY_NAME: uniqueName('dist-relay'),
        RELAY_START_FROM: 'latest',
        RELAY_IDLE_POLL_MS: '200',
        KAFKA_TOPIC_PARTITIONS: '1',
      }),
    ]);
    query = await start('apps/query-service/src/main.js', {
      MONGODB_URL: env.mongoUrl,
      MONGODB_DATABASE: uniqueName('dist_views').replace(/-/g, '_'),
      KAFKA_CONSUMER_GROUP: uniqueName('dist-views'),
      CONSISTENCY_TIMEOUT_MS: '10000',
    });
  }, 120_000);

  afterAll(async () => {
    for (const service of started)
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('starts every entry and each becomes ready', async () => {
    await Promise.all([commands, relay, query].map(ready));
  });

  it('serves /metrics on the HTTP port of every process', async () => {
    for (const service of [commands, relay, query]) {
      const body = await (await fetch(`${service.url}/metrics`)).text();
      expect(body).toContain('process_cpu_user_seconds_total');
    }
  });

  it('carries a command through the relay and the consumer to GraphQL', async () => {
    const tenant = `dist-${randomUUID()}`;
    const token = await mintDevelopmentToken(secret, { sub: 't', tenant, roles: ['teller'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const id = randomUUID();
    const post = (url: string, body: unknown) =>
      fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(
      (await post(`${commands.url}/accounts`, { accountId: id, ownerId: 'o', currency: 'EUR' }))
        .status,
    ).toBe(201);
    expect(
      (await post(`${commands.url}/accounts/${id}/deposits`, { amount: '12.50' })).status,
    ).toBe(201);
    const response = await post(`${query.url}/graphql`, {
      query: `{ account(id: "${id}", minVersion: 2) { balance version } }`,
    });
    expect(await response.json()).toEqual({ data: { account: { balance: '12.50', version: 2 } } });
  }, 30_000);

  it(
    'drains every process on SIGTERM within the grace period',
    async () => {
      const results = await Promise.all([commands, relay, query].map(drain));
      for (const { ending, ms } of results) {
        expect(['SIGTERM', 'exit 0']).toContain(ending);
        expect(ms).toBeLessThan(GRACE_MS);
      }
    },
    GRACE_MS + 5_000,
  );
});
