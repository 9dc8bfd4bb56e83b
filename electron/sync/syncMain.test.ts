import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncContract } from '../../shared/sync/ipcContract';
import { createSyncHandlers, type SafeStorageLike } from './syncMain';

let userData: string;
let shareRoot: string;
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'user-data-'));
  shareRoot = await mkdtemp(path.join(tmpdir(), 'share-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
  await rm(shareRoot, { recursive: true, force: true });
});

/** Stands in for the OS's protection: reversible, and visibly not the plain text. On Linux, backed by a real secret store unless told. */
const fakeSafeStorage = (available = true, backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
  getSelectedStorageBackend: () => backend,
});

const handlers = (picked: string | null = shareRoot, safe = fakeSafeStorage(), platform: NodeJS.Platform = 'linux') =>
  createSyncHandlers({ userDataDir: () => userData, pickFolder: async () => picked, safeStorage: safe, platform });

describe('sync in the main process', () => {
  it('works only on a folder chosen in the native picker, and remembers it', async () => {
    const h = handlers();
    expect(await h.syncList({ dir: '' })).toEqual({ ok: false, code: 'no_folder', message: 'No sync folder is chosen on this desk.' });
    expect(await h.syncFolderInfo(undefined)).toEqual({ path: null });
    expect(await handlers(null).syncChooseFolder(undefined)).toEqual({ path: null });
    expect(await h.syncChooseFolder(undefined)).toEqual({ path: shareRoot });
    expect(await h.syncWriteNew({ path: 'SHARE.json', bytes: new Uint8Array([123, 125]) })).toEqual({ ok: true, value: true });
    expect(await h.syncWriteNew({ path: 'SHARE.json', bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, code: 'exists' });
    const again = handlers();
    expect(await again.syncFolderInfo(undefined)).toEqual({ path: shareRoot });
    expect(await again.syncRead({ path: 'SHARE.json' })).toEqual({ ok: true, value: new Uint8Array([123, 125]) });
    expect(await again.syncList({ dir: '' })).toEqual({ ok: true, value: [{ name: 'SHARE.json', kind: 'file' }] });
  });

  it('the contract refuses paths outside the share layout before main sees them', () => {
    for (const p of ['../x', 'devices/../../etc/passwd', '/etc/passwd', 'SHARE.json\u0000']) {
      expect(syncContract.syncRead.request.safeParse({ path: p }).success).toBe(false);
      expect(syncContract.syncWriteNew.request.safeParse({ path: p, bytes: new Uint8Array() }).success).toBe(false);
    }
    expect(syncContract.syncRemove.request.safeParse({ path: 'SHARE.json' }).success).toBe(false);
    expect(syncContract.syncRemove.request.safeParse({ path: 'keys/keyring-1.json' }).success).toBe(false);
    expect(syncContract.syncRemove.request.safeParse({ path: 'devices/ABC/seg-0000000001' }).success).toBe(true);
    expect(syncContract.syncProbe.request.safeParse({ path: 'devices/ABC/seg-0000000001' }).success).toBe(false);
  });

  it('keeps the data key only under the OS protection, for its own share', async () => {
    const h = handlers();
    const key = new Uint8Array(32).map((_, i) => i * 7);
    const shareId = '01KAAAAAAAAAAAAAAAAAAAAAAA';
    expect(await h.syncRememberKey({ shareId, keyId: 1, key })).toEqual({ stored: true });
    const onDisk = await readFile(path.join(userData, 'sync-key.bin'));
    expect(onDisk.toString('latin1')).not.toContain(Buffer.from(key).toString('hex'));
    expect(await handlers().syncRecallKey({ shareId })).toEqual({ found: true, keyId: 1, key });
    expect(await h.syncRecallKey({ shareId: '01KBBBBBBBBBBBBBBBBBBBBBBB' })).toEqual({ found: false });
    await h.syncForget(undefined);
    expect(await h.syncRecallKey({ shareId })).toEqual({ found: false });
    expect(await readdir(userData)).toEqual([]);
  });

  it('without OS protection the key is not written to disk at all', async () => {
    const h = handlers(shareRoot, fakeSafeStorage(false));
    expect(await h.syncRememberKey({ shareId: '01KAAAAAAAAAAAAAAAAAAAAAAA', keyId: 1, key: new Uint8Array(32) })).toEqual({
      stored: false,
      reason: 'no_protection',
    });
    expect(await readdir(userData)).toEqual([]);
  });

  it('on Linux without a secret store (Chromium’s hard-coded "basic_text" key) the key is not kept, a key kept before is removed, and the reason is given', async () => {
    const shareId = '01KAAAAAAAAAAAAAAAAAAAAAAA';
    const key = new Uint8Array(32).fill(9);
    expect(await handlers().syncRememberKey({ shareId, keyId: 1, key })).toEqual({ stored: true });
    const basic = handlers(shareRoot, fakeSafeStorage(true, 'basic_text'));
    expect(await basic.syncRecallKey({ shareId })).toEqual({ found: false, reason: 'no_secret_store' });
    expect(await readdir(userData)).toEqual([]);
    expect(await basic.syncRememberKey({ shareId, keyId: 1, key })).toEqual({ stored: false, reason: 'no_secret_store' });
    expect(await readdir(userData)).toEqual([]);
    // Windows (DPAPI) and macOS (Keychain) have no such backend to ask.
    const win = handlers(shareRoot, { ...fakeSafeStorage(true), getSelectedStorageBackend: undefined }, 'win32');
    expect(await win.syncRememberKey({ shareId, keyId: 1, key })).toEqual({ stored: true });
  });

  it('writes and removes only this desk’s own files: the first desk folder it writes in, and its snapshots', async () => {
    const h = handlers();
    await h.syncChooseFolder(undefined);
    const me = 'A1DESK00000000AA';
    const other = 'B2DESK00000000BB';
    const stamp = (id: string) => `0mhq3abcd-0000-${id}`;
    expect(await h.syncWriteNew({ path: `devices/${me}/seg-0000000001`, bytes: new Uint8Array([1]) })).toEqual({ ok: true, value: true });
    expect(await h.syncWriteNew({ path: `snapshots/snap-${stamp(me)}/part-000001`, bytes: new Uint8Array([1]) })).toMatchObject({
      ok: true,
    });
    expect(await h.syncWriteNew({ path: 'keys/keyring-2.json', bytes: new Uint8Array([1]) })).toMatchObject({ ok: true });
    // Another desk's files, put there by that desk.
    await mkdir(path.join(shareRoot, 'devices', other), { recursive: true });
    await writeFile(path.join(shareRoot, 'devices', other, 'seg-0000000001'), 'theirs');
    await mkdir(path.join(shareRoot, 'snapshots', `snap-${stamp(other)}`), { recursive: true });
    await writeFile(path.join(shareRoot, 'snapshots', `snap-${stamp(other)}`, 'manifest'), 'theirs');
    for (const p of [`devices/${other}/seg-0000000001`, `snapshots/snap-${stamp(other)}/manifest`, `snapshots/snap-${stamp(other)}`])
      expect(await h.syncRemove({ path: p })).toMatchObject({ ok: false, code: 'bad_path' });
    expect(await h.syncWriteNew({ path: `devices/${other}/seg-0000000002`, bytes: new Uint8Array([1]) })).toMatchObject({
      ok: false,
      code: 'bad_path',
    });
    expect(await h.syncProbe({ path: `devices/${other}/probe-0123456789abcdef` })).toMatchObject({ ok: false, code: 'bad_path' });
    expect(await readFile(path.join(shareRoot, 'devices', other, 'seg-0000000001'), 'utf8')).toBe('theirs');
    // Its own: removed. Remembered across a restart of main.
    const again = handlers();
    expect(await again.syncRemove({ path: `devices/${me}/seg-0000000001` })).toEqual({ ok: true, value: true });
    expect(await again.syncRemove({ path: `snapshots/snap-${stamp(me)}/part-000001` })).toEqual({ ok: true, value: true });
    expect(await again.syncRemove({ path: `devices/${other}/seg-0000000001` })).toMatchObject({ ok: false, code: 'bad_path' });
    // A newly chosen folder starts afresh.
    await again.syncChooseFolder(undefined);
    expect(await again.syncRemove({ path: `devices/${me}/state/state-0000000001` })).toMatchObject({ ok: false, code: 'bad_path' });
  });
});
