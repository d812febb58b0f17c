import type { LatestEventEnvelope } from '@ledgerline/contracts';
import { emptyOutcome, type GapEvent, type ProjectionOutcome } from '@ledgerline/projections';
import type { Step } from './projection-step';

/** A pending write: the document as loaded (null: none yet) and as it should become. */
export interface GuardedWrite<Doc> {
  readonly key: string;
  readonly loaded: Doc | null;
  readonly intended: Doc;
}

/** The port a guarded projection writes through (implemented over MongoDB by MongoGuardedStore). */
export interface GuardedStore<Doc> {
  load(keys: readonly string[]): Promise<Map<string, Doc>>;
  /**
   * Writes every document in one round trip, each only if it is still as loaded (optimistic).
   * Returns the keys that lost a race and must be folded again from a fresh load.
   */
  writeGuarded(writes: readonly GuardedWrite<Doc>[]): Promise<Set<string>>;
}

export interface GuardedProjectionOptions<Doc> {
  /** Used in error messages. */
  readonly view: string;
  readonly store: GuardedStore<Doc>;
  readonly evolve: (doc: Doc | null, event: LatestEventEnvelope) => Step<Doc>;
  /** Re-folds after lost races before giving the batch back to the runtime as a failure. */
  readonly maxAttempts?: number;
}

export interface GuardedProjectionResult<Doc> {
  readonly outcome: ProjectionOutcome;
  /** Documents this call wrote, as written. */
  readonly written: readonly Doc[];
}

/** Lost the optimistic race too often in a row: an infrastructure condition, retried by the runtime. */
export class ViewWriteConflictError extends Error {
  constructor(view: string, keys: readonly string[], attempts: number) {
    super(
      `${view}: ${keys.length} document(s) kept changing underneath after ${attempts} attempts ` +
        `(e.g. ${keys.slice(0, 3).join(', ')})`,
    );
    this.name = 'ViewWriteConflictError';
  }
}

/**
 * The batch pattern shared by the versioned views: load every document the batch touches with one
 * query, fold each one's events in memory with the view's pure `evolve`, write all changed
 * documents in one bulk write guarded by what was loaded, and re-fold only the documents that
 * lost a race (a second consumer of the same partition while a rebalance settles). Idempotent
 * because `evolve` skips what a document already holds.
 */
export async function projectGuarded<Doc>(
  options: GuardedProjectionOptions<Doc>,
  groups: ReadonlyMap<string, readonly LatestEventEnvelope[]>,
): Promise<GuardedProjectionResult<Doc>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const outcome = emptyOutcome();
  const written: Doc[] = [];
  let pending = new Map(groups);

  for (let attempt = 1; pending.size > 0; attempt++) {
    if (attempt > maxAttempts) {
      throw new ViewWriteConflictError(options.view, [...pending.keys()], maxAttempts);
    }
    const loaded = await options.store.load([...pending.keys()]);
    const writes: (GuardedWrite<Doc> & { folded: Folded<Doc> })[] = [];
    for (const [key, events] of pending) {
      const current = loaded.get(key) ?? null;
      const folded = foldEvents(current, events, options.evolve);
      if (folded.doc !== current && folded.doc !== null) {
        writes.push({ key, loaded: current, intended: folded.doc, folded });
      } else {
        addTo(outcome, folded);
      }
    }

    const conflicts = writes.length > 0 ? await options.store.writeGuarded(writes) : new Set();
    for (const write of writes) {
      if (conflicts.has(write.key)) continue;
      addTo(outcome, write.folded);
      written.push(write.intended);
    }
    pending = new Map([...pending].filter(([key]) => conflicts.has(key)));
  }
  return { outcome, written };
}

interface Folded<Doc> {
  doc: Doc | null;
  applied: number;
  duplicates: number;
  gaps: GapEvent[];
}

/**
 * Folds one document's events in order. Once a stream has a gap, its later events in the batch
 * wait too (they are reported as gaps), so a stream is never applied out of order.
 */
export function foldEvents<Doc>(
  initial: Doc | null,
  events: readonly LatestEventEnvelope[],
  evolve: (doc: Doc | null, event: LatestEventEnvelope) => Step<Doc>,
): Folded<Doc> {
  const folded: Folded<Doc> = { doc: initial, applied: 0, duplicates: 0, gaps: [] };
  const blocked = new Map<string, number>();
  for (const envelope of events) {
    const blockedAt = blocked.get(envelope.streamId);
    if (blockedAt !== undefined) {
      folded.gaps.push({
        envelope,
        reason: `held back by the gap before version ${blockedAt} of its stream`,
      });
      continue;
    }
    const step = evolve(folded.doc, envelope);
    switch (step.kind) {
      case 'applied':
        folded.doc = step.doc;
        folded.applied++;
        break;
      case 'duplicate':
        folded.duplicates++;
        break;
      case 'gap':
        folded.gaps.push({ envelope, reason: step.reason });
        blocked.set(envelope.streamId, envelope.streamVersion);
        break;
      case 'ignored':
        break;
      default: {
        const _exhaustive: never = step;
        break;
      }
    }
  }
  return folded;
}

function addTo(outcome: ProjectionOutcome, folded: Folded<unknown>): void {
  outcome.applied += folded.applied;
  outcome.duplicates += folded.duplicates;
  outcome.gaps.push(...folded.gaps);
}

/** Events grouped by the document they change, each group in batch (= partition) order. */
export function groupBy(
  events: readonly LatestEventEnvelope[],
  keyOf: (event: LatestEventEnvelope) => string | null,
): Map<string, LatestEventEnvelope[]> {
  const groups = new Map<string, LatestEventEnvelope[]>();
  for (const event of events) {
    const key = keyOf(event);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}
