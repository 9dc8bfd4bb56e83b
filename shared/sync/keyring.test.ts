import { describe, expect, it } from 'vitest';
import { createKeyring, openKeyring, passphraseProblem } from './keyring';
import { webPlatform } from './platform';

const platform = webPlatform();
const SHARE = '01KAAAAAAAAAAAAAAAAAAAAAAA';
const PASS = 'a sentence only the unit knows';

async function ring() {
  return createKeyring(platform, PASS, SHARE, 1, 1000);
}

describe('the keyring', () => {
  it('opens with the passphrase and gives back the data key', async () => {
    const { file, dataKey } = await ring();
    expect(dataKey).toHaveLength(32);
    expect(await openKeyring(platform, JSON.stringify(file), PASS, SHARE)).toEqual({ ok: true, keyId: 1, dataKey });
    expect(JSON.stringify(file)).not.toContain(PASS);
  });

  it('tells a wrong passphrase from a damaged keyring', async () => {
    const { file } = await ring();
    const text = JSON.stringify(file);
    expect(await openKeyring(platform, text, `${PASS}.`, SHARE)).toEqual({ ok: false, reason: 'wrong_passphrase' });
    expect(await openKeyring(platform, text.slice(0, -5), PASS, SHARE)).toEqual({ ok: false, reason: 'keyring_damaged' });
    const flipped = { ...file, wrapped: `${file.wrapped.slice(0, 30)}${file.wrapped[30] === 'a' ? 'b' : 'a'}${file.wrapped.slice(31)}` };
    expect(await openKeyring(platform, JSON.stringify(flipped), PASS, SHARE)).toEqual({ ok: false, reason: 'keyring_damaged' });
    const saltChanged = { ...file, kdf: { ...file.kdf, salt: '0'.repeat(32) } };
    expect(await openKeyring(platform, JSON.stringify(saltChanged), PASS, SHARE)).toEqual({ ok: false, reason: 'keyring_damaged' });
  });

  it('refuses another share’s keyring and a newer format', async () => {
    const { file } = await ring();
    expect(await openKeyring(platform, JSON.stringify(file), PASS, '01KBBBBBBBBBBBBBBBBBBBBBBB')).toEqual({
      ok: false,
      reason: 'other_share',
    });
    expect(await openKeyring(platform, JSON.stringify({ ...file, format: 2 }), PASS, SHARE)).toEqual({ ok: false, reason: 'newer_format' });
  });

  it('asks for a long enough passphrase, typed twice the same', () => {
    expect(passphraseProblem('short one', 'short one')).toMatch(/at least 12 characters \(now 9\)/);
    expect(passphraseProblem('long enough passphrase', 'long enough passphrase!')).toMatch(/differ/);
    expect(passphraseProblem('long enough passphrase', 'long enough passphrase')).toBeNull();
  });
});
