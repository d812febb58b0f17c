import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  endsAt: number;
  blockedUntil: number;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_EVERY_MS = 60_000;
const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters in O(1) per request: one counter per client and fixed window.
 *
 * `@nestjs/throttler`'s default storage keeps every hit's timestamp and filters the array on each
 * request, O(hits in the window): at a few hundred commands/s from one address that was 14-17% of
 * the command-service's CPU (docs/benchmarks/write-path.md). A fixed window admits up to twice the
 * limit across a window boundary, which is acceptable for a coarse per-client guard.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (window === undefined || (window.endsAt <= now && window.blockedUntil <= now)) {
      window = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) {
      window.hits++;
      // Like the default storage: the request that exceeds the limit starts the block.
      if (window.hits > limit)
        window.blockedUntil = now + (blockDuration > 0 ? blockDuration : ttl);
    }
    const isBlocked = window.blockedUntil > now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: seconds(window.endsAt - now),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(window.blockedUntil - now) : 0,
    });
  }

  /** Drops finished windows, so memory follows the clients of the last minute or so. */
  sweep(): void {
    const now = this.now();
    for (const [id, window] of this.windows)
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }

  get size(): number {
    return this.windows.size;
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
