/**
 * The IPC channel names, apart from their schemas so the sandboxed preload can be bundled
 * without zod (it only forwards; main validates). `shared/ipc.ts` pairs each with its schemas.
 */
export const CHANNEL_PREFIX = 'liaison:';

export const IPC_CHANNELS = {
  getAppInfo: 'liaison:app:get-info',
  copyText: 'liaison:clipboard:write-text',
} as const;
