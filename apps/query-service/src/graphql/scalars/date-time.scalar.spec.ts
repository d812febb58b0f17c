import { Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

describe('DateTime scalar', () => {
  it.each([
    ['2024-05-17T14:03:21Z', '2024-05-17T14:03:21.000Z'],
    ['2024-05-17T14:03:21.512Z', '2024-05-17T14:03:21.512Z'],
    ['2024-05-17T16:03:21.512+02:00', '2024-05-17T14:03:21.512Z'],
    ['2024-05-17T14:03:21.512345678Z', '2024-05-17T14:03:21.512Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('parses %j as %s', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2024-05-17',
    '2024-05-17T14:03:21',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-17T24:00:00Z',
    '17/05/2024 14:03',
    'yesterday',
    '',
  ])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeNull();
    expect(() => DateTimeScalar.parseValue(text)).toThrow(/RFC 3339/);
  });

  it('refuses non-string literals', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(
      /must be a string/,
    );
  });

  it('serialises dates in UTC with milliseconds', () => {
    expect(DateTimeScalar.serialize(new Date('2024-05-17T16:03:21+02:00'))).toBe(
      '2024-05-17T14:03:21.000Z',
    );
  });
});
