import { minorUnits, parseMoney } from '@ledgerline/money';
import { accountDecider } from './account-decider';
import type {
  AccountClosed,
  AccountEvent,
  AccountOpened,
  MoneyDeposited,
  MoneyWithdrawn,
} from './events';
import { type AccountState, type ActiveAccount, withdrawnOn } from './state';

const { evolve, initialState } = accountDecider;

describe('evolve', () => {
  it('starts unopened', () => {
    expect(initialState()).toStrictEqual({ status: 'unopened' });
  });

  it('opens with a zero balance and no withdrawals yet', () => {
    expect(fold([OPENED])).toStrictEqual(activeAccount());
  });

  it('takes the balance from the recorded balanceAfter', () => {
    const state = fold([OPENED, deposited('100.00', '100.00'), withdrawn('30.00', '70.00')]);

    expect(state).toMatchObject({ balance: money('70.00') });
  });

  describe('the withdrawal counter', () => {
    it('records the day and the amount of the first withdrawal', () => {
      const state = fold([OPENED, withdrawn('10.00', '-10.00', '2025-03-10T23:59:59.999Z')]);

      expect(state).toMatchObject({ withdrawnToday: money('10.00'), withdrawalDay: '2025-03-10' });
    });

    it('adds withdrawals of the same UTC day', () => {
      const state = fold([
        OPENED,
        withdrawn('10.00', '-10.00', '2025-03-10T00:00:00.000Z'),
        withdrawn('5.00', '-15.00', '2025-03-10T23:59:59.999Z'),
      ]);

      expect(state).toMatchObject({ withdrawnToday: money('15.00'), withdrawalDay: '2025-03-10' });
    });

    it('starts again on a later UTC day', () => {
      const state = fold([
        OPENED,
        withdrawn('10.00', '-10.00', '2025-03-10T23:59:59.999Z'),
        withdrawn('5.00', '-15.00', '2025-03-11T00:00:00.000Z'),
      ]);

      expect(state).toMatchObject({ withdrawnToday: money('5.00'), withdrawalDay: '2025-03-11' });
    });

    it('charges a withdrawal recorded with an earlier day (clock skew) to the later day', () => {
      const state = fold([
        OPENED,
        withdrawn('10.00', '-10.00', '2025-03-11T00:00:00.000Z'),
        withdrawn('5.00', '-15.00', '2025-03-10T23:59:59.999Z'),
      ]);

      expect(state).toMatchObject({ withdrawnToday: money('15.00'), withdrawalDay: '2025-03-11' });
    });

    it('reads the UTC day of timestamps recorded with an offset', () => {
      const state = fold([OPENED, withdrawn('10.00', '-10.00', '2025-03-10T23:30:00-02:00')]);

      expect(state).toMatchObject({ withdrawalDay: '2025-03-11' });
    });

    it('is left alone by deposits', () => {
      const state = fold([
        OPENED,
        withdrawn('10.00', '-10.00', '2025-03-10T08:00:00.000Z'),
        deposited('50.00', '40.00', '2025-03-11T08:00:00.000Z'),
      ]);

      expect(state).toMatchObject({ withdrawnToday: money('10.00'), withdrawalDay: '2025-03-10' });
    });
  });

  it('keeps every detail of a closed account', () => {
    expect(fold([OPENED, CLOSED])).toStrictEqual({ ...activeAccount(), status: 'closed' });
  });

  describe('never throws on a recorded event', () => {
    it('skips money events before the account was opened', () => {
      expect(fold([deposited('1.00', '1.00'), withdrawn('1.00', '0.00'), CLOSED])).toStrictEqual({
        status: 'unopened',
      });
    });

    it('keeps the first opening when the account is opened twice', () => {
      const reopened: AccountOpened = {
        ...OPENED,
        data: { ...OPENED.data, ownerId: 'someone-else' },
      };

      expect(fold([OPENED, reopened])).toStrictEqual(activeAccount());
    });

    it('applies money events recorded after closing: the balance must match the facts', () => {
      expect(fold([OPENED, CLOSED, deposited('1.00', '1.00')])).toStrictEqual({
        ...activeAccount({ balance: money('1.00') }),
        status: 'closed',
      });
    });

    it('ignores a second closing', () => {
      expect(fold([OPENED, CLOSED, CLOSED])).toStrictEqual({
        ...activeAccount(),
        status: 'closed',
      });
    });

    it('skips event types it does not know (written by a newer version)', () => {
      const future = { type: 'account.renamed', data: {}, occurredAt: NOON } as unknown;

      expect(fold([OPENED, future as AccountEvent])).toStrictEqual(activeAccount());
    });

    it('survives an unparsable timestamp', () => {
      expect(() => fold([OPENED, withdrawn('1.00', '-1.00', 'not a date')])).not.toThrow();
    });
  });
});

describe('withdrawnOn', () => {
  // A function, not a constant: describe bodies run before the fixtures below are initialised.
  const account = () =>
    activeAccount({ withdrawnToday: money('10.00'), withdrawalDay: '2025-03-10' });

  it('is the counter on the day it belongs to', () => {
    expect(withdrawnOn(account(), '2025-03-10')).toBe(money('10.00'));
  });

  it('is zero on a later day', () => {
    expect(withdrawnOn(account(), '2025-03-11')).toBe(0n);
  });

  it('is the counter on an earlier day, so skew never reopens an allowance', () => {
    expect(withdrawnOn(account(), '2025-03-09')).toBe(money('10.00'));
  });

  it('is zero before the first withdrawal', () => {
    expect(withdrawnOn(activeAccount(), '2025-03-10')).toBe(0n);
  });
});

// Fixtures

function fold(events: AccountEvent[]): AccountState {
  return events.reduce(evolve, initialState());
}

function money(text: string) {
  return parseMoney(text);
}

function signedMoney(text: string) {
  return text.startsWith('-') ? minorUnits(-money(text.slice(1))) : money(text);
}

function activeAccount(overrides: Partial<ActiveAccount> = {}): ActiveAccount {
  return {
    status: 'open',
    accountId: ACCOUNT_ID,
    ownerId: 'customer-42',
    currency: 'EUR',
    balance: minorUnits(0n),
    overdraftLimit: money('100.00'),
    dailyWithdrawalLimit: money('1500.00'),
    withdrawnToday: minorUnits(0n),
    withdrawalDay: null,
    ...overrides,
  };
}

function deposited(amount: string, balanceAfter: string, at = NOON): MoneyDeposited {
  return {
    type: 'account.money-deposited',
    data: {
      accountId: ACCOUNT_ID,
      amount: money(amount),
      currency: 'EUR',
      reference: null,
      balanceAfter: signedMoney(balanceAfter),
    },
    occurredAt: at,
  };
}

function withdrawn(amount: string, balanceAfter: string, at = NOON): MoneyWithdrawn {
  return {
    type: 'account.money-withdrawn',
    data: {
      accountId: ACCOUNT_ID,
      amount: money(amount),
      currency: 'EUR',
      reference: null,
      balanceAfter: signedMoney(balanceAfter),
    },
    occurredAt: at,
  };
}

const ACCOUNT_ID = 'acc-1';
const NOON = '2025-03-10T12:00:00.000Z';

const OPENED: AccountOpened = {
  type: 'account.opened',
  data: {
    accountId: ACCOUNT_ID,
    ownerId: 'customer-42',
    currency: 'EUR',
    overdraftLimit: money('100.00'),
    dailyWithdrawalLimit: money('1500.00'),
  },
  occurredAt: NOON,
};

const CLOSED: AccountClosed = {
  type: 'account.closed',
  data: { accountId: ACCOUNT_ID },
  occurredAt: NOON,
};
