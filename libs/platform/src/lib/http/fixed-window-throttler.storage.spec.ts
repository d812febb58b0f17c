import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

const MINUTE = 60_000;

describe('FixedWindowThrottlerStorage', () => {
  let now: number;
  let storage: FixedWindowThrottlerStorage;
  const hit = (key = 'client-a', limit = 3) =>
    storage.increment(key, MINUTE, limit, MINUTE, 'default');

  beforeEach(() => {
    now = 1_000_000;
    storage = new FixedWindowThrottlerStorage(() => now);
  });
  afterEach(() => storage.stop());

  it('admits exactly the limit within a window, then blocks', async () => {
    const results = [await hit(), await hit(), await hit(), await hit()];
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3]).toMatchObject({ totalHits: 4, timeToBlockExpire: 60 });
  });

  it('stays blocked for the block duration, then counts afresh', async () => {
    for (let i = 0; i < 4; i++) await hit();
    now += MINUTE - 1;
    expect((await hit()).isBlocked).toBe(true);
    now += 1;
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('starts a new window when the old one ended', async () => {
    await hit();
    await hit();
    now += MINUTE;
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1, timeToExpire: 60 });
  });

  it('counts every client on its own', async () => {
    for (let i = 0; i < 4; i++) await hit('client-a');
    expect(await hit('client-b')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('forgets finished windows when it sweeps', async () => {
    await hit('client-a');
    await hit('client-b');
    now += MINUTE;
    storage.sweep();
    expect(storage.size).toBe(0);
  });
});
