import { AccountClosedData } from '../account/account-closed';
import { AccountOpenedData } from '../account/account-opened';
import { defineEvent } from '../registry/event-definition';
import { decodeData } from './decode-data';

/** An upcaster's bug must surface as invalid data at decode time, never reach a consumer. */
describe('decodeData with a faulty upcaster', () => {
  const v1 = { accountId: '3f2b8c1e-7d4a-4e8b-9c6f-1a2b3c4d5e6f' };

  it('validates what an upcaster produced against the next version', () => {
    const forgetful = defineEvent('test.opened', AccountClosedData).evolvedTo(
      2,
      AccountOpenedData,
      (data) => ({ ...data }) as AccountOpenedData,
    );

    const result = decodeData(forgetful, 1, v1);

    expect(result).toMatchObject({
      ok: false,
      message: 'data does not match test.opened v2 (upcast from v1)',
      details: expect.arrayContaining([{ property: 'data.ownerId', messages: expect.any(Array) }]),
    });
  });

  it('turns an upcaster that throws into a failure', () => {
    const throwing = defineEvent('test.opened', AccountClosedData).evolvedTo(
      2,
      AccountClosedData,
      () => {
        throw new Error('not implemented');
      },
    );

    expect(decodeData(throwing, 1, v1)).toEqual({
      ok: false,
      message: 'upcasting test.opened v1 failed: not implemented',
    });
  });
});
