'use strict';
/**
 * Preloaded into the command-service by tools/bench/write-path.ts (`node -r ./cpu-profile-hook.cjs`).
 * Does nothing until SIGUSR2: the first signal starts the V8 CPU profiler (0.5 ms sampling) and
 * writes `$BENCH_CPU_PROFILE.started`; the next one stops it and writes the profile to
 * `$BENCH_CPU_PROFILE` (Chrome DevTools .cpuprofile format). This profiles only the measured
 * window, not start-up, and works although the service dies by signal (where --cpu-prof writes nothing).
 */
const inspector = require('node:inspector');
const fs = require('node:fs');

const out = process.env.BENCH_CPU_PROFILE;
let session;

if (out) {
  process.on('SIGUSR2', () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
          session.post('Profiler.start', () => fs.writeFileSync(`${out}.started`, '')),
        ),
      );
      return;
    }
    const current = session;
    session = undefined;
    current.post('Profiler.stop', (error, result) => {
      fs.writeFileSync(
        out,
        error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile),
      );
      current.disconnect();
    });
  });
}
