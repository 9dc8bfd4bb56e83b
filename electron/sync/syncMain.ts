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
}

export interface SyncMainDeps {
  /** Electron's userData folder (asked when first needed: main sets it up after loading this module). */
  userDataDir: () => string;
  /** Shows the native folder picker; the chosen absolute path, or null when cancelled. */
  pickFolder(): Promise<string | null>;
  safeStorage: SafeStorageLike;
  folderOptions?: ShareFolderOptions;
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
  let folder: FsShareFolder | null = null;
  let loaded = false;

  async function current(): Promise<FsShareFolder> {
    if (!loaded) {
      loaded = true;
      try {
        const { path: root } = JSON.parse(await readFile(configFile(), 'utf8')) as { path?: unknown };
        if (typeof root === 'string' && path.isAbsolute(root)) folder = new FsShareFolder(root, deps.folderOptions);
      } catch {
        folder = null; // no folder chosen yet, or an unreadable file: the person chooses again
      }
    }
    if (!folder) throw new FolderError('no_folder', 'No sync folder is chosen on this desk.');
    return folder;
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
      loaded = true;
      return { path: chosen };
    },
    syncList: ({ dir }) => call(async () => (await current()).list(dir)),
    syncRead: ({ path: p }) => call(async () => (await current()).read(p)),
    syncWriteNew: ({ path: p, bytes }) =>
      call(async () => {
        await (await current()).writeNew(p, bytes);
        return true as const;
      }),
    syncRemove: ({ path: p }) =>
      call(async () => {
        await (await current()).remove(p);
        return true as const;
      }),
    syncProbe: ({ path: p }) => call(async () => (await current()).probe(p)),
    syncRememberKey: async ({ shareId, keyId, key }) => {
      // Without OS protection the key would sit on disk in the clear: keep it only in the renderer's memory instead.
      if (!deps.safeStorage.isEncryptionAvailable()) return { stored: false };
      const sealed = deps.safeStorage.encryptString(JSON.stringify({ shareId, keyId, key: Buffer.from(key).toString('hex') }));
      await writeAtomically(keyFile(), sealed);
      return { stored: true };
    },
    syncRecallKey: async ({ shareId }) => {
      try {
        if (!deps.safeStorage.isEncryptionAvailable()) return { found: false as const };
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
      loaded = true;
      await rm(configFile(), { force: true });
      await rm(keyFile(), { force: true });
      return { ok: true as const };
    },
  };
}
