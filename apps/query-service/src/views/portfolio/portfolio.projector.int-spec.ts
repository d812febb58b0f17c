import { AccountStream } from '../../../test/support/account-stream';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { ViewChanges } from '../shared/view-changes';
import { PORTFOLIO_ENTRIES_COLLECTION } from './portfolio.document';
import { totalsOf } from './portfolio.evolve';
import { PortfolioProjector } from './portfolio.projector';
import {
  PORTFOLIO_ENTRY_INDEXES,
  PortfolioEntriesRepository,
} from './portfolio-entries.repository';

describe('portfolio projector against the real MongoDB-compatible server', () => {
  let database: TestDatabase;
  let repository: PortfolioEntriesRepository;
  let projector: PortfolioProjector;

  beforeAll(async () => {
    database = await openTestDatabase('qs_portfolio');
    repository = new PortfolioEntriesRepository(database.db);
    projector = new PortfolioProjector(repository, new ViewChanges());
  });

  afterAll(async () => {
    await database.dropAndClose();
  });

  const view = () => database.snapshot(PORTFOLIO_ENTRIES_COLLECTION);
  const totals = async (tenantId: string, ownerId: string) =>
    totalsOf(await repository.entriesOf(tenantId, ownerId));

  describe('given an owner with accounts in two currencies', () => {
    const account = (ownerId: string, currency: string, startAt: string) =>
      new AccountStream({ tenantId: 'acme', ownerId, currency, startAt });
    const eur = account('alice', 'EUR', '2024-05-17T09:00:00.000Z');
    const usd = account('alice', 'USD', '2024-05-17T09:00:10.000Z');
    const eur2 = account('alice', 'EUR', '2024-05-17T09:00:20.000Z');
    const bob = account('bob', 'EUR', '2024-05-17T09:00:30.000Z');
    const history = [
      eur.opened({ overdraftLimit: '50000' }),
      usd.opened(),
      bob.opened(),
      eur.deposited('150000'),
      usd.deposited('999'),
      eur2.opened(),
      eur2.deposited('50'),
      eur.withdrawn('175000'),
      bob.deposited('7'),
    ];
    const firstBatch = history.slice(0, 4);
    const secondBatch = history.slice(4);

    it('keeps exact totals per currency across batches', async () => {
      expect(await projector.project(firstBatch)).toEqual({ applied: 4, duplicates: 0, gaps: [] });
      expect(await projector.project(secondBatch)).toEqual({
        applied: 5,
        duplicates: 0,
        gaps: [],
      });

      expect(await totals('acme', 'alice')).toEqual([
        { currency: 'EUR', balance: '-24950' },
        { currency: 'USD', balance: '999' },
      ]);
      expect((await repository.entriesOf('acme', 'alice')).map((entry) => entry._id)).toEqual([
        eur.accountId,
        usd.accountId,
        eur2.accountId,
      ]);
      expect(await totals('acme', 'bob')).toEqual([{ currency: 'EUR', balance: '7' }]);
      expect(await repository.entriesOf('other-tenant', 'alice')).toEqual([]);
    });

    it('leaves the view unchanged when the same batch is delivered again', async () => {
      const before = await view();

      expect(await projector.project(secondBatch)).toEqual({
        applied: 0,
        duplicates: 5,
        gaps: [],
      });
      expect(await view()).toEqual(before);
    });

    it('leaves the view unchanged on a replay from the start', async () => {
      const before = await view();

      expect(await projector.project(history)).toEqual({ applied: 0, duplicates: 9, gaps: [] });
      expect(await view()).toEqual(before);
    });

    it('rebuilds the same view when each account arrives on its own partition, concurrently', async () => {
      const rebuilt = await openTestDatabase('qs_portfolio_rebuild');
      try {
        const other = new PortfolioProjector(
          new PortfolioEntriesRepository(rebuilt.db),
          new ViewChanges(),
        );
        const partitions = [eur2, bob, usd, eur].map((stream) =>
          history.filter((event) => event.streamId === stream.accountId),
        );
        await Promise.all(partitions.map((events) => other.project(events)));

        expect(await rebuilt.snapshot(PORTFOLIO_ENTRIES_COLLECTION)).toEqual(await view());
      } finally {
        await rebuilt.dropAndClose();
      }
    });
  });

  it('reports a gap and holds back the rest of that account’s stream', async () => {
    const stream = new AccountStream({ tenantId: 'acme', ownerId: 'dave' });
    await projector.project([stream.opened()]);
    stream.deposited('1');
    const third = stream.deposited('2');
    const fourth = stream.deposited('3');

    const outcome = await projector.project([third, fourth]);

    expect(outcome.applied).toBe(0);
    expect(outcome.gaps.map(({ envelope, reason }) => [envelope.streamVersion, reason])).toEqual([
      [3, 'view at version 1, event is version 3'],
      [4, 'held back by the gap before version 3 of its stream'],
    ]);
  });

  it('creates its indexes, and creating them again changes nothing', async () => {
    await repository.ensureIndexes();
    await repository.ensureIndexes();

    const indexes = await database.db.collection(PORTFOLIO_ENTRIES_COLLECTION).indexes();
    expect(indexes.map(({ name, key }) => ({ name, key }))).toEqual(
      expect.arrayContaining(PORTFOLIO_ENTRY_INDEXES.map(({ name, key }) => ({ name, key }))),
    );
  });
});
