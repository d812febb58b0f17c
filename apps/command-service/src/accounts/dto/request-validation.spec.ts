import { OWNER_ID_MAX_LENGTH, REFERENCE_MAX_LENGTH } from '@ledgerline/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AccountEventsQuery, MAX_STREAM_VERSION } from './account-events.query';
import { MoneyMovementRequest } from './money-movement.request';
import { OpenAccountRequest } from './open-account.request';

/** The fields that fail validation, as the global pipe (strictValidationPipe) would report them. */
async function invalidFields<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.map((error) => error.property).sort();
}

const opening = { ownerId: 'alice', currency: 'EUR' };

describe('request DTOs agree with the published schema', () => {
  it('accept a minimal and a full opening', async () => {
    expect(await invalidFields(OpenAccountRequest, opening)).toEqual([]);
    expect(
      await invalidFields(OpenAccountRequest, {
        ...opening,
        accountId: '6f9619ff-8b86-4d11-b42d-00c04fc964ff',
        overdraftLimit: '0',
        dailyWithdrawalLimit: '1000000000.00',
      }),
    ).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    [' \t\u00a0\u3000\ufeff', 'blank by String.prototype.trim'],
    ['al\u0000ice', 'holding U+0000'],
    ['al\ud800ice', 'holding a lone surrogate'],
    ['x'.repeat(OWNER_ID_MAX_LENGTH + 1), 'longer than OWNER_ID_MAX_LENGTH'],
  ])('refuse an ownerId %#: %s', async (ownerId) => {
    expect(await invalidFields(OpenAccountRequest, { ...opening, ownerId })).toEqual(['ownerId']);
  });

  it('accept an ownerId of OWNER_ID_MAX_LENGTH characters, astral ones counted once', async () => {
    const ownerId = '💶'.repeat(OWNER_ID_MAX_LENGTH);
    expect(await invalidFields(OpenAccountRequest, { ...opening, ownerId })).toEqual([]);
    expect(await invalidFields(OpenAccountRequest, { ...opening, ownerId: ' \u0085x ' })).toEqual(
      [],
    );
  });

  it('refuse null for optional fields, which the schema types as strings', async () => {
    expect(
      await invalidFields(OpenAccountRequest, {
        ...opening,
        accountId: null,
        overdraftLimit: null,
        dailyWithdrawalLimit: null,
      }),
    ).toEqual(['accountId', 'dailyWithdrawalLimit', 'overdraftLimit']);
    expect(
      await invalidFields(MoneyMovementRequest, { amount: '1', reference: null, currency: null }),
    ).toEqual(['currency', 'reference']);
  });

  it('bound amounts and references as the schema does', async () => {
    expect(await invalidFields(MoneyMovementRequest, { amount: '0.00' })).toEqual(['amount']);
    expect(await invalidFields(MoneyMovementRequest, { amount: '1000000000.01' })).toEqual([
      'amount',
    ]);
    expect(
      await invalidFields(MoneyMovementRequest, {
        amount: '0.01',
        reference: 'r'.repeat(REFERENCE_MAX_LENGTH),
      }),
    ).toEqual([]);
    expect(
      await invalidFields(MoneyMovementRequest, {
        amount: '0.01',
        reference: 'r'.repeat(REFERENCE_MAX_LENGTH + 1),
      }),
    ).toEqual(['reference']);
    expect(
      await invalidFields(MoneyMovementRequest, { amount: '1', reference: 'a\u0000' }),
    ).toEqual(['reference']);
  });

  it('read query integers from plain decimal digits only, up to a PostgreSQL integer', async () => {
    expect(await invalidFields(AccountEventsQuery, { fromVersion: '7', limit: '1000' })).toEqual(
      [],
    );
    expect(
      await invalidFields(AccountEventsQuery, { fromVersion: String(MAX_STREAM_VERSION) }),
    ).toEqual([]);
    for (const text of ['0x10', '1e3', ' 5', '1.5', '', String(MAX_STREAM_VERSION + 1)])
      expect([text, await invalidFields(AccountEventsQuery, { fromVersion: text })]).toEqual([
        text,
        ['fromVersion'],
      ]);
  });
});
