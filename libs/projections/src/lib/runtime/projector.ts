import type { LatestEventEnvelope } from '@ledgerline/contracts';

/** An event that could not be applied yet because an earlier version of its stream is missing. */
export interface GapEvent {
  envelope: LatestEventEnvelope;
  /** e.g. `view at version 3, event is version 5` */
  reason: string;
}

export interface ProjectionOutcome {
  /** Events that changed the view. */
  applied: number;
  /** Events the view already had (redelivery, replay): skipped, never counted twice. */
  duplicates: number;
  /** Events ahead of the view; the runtime retries them, then dead-letters them. */
  gaps: GapEvent[];
}

/**
 * Keeps one view up to date and does nothing else: projectors run again on every redelivery and
 * rebuild, so a side effect here (a message, a command) would repeat; those belong to reactors.
 *
 * Contract: `project` receives decoded events (latest schema version) of ONE Kafka partition in
 * partition order, possibly again after a crash or rebalance. It must be idempotent: guard every
 * write by the stream version (apply only `view.version + 1`, skip lower or equal) or by event id.
 * It throws only for infrastructure failures (the runtime then retries the whole batch); a recorded
 * event is a fact and never makes it throw.
 */
export interface Projector {
  readonly name: string;
  project(events: readonly LatestEventEnvelope[]): Promise<ProjectionOutcome>;
}

export const emptyOutcome = (): ProjectionOutcome => ({ applied: 0, duplicates: 0, gaps: [] });
