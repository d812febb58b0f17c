import { AccountStream } from '../../../test/support/account-stream';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import type { AccountDocument } from '../accounts/account.document';
import { evolveAccount } from '../accounts/account.evolve';
import { AccountsProjector } from '../accounts/accounts.projector';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ViewChanges } from './view-changes';

/** Folds events from nothing, as a projector that loaded no document would. */
function fold(events: Parameters<typeof evolveAccount>[1][]): AccountDocument {
  return events.reduce<AccountDocument | null>((doc, event) => {
    const step = evolveAccount(doc, event);
    return step.kind === 'applied' ? step.doc : doc;
  }, null)!;
}

describe('optimistic view writes against the real MongoDB-compatible server', () => {
  let database: TestDatabase;
  let accounts: AccountsRepository;

  beforeAll(async () => {
    database = await openTestDatabase('qs_guarded');
    accounts = new AccountsRepository(database.db);
  });

  afterAll(async () => {
    await database.dropAndClose();
  });

  it('an insert that a rival beat is a conflict, unless the rival wrote at least as much', async () => {
    const stream = new AccountStream();
    const opened = stream.opened();
    const deposited = stream.deposited('100');
    await accounts.writeGuarded([
      { key: stream.accountId, loaded: null, intended: fold([opened]) },
    ]);

    const behind = await accounts.writeGuarded([
      { key: stream.accountId, loaded: null, intended: fold([opened, deposited]) },
    ]);
    const same = await accounts.writeGuarded([
      { key: stream.accountId, loaded: null, intended: fold([opened]) },
    ]);

    expect(behind).toEqual(new Set([stream.accountId]));
    expect(same).toEqual(new Set());
  });

  it('a replace of a document that changed since it was loaded is a conflict', async () => {
    const stream = new AccountStream();
    const history = [stream.opened(), stream.deposited('100'), stream.deposited('5')];
    const [v1, v2, v3] = [1, 2, 3].map((length) => fold(history.slice(0, length))) as [
      AccountDocument,
      AccountDocument,
      AccountDocument,
    ];
    await accounts.writeGuarded([{ key: stream.accountId, loaded: null, intended: v1 }]);
    await accounts.writeGuarded([{ key: stream.accountId, loaded: v1, intended: v2 }]);

    // Loaded at v1, but the document is at v2 now.
    const stale = await accounts.writeGuarded([
      { key: stream.accountId, loaded: v1, intended: v3 },
    ]);
    const fresh = await accounts.writeGuarded([
      { key: stream.accountId, loaded: v2, intended: v3 },
    ]);

    expect(stale).toEqual(new Set([stream.accountId]));
    expect(fresh).toEqual(new Set());
    expect((await accounts.load([stream.accountId])).get(stream.accountId)).toEqual(v3);
  });

  it('two consumers projecting the same events at once end with the same view as one', async () => {
    const streams = Array.from({ length: 5 }, () => new AccountStream());
    const history = streams.flatMap((stream) => [
      stream.opened(),
      stream.deposited('1000'),
      stream.withdrawn('250'),
      stream.deposited('1'),
    ]);
    const first = new AccountsProjector(accounts, new ViewChanges());
    const second = new AccountsProjector(accounts, new ViewChanges());

    await Promise.all([
      first.project(history.slice(0, 10)).then(() => first.project(history.slice(10))),
      second.project(history),
    ]);

    const docs = await accounts.load(streams.map((stream) => stream.accountId));
    for (const stream of streams) {
      expect(docs.get(stream.accountId)).toMatchObject({ balance: '751', version: 4 });
    }
  });
});
