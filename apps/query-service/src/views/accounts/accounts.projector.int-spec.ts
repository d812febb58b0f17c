import { AccountStream } from '../../../test/support/account-stream';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { ViewChanges } from '../shared/view-changes';
import { ACCOUNTS_COLLECTION } from './account.document';
import { AccountsProjector } from './accounts.projector';
import { ACCOUNT_INDEXES, AccountsRepository } from './accounts.repository';

describe('accounts projector against the real MongoDB-compatible server', () => {
  let database: TestDatabase;
  let repository: AccountsRepository;
  let changes: ViewChanges;
  let projector: AccountsProjector;

  beforeAll(async () => {
    database = await openTestDatabase('qs_accounts');
    repository = new AccountsRepository(database.db);
    changes = new ViewChanges();
    projector = new AccountsProjector(repository, changes);
  });

  afterAll(async () => {
    await database.dropAndClose();
  });

  const view = () => database.snapshot(ACCOUNTS_COLLECTION);

  describe('given a history of two accounts', () => {
    const alice = new AccountStream({ ownerId: 'alice' });
    const bob = new AccountStream({ ownerId: 'bob', currency: 'USD' });
    const history = [
      alice.opened({ overdraftLimit: '50000' }),
      bob.opened(),
      alice.deposited('150000'),
      bob.deposited('999'),
      alice.withdrawn('175000'),
      bob.closed(),
    ];
    const firstBatch = history.slice(0, 3);
    const secondBatch = history.slice(3);

    it('applies batches in order', async () => {
      expect(await projector.project(firstBatch)).toEqual({ applied: 3, duplicates: 0, gaps: [] });
      expect(await projector.project(secondBatch)).toEqual({
        applied: 3,
        duplicates: 0,
        gaps: [],
      });

      expect(await repository.load([alice.accountId, bob.accountId])).toEqual(
        new Map([
          [alice.accountId, expect.objectContaining({ balance: '-25000', version: 3 })],
          [
            bob.accountId,
            expect.objectContaining({ balance: '999', status: 'CLOSED', version: 3 }),
          ],
        ]),
      );
    });

    it('leaves the view unchanged when the same batch is delivered again', async () => {
      const before = await view();

      expect(await projector.project(secondBatch)).toEqual({
        applied: 0,
        duplicates: 3,
        gaps: [],
      });
      expect(await view()).toEqual(before);
    });

    it('leaves the view unchanged on a replay from the start', async () => {
      const before = await view();

      expect(await projector.project(history)).toEqual({ applied: 0, duplicates: 6, gaps: [] });
      expect(await view()).toEqual(before);
    });

    it('rebuilds the same view from scratch whatever the batching', async () => {
      const rebuilt = await openTestDatabase('qs_accounts_rebuild');
      try {
        const other = new AccountsProjector(new AccountsRepository(rebuilt.db), new ViewChanges());
        for (const event of history) await other.project([event]);

        expect(await rebuilt.snapshot(ACCOUNTS_COLLECTION)).toEqual(await view());
      } finally {
        await rebuilt.dropAndClose();
      }
    });
  });

  it('reports a gap, applies nothing past it, and catches up once the missing event comes', async () => {
    const stream = new AccountStream();
    const opened = stream.opened();
    const missing = stream.deposited('100');
    const after = stream.deposited('200');
    await projector.project([opened]);

    const outcome = await projector.project([after]);

    expect(outcome.applied).toBe(0);
    expect(outcome.gaps).toEqual([
      { envelope: after, reason: 'view at version 1, event is version 3' },
    ]);
    expect((await repository.load([stream.accountId])).get(stream.accountId)?.version).toBe(1);

    expect(await projector.project([missing, after])).toEqual({
      applied: 2,
      duplicates: 0,
      gaps: [],
    });
    expect((await repository.load([stream.accountId])).get(stream.accountId)).toMatchObject({
      balance: '300',
      version: 3,
    });
  });

  it('signals the accounts it wrote to waiting readers', async () => {
    const stream = new AccountStream();
    const woken = changes.nextChange('accounts', stream.accountId, 10_000);

    await projector.project([stream.opened()]);

    await expect(woken).resolves.toBeUndefined();
    expect(changes.pending).toBe(0);
  });

  it('creates its indexes, and creating them again changes nothing', async () => {
    await repository.ensureIndexes();
    await repository.ensureIndexes();

    const indexes = await database.db.collection(ACCOUNTS_COLLECTION).indexes();
    expect(indexes.map(({ name, key }) => ({ name, key }))).toEqual(
      expect.arrayContaining(ACCOUNT_INDEXES.map(({ name, key }) => ({ name, key }))),
    );
  });
});
