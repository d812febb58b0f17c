import { TOPICS, topicForStreamType } from './topics';

describe('topicForStreamType', () => {
  it('maps known stream types to their topics, with an optional prefix', () => {
    expect(topicForStreamType('account')).toBe(TOPICS.accounts);
    expect(topicForStreamType('transfer', 'test-1.')).toBe(`test-1.${TOPICS.transfers}`);
  });

  it('gives unknown stream types a predictable, valid topic instead of failing', () => {
    expect(topicForStreamType('invoice')).toBe('ledgerline.invoice.events');
    expect(topicForStreamType('a b/c')).toBe('ledgerline.a_b_c.events');
  });
});
