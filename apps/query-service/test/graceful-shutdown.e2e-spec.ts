import { randomUUID } from 'node:crypto';
import { startService, uniqueName, type RunningService } from '@ledgerline/testing';
import { token } from './support/graphql-client';
import { PipelineClient } from './support/pipeline-client';

const COMMAND_SERVICE = 'apps/command-service/src/main.ts';
const RELAY = 'apps/command-service/src/relay.ts';
const QUERY_SERVICE = 'apps/query-service/src/main.ts';
const WRITERS = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM, the way Kubernetes stops a pod, sent to every process while deposits keep arriving:
 * each one must finish what it accepted (requests in flight answered, the relay's batch
 * checkpointed, the consumer's batch committed) before it exits. A deposit appended twice, or
 * projected twice, or lost between store and view, breaks the equalities below.
 */
describe('graceful shutdown on SIGTERM under load (all processes, real servers)', () => {
  const relayEnv = {
    KAFKA_TOPIC_PREFIX: `${uniqueName('shutdown')}.`,
    RELAY_NAME: uniqueName('relay'),
    RELAY_START_FROM: 'latest',
  };
  const queryEnv = {
    KAFKA_TOPIC_PREFIX: relayEnv.KAFKA_TOPIC_PREFIX,
    KAFKA_CONSUMER_GROUP: uniqueName('views'),
    MONGODB_DATABASE: uniqueName('views').replace(/-/g, '_'),
    CONSISTENCY_TIMEOUT_MS: '15000',
  };
  let services: RunningService[] = [];

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  async function startAll(): Promise<[RunningService, RunningService, RunningService]> {
    const started = await Promise.all([
      // Four writers at full speed would trip the per-client rate limit, which is not under test.
      startService(COMMAND_SERVICE, { RATE_LIMIT_PER_MINUTE: '1000000' }),
      startService(RELAY, relayEnv),
      startService(QUERY_SERVICE, queryEnv),
    ]);
    services = started;
    return started;
  }

  it('answers, publishes and projects every accepted deposit exactly once', async () => {
    let [commands, , query] = await startAll();
    const client = new PipelineClient(
      await token('teller-1', `shutdown-${randomUUID()}`, ['teller']),
      commands.url,
      query.url,
    );
    const ids = Array.from({ length: WRITERS }, () => randomUUID());
    for (const id of ids) expect((await client.openAccount(id, 'carol')).status).toBe(201);

    const accepted = new Map<string, number>(ids.map((id) => [id, 0]));
    let writing = true;
    // Applied by a server that then closed the connection without answering: what a graceful
    // shutdown must never do. A retry with the same key reveals it (the stored response, replayed).
    let appliedButUnanswered = 0;
    // One writer per account, each deposit with its own Idempotency-Key, retried with that key
    // after a network error until it is answered: a request can race the server closing an idle
    // keep-alive connection (then it was never applied). Every deposit started ends with exactly
    // one 201, and the balance must equal their number.
    const writers = ids.map(async (id) => {
      while (writing) {
        const key = randomUUID();
        for (;;) {
          try {
            const result = await client.command(
              `/accounts/${id}/deposits`,
              { amount: '1.00' },
              key,
            );
            if (result.status !== 201) throw new Error(`deposit answered ${result.status}`);
            if (result.replayed) appliedButUnanswered++;
            accepted.set(id, accepted.get(id)! + 1);
            break;
          } catch (error) {
            // fetch reports every network failure (refused, reset, closed) as "fetch failed"
            // (a TypeError of another realm than Jest's, so not `instanceof`); any other error,
            // a 5xx included, fails the test.
            if ((error as Error).message !== 'fetch failed') throw error;
            await pause(50);
          }
        }
      }
    });

    await pause(2_000);
    const exits = await Promise.all(services.map((service) => service.stop('SIGTERM')));
    [commands, , query] = await startAll();
    client.commandUrl = commands.url;
    client.queryUrl = query.url;
    await pause(2_000);
    writing = false;
    await Promise.all(writers);

    // Nest re-raises SIGTERM after its shutdown hooks, so a clean exit is "killed by SIGTERM".
    expect(exits).toEqual([null, null, null]);
    expect(appliedButUnanswered).toBe(0);
    const total = [...accepted.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(20);
    for (const id of ids) {
      const deposits = accepted.get(id)!;
      expect(await client.account(id, deposits + 1)).toEqual({
        balance: `${deposits}.00`,
        version: deposits + 1,
      });
      const movements = await client.allTransactionIds(id);
      expect(new Set(movements).size).toBe(deposits);
      expect(movements).toHaveLength(deposits);
    }
    expect(await client.portfolioTotals('carol')).toEqual([
      { currency: 'EUR', balance: `${total}.00` },
    ]);
  });
});
