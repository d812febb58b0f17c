import { isCurrencyCode } from '../index';

describe('isCurrencyCode', () => {
  it.each(['EUR', 'USD', 'CHF', 'JPY', 'XXX'])('accepts %j', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each(['', 'eur', 'Eur', 'EU', 'EURO', ' EUR', 'EUR ', 'E1R', '€', 'ÄÖÜ', '978'])(
    'rejects %j',
    (code) => {
      expect(isCurrencyCode(code)).toBe(false);
    },
  );

  it('rejects values that are not strings at run time (untyped JSON)', () => {
    expect(isCurrencyCode(undefined as unknown as string)).toBe(false);
  });
});
