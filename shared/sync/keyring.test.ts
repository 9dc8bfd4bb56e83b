import { describe, expect, it } from 'vitest';
import { createKeyring, createNextKeyring, followKeyring, olderKeys, openKeyring, parseKeyring, passphraseProblem } from './keyring';
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

  it('a passphrase change: the next keyring opens with the new passphrase, holds the older keys, and is followed with the current key', async () => {
    const first = await ring();
    const keys = new Map([[1, first.dataKey]]);
    const next = await createNextKeyring(platform, 'the new sentence of the unit', SHARE, 2, keys, 1, false, 1000);
    const text = JSON.stringify(next.file);
    expect(await openKeyring(platform, text, PASS, SHARE)).toEqual({ ok: false, reason: 'wrong_passphrase' });
    expect(await openKeyring(platform, text, 'the new sentence of the unit', SHARE)).toEqual({ ok: true, keyId: 2, dataKey: next.dataKey });
    const parsed = await parseKeyring(platform, text, SHARE);
    if (!parsed) throw new Error('the keyring should parse');
    expect(await olderKeys(platform, parsed, next.dataKey)).toEqual(keys);
    expect(await followKeyring(platform, parsed, keys)).toEqual(next.dataKey);
    // Neither extra opens with a wrong key, nor once changed; a locked-out change has no link to follow.
    expect(await olderKeys(platform, parsed, first.dataKey)).toEqual(new Map());
    expect(await followKeyring(platform, parsed, new Map([[1, next.dataKey]]))).toBeNull();
    const link = parsed.fromPrevious as { keyId: number; sealed: string };
    const tampered = {
      ...parsed,
      fromPrevious: { ...link, sealed: `${link.sealed.slice(0, -2)}${link.sealed.endsWith('0') ? '1' : '0'}` },
    };
    expect(await followKeyring(platform, tampered, keys)).toBeNull();
    const moved = { ...parsed, keyId: 3 };
    expect(await followKeyring(platform, moved, keys)).toBeNull();
    const lockedOut = await createNextKeyring(platform, 'the new sentence of the unit', SHARE, 2, keys, 1, true, 1000);
    expect(lockedOut.file.fromPrevious).toBeUndefined();
    expect(await followKeyring(platform, lockedOut.file, keys)).toBeNull();
    expect(JSON.stringify(next.file)).not.toContain('the new sentence');
  });
});
