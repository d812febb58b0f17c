import { accountOpenedV2, moneyWithdrawn } from '../../test/examples';
import type { EventType, LatestEventDataMap } from '../registry/event-registry';
import { validateEventData } from './validate-event-data';

describe('validateEventData', () => {
  it('accepts latest data and returns a canonical copy', () => {
    const { dailyWithdrawalLimit, ...rest } = accountOpenedV2.data;
    const shuffled = { dailyWithdrawalLimit, ...rest };

    const result = validateEventData('account.opened', shuffled);

    expect(result).toEqual({ ok: true, data: accountOpenedV2.data });
    expect(result.ok && Object.keys(result.data)).toEqual(Object.keys(accountOpenedV2.data));
    expect(result.ok && result.data).not.toBe(shuffled);
  });

  it('applies the latest schema version, not an older one', () => {
    const { dailyWithdrawalLimit: _limit, ...v1Shape } = accountOpenedV2.data;

    const result = validateEventData(
      'account.opened',
      v1Shape as LatestEventDataMap['account.opened'],
    );

    expect(result).toMatchObject({
      ok: false,
      error: {
        reason: 'invalid-data',
        message: 'data does not match account.opened v2',
        details: [{ property: 'data.dailyWithdrawalLimit' }],
      },
    });
  });

  it('reports violations like decode does', () => {
    const result = validateEventData('account.money-withdrawn', {
      ...moneyWithdrawn.data,
      amount: '0',
    });

    expect(result).toMatchObject({
      ok: false,
      error: { reason: 'invalid-data', details: [{ property: 'data.amount' }] },
    });
  });

  it('never throws, even for untyped callers', () => {
    const data = null as unknown as LatestEventDataMap['account.closed'];

    expect(validateEventData('account.closed', data)).toEqual({
      ok: false,
      error: { reason: 'invalid-data', message: 'data must be an object' },
    });
    expect(validateEventData('account.frozen' as EventType, { accountId: 'x' })).toMatchObject({
      ok: false,
      error: { reason: 'unknown-type' },
    });
  });
});
