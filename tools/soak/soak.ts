// @ledgerline/platform's config classes need decorator metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_JWT_SECRET, mintDevelopmentToken } from '@ledgerline/platform';
import { PrivateStack, seededRandom } from '@ledgerline/testing';
import pg from 'pg';
import { postCommand } from './lib/api';
import { runChecks, type Evidence, type OpenedAccount } from './lib/checks';
import { faultSchedule, injectFault, type FaultRecord } from './lib/faults';
import { formatMinor, LoadGenerator } from './lib/load';
import { readStore, readViews } from './lib/observed';
import { parseSoakOptions, USAGE, type SoakOptions } from './lib/options';
import { renderReport, writeIntoDocument } from './lib/report';
import { selfTest, type PlantResult } from './lib/self-test';
import { Services } from './lib/services';

const REPO = path.resolve(__dirname, '../..');
const TARGETS = { graphqlMs: 5_000, visibleMs: 15_000 };
const WARMUP_MS = 8_000;
const CATCH_UP_TIMEOUT_MS = 120_000;
const VIEWS_DATABASE = 'soak_views';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => process.stdout.write(`[soak] ${line}\n`);

interface SoakRun {
  readonly options: SoakOptions;
  readonly stack: PrivateStack;
  readonly services: Services;
  readonly startedAt: Date;
  /** Milliseconds since the run started. */
  readonly since: () => number;
  readonly random: () => number;
}

async function soak(options: SoakOptions): Promise<boolean> {
  const startedAt = new Date();
  const since = () => Date.now() - startedAt.getTime();
  // Fixed ports and directory (not the testing default of free ports and a new directory), so a
  // run left behind by an interrupted soak is found, stopped and wiped by the next one.
  const stack = await PrivateStack.create('soak', {
    directory: path.join(REPO, `.stack-soak-${options.portBase}`),
    ports: {
      postgres: options.portBase,
      kafka: options.portBase + 1,
      kafkaController: options.portBase + 2,
      ferretdb: options.portBase + 3,
    },
  });
  say(`private stack in ${stack.directory} (ports from ${options.portBase}), wiped and started`);
  await stack.fresh();
  try {
    await Services.migrate(stack.connection('ledgerline'));
    const services = createServices(stack, since);
    try {
      return await drive({
        options,
        stack,
        services,
        startedAt,
        since,
        random: seededRandom(options.seed),
      });
    } finally {
      await services.stopAll();
    }
  } finally {
    if (!options.keepStack) await stack.down().catch(() => undefined);
  }
}

function createServices(stack: PrivateStack, since: () => number): Services {
  const logs = path.join(stack.directory, 'service-logs');
  fs.mkdirSync(logs, { recursive: true });
  const connection = stack.connection('ledgerline');
  const topics = { KAFKA_TOPIC_PREFIX: 'soak.' };
  return new Services(
    {
      'command-service': { ...connection, RATE_LIMIT_PER_MINUTE: '100000000' },
      relay: { ...connection, ...topics, RELAY_NAME: 'soak' },
      'query-service': {
        ...connection,
        ...topics,
        MONGODB_DATABASE: VIEWS_DATABASE,
        KAFKA_CONSUMER_GROUP: 'soak-views',
      },
    },
    logs,
    since,
  );
}

async function drive({
  options,
  stack,
  services,
  startedAt,
  since,
  random,
}: SoakRun): Promise<boolean> {
  const connection = stack.connection('ledgerline');
  await services.startAll();
  say(`services up (logs in ${path.join(stack.directory, 'service-logs')})`);

  const tenantId = `soak-${randomUUID().slice(0, 8)}`;
  const secret = process.env['JWT_SECRET'] ?? DEVELOPMENT_JWT_SECRET;
  const token = await mintDevelopmentToken(secret, {
    sub: 'soak',
    tenant: tenantId,
    roles: ['teller'],
    expiresIn: '2h',
  });
  const accounts = await openAccounts(services.url('command-service'), token, options.accounts + 1);
  const [probe, ...loaded] = accounts;
  if (!probe) throw new Error('no account opened');
  const load = new LoadGenerator({
    workers: options.workers,
    accountIds: loaded.map((account) => account.id),
    token,
    commandUrl: () => services.url('command-service'),
    random,
  });
  load.start();
  say(`${options.workers} clients on ${loaded.length} accounts; faults from ${WARMUP_MS / 1000} s`);

  const schedule = faultSchedule(options.faults, options.rounds, random);
  const spacing = (options.durationSeconds * 1000 - WARMUP_MS) / schedule.length;
  const faults: FaultRecord[] = [];
  for (const [index, component] of schedule.entries()) {
    const due = WARMUP_MS + index * spacing;
    if (since() < due) await pause(due - since());
    const fault = await injectFault(component, {
      stack,
      services,
      load,
      token,
      probeAccountId: probe.id,
      since,
    });
    faults.push(fault);
    say(
      `${(fault.atMs / 1000).toFixed(0)} s: killed ${component} (${fault.inFlight} in flight), back in ${fault.restartMs} ms; ` +
        `GraphQL ${fault.graphqlMs ?? '-'} ms, command ${fault.commandMs ?? '-'} ms, visible ${fault.visibleMs ?? '-'} ms`,
    );
  }
  if (since() < options.durationSeconds * 1000)
    await pause(options.durationSeconds * 1000 - since());
  await load.stop();
  const durationSeconds = since() / 1000;
  say(
    `load stopped after ${durationSeconds.toFixed(0)} s: ${load.sent.length} commands, ${load.retries} retries; waiting for the views`,
  );

  await waitForViews(connection.DATABASE_URL, connection.MONGODB_URL, tenantId);
  const evidence: Evidence = {
    accounts,
    sent: load.sent,
    store: await readStore(connection.DATABASE_URL, tenantId),
    views: await readViews(connection.MONGODB_URL, VIEWS_DATABASE, tenantId),
    faults,
    exits: services.unexpectedExits,
  };
  const checks = runChecks(evidence);
  // Nothing may write while the self-test plants and reads its violations.
  await services.stopAll();

  let plants: PlantResult[] | null = null;
  if (options.selfTest) {
    say('self-test: planting violations');
    plants = await selfTest(evidence, {
      databaseUrl: connection.DATABASE_URL,
      mongoUrl: connection.MONGODB_URL,
      mongoDatabase: VIEWS_DATABASE,
      tenantId,
    });
  }

  const report = renderReport({
    profile:
      options.profile === 'full' ? `full, ${options.rounds} kills of each component` : 'short',
    startedAt,
    durationSeconds,
    sent: load.sent,
    retries: load.retries,
    faults,
    checks,
    selfTest: plants,
    targets: TARGETS,
  });
  process.stdout.write(`\n${report}\n\n`);
  if (options.writeDocs) {
    await writeIntoDocument(path.join(REPO, 'docs/reliability.md'), report);
    say('report written into docs/reliability.md');
  }
  const failedChecks = checks.filter((check) => check.violations.length > 0 || check.checked === 0);
  const missedPlants = (plants ?? []).filter((plant) => !plant.detected);
  for (const check of failedChecks)
    say(
      `FAILED: ${check.name} (${check.violations.length} violations, looked at ${check.checked})`,
    );
  for (const plant of missedPlants)
    say(`SELF-TEST FAILED: "${plant.plant}" was not caught by "${plant.expectedCheck}"`);
  return failedChecks.length === 0 && missedPlants.length === 0;
}

/** Opens the accounts through the API: a few keep the default daily limit, so that rule is exercised. */
async function openAccounts(
  commandUrl: string,
  token: string,
  count: number,
): Promise<OpenedAccount[]> {
  const accounts: OpenedAccount[] = [];
  for (let index = 0; index < count; index++) {
    const account: OpenedAccount = {
      id: randomUUID(),
      ownerId: `owner-${index % 5}`,
      overdraftLimit: 10_000n,
      dailyWithdrawalLimit: index % 4 === 0 ? 150_000n : 100_000_000n,
    };
    const answer = await postCommand(
      commandUrl,
      token,
      '/accounts',
      {
        accountId: account.id,
        ownerId: account.ownerId,
        currency: 'EUR',
        overdraftLimit: formatMinor(account.overdraftLimit),
        dailyWithdrawalLimit: formatMinor(account.dailyWithdrawalLimit),
      },
      randomUUID(),
    );
    if (answer.status !== 201)
      throw new Error(`opening an account answered ${answer.status} (${answer.problemType})`);
    accounts.push(account);
  }
  return accounts;
}

/** Until every account's view has the store's version (the projection has caught up). */
async function waitForViews(
  databaseUrl: string,
  mongoUrl: string,
  tenantId: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ stream_id: string; version: number }>(
        'SELECT stream_id, version FROM streams WHERE tenant_id = $1',
        [tenantId],
      );
      const views = await readViews(mongoUrl, VIEWS_DATABASE, tenantId);
      const viewed = new Map(views.accounts.map((doc) => [doc._id, doc.version]));
      const behind = rows.filter((row) => viewed.get(row.stream_id) !== row.version).length;
      if (behind === 0) return;
      await pause(500);
    }
    say(
      `the views did not catch up within ${CATCH_UP_TIMEOUT_MS / 1000} s; checking what is there`,
    );
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let options: SoakOptions | 'help';
  try {
    options = parseSoakOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`soak: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const ok = await soak(options);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
