import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { FolderError } from '../../shared/sync/folder';
import type { FolderResult, syncContract } from '../../shared/sync/ipcContract';
import { FsShareFolder, type ShareFolderOptions } from './shareFolder';

/**
 * The main process's side of sync: the chosen folder (picked in main's own native dialog and
 * remembered in the user-data folder, never taken from the renderer), file calls on it through
 * FsShareFolder, and the data key kept with the OS's protection (Electron safeStorage: DPAPI on
 * Windows, Keychain on macOS, the secret service on Linux). Plain Node with Electron's pieces
 * passed in, so it is tested without the Electron binary.
 */

type SyncContract = typeof syncContract;
type Method = keyof SyncContract;
export type SyncHandlers = {
  [M in Method]: (request: z.output<SyncContract[M]['request']>) => Promise<z.output<SyncContract[M]['response']>>;
};

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux: which secret store backs it ('basic_text' is a key hard-coded in Chromium: no protection). */
  getSelectedStorageBackend?(): string;
}

export interface SyncMainDeps {
  /** Electron's userData folder (asked when first needed: main sets it up after loading this module). */
  userDataDir: () => string;
  /** Shows the native folder picker; the chosen absolute path, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  safeStorage: SafeStorageLike;
  folderOptions?: ShareFolderOptions;
  /** The running system (tests pick one). */
  platform?: NodeJS.Platform;
}

/** Why the key cannot be kept: the OS offers no protection, or (Linux) no secret store, only Chromium's hard-coded key. */
type NotKept = 'no_protection' | 'no_secret_store';

/**
 * Whose files a share path is: the device id of `devices/<id>/…`, or of a snapshot's stamp
 * (`snapshots/snap-<wall>-<counter>-<id>/…`); null for SHARE.json and keyrings (shared, never removed).
 */
export function ownerOf(p: string): string | null {
  const device = /^devices\/([0-9A-Za-z]{1,64})(\/|$)/.exec(p);
  if (device) return device[1] as string;
  const snapshot = /^snapshots\/snap-[0-9a-z]{9}-[0-9a-z]{4}-([0-9A-Za-z]{1,64})(\/|$)/.exec(p);
  return snapshot ? (snapshot[1] as string) : null;
}

const CONFIG_FILE = 'sync-folder.json';
const KEY_FILE = 'sync-key.bin';

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function call<T>(run: () => Promise<T>): Promise<FolderResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof FolderError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'io', message: 'The folder call failed.' };
  }
}

export function createSyncHandlers(deps: SyncMainDeps): SyncHandlers {
  const configFile = () => path.join(deps.userDataDir(), CONFIG_FILE);
  const keyFile = () => path.join(deps.userDataDir(), KEY_FILE);
  const platform = deps.platform ?? process.platform;
  let folder: FsShareFolder | null = null;
  /** The one desk whose files this desk writes and removes in the chosen folder: the first it wrote under. */
  let deviceId: string | null = null;
  let loaded = false;

  async function current(): Promise<FsShareFolder> {
    if (!loaded) {
      loaded = true;
      try {
        const config = JSON.parse(await readFile(configFile(), 'utf8')) as { path?: unknown; deviceId?: unknown };
        if (typeof config.path === 'string' && path.isAbsolute(config.path)) folder = new FsShareFolder(config.path, deps.folderOptions);
        deviceId = typeof config.deviceId === 'string' && /^[0-9A-Za-z]{1,64}$/.test(config.deviceId) ? config.deviceId : null;
      } catch {
        folder = null; // no folder chosen yet, or an unreadable file: the person chooses again
      }
    }
    if (!folder) throw new FolderError('no_folder', 'No sync folder is chosen on this desk.');
    return folder;
  }

  /**
   * Main writes only this desk's files and removes only its own, whatever the renderer asks: the
   * first device folder it writes in becomes this desk's (remembered with the folder), and files of
   * any other desk are refused from then on. SHARE.json and keyrings are created, never removed.
   */
  async function own(p: string, removing: boolean): Promise<FsShareFolder> {
    const f = await current();
    const owner = ownerOf(p);
    if (owner === null && !removing) return f;
    if (owner !== null && deviceId === null && !removing) {
      deviceId = owner;
      await writeAtomically(configFile(), JSON.stringify({ path: f.root, deviceId }));
    }
    if (owner === null || owner !== deviceId)
      throw new FolderError('bad_path', 'This desk writes and removes only its own files in the sync folder.');
    return f;
  }

  /** Whether the OS really protects what safeStorage encrypts. */
  function notKept(): NotKept | null {
    if (!deps.safeStorage.isEncryptionAvailable()) return 'no_protection';
    if (platform === 'linux') {
      const backend = deps.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text' || backend === 'unknown') return 'no_secret_store';
    }
    return null;
  }

  return {
    syncFolderInfo: async () => {
      try {
        return { path: (await current()).root };
      } catch {
        return { path: null };
      }
    },
    syncChooseFolder: async () => {
      const chosen = await deps.pickFolder();
      if (!chosen || !path.isAbsolute(chosen)) return { path: null };
      await writeAtomically(configFile(), JSON.stringify({ path: chosen }));
      folder = new FsShareFolder(chosen, deps.folderOptions);
      deviceId = null;
      loaded = true;
      return { path: chosen };
    },
    syncList: ({ dir }) => call(async () => (await current()).list(dir)),
    syncRead: ({ path: p }) => call(async () => (await current()).read(p)),
    syncWriteNew: ({ path: p, bytes }) =>
      call(async () => {
        await (await own(p, false)).writeNew(p, bytes);
        return true as const;
      }),
    syncRemove: ({ path: p }) =>
      call(async () => {
        await (await own(p, true)).remove(p);
        return true as const;
      }),
    syncProbe: ({ path: p }) => call(async () => (await own(p, false)).probe(p)),
    syncRememberKey: async ({ shareId, keyId, key }) => {
      // Without OS protection (or, on Linux, with only Chromium's hard-coded key) the key would in
      // effect sit on disk in the clear: it is kept only in the renderer's memory instead, and any
      // key file from before is removed.
      const reason = notKept();
      if (reason) {
        await rm(keyFile(), { force: true });
        return { stored: false, reason };
      }
      const sealed = deps.safeStorage.encryptString(JSON.stringify({ shareId, keyId, key: Buffer.from(key).toString('hex') }));
      await writeAtomically(keyFile(), sealed);
      return { stored: true };
    },
    syncRecallKey: async ({ shareId }) => {
      const reason = notKept();
      if (reason) {
        await rm(keyFile(), { force: true });
        return { found: false as const, reason };
      }
      try {
        const stored = JSON.parse(deps.safeStorage.decryptString(await readFile(keyFile()))) as {
          shareId?: unknown;
          keyId?: unknown;
          key?: unknown;
        };
        if (
          stored.shareId !== shareId ||
          typeof stored.keyId !== 'number' ||
          typeof stored.key !== 'string' ||
          !/^[0-9a-f]{64}$/.test(stored.key)
        )
          return { found: false as const };
        return { found: true as const, keyId: stored.keyId, key: new Uint8Array(Buffer.from(stored.key, 'hex')) };
      } catch {
        return { found: false as const };
      }
    },
    syncForget: async () => {
      folder = null;
      deviceId = null;
      loaded = true;
      await rm(configFile(), { force: true });
      await rm(keyFile(), { force: true });
      return { ok: true as const };
    },
  };
}
