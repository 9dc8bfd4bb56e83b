import { describe, expect, it } from 'vitest';
import { type DataKey, type FileKind, importDataKey, openFile, peekHeader, sealFile } from './fileBox';
import { webPlatform } from './platform';

const platform = webPlatform();
const NAME = 'devices/A1DESK00000000AA/seg-0000000007';
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 251);

async function keyring(id = 1): Promise<Map<number, DataKey>> {
  return new Map([[id, await importDataKey(platform, id, platform.randomBytes(32))]]);
}
const seal = async (keys: Map<number, DataKey>, plain: Uint8Array, chunk = 16, kind: FileKind = 'segment', name = NAME) =>
  sealFile(platform, keys.get(1) as DataKey, kind, name, plain, chunk);
const open = (keys: Map<number, DataKey>, file: Uint8Array, kind: FileKind = 'segment', name = NAME) =>
  openFile(platform, keys, kind, name, file);

describe('the encrypted file format', () => {
  it('round-trips any length, in one chunk or many, and gives each file its own key', async () => {
    const keys = await keyring();
    for (const n of [0, 1, 15, 16, 17, 64, 100]) {
      const file = await seal(keys, bytes(n));
      expect(await open(keys, file)).toEqual({ ok: true, plaintext: bytes(n) });
    }
    const [one, two] = [await seal(keys, bytes(40)), await seal(keys, bytes(40))];
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
  });

  it('detects truncation at every length and a flipped bit at every position', async () => {
    const keys = await keyring();
    const file = await seal(keys, bytes(50));
    for (let n = 0; n < file.length; n++) expect((await open(keys, file.slice(0, n))).ok).toBe(false);
    for (let i = 0; i < file.length; i++) {
      const flipped = file.slice();
      flipped[i] = (flipped[i] ?? 0) ^ 0x01;
      expect((await open(keys, flipped)).ok).toBe(false);
    }
  });

  it('detects reordered chunks and data appended after the last chunk', async () => {
    const keys = await keyring();
    const file = await seal(keys, bytes(48)); // three full 16-byte chunks
    const header = (peekHeader(file)?.name.length ?? 0) + 30;
    const chunk = 16 + 16;
    const swapped = file.slice();
    swapped.set(file.subarray(header, header + chunk), header + chunk);
    swapped.set(file.subarray(header + chunk, header + 2 * chunk), header);
    expect(await open(keys, swapped)).toEqual({ ok: false, reason: 'damaged' });
    const longer = new Uint8Array([...file, 0]);
    expect((await open(keys, longer)).ok).toBe(false);
  });

  it('says why a file cannot be used: empty, not ours, newer, other key, renamed, other kind', async () => {
    const keys = await keyring();
    const file = await seal(keys, bytes(20));
    expect(await open(keys, new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(await open(keys, new TextEncoder().encode('{"hello": "world", "padding": "................................"}'))).toEqual({
      ok: false,
      reason: 'not_sync_file',
    });
    const newer = file.slice();
    newer[4] = 2;
    expect(await open(keys, newer)).toEqual({ ok: false, reason: 'newer_format' });
    expect(await open(await keyring(2), file)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await open(keys, file, 'segment', 'devices/A1DESK00000000AA/seg-0000000008')).toEqual({ ok: false, reason: 'wrong_name' });
    expect(await open(keys, file, 'state')).toEqual({ ok: false, reason: 'wrong_kind' });
    const otherKeySameId = await keyring(1);
    expect(await open(otherKeySameId, file)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('keeps nothing readable in the clear but its own name', async () => {
    const keys = await keyring();
    const secret = new TextEncoder().encode('Pat Lee, Medicaid ID 1234567A, born 1961-04-09');
    const file = await seal(keys, secret, 1024);
    const text = Buffer.from(file).toString('latin1');
    for (const word of ['Pat Lee', '1234567A', '1961']) expect(text).not.toContain(word);
    expect(peekHeader(file)).toEqual({ format: 1, kind: 1, keyId: 1, name: NAME });
  });
});
