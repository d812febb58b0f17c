import { AccountStream } from '../../../test/support/account-stream';
import { ViewSpecification } from '../../../test/support/view-specification';
import type { PortfolioEntryDocument } from './portfolio.document';
import { evolvePortfolioEntry, totalsOf } from './portfolio.evolve';

const spec = ViewSpecification.for(evolvePortfolioEntry);

describe('portfolio view: evolve', () => {
  const stream = new AccountStream({ tenantId: 'acme', ownerId: 'alice', currency: 'USD' });
  const opened = stream.opened({}, '2024-05-17T09:00:00.000Z');
  const deposited = stream.deposited('150000');
  const withdrawn = stream.withdrawn('175000');

  describe('given no entry', () => {
    it('account.opened places the account in its owner’s portfolio with a zero balance', () => {
      spec
        .given([])
        .when(opened)
        .thenDocument((entry) => {
          expect(entry).toEqual<PortfolioEntryDocument>({
            _id: stream.accountId,
            tenantId: 'acme',
            ownerId: 'alice',
            currency: 'USD',
            balance: '0',
            status: 'OPEN',
            version: 1,
            openedAt: new Date('2024-05-17T09:00:00.000Z'),
          });
        });
    });

    it('a movement is a gap until the opening arrives', () => {
      spec.given([]).when(deposited).thenGap('view at version 0, event is version 2');
    });
  });

  describe('given an open account', () => {
    it('movements carry the recorded balance, negative ones included', () => {
      spec
        .given([opened, deposited])
        .when(withdrawn)
        .thenDocument((entry) => expect(entry).toMatchObject({ balance: '-25000', version: 3 }));
    });

    it('a redelivery is a duplicate and a skipped version a gap', () => {
      spec.given([opened, deposited]).when(deposited).thenDuplicate();
      spec.given([opened]).when(withdrawn).thenGap('view at version 1, event is version 3');
    });

    it('account.closed marks the entry closed', () => {
      const closing = new AccountStream();
      spec
        .given([closing.opened()])
        .when(closing.closed())
        .thenDocument((entry) => expect(entry).toMatchObject({ status: 'CLOSED', version: 2 }));
    });
  });

  describe('totals', () => {
    const entry = (currency: string, balance: string): PortfolioEntryDocument => ({
      _id: `${currency}-${balance}`,
      tenantId: 'acme',
      ownerId: 'alice',
      currency,
      balance,
      status: 'OPEN',
      version: 1,
      openedAt: new Date(0),
    });

    it('sum per currency in bigint, beyond float precision, sorted by currency', () => {
      expect(
        totalsOf([
          entry('EUR', '90071992547409930'),
          entry('EUR', '-25000'),
          entry('CHF', '1'),
          entry('EUR', '1'),
        ]),
      ).toEqual([
        { currency: 'CHF', balance: '1' },
        { currency: 'EUR', balance: '90071992547384931' },
      ]);
    });

    it('are empty for an owner without accounts', () => {
      expect(totalsOf([])).toEqual([]);
    });
  });
});
