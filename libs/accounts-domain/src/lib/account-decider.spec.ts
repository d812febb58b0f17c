import { NotFoundError, ValidationError } from '@ledgerline/domain-kernel';
import { MAX_AMOUNT, minorUnits, parseMoney, type MinorUnits } from '@ledgerline/money';
import { DeciderSpecification } from '@ledgerline/testing';
import { accountDecider } from './account-decider';
import type { CloseAccount, DepositMoney, OpenAccount, WithdrawMoney } from './commands';
import {
  ACCOUNT_PROBLEM_TYPES,
  AccountAlreadyExists,
  AccountIsClosed,
  BalanceNotZero,
  CurrencyMismatch,
  DailyLimitExceeded,
  InsufficientFunds,
} from './errors';
import type { AccountClosed, AccountOpened, MoneyDeposited, MoneyWithdrawn } from './events';

const spec = DeciderSpecification.for(accountDecider);

describe('Account', () => {
  describe('unopened', () => {
    it('opens with the given owner, currency and limits', () => {
      spec.given([]).when(openAccount()).then([opened()]);
    });

    it('opens with no overdraft and a zero daily limit', () => {
      spec
        .given([])
        .when(openAccount({ overdraftLimit: money('0'), dailyWithdrawalLimit: money('0') }))
        .then([opened({ overdraftLimit: money('0'), dailyWithdrawalLimit: money('0') })]);
    });

    it('opens with limits of exactly the maximum amount', () => {
      spec
        .given([])
        .when(openAccount({ overdraftLimit: MAX_AMOUNT, dailyWithdrawalLimit: MAX_AMOUNT }))
        .then([opened({ overdraftLimit: MAX_AMOUNT, dailyWithdrawalLimit: MAX_AMOUNT })]);
    });

    it('records the instant from the command metadata, in UTC', () => {
      spec
        .given([])
        .when(openAccount({}, '2025-03-10T23:30:00.000-02:00'))
        .then([opened({}, '2025-03-11T01:30:00.000Z')]);
    });

    it.each(['eur', 'EURO', 'EU', '€', ''])('refuses the currency %j', (currency) => {
      spec
        .given([])
        .when(openAccount({ currency }))
        .thenThrows(ValidationError, (error) => expect(error.field).toBe('currency'));
    });

    it.each(['overdraftLimit', 'dailyWithdrawalLimit'] as const)(
      'refuses a negative %s',
      (field) => {
        spec
          .given([])
          .when(openAccount({ [field]: minorUnits(-1n) }))
          .thenThrows(ValidationError, (error) => {
            expect(error.field).toBe(field);
            expect(error.message).toBe(`${field} must not be negative`);
          });
      },
    );

    it.each(['overdraftLimit', 'dailyWithdrawalLimit'] as const)(
      'refuses a %s one cent above the maximum amount',
      (field) => {
        spec
          .given([])
          .when(openAccount({ [field]: minorUnits(MAX_AMOUNT + 1n) }))
          .thenThrows(ValidationError, (error) => {
            expect(error.field).toBe(field);
            expect(error.message).toBe(`${field} must not exceed 1000000000.00`);
          });
      },
    );

    it.each(['accountId', 'ownerId'] as const)('refuses a blank %s', (field) => {
      spec
        .given([])
        .when(openAccount({ [field]: '  ' }))
        .thenThrows(ValidationError, (error) => expect(error.field).toBe(field));
    });

    it('accepts an owner id of 255 characters, such as a long identity-provider subject', () => {
      const ownerId = 'auth0|' + 'x'.repeat(249);
      spec
        .given([])
        .when(openAccount({ ownerId }))
        .then([opened({ ownerId })]);
    });

    it('refuses an owner id of 256 characters', () => {
      spec
        .given([])
        .when(openAccount({ ownerId: 'x'.repeat(256) }))
        .thenThrows(ValidationError, (error) => {
          expect(error.field).toBe('ownerId');
          expect(error.message).toBe('ownerId must be at most 255 characters');
        });
    });

    it('does not know deposits', () => {
      spec
        .given([])
        .when(deposit('10.00'))
        .thenThrows(NotFoundError, (error) => {
          expect(error.streamType).toBe('account');
          expect(error.streamId).toBe(ACCOUNT_ID);
        });
    });

    it('does not know withdrawals', () => {
      spec
        .given([])
        .when(withdraw('10.00'))
        .thenThrows(NotFoundError, (error) => expect(error.streamId).toBe(ACCOUNT_ID));
    });

    it('cannot be closed', () => {
      spec
        .given([])
        .when(closeAccount())
        .thenThrows(NotFoundError, (error) => expect(error.streamId).toBe(ACCOUNT_ID));
    });
  });

  describe('open', () => {
    it('cannot be opened again', () => {
      spec
        .given([opened()])
        .when(openAccount())
        .thenThrows(AccountAlreadyExists, (error) => {
          expect(error.problemType).toBe('/problems/account-already-exists');
          expect(error.details).toEqual({ accountId: ACCOUNT_ID });
        });
    });

    describe('deposits', () => {
      it('records the deposit and the balance after it', () => {
        spec
          .given([opened()])
          .when(deposit('100.00'))
          .then([deposited('100.00', { balanceAfter: '100.00' })]);
      });

      it('adds to the balance of earlier deposits', () => {
        spec
          .given([opened(), deposited('100.00', { balanceAfter: '100.00' })])
          .when(deposit('0.01'))
          .then([deposited('0.01', { balanceAfter: '100.01' })]);
      });

      it('brings an overdrawn account back up', () => {
        spec
          .given([opened(), withdrawn('50.00', { balanceAfter: '-50.00' })])
          .when(deposit('20.00'))
          .then([deposited('20.00', { balanceAfter: '-30.00' })]);
      });

      it('keeps the reference', () => {
        spec
          .given([opened()])
          .when(deposit('1.00', { reference: 'salary March' }))
          .then([deposited('1.00', { balanceAfter: '1.00', reference: 'salary March' })]);
      });

      it('accepts a reference of exactly 140 characters, counting an emoji as one', () => {
        const reference = '💶'.repeat(140);
        spec
          .given([opened()])
          .when(deposit('1.00', { reference }))
          .then([deposited('1.00', { balanceAfter: '1.00', reference })]);
      });

      it('refuses a reference of 141 characters', () => {
        spec
          .given([opened()])
          .when(deposit('1.00', { reference: 'x'.repeat(141) }))
          .thenThrows(ValidationError, (error) => expect(error.field).toBe('reference'));
      });

      it('accepts the account currency when the client states it', () => {
        spec
          .given([opened()])
          .when(deposit('1.00', { currency: 'EUR' }))
          .then([deposited('1.00', { balanceAfter: '1.00' })]);
      });

      it('refuses another currency', () => {
        spec
          .given([opened()])
          .when(deposit('1.00', { currency: 'USD' }))
          .thenThrows(CurrencyMismatch, (error) => {
            expect(error.problemType).toBe('/problems/currency-mismatch');
            expect(error.details).toEqual({
              accountId: ACCOUNT_ID,
              accountCurrency: 'EUR',
              requestedCurrency: 'USD',
            });
          });
      });

      it('refuses a malformed currency as invalid input, not as a mismatch', () => {
        spec
          .given([opened()])
          .when(deposit('1.00', { currency: 'eur' }))
          .thenThrows(ValidationError, (error) => expect(error.field).toBe('currency'));
      });

      it('accepts exactly the maximum amount', () => {
        spec
          .given([opened()])
          .when(deposit('1000000000.00'))
          .then([deposited('1000000000.00', { balanceAfter: '1000000000.00' })]);
      });

      it.each([
        ['zero', 0n, 'amount must be greater than 0.00'],
        ['negative', -1n, 'amount must be greater than 0.00'],
        ['one cent above the maximum', MAX_AMOUNT + 1n, 'amount must not exceed 1000000000.00'],
      ])('refuses an amount that is %s', (_case, amount, message) => {
        spec
          .given([opened()])
          .when(deposit(minorUnits(amount)))
          .thenThrows(ValidationError, (error) => {
            expect(error.field).toBe('amount');
            expect(error.message).toBe(message);
          });
      });

      it('refuses an amount that is a number, not minor units, at run time', () => {
        spec
          .given([opened()])
          .when(deposit(1 as unknown as MinorUnits))
          .thenThrows(ValidationError, (error) => expect(error.field).toBe('amount'));
      });
    });

    describe('withdrawals and the overdraft', () => {
      it('records the withdrawal and the balance after it', () => {
        spec
          .given([opened(), deposited('100.00', { balanceAfter: '100.00' })])
          .when(withdraw('30.00', { reference: 'ATM' }))
          .then([withdrawn('30.00', { balanceAfter: '70.00', reference: 'ATM' })]);
      });

      it('may take the balance exactly to minus the overdraft limit', () => {
        spec
          .given([opened(), deposited('10.00', { balanceAfter: '10.00' })])
          .when(withdraw('110.00'))
          .then([withdrawn('110.00', { balanceAfter: '-100.00' })]);
      });

      it('refuses one cent beyond the overdraft limit', () => {
        spec
          .given([opened(), deposited('10.00', { balanceAfter: '10.00' })])
          .when(withdraw('110.01'))
          .thenThrows(InsufficientFunds, (error) => {
            expect(error.problemType).toBe('/problems/insufficient-funds');
            expect(error.details).toEqual({ requested: '110.01', available: '110.00' });
          });
      });

      it('counts what an overdrawn account has left of its overdraft', () => {
        spec
          .given([opened(), withdrawn('99.99', { balanceAfter: '-99.99' })])
          .when(withdraw('0.02'))
          .thenThrows(InsufficientFunds, (error) =>
            expect(error.details).toEqual({ requested: '0.02', available: '0.01' }),
          );
      });

      it('lets an overdrawn account use the last cent of its overdraft', () => {
        spec
          .given([opened(), withdrawn('99.99', { balanceAfter: '-99.99' })])
          .when(withdraw('0.01'))
          .then([withdrawn('0.01', { balanceAfter: '-100.00' })]);
      });

      describe('without an overdraft', () => {
        const noOverdraft = () => opened({ overdraftLimit: money('0') });

        it('may withdraw exactly the balance', () => {
          spec
            .given([noOverdraft(), deposited('50.00', { balanceAfter: '50.00' })])
            .when(withdraw('50.00'))
            .then([withdrawn('50.00', { balanceAfter: '0.00' })]);
        });

        it('refuses one cent more than the balance', () => {
          spec
            .given([noOverdraft(), deposited('50.00', { balanceAfter: '50.00' })])
            .when(withdraw('50.01'))
            .thenThrows(InsufficientFunds, (error) =>
              expect(error.details).toEqual({ requested: '50.01', available: '50.00' }),
            );
        });

        it('refuses any withdrawal from an empty account', () => {
          spec
            .given([noOverdraft()])
            .when(withdraw('0.01'))
            .thenThrows(InsufficientFunds, (error) =>
              expect(error.details).toEqual({ requested: '0.01', available: '0.00' }),
            );
        });
      });

      it('refuses another currency', () => {
        spec
          .given([opened(), deposited('100.00', { balanceAfter: '100.00' })])
          .when(withdraw('1.00', { currency: 'CHF' }))
          .thenThrows(CurrencyMismatch, (error) =>
            expect(error.details['requestedCurrency']).toBe('CHF'),
          );
      });

      it('refuses a zero amount', () => {
        spec
          .given([opened(), deposited('100.00', { balanceAfter: '100.00' })])
          .when(withdraw('0.00'))
          .thenThrows(ValidationError, (error) => expect(error.field).toBe('amount'));
      });

      it('refuses an amount above the maximum as invalid, before looking at the funds', () => {
        spec
          .given([opened()])
          .when(withdraw(minorUnits(MAX_AMOUNT + 1n)))
          .thenThrows(ValidationError, (error) => expect(error.field).toBe('amount'));
      });

      it('reports insufficient funds first when the daily limit is broken too', () => {
        spec.given([opened()]).when(withdraw('2000.00')).thenThrows(InsufficientFunds);
      });
    });

    describe('the daily withdrawal limit', () => {
      it('allows withdrawing exactly the limit in one go', () => {
        spec
          .given([opened(), deposited('5000.00', { balanceAfter: '5000.00' })])
          .when(withdraw('1500.00'))
          .then([withdrawn('1500.00', { balanceAfter: '3500.00' })]);
      });

      it('refuses one cent over the limit in one go', () => {
        spec
          .given([opened(), deposited('5000.00', { balanceAfter: '5000.00' })])
          .when(withdraw('1500.01'))
          .thenThrows(DailyLimitExceeded, (error) => {
            expect(error.problemType).toBe('/problems/daily-limit-exceeded');
            expect(error.details).toEqual({
              requested: '1500.01',
              remaining: '1500.00',
              dailyLimit: '1500.00',
            });
          });
      });

      it('adds up the day’s withdrawals up to exactly the limit', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1000.00', { balanceAfter: '4000.00', at: '2025-03-10T08:00:00.000Z' }),
            withdrawn('499.99', { balanceAfter: '3500.01', at: '2025-03-10T09:00:00.000Z' }),
          ])
          .when(withdraw('0.01', { at: '2025-03-10T10:00:00.000Z' }))
          .then([withdrawn('0.01', { balanceAfter: '3500.00', at: '2025-03-10T10:00:00.000Z' })]);
      });

      it('refuses one cent more once the limit is used up', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1000.00', { balanceAfter: '4000.00', at: '2025-03-10T00:00:00.000Z' }),
            withdrawn('500.00', { balanceAfter: '3500.00', at: '2025-03-10T12:00:00.000Z' }),
          ])
          .when(withdraw('0.01', { at: '2025-03-10T23:59:59.999Z' }))
          .thenThrows(DailyLimitExceeded, (error) =>
            expect(error.details).toEqual({
              requested: '0.01',
              remaining: '0.00',
              dailyLimit: '1500.00',
            }),
          );
      });

      it('does not count deposits, nor let them restore the allowance', () => {
        spec
          .given([
            opened(),
            deposited('2000.00', { balanceAfter: '2000.00' }),
            withdrawn('1500.00', { balanceAfter: '500.00' }),
            deposited('3000.00', { balanceAfter: '3500.00' }),
          ])
          .when(withdraw('0.01'))
          .thenThrows(DailyLimitExceeded);
      });

      it('lets deposits be made after the limit is used up', () => {
        spec
          .given([
            opened(),
            deposited('2000.00', { balanceAfter: '2000.00' }),
            withdrawn('1500.00', { balanceAfter: '500.00' }),
          ])
          .when(deposit('5000.00'))
          .then([deposited('5000.00', { balanceAfter: '5500.00' })]);
      });

      it('starts afresh at UTC midnight: the full limit again at 00:00:00.000Z', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1500.00', { balanceAfter: '3500.00', at: '2025-03-10T23:59:59.999Z' }),
          ])
          .when(withdraw('1500.00', { at: '2025-03-11T00:00:00.000Z' }))
          .then([
            withdrawn('1500.00', { balanceAfter: '2000.00', at: '2025-03-11T00:00:00.000Z' }),
          ]);
      });

      it('still counts the old day at 23:59:59.999Z', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1500.00', { balanceAfter: '3500.00', at: '2025-03-10T00:00:00.000Z' }),
          ])
          .when(withdraw('0.01', { at: '2025-03-10T23:59:59.999Z' }))
          .thenThrows(DailyLimitExceeded);
      });

      it('counts withdrawals after midnight against the new day only', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1000.00', { balanceAfter: '4000.00', at: '2025-03-10T23:00:00.000Z' }),
            withdrawn('1000.00', { balanceAfter: '3000.00', at: '2025-03-11T00:30:00.000Z' }),
          ])
          .when(withdraw('500.01', { at: '2025-03-11T01:00:00.000Z' }))
          .thenThrows(DailyLimitExceeded, (error) =>
            expect(error.details['remaining']).toBe('500.00'),
          );
      });

      it('allows the rest of the new day’s limit after midnight', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1000.00', { balanceAfter: '4000.00', at: '2025-03-10T23:00:00.000Z' }),
            withdrawn('1000.00', { balanceAfter: '3000.00', at: '2025-03-11T00:30:00.000Z' }),
          ])
          .when(withdraw('500.00', { at: '2025-03-11T01:00:00.000Z' }))
          .then([withdrawn('500.00', { balanceAfter: '2500.00', at: '2025-03-11T01:00:00.000Z' })]);
      });

      it('starts afresh after days without withdrawals', () => {
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1500.00', { balanceAfter: '3500.00', at: '2025-03-10T12:00:00.000Z' }),
          ])
          .when(withdraw('1500.00', { at: '2025-04-02T12:00:00.000Z' }))
          .then([
            withdrawn('1500.00', { balanceAfter: '2000.00', at: '2025-04-02T12:00:00.000Z' }),
          ]);
      });

      it('goes by the UTC day, not the local one', () => {
        // 23:30 at UTC-2 on the 10th is already 01:30 UTC on the 11th: a new day for the limit.
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1500.00', { balanceAfter: '3500.00', at: '2025-03-10T20:00:00.000Z' }),
          ])
          .when(withdraw('1500.00', { at: '2025-03-10T23:30:00.000-02:00' }))
          .then([
            withdrawn('1500.00', { balanceAfter: '2000.00', at: '2025-03-11T01:30:00.000Z' }),
          ]);
      });

      it('charges a command from a clock behind the last withdrawal’s day to that day', () => {
        // Another instance's clock still says the 10th after a withdrawal on the 11th was recorded:
        // skew must not reopen the 10th's allowance, so the later day's counter applies.
        spec
          .given([
            opened(),
            deposited('5000.00', { balanceAfter: '5000.00' }),
            withdrawn('1500.00', { balanceAfter: '3500.00', at: '2025-03-11T00:00:00.000Z' }),
          ])
          .when(withdraw('0.01', { at: '2025-03-10T23:59:59.999Z' }))
          .thenThrows(DailyLimitExceeded);
      });

      it('refuses every withdrawal when the daily limit is zero', () => {
        spec
          .given([
            opened({ dailyWithdrawalLimit: money('0') }),
            deposited('100.00', { balanceAfter: '100.00' }),
          ])
          .when(withdraw('0.01'))
          .thenThrows(DailyLimitExceeded, (error) =>
            expect(error.details).toEqual({
              requested: '0.01',
              remaining: '0.00',
              dailyLimit: '0.00',
            }),
          );
      });
    });

    describe('closing', () => {
      it('closes with a zero balance', () => {
        spec.given([opened()]).when(closeAccount()).then([closed()]);
      });

      it('closes once deposits and withdrawals have come back to zero', () => {
        spec
          .given([
            opened(),
            deposited('100.00', { balanceAfter: '100.00' }),
            withdrawn('100.00', { balanceAfter: '0.00' }),
          ])
          .when(closeAccount())
          .then([closed()]);
      });

      it('refuses while a positive balance remains', () => {
        spec
          .given([opened(), deposited('0.01', { balanceAfter: '0.01' })])
          .when(closeAccount())
          .thenThrows(BalanceNotZero, (error) => {
            expect(error.problemType).toBe('/problems/balance-not-zero');
            expect(error.details).toEqual({ accountId: ACCOUNT_ID, balance: '0.01' });
          });
      });

      it('refuses while overdrawn', () => {
        spec
          .given([opened(), withdrawn('0.01', { balanceAfter: '-0.01' })])
          .when(closeAccount())
          .thenThrows(BalanceNotZero, (error) =>
            expect(error.details).toEqual({ accountId: ACCOUNT_ID, balance: '-0.01' }),
          );
      });
    });

    it('refuses a command meant for another account (the app loaded the wrong stream)', () => {
      spec
        .given([opened()])
        .when(deposit('1.00', { accountId: OTHER_ACCOUNT_ID }))
        .thenThrows(Error, (error) => {
          expect(error).not.toBeInstanceOf(NotFoundError);
          expect(error.message).toContain(OTHER_ACCOUNT_ID);
        });
    });
  });

  describe('closed', () => {
    const closedAccount = () => [opened(), closed()];

    it('refuses deposits', () => {
      spec
        .given(closedAccount())
        .when(deposit('1.00'))
        .thenThrows(AccountIsClosed, (error) => {
          expect(error.problemType).toBe(ACCOUNT_PROBLEM_TYPES.accountClosed);
          expect(error.problemType).toBe('/problems/account-closed');
          expect(error.details).toEqual({ accountId: ACCOUNT_ID, command: 'DepositMoney' });
        });
    });

    it('refuses withdrawals', () => {
      spec
        .given(closedAccount())
        .when(withdraw('1.00'))
        .thenThrows(AccountIsClosed, (error) =>
          expect(error.details['command']).toBe('WithdrawMoney'),
        );
    });

    it('refuses to be closed again', () => {
      spec
        .given(closedAccount())
        .when(closeAccount())
        .thenThrows(AccountIsClosed, (error) =>
          expect(error.details['command']).toBe('CloseAccount'),
        );
    });

    it('refuses to be opened again', () => {
      spec
        .given(closedAccount())
        .when(openAccount())
        .thenThrows(AccountIsClosed, (error) =>
          expect(error.details['command']).toBe('OpenAccount'),
        );
    });

    it('refuses a deposit in another currency as closed, the more fundamental refusal', () => {
      spec
        .given(closedAccount())
        .when(deposit('1.00', { currency: 'USD' }))
        .thenThrows(AccountIsClosed);
    });

    it('still reports malformed input as invalid: validity does not depend on state', () => {
      spec
        .given(closedAccount())
        .when(withdraw('0.00'))
        .thenThrows(ValidationError, (error) => expect(error.field).toBe('amount'));
    });
  });
});

// Fixtures. Events are written out as the facts they are; commands default to noon UTC on
// 2025-03-10 so only the tests about days need to state a time.

const ACCOUNT_ID = '7d1f7a52-5b0c-4c43-9d35-2b0e1e2f6a10';
const OTHER_ACCOUNT_ID = '0b9a4f4e-9a43-4d5e-8f0e-6a8f3c1d2e77';
const OWNER_ID = 'customer-42';
const NOON = '2025-03-10T12:00:00.000Z';

function money(text: string): MinorUnits {
  return parseMoney(text);
}

function amountOf(value: string | MinorUnits): MinorUnits {
  return typeof value === 'string' ? money(value) : value;
}

function openAccount(data: Partial<OpenAccount['data']> = {}, at = NOON): OpenAccount {
  return {
    type: 'OpenAccount',
    data: {
      accountId: ACCOUNT_ID,
      ownerId: OWNER_ID,
      currency: 'EUR',
      overdraftLimit: money('100.00'),
      dailyWithdrawalLimit: money('1500.00'),
      ...data,
    },
    metadata: { now: new Date(at) },
  };
}

interface MoneyCommandOptions {
  at?: string;
  accountId?: string;
  currency?: string;
  reference?: string;
}

function deposit(amount: string | MinorUnits, options: MoneyCommandOptions = {}): DepositMoney {
  const { at = NOON, accountId = ACCOUNT_ID, ...rest } = options;
  return {
    type: 'DepositMoney',
    data: { accountId, amount: amountOf(amount), ...rest },
    metadata: { now: new Date(at) },
  };
}

function withdraw(amount: string | MinorUnits, options: MoneyCommandOptions = {}): WithdrawMoney {
  const { at = NOON, accountId = ACCOUNT_ID, ...rest } = options;
  return {
    type: 'WithdrawMoney',
    data: { accountId, amount: amountOf(amount), ...rest },
    metadata: { now: new Date(at) },
  };
}

function closeAccount(at = NOON): CloseAccount {
  return { type: 'CloseAccount', data: { accountId: ACCOUNT_ID }, metadata: { now: new Date(at) } };
}

function opened(data: Partial<AccountOpened['data']> = {}, at = NOON): AccountOpened {
  return {
    type: 'account.opened',
    data: {
      accountId: ACCOUNT_ID,
      ownerId: OWNER_ID,
      currency: 'EUR',
      overdraftLimit: money('100.00'),
      dailyWithdrawalLimit: money('1500.00'),
      ...data,
    },
    occurredAt: at,
  };
}

interface MoneyEventOptions {
  balanceAfter: string;
  at?: string;
  reference?: string;
}

function deposited(amount: string, options: MoneyEventOptions): MoneyDeposited {
  return {
    type: 'account.money-deposited',
    data: {
      accountId: ACCOUNT_ID,
      amount: money(amount),
      currency: 'EUR',
      reference: options.reference ?? null,
      balanceAfter: signedMoney(options.balanceAfter),
    },
    occurredAt: options.at ?? NOON,
  };
}

function withdrawn(amount: string, options: MoneyEventOptions): MoneyWithdrawn {
  return {
    type: 'account.money-withdrawn',
    data: {
      accountId: ACCOUNT_ID,
      amount: money(amount),
      currency: 'EUR',
      reference: options.reference ?? null,
      balanceAfter: signedMoney(options.balanceAfter),
    },
    occurredAt: options.at ?? NOON,
  };
}

function closed(at = NOON): AccountClosed {
  return { type: 'account.closed', data: { accountId: ACCOUNT_ID }, occurredAt: at };
}

/** Balances may be negative; amounts (and so parseMoney) never are. */
function signedMoney(text: string): MinorUnits {
  return text.startsWith('-') ? minorUnits(-money(text.slice(1))) : money(text);
}
