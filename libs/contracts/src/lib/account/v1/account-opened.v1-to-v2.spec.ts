import { accountOpenedV1, accountOpenedV1Data } from '../../../test/examples';
import { readFixture } from '../../../test/fixtures';
import { decode } from '../../codec/decode';
import type { AccountOpenedV1Data } from './account-opened.v1';
import {
  HISTORICAL_DAILY_WITHDRAWAL_LIMIT,
  upcastAccountOpenedV1ToV2,
} from './account-opened.v1-to-v2';

describe('account.opened v1 → v2', () => {
  describe('from a typed v1 object', () => {
    it('keeps every v1 field and adds the historical daily withdrawal limit of 1500.00', () => {
      expect(upcastAccountOpenedV1ToV2(accountOpenedV1Data)).toEqual({
        accountId: accountOpenedV1Data.accountId,
        ownerId: 'customer-42',
        currency: 'EUR',
        overdraftLimit: '50000',
        dailyWithdrawalLimit: '150000',
      });
      expect(HISTORICAL_DAILY_WITHDRAWAL_LIMIT).toBe('150000');
    });

    it('is pure: the v1 object is left untouched and equal input gives equal output', () => {
      const v1: AccountOpenedV1Data = Object.freeze({ ...accountOpenedV1Data });

      const first = upcastAccountOpenedV1ToV2(v1);
      const second = upcastAccountOpenedV1ToV2(v1);

      expect(v1).toEqual(accountOpenedV1Data);
      expect(first).toEqual(second);
      expect(first).not.toBe(second);
    });

    it('copies only v1 fields, even if the object carries more', () => {
      const smuggled = { ...accountOpenedV1Data, isAdmin: true };

      expect(Object.keys(upcastAccountOpenedV1ToV2(smuggled)).sort()).toEqual(
        ['accountId', 'currency', 'dailyWithdrawalLimit', 'overdraftLimit', 'ownerId'].sort(),
      );
    });
  });

  describe('from raw JSON as recorded', () => {
    const raw = readFixture('account.opened.v1');

    it('decodes to the latest shape with schema version 2 and says it was recorded as v1', () => {
      const result = decode(raw);

      expect(result).toEqual({
        ok: true,
        recordedSchemaVersion: 1,
        envelope: {
          ...accountOpenedV1,
          schemaVersion: 2,
          data: { ...accountOpenedV1Data, dailyWithdrawalLimit: '150000' },
        },
      });
    });

    it('decodes a Buffer exactly like the string', () => {
      expect(decode(Buffer.from(raw, 'utf8'))).toEqual(decode(raw));
    });

    it('rejects v1 data that already carries the v2 field instead of letting it through', () => {
      const withV2Field = JSON.stringify({
        ...accountOpenedV1,
        data: { ...accountOpenedV1Data, dailyWithdrawalLimit: '999999999' },
      });

      const result = decode(withV2Field);

      expect(result).toMatchObject({
        ok: false,
        error: {
          reason: 'invalid-data',
          message: 'data does not match account.opened v1',
          details: [{ property: 'data.dailyWithdrawalLimit' }],
        },
      });
    });

    it('validates v1 data before upcasting it', () => {
      const invalidV1 = JSON.stringify({
        ...accountOpenedV1,
        data: { ...accountOpenedV1Data, overdraftLimit: -5 },
      });

      expect(decode(invalidV1)).toMatchObject({
        ok: false,
        error: { reason: 'invalid-data', details: [{ property: 'data.overdraftLimit' }] },
      });
    });
  });
});
