import {
  accountClosed,
  accountOpenedV2,
  moneyDeposited,
  moneyWithdrawn,
} from '../../test/examples';
import { readFixture } from '../../test/fixtures';
import type { EventEnvelope } from '../envelope';
import { decode } from './decode';
import type { DecodeResult } from './decode-result';

describe('decode', () => {
  describe('happy paths', () => {
    it.each([
      ['account.opened.v2', accountOpenedV2],
      ['account.money-deposited.v1', moneyDeposited],
      ['account.money-withdrawn.v1', moneyWithdrawn],
      ['account.closed.v1', accountClosed],
    ] as const)('decodes %s from a string, a Buffer and a parsed object', (name, expected) => {
      const raw = readFixture(name);
      const success = {
        ok: true,
        envelope: expected,
        recordedSchemaVersion: expected.schemaVersion,
      };

      expect(decode(raw)).toEqual(success);
      expect(decode(Buffer.from(raw))).toEqual(success);
      expect(decode(JSON.parse(raw))).toEqual(success);
    });

    it('narrows data by type', () => {
      const result = decode(readFixture('account.money-withdrawn.v1'));
      if (!result.ok) throw new Error(result.error.message);

      const { envelope } = result;
      switch (envelope.type) {
        case 'account.money-withdrawn':
          expect(envelope.data.balanceAfter).toBe('-25000');
          break;
        default:
          throw new Error(`unexpected ${envelope.type}`);
      }
    });

    it('returns a fresh object in canonical field order, never the input', () => {
      const { data, ...fields }: EventEnvelope<string, object> = JSON.parse(
        readFixture('account.closed.v1'),
      );
      const reordered = { data, ...fields };

      const result = decode(reordered);

      expect(result.ok && result.envelope).not.toBe(reordered);
      expect(result.ok && result.envelope.data).not.toBe(data);
      expect(result.ok && Object.keys(result.envelope)).toEqual(Object.keys(accountClosed));
    });

    it('drops unknown envelope fields: the envelope only grows, older readers must tolerate that', () => {
      const result = decode({ ...accountClosed, traceparent: '00-abc-def-01', priority: 7 });

      expect(result).toEqual({ ok: true, envelope: accountClosed, recordedSchemaVersion: 1 });
    });

    it.each([
      ['a null reference', { reference: null }],
      ['an empty reference', { reference: '' }],
      ['a 140-character reference', { reference: 'x'.repeat(140) }],
      ['a zero balance', { balanceAfter: '0' }],
      ['a negative balance', { balanceAfter: '-1' }],
      ['a huge amount', { amount: '9'.repeat(40) }],
      ['an uppercase UUID', { accountId: '3F2B8C1E-7D4A-4E8B-9C6F-1A2B3C4D5E6F' }],
    ])('accepts %s', (_case, change) => {
      expect(decode(withData(moneyDeposited, change)).ok).toBe(true);
    });

    it.each([
      '2024-05-17T14:05:00Z',
      '2024-05-17T14:05:00.123456789Z',
      '2024-05-17T14:05:00-05:30',
      '2024-02-29T00:00:00Z',
    ])('accepts the instant %s', (occurredAt) => {
      expect(decode({ ...moneyDeposited, occurredAt }).ok).toBe(true);
    });
  });

  describe('malformed-json', () => {
    it.each([
      ['truncated JSON', '{"eventId": "'],
      ['an empty string', ''],
      ['an empty Buffer', Buffer.alloc(0)],
      ['JSON with a trailing comma', '{"a": 1,}'],
      ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['a UTF-16 encoded envelope', Buffer.from(readFixture('account.closed.v1'), 'utf16le')],
    ])('%s', (_case, raw) => {
      expect(errorOf(decode(raw))).toMatchObject({
        reason: 'malformed-json',
        message: expect.stringMatching(/^not valid UTF-8 JSON: /),
      });
    });
  });

  describe('invalid-envelope', () => {
    it.each([
      ['null', null, 'envelope must be a JSON object, got null'],
      ['undefined', undefined, 'envelope must be a JSON object, got undefined'],
      ['an array', [accountClosed], 'envelope must be a JSON object, got an array'],
      ['a number', 42, 'envelope must be a JSON object, got a number'],
      ['JSON null', 'null', 'envelope must be a JSON object, got null'],
      ['a JSON string', '"account.closed"', 'envelope must be a JSON object, got a string'],
    ])('%s', (_case, raw, message) => {
      expect(errorOf(decode(raw))).toEqual({ reason: 'invalid-envelope', message });
    });

    it.each([
      ['eventId', 'not-a-uuid'],
      ['eventId', undefined],
      ['type', ''],
      ['type', 7],
      ['schemaVersion', 0],
      ['schemaVersion', 1.5],
      ['schemaVersion', '1'],
      ['streamId', ''],
      ['streamType', null],
      ['streamVersion', 0],
      ['streamVersion', 2 ** 53],
      ['position', 41],
      ['position', '-1'],
      ['position', '041'],
      ['tenantId', ''],
      ['occurredAt', '2024-05-17'],
      ['occurredAt', '2024-05-17T14:05:00'],
      ['occurredAt', '2024-02-30T00:00:00Z'],
      ['occurredAt', '2023-02-29T00:00:00Z'],
      ['occurredAt', 1715954700000],
      ['correlationId', ''],
      ['causationId', undefined],
      ['data', null],
      ['data', []],
      ['data', 'accountId'],
    ])('%s = %j', (field, value) => {
      const error = errorOf(decode({ ...accountClosed, [field]: value }));

      expect(error).toMatchObject({
        reason: 'invalid-envelope',
        message: 'envelope fields are invalid',
        details: [{ property: field, messages: expect.arrayContaining([expect.any(String)]) }],
      });
    });

    it('reports every invalid field, and never their values', () => {
      const secret = 'IBAN DE89 3704 0044 0532 0130 00';
      const error = errorOf(decode({ eventId: secret, streamId: secret, data: {} }));

      expect(error?.details?.map((detail) => detail.property)).toEqual([
        'eventId',
        'type',
        'schemaVersion',
        'streamType',
        'streamVersion',
        'position',
        'tenantId',
        'occurredAt',
        'correlationId',
        'causationId',
      ]);
      expect(JSON.stringify(error)).not.toContain('IBAN');
    });
  });

  describe('unknown-type', () => {
    it.each(['account.renamed', 'transfer.requested', '__proto__', 'constructor'])('%s', (type) => {
      expect(errorOf(decode({ ...accountClosed, type }))).toEqual({
        reason: 'unknown-type',
        message: `unknown event type ${JSON.stringify(type)}`,
      });
    });
  });

  describe('unknown-version', () => {
    it('a version newer than this library knows asks for an upgrade', () => {
      expect(errorOf(decode({ ...accountOpenedV2, schemaVersion: 3 }))).toEqual({
        reason: 'unknown-version',
        message:
          'account.opened v3 is newer than the latest this consumer knows (v2); ' +
          'upgrade @ledgerline/contracts',
      });
    });

    it('even for a huge version number', () => {
      expect(
        errorOf(decode({ ...accountClosed, schemaVersion: Number.MAX_SAFE_INTEGER })),
      ).toMatchObject({ reason: 'unknown-version' });
    });
  });

  describe('invalid-data', () => {
    it.each([
      ['amount', '0'],
      ['amount', '-100'],
      ['amount', '0100'],
      ['amount', '1500.00'],
      ['amount', '1e5'],
      ['amount', ' 100'],
      ['amount', 150000],
      ['amount', null],
      ['balanceAfter', '-0'],
      ['balanceAfter', '+5'],
      ['balanceAfter', 5],
      ['currency', 'eur'],
      ['currency', 'EURO'],
      ['currency', null],
      ['reference', 'x'.repeat(141)],
      ['reference', 42],
      ['reference', undefined],
      ['accountId', 'account-1'],
      ['accountId', ''],
    ])('%s = %j', (property, value) => {
      const result = decode(withData(moneyDeposited, { [property]: value }));

      expect(errorOf(result)).toMatchObject({
        reason: 'invalid-data',
        message: 'data does not match account.money-deposited v1',
        details: [
          { property: `data.${property}`, messages: expect.arrayContaining([expect.any(String)]) },
        ],
      });
    });

    it('explains what a minor-units amount is', () => {
      const error = errorOf(decode(withData(moneyWithdrawn, { amount: '17.50' })));

      expect(error?.details).toEqual([
        {
          property: 'data.amount',
          messages: [
            'amount must be integer minor units (cents) as a decimal string, e.g. "150000" for ' +
              '1500.00, greater than zero and without sign or leading zeros',
          ],
        },
      ]);
    });

    it.each([
      ['an unknown field', { overdraft: true }, 'overdraft'],
      [
        'occurredAt, which belongs in the envelope',
        { occurredAt: '2024-01-01T00:00:00Z' },
        'occurredAt',
      ],
    ])('forbids %s: producers and consumers share this library', (_case, extra, property) => {
      const error = errorOf(decode(withData(accountClosed, extra)));

      expect(error).toEqual({
        reason: 'invalid-data',
        message: 'data does not match account.closed v1',
        details: [
          {
            property: `data.${property}`,
            messages: [`unknown property "${property}"; this schema version does not have it`],
          },
        ],
      });
    });

    it('reports a missing field', () => {
      const { ownerId: _ownerId, ...withoutOwner } = accountOpenedV2.data;

      expect(errorOf(decode({ ...accountOpenedV2, data: withoutOwner }))?.details).toEqual([
        { property: 'data.ownerId', messages: expect.arrayContaining([expect.any(String)]) },
      ]);
    });

    it('rejects an ownerId longer than the command side may accept', () => {
      const error = errorOf(decode(withData(accountOpenedV2, { ownerId: 'o'.repeat(256) })));

      expect(error).toMatchObject({
        reason: 'invalid-data',
        details: [{ property: 'data.ownerId' }],
      });
    });

    it('rejects latest-version data recorded under an older version number', () => {
      const error = errorOf(decode({ ...accountOpenedV2, schemaVersion: 1 }));

      expect(error).toMatchObject({
        reason: 'invalid-data',
        details: [{ property: 'data.dailyWithdrawalLimit' }],
      });
    });
  });
});

function withData<TData extends object>(
  envelope: EventEnvelope<string, TData>,
  change: Record<string, unknown>,
): EventEnvelope<string, Record<string, unknown>> {
  return { ...envelope, data: { ...envelope.data, ...change } };
}

function errorOf(result: DecodeResult) {
  return result.ok ? undefined : result.error;
}
