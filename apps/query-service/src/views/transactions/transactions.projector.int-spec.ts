import { AccountStream } from '../../../test/support/account-stream';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { ViewChanges } from '../shared/view-changes';
import { TRANSACTIONS_COLLECTION } from './transaction.document';
import { TransactionsProjector } from './transactions.projector';
import { TRANSACTION_INDEXES, TransactionsRepository } from './transactions.repository';

describe('transactions projector against the real MongoDB-compatible server', () => {
  let database: TestDatabase;
  let repository: TransactionsRepository;
  let projector: TransactionsProjector;

  beforeAll(async () => {
    database = await openTestDatabase('qs_transactions');
    repository = new TransactionsRepository(database.db);
    projector = new TransactionsProjector(repository, new ViewChanges());
  });

  afterAll(async () => {
    await database.dropAndClose();
  });

  const view = () => database.snapshot(TRANSACTIONS_COLLECTION);

  const stream = new AccountStream({ tenantId: 'acme' });
  const history = [
    stream.opened(),
    stream.deposited('150000', '2024-05-17T10:00:00.000Z', 'salary'),
    stream.withdrawn('2500', '2024-05-17T11:00:00.000Z'),
    stream.deposited('1', '2024-05-18T09:00:00.000Z'),
    stream.closed(),
  ];

  it('records one document per movement and none for opening or closing', async () => {
    expect(await projector.project(history)).toEqual({ applied: 3, duplicates: 0, gaps: [] });

    const docs = await repository.list('acme', stream.accountId, {}, 10, null);
    expect(docs.map((doc) => [doc.kind, doc.amount, doc.balanceAfter, doc.version])).toEqual([
      ['DEPOSIT', '150000', '150000', 2],
      ['WITHDRAWAL', '2500', '147500', 3],
      ['DEPOSIT', '1', '147501', 4],
    ]);
  });

  it('leaves the view unchanged when the same batch is delivered again', async () => {
    const before = await view();

    expect(await projector.project(history.slice(1, 3))).toEqual({
      applied: 0,
      duplicates: 2,
      gaps: [],
    });
    expect(await view()).toEqual(before);
  });

  it('leaves the view unchanged on a replay from the start, and never reports gaps', async () => {
    const before = await view();

    expect(await projector.project([...history, history[1]!])).toEqual({
      applied: 0,
      duplicates: 4,
      gaps: [],
    });
    expect(await view()).toEqual(before);
  });

  it('finds the last movement at or before an instant, for balanceAt', async () => {
    const last = (at: string) =>
      repository
        .lastAtOrBefore('acme', stream.accountId, new Date(at))
        .then((doc) => doc?.balanceAfter);

    expect(await last('2024-05-17T09:59:59.999Z')).toBeUndefined();
    expect(await last('2024-05-17T10:00:00.000Z')).toBe('150000');
    expect(await last('2024-05-17T23:00:00.000Z')).toBe('147500');
    expect(await last('2030-01-01T00:00:00.000Z')).toBe('147501');
    expect(
      await repository.lastAtOrBefore('other-tenant', stream.accountId, new Date()),
    ).toBeNull();
  });

  it('creates its indexes, and creating them again changes nothing', async () => {
    await repository.ensureIndexes();
    await repository.ensureIndexes();

    const indexes = await database.db.collection(TRANSACTIONS_COLLECTION).indexes();
    expect(indexes.map(({ name, key }) => ({ name, key }))).toEqual(
      expect.arrayContaining(TRANSACTION_INDEXES.map(({ name, key }) => ({ name, key }))),
    );
  });
});
