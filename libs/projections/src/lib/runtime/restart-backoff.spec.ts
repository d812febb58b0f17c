import { RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  const options = { initialMs: 100, maxMs: 1_000, healthyAfterMs: 5_000 };

  it('doubles from the initial delay up to the cap while runs keep failing', () => {
    const backoff = new RestartBackoff(options);
    expect(Array.from({ length: 6 }, () => backoff.next(0))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('starts over after a run that stayed joined long enough, not after a short one', () => {
    const backoff = new RestartBackoff(options);
    backoff.next(0);
    backoff.next(0);
    expect(backoff.next(4_999)).toBe(400);
    expect(backoff.next(5_000)).toBe(100);
    expect(backoff.next(0)).toBe(200);
  });
});
