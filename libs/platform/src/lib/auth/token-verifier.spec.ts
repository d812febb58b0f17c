import { SignJWT, type JWTPayload } from 'jose';
import { InvalidTokenError } from './invalid-token.error';
import { mintDevelopmentToken } from './mint-token';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS } from './token-claims';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const NOW = 1_800_000_000;
const HOUR = 3_600;

/** Signs exactly the claims given: no defaults, so a missing claim stays missing. */
function sign(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SECRET));
}

const good = { sub: 'alice', tenant: 'acme', roles: ['teller'], iat: NOW, exp: NOW + HOUR };

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier({ hs256Secret: SECRET }, () => NOW);

  async function refusal(claims: JWTPayload, by = verifier): Promise<string> {
    const error: unknown = await by.verify(await sign(claims)).then(
      () => new Error('the token was accepted'),
      (refused: unknown) => refused,
    );
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).message;
  }

  it('accepts a good token and returns its principal', async () => {
    await expect(verifier.verify(await sign(good))).resolves.toEqual({
      userId: 'alice',
      tenantId: 'acme',
      roles: ['teller'],
    });
  });

  it('accepts the tokens mintDevelopmentToken signs (its default lifetime is within the maximum)', async () => {
    const realClock = new TokenVerifier({ hs256Secret: SECRET });
    const token = await mintDevelopmentToken(SECRET, { sub: 'bob', tenant: 'acme-1', roles: [] });
    await expect(realClock.verify(token)).resolves.toMatchObject({ userId: 'bob' });
  });

  describe('expiry and lifetime', () => {
    it('refuses a token without exp: it would never expire', async () => {
      const { exp: _exp, ...withoutExp } = good;
      expect(await refusal(withoutExp)).toBe('token has no exp');
    });

    it('refuses an expired token', async () => {
      expect(await refusal({ ...good, iat: NOW - 2 * HOUR, exp: NOW - HOUR })).toBe(
        'token expired',
      );
    });

    it(`refuses a lifetime (exp - iat) beyond the default maximum of ${DEFAULT_TOKEN_MAX_LIFETIME_SECONDS} s`, async () => {
      const exp = NOW + DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
      await expect(verifier.verify(await sign({ ...good, exp }))).resolves.toBeDefined();
      expect(await refusal({ ...good, exp: exp + 1 })).toMatch(/lifetime 86401 s exceeds/);
    });

    it('measures the lifetime from iat, even for a token issued long ago', async () => {
      const iat = NOW - 20 * HOUR;
      expect(await refusal({ ...good, iat, exp: NOW + 5 * HOUR })).toMatch(/lifetime 90000 s/);
    });

    it('measures a token without iat from now', async () => {
      const { iat: _iat, ...withoutIat } = good;
      await expect(verifier.verify(await sign(withoutIat))).resolves.toBeDefined();
      expect(await refusal({ ...withoutIat, exp: NOW + 25 * HOUR })).toMatch(/exceeds/);
    });

    it('refuses a token issued in the future beyond clock skew', async () => {
      expect(await refusal({ ...good, iat: NOW + 600, exp: NOW + 700 })).toBe(
        'token issued in the future',
      );
    });

    it('applies a configured maximum lifetime', async () => {
      const strict = new TokenVerifier({ hs256Secret: SECRET, maxLifetimeSeconds: 600 }, () => NOW);
      expect(await refusal(good, strict)).toMatch(/exceeds the maximum of 600 s/);
    });
  });

  describe('claims', () => {
    it.each([
      ['oversized', 'a'.repeat(65)],
      ['empty', ''],
      ['with a space', 'acme corp'],
      ['with a slash', 'acme/../other'],
      ['with a newline', 'acme\nadmin'],
      ['not a string', 42],
    ])('refuses a tenant %s', async (_, tenant) => {
      expect(await refusal({ ...good, tenant })).toMatch(/claim tenant must be/);
    });

    it('accepts a tenant of 64 characters from its alphabet', async () => {
      const tenant = `${'A-z.0_'.repeat(10)}abcd`;
      await expect(verifier.verify(await sign({ ...good, tenant }))).resolves.toMatchObject({
        tenantId: tenant,
      });
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['longer than an ownerId may be (255)', 'u'.repeat(256)],
      ['with a control character', 'alice\u0000'],
      ['with a line break', 'alice\r\nlevel=admin'],
      ['with a line separator', 'alice\u2028'],
      ['with an invisible format character', 'al\u200Bice'],
    ])('refuses a sub %s', async (_, sub) => {
      expect(await refusal({ ...good, sub })).toMatch(/claim sub must be/);
    });

    it('accepts any printable sub up to 255 characters, such as an identity provider issues', async () => {
      for (const sub of ['auth0|5f7c1e2b9a', 'Zoë Çelik', 'u'.repeat(255)]) {
        await expect(verifier.verify(await sign({ ...good, sub }))).resolves.toMatchObject({
          userId: sub,
        });
      }
    });

    it.each([
      ['an unknown role', ['teller', 'root']],
      ['a string instead of a list', 'admin'],
      ['a non-string entry', [1]],
    ])('refuses roles with %s', async (_, roles) => {
      expect(await refusal({ ...good, roles })).toMatch(/claim roles must be a list of/);
    });

    it('treats a token without roles as a customer, and repeated roles as one', async () => {
      const { roles: _roles, ...withoutRoles } = good;
      await expect(verifier.verify(await sign(withoutRoles))).resolves.toMatchObject({
        roles: [],
      });
      await expect(
        verifier.verify(await sign({ ...good, roles: ['auditor', 'auditor'] })),
      ).resolves.toMatchObject({ roles: ['auditor'] });
    });
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TokenVerifier({ hs256Secret: `${SECRET}-other` }, () => NOW);
    expect(await refusal(good, other)).toBe('token invalid');
  });
});
