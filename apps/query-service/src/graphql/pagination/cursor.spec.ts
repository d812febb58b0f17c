import { GraphQLError } from 'graphql';
import { accountCursor, accountPositionOf } from '../../views/accounts/account.cursor';
import type { AccountDocument } from '../../views/accounts/account.document';
import {
  transactionCursor,
  transactionPositionOf,
} from '../../views/transactions/transaction.cursor';
import type { TransactionDocument } from '../../views/transactions/transaction.document';
import { decodeCursor, encodeCursor } from './cursor';
import { pageSize } from './page-size';

describe('cursors', () => {
  it('round-trip a sort key through an opaque, URL-safe string', () => {
    const cursor = encodeCursor('account', ['2024-05-17T09:00:00.000Z', 'a/b+c']);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2024');
    expect(decodeCursor('account', cursor)).toEqual(['2024-05-17T09:00:00.000Z', 'a/b+c']);
  });

  it('give an account position back from an account cursor', () => {
    const doc = { _id: 'acc-1', openedAt: new Date('2024-05-17T09:00:00.000Z') } as AccountDocument;

    expect(accountPositionOf(accountCursor(doc))).toEqual({ openedAt: doc.openedAt, id: 'acc-1' });
  });

  it('give a transaction position back from a transaction cursor', () => {
    const doc = {
      occurredAt: new Date('2024-05-17T10:00:00.000Z'),
      version: 7,
    } as TransactionDocument;

    expect(transactionPositionOf(transactionCursor(doc))).toEqual({
      occurredAt: doc.occurredAt,
      version: 7,
    });
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['another connection’s cursor', encodeCursor('transaction', ['2024-05-17T10:00:00.000Z', 7])],
    ['a key of the wrong shape', encodeCursor('account', ['yesterday', 'acc-1'])],
    ['an oversized string', 'A'.repeat(5_000)],
  ])('refuse %s as BAD_USER_INPUT on `after`', (_description, cursor) => {
    let error: unknown;
    try {
      accountPositionOf(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
  });
});

describe('page size', () => {
  it('uses the default when first is absent or null', () => {
    expect(pageSize(undefined, 20)).toBe(20);
    expect(pageSize(null, 50)).toBe(50);
  });

  it.each([1, 100])('accepts %p', (first) => {
    expect(pageSize(first, 20)).toBe(first);
  });

  it.each([0, -1, 101, 1_000_000])('refuses %p, naming the bounds', (first) => {
    expect(() => pageSize(first, 20)).toThrow(
      `Argument first must be between 1 and 100, got ${first}.`,
    );
  });
});
