import { FolderError, type ShareFolder } from '../../shared/sync/folder';
import type { FolderResult, SyncApi } from '../../shared/sync/ipcContract';

/**
 * The desktop's sync calls for renderer tests: a folder in memory (or any ShareFolder) behind the
 * same SyncApi the preload exposes, a key store in memory, and a folder picker that "chooses"
 * `path` (or is cancelled when it is null).
 */
export function fakeSyncApi(
  folder: ShareFolder,
  picks: { path: string | null } = { path: 'S:\\Liaison\\Sync' },
): SyncApi & {
  keys: Map<string, { keyId: number; key: Uint8Array }>;
} {
  let chosen: string | null = null;
  const keys = new Map<string, { keyId: number; key: Uint8Array }>();
  const call = async <T>(run: () => Promise<T>): Promise<FolderResult<T>> => {
    if (!chosen) return { ok: false, code: 'no_folder', message: 'No sync folder is chosen on this desk.' };
    try {
      return { ok: true, value: await run() };
    } catch (e) {
      if (e instanceof FolderError) return { ok: false, code: e.code, message: e.message };
      throw e;
    }
  };
  return {
    keys,
    syncFolderInfo: async () => ({ path: chosen }),
    syncChooseFolder: async () => {
      if (picks.path) chosen = picks.path;
      return { path: picks.path };
    },
    syncList: ({ dir }) => call(() => folder.list(dir)),
    syncRead: ({ path }) => call(() => folder.read(path)),
    syncWriteNew: ({ path, bytes }) =>
      call(async () => {
        await folder.writeNew(path, bytes);
        return true as const;
      }),
    syncRemove: ({ path }) =>
      call(async () => {
        await folder.remove(path);
        return true as const;
      }),
    syncProbe: ({ path }) => call(() => folder.probe(path)),
    syncRememberKey: async ({ shareId, keyId, key }) => {
      keys.set(shareId, { keyId, key });
      return { stored: true };
    },
    syncRecallKey: async ({ shareId }) => {
      const k = keys.get(shareId);
      return k ? { found: true as const, ...k } : { found: false as const };
    },
    syncForget: async () => {
      chosen = null;
      keys.clear();
      return { ok: true as const };
    },
  };
}
