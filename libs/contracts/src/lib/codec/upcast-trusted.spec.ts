import { decode } from './decode';
import { upcastTrusted } from './upcast-trusted';
import { EXAMPLES } from '../../test/examples';

describe('upcastTrusted (the write side replaying data it validated on append)', () => {
  it.each(Object.entries(EXAMPLES))(
    'gives %s the same latest-version data as decode',
    (_name, envelope) => {
      const decoded = decode(envelope);
      if (!decoded.ok) throw new Error(decoded.error.message);

      expect(
        upcastTrusted(
          envelope.type,
          envelope.schemaVersion,
          envelope.data as Record<string, unknown>,
        ),
      ).toEqual(decoded.envelope.data);
    },
  );

  it('refuses an unknown event type', () => {
    expect(() => upcastTrusted('account.teleported', 1, {})).toThrow(/unknown event type/);
  });

  it('refuses a schema version newer than this build knows', () => {
    expect(() => upcastTrusted('account.closed', 99, {})).toThrow(/newer than this build/);
  });
});
