import type { SyncApi } from '../../shared/sync/ipcContract';

/** What a web browser can answer about sync: it cannot reach a network folder. */
export const DESKTOP_ONLY = 'Sync needs the desktop app: a web browser cannot reach the network folder.';

const unsupported = { ok: false as const, code: 'unsupported' as const, message: DESKTOP_ONLY };

/** The sync part of the browser bridge (renderer/app/bridge.ts): no folder, no key store. */
export const browserSync: SyncApi = {
  syncFolderInfo: async () => ({ path: null }),
  syncChooseFolder: async () => ({ path: null }),
  syncList: async () => unsupported,
  syncRead: async () => unsupported,
  syncWriteNew: async () => unsupported,
  syncRemove: async () => unsupported,
  syncProbe: async () => unsupported,
  syncRememberKey: async () => ({ stored: false }),
  syncRecallKey: async () => ({ found: false }),
  syncForget: async () => ({ ok: true }),
};
