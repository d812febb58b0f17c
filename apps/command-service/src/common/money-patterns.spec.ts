import { MAX_AMOUNT, isMoneyString, parseMoney } from '@ledgerline/money';
import { NON_NEGATIVE_AMOUNT_PATTERN, POSITIVE_AMOUNT_PATTERN } from './money-patterns';

const positive = new RegExp(POSITIVE_AMOUNT_PATTERN);
const nonNegative = new RegExp(NON_NEGATIVE_AMOUNT_PATTERN);

/** What the patterns must mean, spelled with the money library's own parser and MAX_AMOUNT. */
const inRange = (text: string, min: bigint) => {
  if (!isMoneyString(text)) return false;
  const value = parseMoney(text);
  return value >= min && value <= MAX_AMOUNT;
};

const CANDIDATES = [
  '0',
  '0.0',
  '0.00',
  '0.01',
  '0.05',
  '0.1',
  '0.10',
  '0.99',
  '1',
  '1.5',
  '5.50',
  '10',
  '1500.00',
  '999999999',
  '999999999.9',
  '999999999.99',
  '1000000000',
  '1000000000.0',
  '1000000000.00',
  '1000000000.01',
  '1000000000.1',
  '1000000001',
  '2000000000',
  '9999999999',
  '10000000000',
  '',
  '.5',
  '5.',
  '-1.00',
  '+1.00',
  '1e3',
  '01',
  '00.50',
  '0.001',
  '1,00',
  ' 1',
  '1 ',
  '1\n',
  '٥',
];

describe('money patterns of the REST API', () => {
  it.each(CANDIDATES)('amount %p matches exactly when it is in (0.00, MAX_AMOUNT]', (text) => {
    expect(positive.test(text)).toBe(inRange(text, 1n));
  });

  it.each(CANDIDATES)('limit %p matches exactly when it is in [0.00, MAX_AMOUNT]', (text) => {
    expect(nonNegative.test(text)).toBe(inRange(text, 0n));
  });

  it('agrees with the money library on every cent around the bounds', () => {
    for (let cents = 0n; cents <= 300n; cents++) {
      for (const base of [0n, MAX_AMOUNT - 150n]) {
        const value = base + cents;
        const text = `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
        expect([text, positive.test(text)]).toEqual([text, value > 0n && value <= MAX_AMOUNT]);
        expect([text, nonNegative.test(text)]).toEqual([text, value <= MAX_AMOUNT]);
      }
    }
  });
});
