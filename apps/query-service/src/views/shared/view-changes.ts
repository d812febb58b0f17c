import { Injectable } from '@nestjs/common';

/** Names of the views whose changes can be awaited. */
export type ViewName = 'accounts' | 'transactions' | 'portfolio';

/**
 * In-process signal "a projector of this replica just wrote these documents". Readers that wait for
 * a view to catch up (`account(minVersion:)`) wake on it instead of only polling. It is a hint, not
 * a source of truth: another replica may own the partition, so waiters still re-read MongoDB.
 */
@Injectable()
export class ViewChanges {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Called by a projector after its write reached MongoDB. */
  notify(view: ViewName, keys: Iterable<string>): void {
    for (const key of keys) {
      const waiting = this.waiters.get(slot(view, key));
      if (!waiting) continue;
      this.waiters.delete(slot(view, key));
      for (const wake of waiting) wake();
    }
  }

  /** Resolves on the next change of the document `key`, or after `timeoutMs`, whichever is first. */
  nextChange(view: ViewName, key: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const id = slot(view, key);
      const waiting = this.waiters.get(id) ?? new Set<() => void>();
      this.waiters.set(id, waiting);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(wake);
        if (waiting.size === 0 && this.waiters.get(id) === waiting) this.waiters.delete(id);
        resolve();
      }, timeoutMs);
      waiting.add(wake);
    });
  }

  /** Number of pending waits (for tests and leak checks). */
  get pending(): number {
    let count = 0;
    for (const waiting of this.waiters.values()) count += waiting.size;
    return count;
  }
}

function slot(view: ViewName, key: string): string {
  return `${view}\u0000${key}`;
}
