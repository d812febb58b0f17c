import { ViewChanges } from './view-changes';

describe('ViewChanges', () => {
  it('wakes a waiter as soon as its document is written', async () => {
    const changes = new ViewChanges();
    const started = performance.now();
    const waiting = changes.nextChange('accounts', 'a-1', 5_000);

    changes.notify('accounts', ['a-2', 'a-1']);
    await waiting;

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(changes.pending).toBe(0);
  });

  it('lets a waiter go after its timeout without leaving it registered', async () => {
    const changes = new ViewChanges();

    await changes.nextChange('accounts', 'a-1', 10);

    expect(changes.pending).toBe(0);
  });

  it('does not wake waiters of another view or document', async () => {
    const changes = new ViewChanges();
    let woken = false;
    void changes.nextChange('accounts', 'a-1', 50).then(() => (woken = true));

    changes.notify('portfolio', ['a-1']);
    changes.notify('accounts', ['a-2']);
    await Promise.resolve();

    expect(woken).toBe(false);
    expect(changes.pending).toBe(1);
  });
});
