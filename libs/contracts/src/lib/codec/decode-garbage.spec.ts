import { accountClosed, moneyDeposited } from '../../test/examples';
import { fixtureNames, readFixture } from '../../test/fixtures';
import { randomBytes, randomInt, seededRandom } from '@ledgerline/testing';
import { decode } from './decode';
import type { DecodeErrorReason, DecodeResult } from './decode-result';

/**
 * A consumer must survive anything on a topic: `decode` returns a result for every input and
 * never throws, never hangs, and never lets a payload touch Object.prototype.
 */
const REASONS: readonly DecodeErrorReason[] = [
  'malformed-json',
  'invalid-envelope',
  'unknown-type',
  'unknown-version',
  'invalid-data',
];

function expectAResult(raw: unknown): DecodeResult {
  let result: DecodeResult | undefined;
  expect(() => {
    result = decode(raw);
  }).not.toThrow();
  if (result === undefined) throw new Error('decode returned nothing');
  if (!result.ok) {
    expect(REASONS).toContain(result.error.reason);
    expect(typeof result.error.message).toBe('string');
  }
  return result;
}

function expectFailure(raw: unknown, reason: DecodeErrorReason): void {
  const result = expectAResult(raw);
  expect(result.ok ? 'ok' : result.error.reason).toBe(reason);
}

afterEach(() => {
  // Every case below must leave the global prototype as it found it.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('decode on garbage', () => {
  it('survives 2,000 random byte strings', () => {
    const random = seededRandom(20240517);
    for (let i = 0; i < 2_000; i += 1) {
      const bytes = randomBytes(random, randomInt(random, 300));
      expect(expectAResult(bytes).ok).toBe(false);
    }
  });

  it('survives random bytes that start like an envelope', () => {
    const random = seededRandom(7);
    const prefix = Buffer.from('{"eventId":"');
    for (let i = 0; i < 500; i += 1) {
      const bytes = Buffer.concat([prefix, randomBytes(random, randomInt(random, 100))]);
      expect(expectAResult(bytes).ok).toBe(false);
    }
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['0', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 10n ** 30n],
    ['a symbol', Symbol('event')],
    ['a function', () => accountClosed],
    ['an empty array', []],
    ['an array of envelopes', [accountClosed, accountClosed]],
    ['a Date', new Date(0)],
    ['a Map', new Map([['type', 'account.closed']])],
    ['an ArrayBuffer', new ArrayBuffer(8)],
    ['an empty object', {}],
    ['an object without prototype', Object.create(null)],
  ])('rejects %s as an invalid envelope', (_case, raw) => {
    expectFailure(raw, 'invalid-envelope');
  });

  it.each([
    ['a JSON number', '12345'],
    ['a JSON array', '[1, 2, 3]'],
    ['JSON true', 'true'],
  ])('rejects %s as an invalid envelope', (_case, raw) => {
    expectFailure(raw, 'invalid-envelope');
  });

  describe('huge numbers', () => {
    it.each([
      ['schemaVersion', '1e400', 'invalid-envelope'],
      ['schemaVersion', '-1e400', 'invalid-envelope'],
      ['schemaVersion', '1e300', 'invalid-envelope'],
      ['streamVersion', '123456789012345678901234567890', 'invalid-envelope'],
      ['streamVersion', '9007199254740993', 'invalid-envelope'],
      ['schemaVersion', '9007199254740991', 'unknown-version'],
    ] as const)('%s: %s → %s', (field, number, reason) => {
      const raw = JSON.stringify({ ...accountClosed, [field]: 0 }).replace(
        `"${field}":0`,
        `"${field}":${number}`,
      );
      expectFailure(raw, reason);
    });

    it('a 100,000-digit amount is a string like any other, not a number to overflow', () => {
      const raw = JSON.stringify({
        ...moneyDeposited,
        data: { ...moneyDeposited.data, amount: 7 },
      });
      expectFailure(raw.replace('"amount":7', `"amount":${'9'.repeat(100_000)}`), 'invalid-data');
      expect(
        expectAResult({
          ...moneyDeposited,
          data: { ...moneyDeposited.data, amount: '9'.repeat(100_000) },
        }).ok,
      ).toBe(true);
    });
  });

  describe('prototype pollution', () => {
    const polluting =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';

    it('ignores __proto__ and constructor keys on the envelope, like any unknown envelope field', () => {
      const raw = readFixture('account.closed.v1').replace('{', `{${polluting.slice(1, -1)},`);

      const result = expectAResult(raw);

      expect(result).toEqual({ ok: true, envelope: accountClosed, recordedSchemaVersion: 1 });
      expect(Object.getPrototypeOf(result.ok && result.envelope)).toBe(Object.prototype);
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'rejects a %s key in data as an unknown field (class-transformer would skip it silently)',
      (key) => {
        const raw = readFixture('account.closed.v1').replace(
          '"data": {',
          `"data": {"${key}": {"polluted": true}, `,
        );

        const result = expectAResult(raw);

        expect(result).toMatchObject({
          ok: false,
          error: { reason: 'invalid-data', details: [{ property: `data.${key}` }] },
        });
      },
    );

    it('rejects a polluting data object even when it arrives already parsed', () => {
      const data = JSON.parse(
        `{"accountId": "${accountClosed.data.accountId}", ${polluting.slice(1)}`,
      );

      expectFailure({ ...accountClosed, data }, 'invalid-data');
    });

    it('does not treat "__proto__" as a registered type', () => {
      expectFailure({ ...accountClosed, type: '__proto__' }, 'unknown-type');
    });
  });

  describe('hostile objects', () => {
    it('survives a proxy that throws on every trap', () => {
      const hostile = new Proxy(
        {},
        {
          get: () => {
            throw new Error('boom');
          },
          has: () => {
            throw new Error('boom');
          },
          ownKeys: () => {
            throw new Error('boom');
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('boom');
          },
          getPrototypeOf: () => {
            throw new Error('boom');
          },
        },
      );

      expectFailure(hostile, 'invalid-envelope');
      expectFailure({ ...accountClosed, data: hostile }, 'invalid-envelope');
    });

    it('survives a getter that throws something that cannot even be printed', () => {
      const envelope = { ...accountClosed };
      Object.defineProperty(envelope, 'tenantId', {
        enumerable: true,
        get: () => {
          throw Object.create(null);
        },
      });

      const result = expectAResult(envelope);

      expect(result).toMatchObject({
        ok: false,
        error: {
          reason: 'invalid-envelope',
          message: 'envelope could not be read: an error that cannot be described',
        },
      });
    });

    it('ignores inherited envelope fields: only own properties count', () => {
      const inherited = Object.create(accountClosed);

      expectFailure(inherited, 'invalid-envelope');
    });

    it('survives a cyclic data object', () => {
      const data: Record<string, unknown> = { accountId: accountClosed.data.accountId };
      data['self'] = data;

      expectFailure({ ...accountClosed, data }, 'invalid-data');
    });

    it('bounds the size of its messages whatever the input', () => {
      const longKey = 'k'.repeat(1_000_000);
      const manyKeys = Object.fromEntries(
        Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i] as const),
      );

      for (const data of [{ [longKey]: 1 }, manyKeys]) {
        const result = expectAResult({ ...accountClosed, data });
        expect(JSON.stringify(result).length).toBeLessThan(5_000);
      }
      expect(JSON.stringify(expectAResult('x'.repeat(1_000_000))).length).toBeLessThan(5_000);
    });

    it('survives deeply nested JSON', () => {
      const depth = 100_000;
      expectAResult(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      expectAResult(`{"data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    });
  });

  describe('mutated fixtures', () => {
    const nasty: readonly unknown[] = [
      null,
      true,
      0,
      -1,
      1.5,
      2 ** 53,
      '',
      ' ',
      '0',
      '-0',
      '__proto__',
      'constructor',
      '\u0000',
      '💸'.repeat(200),
      [],
      {},
      { __proto__: { polluted: true } },
      JSON.parse('{"__proto__": {"polluted": true}}'),
    ];

    it.each(fixtureNames())(
      '%s: 300 random mutations never throw, and whatever passes is still valid',
      (name) => {
        const random = seededRandom(name.length * 7919);
        const original: unknown = JSON.parse(readFixture(name));

        for (let i = 0; i < 300; i += 1) {
          const mutated = mutate(structuredClone(original), random, nasty);
          const result = expectAResult(mutated);
          expectAResult(JSON.stringify(mutated) ?? 'undefined');

          // What decodes must survive a round trip: consumers re-publish decoded envelopes.
          if (result.ok) {
            expect(expectAResult(JSON.stringify(result.envelope)).ok).toBe(true);
          }
        }
      },
    );
  });
});

/** Replaces, deletes or adds one value somewhere in a JSON tree. */
function mutate(value: unknown, random: () => number, pool: readonly unknown[]): unknown {
  const replacement = () => pool[randomInt(random, pool.length)];
  if (typeof value !== 'object' || value === null || random() < 0.2) {
    return replacement();
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const key = keys[randomInt(random, keys.length)];
  const action = randomInt(random, 3);
  if (key === undefined || action === 0) {
    record[`extra${randomInt(random, 3)}`] = replacement();
  } else if (action === 1) {
    delete record[key];
  } else {
    record[key] = mutate(record[key], random, pool);
  }
  return record;
}
