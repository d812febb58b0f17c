import { randomUUID } from 'node:crypto';
import { createMongoClient } from '@ledgerline/projections';
import pg from 'pg';
import { runChecks, type Evidence } from './checks';
import { readStore, readViews, VIEW_COLLECTIONS } from './observed';

export interface SelfTestTarget {
  readonly databaseUrl: string;
  readonly mongoUrl: string;
  readonly mongoDatabase: string;
  readonly tenantId: string;
}

export interface PlantResult {
  readonly plant: string;
  readonly expectedCheck: string;
  readonly detected: boolean;
}

type Plant = {
  readonly plant: string;
  readonly expectedCheck: string;
  /** Plants the violation, returns the evidence as the checks then see it. */
  readonly apply: (evidence: Evidence) => Promise<Evidence>;
};

/**
 * Proves the checks can fail: after a clean run, plants one violation at a time for real (a row in
 * the event store inside a transaction that is rolled back, a view document changed and restored,
 * or a lie in the client's ledger) and requires that the check meant to catch it reports it.
 */
export async function selfTest(clean: Evidence, target: SelfTestTarget): Promise<PlantResult[]> {
  const acknowledged = clean.sent.find(
    (command) => command.outcome === 'acknowledged' && command.kind === 'deposit',
  );
  if (!acknowledged)
    throw new Error('self-test needs a run with at least one acknowledged deposit');
  const pgClient = new pg.Client({ connectionString: target.databaseUrl });
  await pgClient.connect();
  const mongo = createMongoClient({ url: target.mongoUrl, database: target.mongoDatabase });
  await mongo.connect();
  const db = mongo.db(target.mongoDatabase);

  /** Runs `sql` in a transaction, reads the store through it, rolls back. */
  const inStore = (sql: string, params: unknown[]) => async (evidence: Evidence) => {
    await pgClient.query('BEGIN');
    try {
      await pgClient.query(sql, params);
      return { ...evidence, store: await readStore(pgClient, target.tenantId) };
    } finally {
      await pgClient.query('ROLLBACK');
    }
  };
  /** Changes one view document, reads the views, restores it. */
  const inView =
    (
      collection: string,
      change: (doc: Record<string, unknown>) => Record<string, unknown> | null,
    ) =>
    async (evidence: Evidence) => {
      const docs = db.collection<Record<string, unknown>>(collection);
      const original = await docs.findOne({ tenantId: target.tenantId });
      if (!original) throw new Error(`self-test found no document in ${collection}`);
      const changed = change(original);
      if (changed) await docs.replaceOne({ _id: original['_id'] as never }, changed);
      else await docs.deleteOne({ _id: original['_id'] as never });
      try {
        return {
          ...evidence,
          views: await readViews(target.mongoUrl, target.mongoDatabase, target.tenantId),
        };
      } finally {
        if (changed) await docs.replaceOne({ _id: original['_id'] as never }, original);
        else await docs.insertOne(original);
      }
    };
  const copyOfMovement = (data: string, type = 'type') => `
    INSERT INTO events (event_id, tenant_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata, occurred_at)
    SELECT $2::uuid, tenant_id, stream_id, stream_type,
           (SELECT max(stream_version) + 1 FROM events WHERE stream_id = $1), ${type}, schema_version, ${data}, metadata, occurred_at
      FROM events WHERE stream_id = $1 AND data->>'reference' = $3`;

  const plants: Plant[] = [
    {
      plant: 'an acknowledged deposit deleted from the store',
      expectedCheck: 'every acknowledged command is in the store',
      apply: inStore(`DELETE FROM events WHERE data->>'reference' = $1`, [acknowledged.key]),
    },
    {
      plant: 'a deposit applied a second time (same key, next version)',
      expectedCheck: 'no Idempotency-Key applied twice',
      apply: inStore(copyOfMovement('data'), [
        acknowledged.accountId,
        randomUUID(),
        acknowledged.key,
      ]),
    },
    {
      plant: 'a deposit nobody sent',
      expectedCheck: 'no event nobody sent',
      apply: inStore(copyOfMovement(`jsonb_set(data, '{reference}', to_jsonb($4::text))`), [
        acknowledged.accountId,
        randomUUID(),
        acknowledged.key,
        'planted',
      ]),
    },
    {
      plant: 'a withdrawal far past the overdraft',
      expectedCheck: 'balances within overdraft, withdrawals within the daily limit',
      apply: inStore(
        copyOfMovement(
          `jsonb_set(jsonb_set(data, '{amount}', '"99999999900"'), '{reference}', to_jsonb($4::text))`,
          `'account.money-withdrawn'`,
        ),
        [acknowledged.accountId, randomUUID(), acknowledged.key, 'planted-overdraft'],
      ),
    },
    {
      plant: 'a movement deleted from the transactions view',
      expectedCheck: 'transactions view equals a fold of the store',
      apply: inView(VIEW_COLLECTIONS.transactions, () => null),
    },
    {
      plant: 'an account balance off by one cent in the accounts view',
      expectedCheck: 'accounts view equals a fold of the store',
      apply: inView(VIEW_COLLECTIONS.accounts, (doc) => ({
        ...doc,
        balance: String(BigInt(String(doc['balance'])) + 1n),
      })),
    },
    {
      plant: 'a portfolio entry one version behind',
      expectedCheck: 'portfolio view equals a fold of the store',
      apply: inView(VIEW_COLLECTIONS.portfolio, (doc) => ({
        ...doc,
        version: Number(doc['version']) - 1,
      })),
    },
    {
      plant: 'the balances of the accounts view one cent richer',
      expectedCheck: 'money conserved: balances = deposits − withdrawals',
      apply: inView(VIEW_COLLECTIONS.accounts, (doc) => ({
        ...doc,
        balance: String(BigInt(String(doc['balance'])) + 1n),
      })),
    },
    {
      plant: 'an applied command recorded as rejected',
      expectedCheck: 'no rejected command applied',
      apply: async (evidence) => ({
        ...evidence,
        sent: evidence.sent.map((command) =>
          command === acknowledged ? { ...command, outcome: 'rejected' as const } : command,
        ),
      }),
    },
    {
      plant: 'a process that exited on its own',
      expectedCheck: 'no process exited on its own',
      apply: async (evidence) => ({
        ...evidence,
        exits: [{ process: 'relay', atMs: 0, code: 1, lastOutput: 'planted' }],
      }),
    },
    {
      plant: 'a fault that never recovered',
      expectedCheck: 'every fault recovered (GraphQL, commands, views)',
      apply: async (evidence) => ({
        ...evidence,
        faults: [
          ...evidence.faults,
          {
            component: 'kafka',
            atMs: 0,
            inFlight: 0,
            restartMs: 0,
            graphqlMs: 1,
            commandMs: null,
            visibleMs: null,
          },
        ],
      }),
    },
  ];

  const results: PlantResult[] = [];
  try {
    for (const plant of plants) {
      const checks = runChecks(await plant.apply(clean));
      const target = checks.find((check) => check.name === plant.expectedCheck);
      if (!target)
        throw new Error(`self-test names a check that does not exist: ${plant.expectedCheck}`);
      results.push({
        plant: plant.plant,
        expectedCheck: plant.expectedCheck,
        detected: target.violations.length > 0,
      });
    }
    // The plants were undone: the clean evidence must still pass, or the self-test broke something.
    const after = {
      ...clean,
      store: await readStore(pgClient, target.tenantId),
      views: await readViews(target.mongoUrl, target.mongoDatabase, target.tenantId),
    };
    const broken = runChecks(after).filter((check) => check.violations.length > 0);
    results.push({
      plant: 'none (after undoing every plant)',
      expectedCheck: 'every check passes again',
      detected: broken.length === 0,
    });
  } finally {
    await pgClient.end();
    await mongo.close();
  }
  return results;
}
