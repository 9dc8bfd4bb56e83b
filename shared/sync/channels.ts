/**
 * The sync IPC channel names, apart from their schemas (shared/sync/ipcContract.ts) so the
 * sandboxed preload can be bundled without zod. Merged into IPC_CHANNELS (shared/ipcChannels.ts).
 */
export const SYNC_CHANNELS = {
  syncFolderInfo: 'liaison:sync:folder-info',
  syncChooseFolder: 'liaison:sync:choose-folder',
  syncList: 'liaison:sync:list',
  syncRead: 'liaison:sync:read',
  syncWriteNew: 'liaison:sync:write-new',
  syncRemove: 'liaison:sync:remove',
  syncProbe: 'liaison:sync:probe',
  syncRememberKey: 'liaison:sync:remember-key',
  syncRecallKey: 'liaison:sync:recall-key',
  syncForget: 'liaison:sync:forget',
} as const;
