import { randomUUID } from 'node:crypto';
import { STACK_SERVERS, type PrivateStack, type StackServer } from '@ledgerline/testing';
import { viewedVersion } from './api';
import type { LoadGenerator, SentCommand } from './load';
import { PROCESSES, type Process, type Services } from './services';

export type Component = Process | StackServer;
export const COMPONENTS: readonly Component[] = [...PROCESSES, ...STACK_SERVERS];

/** How long after its kill a server is started again (processes restart at once). */
const SERVER_DOWNTIME_MS = 1_000;
/** Recovery probes give up after this: the component is then reported as not recovered. */
const RECOVERY_TIMEOUT_MS = 60_000;

export interface FaultRecord {
  readonly component: Component;
  /** Since the soak started. */
  readonly atMs: number;
  /** Commands waiting for an answer when the kill landed. */
  readonly inFlight: number;
  /** Kill → the component is running again (a process listens, a server answers). */
  readonly restartMs: number;
  /**
   * From the restart (a process: the moment it is started again, so its own start-up counts; a
   * server: the moment it answers again): GraphQL answers / a command is acknowledged / that
   * write is in the view.
   */
  readonly graphqlMs: number | null;
  readonly commandMs: number | null;
  readonly visibleMs: number | null;
}

export interface FaultContext {
  readonly stack: PrivateStack;
  readonly services: Services;
  readonly load: LoadGenerator;
  readonly token: string;
  readonly probeAccountId: string;
  readonly since: () => number;
}

/** Each component `rounds` times, in a shuffled order (seeded: runs are comparable). */
export function faultSchedule(
  components: readonly Component[],
  rounds: number,
  random: () => number,
): Component[] {
  const schedule: Component[] = [];
  for (let round = 0; round < rounds; round++) {
    const shuffled = [...components];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Component, shuffled[i] as Component];
    }
    // No component twice in a row across rounds: each kill is measured on a recovered system.
    const first = shuffled[0] as Component;
    if (schedule.at(-1) === first && shuffled.length > 1) shuffled.push(...shuffled.splice(0, 1));
    schedule.push(...shuffled);
  }
  return schedule;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills one component while commands are in flight (waits, briefly, for a moment with writes
 * under way), starts it again, then measures recovery from the outside, as a user sees it.
 */
export async function injectFault(
  component: Component,
  context: FaultContext,
): Promise<FaultRecord> {
  const { stack, services, load } = context;
  for (let waited = 0; load.inFlight === 0 && waited < 2_000; waited += 10) await pause(10);
  const atMs = context.since();
  const inFlight = load.inFlight;
  const killedAt = Date.now();
  let recoverFrom: number;
  let running: Promise<void>;
  if ((STACK_SERVERS as readonly string[]).includes(component)) {
    await stack.crash(component as StackServer);
    await pause(SERVER_DOWNTIME_MS);
    await stack.up(component as StackServer);
    recoverFrom = Date.now();
    running = Promise.resolve();
  } else {
    await services.kill(component as Process);
    recoverFrom = Date.now();
    running = services.start(component as Process);
  }
  const [graphqlMs, write, backAt] = await Promise.all([
    untilTrue(
      async () =>
        (await viewedVersion(
          services.url('query-service'),
          context.token,
          context.probeAccountId,
        )) !== null,
      recoverFrom,
    ),
    probeWrite(context, recoverFrom),
    running.then(() => Date.now()),
  ]);
  return {
    component,
    atMs,
    inFlight,
    restartMs: backAt - killedAt,
    graphqlMs,
    commandMs: write.commandMs,
    visibleMs: write.visibleMs,
  };
}

/** A deposit on the probe account: when is it acknowledged, and when does the view show it? */
async function probeWrite(
  context: FaultContext,
  since: number,
): Promise<{ commandMs: number | null; visibleMs: number | null }> {
  const probe: SentCommand = {
    key: randomUUID(),
    accountId: context.probeAccountId,
    kind: 'deposit',
    amount: 1n,
    attempts: 0,
    outcome: 'unresolved',
  };
  context.load.sent.push(probe);
  await context.load.send(probe);
  if (probe.outcome !== 'acknowledged' || probe.version === undefined)
    return { commandMs: null, visibleMs: null };
  const commandMs = Date.now() - since;
  const version = probe.version;
  const visibleMs = await untilTrue(async () => {
    const seen = await viewedVersion(
      context.services.url('query-service'),
      context.token,
      context.probeAccountId,
    );
    return seen !== null && seen >= version;
  }, since);
  return { commandMs, visibleMs };
}

/** Milliseconds from `since` until `check` holds (polled every 100 ms), null on timeout. */
async function untilTrue(check: () => Promise<boolean>, since: number): Promise<number | null> {
  while (Date.now() - since < RECOVERY_TIMEOUT_MS) {
    try {
      if (await check()) return Date.now() - since;
    } catch {
      // not yet: a process may be between lives
    }
    await pause(100);
  }
  return null;
}
