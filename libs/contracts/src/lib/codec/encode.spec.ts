import {
  accountClosed,
  accountOpenedV1,
  accountOpenedV2,
  moneyDeposited,
} from '../../test/examples';
import type { LatestEventEnvelope } from '../registry/event-registry';
import { decode } from './decode';
import { encode, InvalidEventError } from './encode';

describe('encode', () => {
  it('writes the envelope as compact JSON in canonical field order', () => {
    const { data, ...fields } = moneyDeposited;
    const shuffled = { data, ...fields };

    expect(encode(shuffled)).toBe(JSON.stringify(moneyDeposited));
  });

  it('round-trips through decode', () => {
    const encoded = encode(accountOpenedV2);

    expect(decode(encoded)).toEqual({
      ok: true,
      envelope: accountOpenedV2,
      recordedSchemaVersion: 2,
    });
    expect(decode(Buffer.from(encoded))).toEqual(decode(encoded));
  });

  it('drops unknown envelope fields, exactly as a reader would', () => {
    const withExtra = { ...accountClosed, debug: true };

    expect(JSON.parse(encode(withExtra))).toEqual(accountClosed);
  });

  it('refuses invalid data with the same violations decode reports', () => {
    const invalid: LatestEventEnvelope = {
      ...moneyDeposited,
      data: { ...moneyDeposited.data, amount: '-5' },
    };

    const thrown = catchError(() => encode(invalid));

    expect(thrown).toBeInstanceOf(InvalidEventError);
    expect(thrown).toMatchObject({
      name: 'InvalidEventError',
      reason: 'invalid-data',
      message: 'cannot encode event: data does not match account.money-deposited v1',
      details: [{ property: 'data.amount' }],
    });
  });

  it('refuses to write an old schema version: producers always write the latest', () => {
    const old = accountOpenedV1 as unknown as LatestEventEnvelope;

    expect(() => encode(old)).toThrow(
      'cannot encode event: account.opened must be written at its latest schema version 2, got 1',
    );
  });

  it('refuses an unknown type from an untyped producer', () => {
    const unknown = { ...accountClosed, type: 'account.frozen' } as unknown as LatestEventEnvelope;

    expect(catchError(() => encode(unknown))).toMatchObject({ reason: 'unknown-type' });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected an error');
}
