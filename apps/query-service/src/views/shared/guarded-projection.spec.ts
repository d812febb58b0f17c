import { AccountStream } from '../../../test/support/account-stream';
import type { AccountDocument } from '../accounts/account.document';
import { accountKeyOf, evolveAccount } from '../accounts/account.evolve';
import {
  ViewWriteConflictError,
  groupBy,
  projectGuarded,
  type GuardedStore,
  type GuardedWrite,
} from './guarded-projection';

/** An in-memory store with the same optimistic semantics as MongoGuardedStore. */
class MemoryStore implements GuardedStore<AccountDocument> {
  readonly docs = new Map<string, AccountDocument>();
  writes = 0;
  /** Runs before each write, to let a "rival" change documents in between load and write. */
  beforeWrite: (() => void) | null = null;

  load(keys: readonly string[]) {
    return Promise.resolve(
      new Map(keys.flatMap((key) => (this.docs.has(key) ? [[key, this.docs.get(key)!]] : []))),
    );
  }

  writeGuarded(writes: readonly GuardedWrite<AccountDocument>[]) {
    this.writes++;
    this.beforeWrite?.();
    const conflicts = new Set<string>();
    for (const { key, loaded, intended } of writes) {
      const current = this.docs.get(key) ?? null;
      if ((current?.version ?? 0) !== (loaded?.version ?? 0)) conflicts.add(key);
      else this.docs.set(key, intended);
    }
    return Promise.resolve(conflicts);
  }
}

function project(store: MemoryStore, events: Parameters<typeof groupBy>[0]) {
  return projectGuarded(
    { view: 'accounts', store, evolve: evolveAccount, maxAttempts: 3 },
    groupBy(events, accountKeyOf),
  );
}

describe('guarded projection (load, fold, one guarded write)', () => {
  it('applies a batch of several streams with one write and counts what it did', async () => {
    const store = new MemoryStore();
    const a = new AccountStream();
    const b = new AccountStream();

    const { outcome, written } = await project(store, [
      a.opened(),
      b.opened(),
      a.deposited('100'),
      b.deposited('7'),
      a.withdrawn('40'),
    ]);

    expect(outcome).toEqual({ applied: 5, duplicates: 0, gaps: [] });
    expect(store.writes).toBe(1);
    expect(written.map((doc) => doc._id).sort()).toEqual([a.accountId, b.accountId].sort());
    expect(store.docs.get(a.accountId)).toMatchObject({ balance: '60', version: 3 });
  });

  it('skips what the view already has and writes nothing for a pure redelivery', async () => {
    const store = new MemoryStore();
    const a = new AccountStream();
    const batch = [a.opened(), a.deposited('100')];
    await project(store, batch);

    const again = await project(store, batch);

    expect(again.outcome).toEqual({ applied: 0, duplicates: 2, gaps: [] });
    expect(again.written).toEqual([]);
    expect(store.writes).toBe(1);
  });

  it('reports a gap and holds back the rest of that stream, but not other streams', async () => {
    const store = new MemoryStore();
    const a = new AccountStream();
    const b = new AccountStream();
    const aOpened = a.opened();
    a.deposited('1'); // version 2 never arrives
    const a3 = a.deposited('2');
    const a4 = a.deposited('3');

    const { outcome } = await project(store, [aOpened, a3, b.opened(), a4]);

    expect(outcome.applied).toBe(2);
    expect(outcome.gaps.map(({ envelope, reason }) => [envelope.streamVersion, reason])).toEqual([
      [3, 'view at version 1, event is version 3'],
      [4, 'held back by the gap before version 3 of its stream'],
    ]);
    expect(store.docs.get(a.accountId)?.version).toBe(1);
  });

  it('re-folds a document a rival changed between load and write', async () => {
    const store = new MemoryStore();
    const a = new AccountStream();
    const opened = a.opened();
    const deposited = a.deposited('100');
    const withdrawn = a.withdrawn('30');
    await project(store, [opened]);
    // A rival consumer (e.g. before a rebalance settled) applies the deposit first.
    store.beforeWrite = () => {
      store.beforeWrite = null;
      const step = evolveAccount(store.docs.get(a.accountId)!, deposited);
      if (step.kind === 'applied') store.docs.set(a.accountId, step.doc);
    };

    const { outcome } = await project(store, [deposited, withdrawn]);

    expect(outcome).toEqual({ applied: 1, duplicates: 1, gaps: [] });
    expect(store.docs.get(a.accountId)).toMatchObject({ balance: '70', version: 3 });
  });

  it('gives up after repeated conflicts with an error the runtime retries', async () => {
    const store = new MemoryStore();
    const a = new AccountStream();
    await project(store, [a.opened()]);
    // Every write loses: the document keeps changing underneath (e.g. a stuck rival).
    store.writeGuarded = (writes) => Promise.resolve(new Set(writes.map((write) => write.key)));

    await expect(project(store, [a.deposited('1')])).rejects.toBeInstanceOf(ViewWriteConflictError);
  });
});
