export interface OpenLoop {
  /** When request 0 was due, on the caller's clock. */
  start: number;
  /** Due while `maxInFlight` requests were outstanding: never sent (k6's "dropped iterations"). */
  dropped: number;
  /** Sent and not finished yet. */
  outstanding: number;
  /** One per request sent, settled once `send`'s own handling of the response is done. */
  inFlight: Array<Promise<void>>;
}

/**
 * Open loop: request i is due at start + i/rate and `send(due)` sends it then, so its latency can
 * count from the due time. At most `maxInFlight` requests are outstanding; a request due beyond
 * that is dropped and counted, so a machine that cannot keep up shows drops instead of an
 * ever-growing queue and the run stays bounded. Resolves when every request was sent or dropped;
 * the caller decides how long to wait for `inFlight`.
 */
export async function openLoop(options: {
  rate: number;
  total: number;
  maxInFlight: number;
  /** Milliseconds on the monotonic clock the caller stamps responses with. */
  now: () => number;
  send: (due: number) => Promise<void>;
}): Promise<OpenLoop> {
  const { rate, total, maxInFlight, now, send } = options;
  const loop: OpenLoop = { start: now(), dropped: 0, outstanding: 0, inFlight: [] };
  let scheduled = 0;
  const fire = (due: number) => {
    if (loop.outstanding >= maxInFlight) {
      loop.dropped++;
      return;
    }
    loop.outstanding++;
    loop.inFlight.push(
      send(due).finally(() => {
        loop.outstanding--;
      }),
    );
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((now() - loop.start) * rate) / 1000) + 1);
      while (scheduled < due) fire(loop.start + (scheduled++ * 1000) / rate);
      if (scheduled < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  return loop;
}
