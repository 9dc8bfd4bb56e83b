/**
 * The IPC channel names, apart from their schemas so the sandboxed preload can be bundled
 * without zod (it only forwards; main validates). `shared/ipc.ts` pairs each with its schemas.
 */
import { SYNC_CHANNELS } from './sync/channels';

export const CHANNEL_PREFIX = 'liaison:';

export const IPC_CHANNELS = {
  getAppInfo: 'liaison:app:get-info',
  copyText: 'liaison:clipboard:write-text',
  openMailto: 'liaison:shell:open-mailto',
  setOverdueCount: 'liaison:desktop:set-overdue-count',
  showNotification: 'liaison:desktop:show-notification',
  saveFile: 'liaison:files:save',
  printToPdf: 'liaison:files:print-to-pdf',
  // Sync through a network folder (shared/sync/ipcContract.ts).
  ...SYNC_CHANNELS,
} as const;

/**
 * Channels main sends on and the renderer only listens to (menu commands, notification clicks).
 * The preload subscribes to exactly these and hands listeners the payload, never the event.
 */
export const IPC_EVENT_CHANNELS = {
  menuCommand: 'liaison:menu:command',
  openInquiry: 'liaison:notification:open-inquiry',
} as const;
