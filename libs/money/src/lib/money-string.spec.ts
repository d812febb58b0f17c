import { ValidationError } from '@ledgerline/domain-kernel';
import {
  MAX_AMOUNT,
  MAX_INTEGER_DIGITS,
  formatMoney,
  isMoneyString,
  minorUnits,
  parseMoney,
} from '../index';

describe('isMoneyString', () => {
  it.each(['0', '0.0', '0.00', '0.01', '5', '5.5', '5.50', '10', '1500.00', '1000000000.00'])(
    'accepts %j',
    (text) => {
      expect(isMoneyString(text)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['a point only', '.'],
    ['no integer part', '.5'],
    ['a trailing point', '5.'],
    ['three fraction digits', '0.001'],
    ['three fraction digits on a whole amount', '1500.000'],
    ['a minus sign', '-5.00'],
    ['a plus sign', '+5.00'],
    ['an exponent', '1e3'],
    ['an upper-case exponent', '1E3'],
    ['a leading space', ' 5.00'],
    ['a trailing space', '5.00 '],
    ['a trailing newline', '5.00\n'],
    ['a thousands separator', '1,000.00'],
    ['a decimal comma', '5,50'],
    ['an underscore separator', '1_000'],
    ['a space separator', '1 000'],
    ['two points', '1.2.3'],
    ['leading zeros', '007.50'],
    ['a zero-padded zero', '00.50'],
    ['a zero-padded amount', '01'],
    ['hexadecimal', '0x10'],
    ['a bigint literal', '10n'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['letters', 'abc'],
    ['non-ASCII digits', '٥'],
    ['full-width digits', '５'],
    [`more than ${MAX_INTEGER_DIGITS} integer digits`, '1'.padEnd(MAX_INTEGER_DIGITS + 1, '0')],
    ['a megabyte of digits', '9'.repeat(1_000_000)],
  ])('rejects %s', (_description, text) => {
    expect(isMoneyString(text)).toBe(false);
  });

  it(`accepts exactly ${MAX_INTEGER_DIGITS} integer digits`, () => {
    expect(isMoneyString('9'.repeat(MAX_INTEGER_DIGITS) + '.99')).toBe(true);
  });

  it('rejects values that are not strings at run time (untyped JSON)', () => {
    expect(isMoneyString(5 as unknown as string)).toBe(false);
    expect(isMoneyString(null as unknown as string)).toBe(false);
  });
});

describe('parseMoney', () => {
  it.each([
    ['0', 0n],
    ['0.00', 0n],
    ['0.01', 1n],
    ['0.1', 10n],
    ['0.10', 10n],
    ['5', 500n],
    ['5.5', 550n],
    ['5.05', 505n],
    ['1500.00', 150_000n],
    ['1000000000.00', 100_000_000_000n],
    ['999999999999999.99', 99_999_999_999_999_999n],
  ])('parses %j as %p minor units', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it('parses the maximum amount to MAX_AMOUNT', () => {
    expect(parseMoney('1000000000.00')).toBe(MAX_AMOUNT);
  });

  it('parses amounts above the maximum: range is the caller’s rule, not the format’s', () => {
    expect(parseMoney('1000000000.01')).toBe(MAX_AMOUNT + 1n);
  });

  it('is exact where floats are not', () => {
    expect(parseMoney('0.1') + parseMoney('0.2')).toBe(parseMoney('0.3'));
    expect(parseMoney('4.35')).toBe(435n); // 4.35 * 100 is 434.99999999999994 as a float
  });

  it.each(['0.001', '.5', '5.', '-1.00', '+1.00', '1e3', '1,000.00', ' 1.00', '01.00', ''])(
    'throws a ValidationError for %j',
    (text) => {
      expect(() => parseMoney(text)).toThrow(ValidationError);
    },
  );

  it('says what was wrong and what is expected, and leaves the field to the caller', () => {
    const error = captureError(() => parseMoney('1,000.00'));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      '"1,000.00" is not a valid amount: use a decimal string with at most 2 fraction digits ' +
        'and no sign, such as "1500.00"',
    );
    expect(error.field).toBeUndefined();
  });

  it('does not echo huge inputs back', () => {
    const error = captureError(() => parseMoney('9'.repeat(1_000_000)));

    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toContain('…');
  });

  it('throws a ValidationError, not a TypeError, for non-strings from untyped JSON', () => {
    const error = captureError(() => parseMoney(1500 as unknown as string));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('a value of type number');
  });
});

describe('formatMoney', () => {
  it.each([
    [0n, '0.00'],
    [1n, '0.01'],
    [10n, '0.10'],
    [99n, '0.99'],
    [100n, '1.00'],
    [550n, '5.50'],
    [150_000n, '1500.00'],
    [-1n, '-0.01'],
    [-99n, '-0.99'],
    [-100n, '-1.00'],
    [-150_050n, '-1500.50'],
    [100_000_000_000n, '1000000000.00'],
    [123_456_789_012_345_678_901_234_567_890n, '1234567890123456789012345678.90'],
  ])('formats %p as %j', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });

  it('formats MAX_AMOUNT', () => {
    expect(formatMoney(MAX_AMOUNT)).toBe('1000000000.00');
  });
});

describe('round trips', () => {
  it.each(['0.00', '0.01', '0.10', '5.50', '1500.00', '1000000000.00', '999999999999999.99'])(
    'formatMoney(parseMoney(%j)) gives it back',
    (text) => {
      expect(formatMoney(parseMoney(text))).toBe(text);
    },
  );

  it.each([
    ['0', '0.00'],
    ['5', '5.00'],
    ['5.5', '5.50'],
  ])('normalises the short form %j to %j', (text, canonical) => {
    expect(formatMoney(parseMoney(text))).toBe(canonical);
  });

  it.each([0n, 1n, 9n, 10n, 99n, 100n, 101n, 123_456n, MAX_AMOUNT])(
    'parseMoney(formatMoney(%p)) gives it back',
    (value) => {
      expect(parseMoney(formatMoney(value))).toBe(value);
    },
  );

  it('formats negative balances that parseMoney (amounts have no sign) refuses', () => {
    expect(() => parseMoney(formatMoney(-1n))).toThrow(ValidationError);
  });
});

describe('minorUnits', () => {
  it('brands a bigint without changing it', () => {
    expect(minorUnits(-42n)).toBe(-42n);
  });
});

function captureError(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the action to throw');
}
