export interface RestartBackoffOptions {
  /** Delay before the first restart after a healthy run. */
  initialMs: number;
  /** Longest delay: also the longest a recovered broker waits for the consumer's next attempt. */
  maxMs: number;
  /** A run that stayed joined this long counts as healthy: the next failure starts over. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoffOptions = {
  initialMs: 250,
  maxMs: 2_000,
  healthyAfterMs: 30_000,
};

/**
 * Delays between consumer restarts: doubling from `initialMs` to `maxMs`. The count starts over
 * only after a run stayed joined for `healthyAfterMs`, so a consumer that crashes right after every
 * join (a poison batch, an unreachable database) does not rebalance its group several times a second.
 */
export class RestartBackoff {
  private failures = 0;

  constructor(private readonly options: RestartBackoffOptions = DEFAULT_RESTART_BACKOFF) {}

  /** The delay before the next attempt; `joinedForMs` is how long the failed run was joined. */
  next(joinedForMs: number): number {
    if (joinedForMs >= this.options.healthyAfterMs) this.failures = 0;
    const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.failures);
    this.failures += 1;
    return delay;
  }
}
