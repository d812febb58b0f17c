import { minorUnits, parseMoney } from '@ledgerline/money';
import { accountDecider } from './account-decider';
import type { WithdrawMoney } from './commands';
import { DailyLimitExceeded } from './errors';
import type { AccountEvent } from './events';
import {
  ACCOUNT_STATE_SCHEMA_VERSION,
  InvalidAccountSnapshot,
  deserializeAccountState,
  serializeAccountState,
} from './snapshot';
import type { AccountState, ActiveAccount } from './state';

describe('account snapshots', () => {
  it('are at schema version 1', () => {
    expect(ACCOUNT_STATE_SCHEMA_VERSION).toBe(1);
  });

  describe('round trip through JSON', () => {
    it.each<[string, () => AccountState]>([
      ['unopened', () => ({ status: 'unopened' })],
      ['open and overdrawn, with withdrawals today', () => overdrawnAccount()],
      ['closed', () => ({ ...overdrawnAccount(), balance: minorUnits(0n), status: 'closed' })],
      [
        'open with amounts beyond the float-safe range',
        () => ({ ...overdrawnAccount(), balance: minorUnits(2n ** 80n) }),
      ],
    ])('%s', (_case, state) => {
      const stored: unknown = JSON.parse(JSON.stringify(serializeAccountState(state())));

      expect(deserializeAccountState(stored)).toStrictEqual(state());
    });
  });

  it('serialize version 1 as this shape, amounts as strings of minor units', () => {
    // The stored form: changing it means bumping ACCOUNT_STATE_SCHEMA_VERSION.
    expect(serializeAccountState(overdrawnAccount())).toStrictEqual({
      status: 'open',
      accountId: 'acc-1',
      ownerId: 'customer-42',
      currency: 'EUR',
      balance: '-2500',
      overdraftLimit: '10000',
      dailyWithdrawalLimit: '150000',
      withdrawnToday: '2500',
      withdrawalDay: '2025-03-10',
    });
  });

  it('decide the same from a snapshot as from the events it was taken of', () => {
    const events: AccountEvent[] = [
      {
        type: 'account.opened',
        data: {
          accountId: 'acc-1',
          ownerId: 'customer-42',
          currency: 'EUR',
          overdraftLimit: money('100.00'),
          dailyWithdrawalLimit: money('1500.00'),
        },
        occurredAt: '2025-03-10T08:00:00.000Z',
      },
      {
        type: 'account.money-deposited',
        data: {
          accountId: 'acc-1',
          amount: money('5000.00'),
          currency: 'EUR',
          reference: null,
          balanceAfter: money('5000.00'),
        },
        occurredAt: '2025-03-10T08:30:00.000Z',
      },
      {
        type: 'account.money-withdrawn',
        data: {
          accountId: 'acc-1',
          amount: money('1400.00'),
          currency: 'EUR',
          reference: null,
          balanceAfter: money('3600.00'),
        },
        occurredAt: '2025-03-10T09:00:00.000Z',
      },
    ];
    const replayed = events.reduce(accountDecider.evolve, accountDecider.initialState());
    const restored = deserializeAccountState(
      JSON.parse(JSON.stringify(serializeAccountState(replayed))),
    );
    const withdraw: WithdrawMoney = {
      type: 'WithdrawMoney',
      data: { accountId: 'acc-1', amount: money('100.01') },
      metadata: { now: new Date('2025-03-10T10:00:00.000Z') },
    };

    // 100.01 is one cent over what is left of the day's limit: the counter must survive the trip.
    expect(() => accountDecider.decide(withdraw, replayed)).toThrow(DailyLimitExceeded);
    expect(() => accountDecider.decide(withdraw, restored)).toThrow(DailyLimitExceeded);
    const withinLimit: WithdrawMoney = {
      ...withdraw,
      data: { ...withdraw.data, amount: money('100.00') },
    };
    expect(accountDecider.decide(withinLimit, restored)).toStrictEqual(
      accountDecider.decide(withinLimit, replayed),
    );
  });

  describe('refuse stored data that does not fit, so the caller replays instead', () => {
    it.each<[string, unknown]>([
      ['null', null],
      ['an array', []],
      ['a string', 'open'],
      ['an unknown status', { ...serializedAccount(), status: 'frozen' }],
      ['a missing field', { ...serializedAccount(), ownerId: undefined }],
      ['an amount as a number', { ...serializedAccount(), balance: -2500 }],
      ['an amount in major units', { ...serializedAccount(), balance: '-25.00' }],
      ['an amount with leading zeros', { ...serializedAccount(), balance: '007' }],
      ['an empty amount', { ...serializedAccount(), balance: '' }],
      ['a malformed day', { ...serializedAccount(), withdrawalDay: '10.03.2025' }],
      ['a missing day', { ...serializedAccount(), withdrawalDay: undefined }],
    ])('%s', (_case, stored) => {
      expect(() => deserializeAccountState(stored)).toThrow(InvalidAccountSnapshot);
    });
  });
});

// Fixtures

function money(text: string) {
  return parseMoney(text);
}

function overdrawnAccount(): ActiveAccount {
  return {
    status: 'open',
    accountId: 'acc-1',
    ownerId: 'customer-42',
    currency: 'EUR',
    balance: minorUnits(-2500n),
    overdraftLimit: money('100.00'),
    dailyWithdrawalLimit: money('1500.00'),
    withdrawnToday: money('25.00'),
    withdrawalDay: '2025-03-10',
  };
}

function serializedAccount() {
  return serializeAccountState(overdrawnAccount());
}
