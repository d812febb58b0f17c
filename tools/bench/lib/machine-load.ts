import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineCpuMs } from './proc-cpu';

/** The 1, 5 and 15 minute load averages, as the reports record them. */
export const loadavg = (separator = ' / ') =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(separator);

/**
 * Waits (at most `maxWaitMs`) until the machine is ≥ 85% idle over 0.5 s, so that a run starts on
 * a quiet machine if the other work on it allows.
 */
export async function waitForQuietMachine(maxWaitMs: number): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const before = machineCpuMs();
    await sleep(500);
    const after = machineCpuMs();
    const busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    if (busy <= 0.15 || Date.now() >= deadline) return;
  }
}
