import { ACCOUNT_EVENT_TYPES, isAccountEventType } from './events';
import { ACCOUNT_STREAM_TYPE } from './stream';

describe('account event types', () => {
  it('are the stable wire names of the public contract', () => {
    expect(ACCOUNT_EVENT_TYPES).toStrictEqual([
      'account.opened',
      'account.money-deposited',
      'account.money-withdrawn',
      'account.closed',
    ]);
  });

  it('belong to the account stream type', () => {
    expect(ACCOUNT_STREAM_TYPE).toBe('account');
  });

  it.each(ACCOUNT_EVENT_TYPES)('recognises %s', (type) => {
    expect(isAccountEventType(type)).toBe(true);
  });

  it.each(['transfer.requested', 'account.Opened', 'AccountOpened', ''])(
    'does not claim %j',
    (type) => {
      expect(isAccountEventType(type)).toBe(false);
    },
  );
});
