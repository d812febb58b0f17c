import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the workers of a closed loop read: count only while `measuring`, return once `stopped`. */
export interface LoopState {
  measuring: boolean;
  stopped: boolean;
}

/**
 * A closed loop's measuring window. `workers` starts them; after `warmupSeconds`, `open` starts the
 * meters, the workers count for `seconds`, and `close` reads the meters (given the window's exact
 * length) before the workers are stopped, so the wind-down is not measured. Resolves with what
 * `close` returned once every worker has returned.
 */
export async function measureClosedLoop<Opened, Closed>(options: {
  warmupSeconds: number;
  seconds: number;
  workers: (state: LoopState) => Array<Promise<void>>;
  open: () => Promise<Opened>;
  close: (opened: Opened, elapsedSeconds: number) => Closed;
}): Promise<Closed> {
  const state: LoopState = { measuring: false, stopped: false };
  const workers = options.workers(state);
  await sleep(options.warmupSeconds * 1000);
  const opened = await options.open();
  state.measuring = true;
  const started = performance.now();
  await sleep(options.seconds * 1000);
  state.measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const closed = options.close(opened, elapsed);
  state.stopped = true;
  await Promise.all(workers);
  return closed;
}

/**
 * The streams worker `index` of `workers` appends to (every `workers`-th one), so that no two
 * workers ever race for a stream's version.
 */
export function streamsOfWorker(streams: string[], workers: number, index: number): string[] {
  return streams.filter((_, i) => i % workers === index);
}
