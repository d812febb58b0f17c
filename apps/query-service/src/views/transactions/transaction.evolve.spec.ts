import { AccountStream } from '../../../test/support/account-stream';
import { transactionOf } from './transaction.evolve';

describe('transactions view: evolve', () => {
  const stream = new AccountStream({ tenantId: 'acme' });
  const opened = stream.opened({ overdraftLimit: '50000' });
  const deposited = stream.deposited('150000', '2024-05-17T10:00:00.000Z', 'Salary May');
  const withdrawn = stream.withdrawn('175000', '2024-05-17T18:30:00.000+02:00');

  it('a deposit is a DEPOSIT keyed by its event id', () => {
    expect(transactionOf(deposited)).toEqual({
      _id: deposited.eventId,
      tenantId: 'acme',
      accountId: stream.accountId,
      kind: 'DEPOSIT',
      amount: '150000',
      balanceAfter: '150000',
      currency: 'EUR',
      reference: 'Salary May',
      occurredAt: new Date('2024-05-17T10:00:00.000Z'),
      version: 2,
      transferId: null,
    });
  });

  it('a withdrawal is a WITHDRAWAL with the signed balance after it', () => {
    expect(transactionOf(withdrawn)).toMatchObject({
      _id: withdrawn.eventId,
      kind: 'WITHDRAWAL',
      amount: '175000',
      balanceAfter: '-25000',
      reference: null,
      occurredAt: new Date('2024-05-17T16:30:00.000Z'),
      version: 3,
    });
  });

  it('opening and closing move no money', () => {
    expect(transactionOf(opened)).toBeNull();
    expect(transactionOf(stream.closed())).toBeNull();
  });
});
