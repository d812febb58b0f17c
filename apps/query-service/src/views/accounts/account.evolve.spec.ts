import { AccountStream } from '../../../test/support/account-stream';
import { ViewSpecification } from '../../../test/support/view-specification';
import type { AccountDocument } from './account.document';
import { evolveAccount, withdrawnOn } from './account.evolve';

const spec = ViewSpecification.for(evolveAccount);

describe('accounts view: evolve', () => {
  describe('given no document', () => {
    it('account.opened creates it at version 1 with a zero balance', () => {
      const stream = new AccountStream({ ownerId: 'alice', tenantId: 'acme' });
      const opened = stream.opened(
        { overdraftLimit: '50000', dailyWithdrawalLimit: '300000' },
        '2024-05-17T09:00:00.000Z',
      );

      spec
        .given([])
        .when(opened)
        .thenDocument((doc) => {
          expect(doc).toEqual<AccountDocument>({
            _id: stream.accountId,
            tenantId: 'acme',
            ownerId: 'alice',
            currency: 'EUR',
            balance: '0',
            overdraftLimit: '50000',
            dailyWithdrawalLimit: '300000',
            withdrawnToday: '0',
            lastWithdrawalDay: null,
            status: 'OPEN',
            version: 1,
            openedAt: new Date('2024-05-17T09:00:00.000Z'),
            updatedAt: new Date('2024-05-17T09:00:00.000Z'),
          });
        });
    });

    it('a later event is a gap: the view waits for the opening', () => {
      const stream = new AccountStream();
      stream.opened();
      spec.given([]).when(stream.deposited('100')).thenGap('view at version 0, event is version 2');
    });

    it('a version 1 that is not an opening is a gap, never an invented account', () => {
      const stream = new AccountStream();
      const deposit = {
        ...stream.opened(),
        type: 'account.closed' as const,
        data: { accountId: stream.accountId },
      };
      spec
        .given([])
        .when(deposit)
        .thenGap(/starts with account.opened/);
    });
  });

  describe('given an open account', () => {
    const stream = new AccountStream({ startAt: '2024-05-17T09:00:00.000Z' });
    const opened = stream.opened({ overdraftLimit: '50000' });
    const deposited = stream.deposited('150000', '2024-05-17T10:00:00.000Z', 'salary');

    it('a deposit takes the recorded balance and advances version and updatedAt', () => {
      spec
        .given([opened])
        .when(deposited)
        .thenDocument((doc, before) => {
          expect(doc).toEqual({
            ...before,
            balance: '150000',
            version: 2,
            updatedAt: new Date('2024-05-17T10:00:00.000Z'),
          });
        });
    });

    it('a withdrawal into the overdraft keeps the negative balance exactly', () => {
      const overdrawn = new AccountStream();
      const events = [overdrawn.opened({ overdraftLimit: '50000' }), overdrawn.deposited('1')];
      spec
        .given(events)
        .when(overdrawn.withdrawn('25001'))
        .thenDocument((doc) => expect(doc.balance).toBe('-25000'));
    });

    it('a redelivered event is a duplicate and changes nothing', () => {
      spec.given([opened, deposited]).when(deposited).thenDuplicate();
      spec.given([opened, deposited]).when(opened).thenDuplicate();
    });

    it('an event two versions ahead is a gap', () => {
      const ahead = new AccountStream();
      const events = [ahead.opened(), ahead.deposited('1')];
      ahead.deposited('2');
      spec
        .given(events.slice(0, 1))
        .when(ahead.deposited('3'))
        .thenGap('view at version 1, event is version 4');
    });

    it('account.closed closes it', () => {
      spec
        .given([opened, deposited])
        .when(stream.closed())
        .thenDocument((doc) => {
          expect(doc.status).toBe('CLOSED');
          expect(doc.version).toBe(3);
        });
    });
  });

  describe('withdrawnToday', () => {
    it('adds up the withdrawals of one UTC day', () => {
      const stream = new AccountStream();
      const given = [
        stream.opened(),
        stream.deposited('500000'),
        stream.withdrawn('10000', '2024-05-17T00:00:00.000Z'),
      ];
      spec
        .given(given)
        .when(stream.withdrawn('2550', '2024-05-17T23:59:59.999Z'))
        .thenDocument((doc) => {
          expect(doc.withdrawnToday).toBe('12550');
          expect(doc.lastWithdrawalDay).toBe('2024-05-17');
        });
    });

    it('starts again on the next UTC day, whatever the offset the instant was written with', () => {
      const stream = new AccountStream();
      const given = [
        stream.opened(),
        stream.deposited('500000'),
        stream.withdrawn('10000', '2024-05-17T23:30:00.000Z'),
      ];
      spec
        .given(given)
        // 02:30 at +02:00 on the 18th is 00:30 UTC, so already the next UTC day.
        .when(stream.withdrawn('700', '2024-05-18T02:30:00.000+02:00'))
        .thenDocument((doc) => {
          expect(doc.withdrawnToday).toBe('700');
          expect(doc.lastWithdrawalDay).toBe('2024-05-18');
        });
    });

    it('an earlier day (a skewed clock) is charged to the later day, like the domain does', () => {
      const stream = new AccountStream();
      const given = [
        stream.opened(),
        stream.deposited('500000'),
        stream.withdrawn('10000', '2024-05-18T08:00:00.000Z'),
      ];
      spec
        .given(given)
        .when(stream.withdrawn('5', '2024-05-17T23:59:00.000Z'))
        .thenDocument((doc) => {
          expect(doc.withdrawnToday).toBe('10005');
          expect(doc.lastWithdrawalDay).toBe('2024-05-18');
        });
    });

    it('reads as 0 once the day of the last withdrawal is over, and as the sum during it', () => {
      const doc = { withdrawnToday: '12550', lastWithdrawalDay: '2024-05-17' } as AccountDocument;

      expect(withdrawnOn(doc, '2024-05-17')).toBe('12550');
      expect(withdrawnOn(doc, '2024-05-18')).toBe('0');
      expect(
        withdrawnOn({ ...doc, lastWithdrawalDay: null, withdrawnToday: '0' }, '2024-05-17'),
      ).toBe('0');
    });
  });
});
