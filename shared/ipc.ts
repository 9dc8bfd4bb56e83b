import { z } from 'zod';
import { CHANNEL_PREFIX, IPC_CHANNELS } from './ipcChannels';

export { CHANNEL_PREFIX };

/**
 * The one IPC contract between the renderer (through the preload bridge) and the main process.
 * Every channel is prefixed `liaison:`; main rejects any other. Each entry names its channel and
 * the zod schemas of its request and response: main parses every request (the renderer is
 * untrusted) and the browser bridge implements the same `LiaisonApi`, so a channel cannot exist
 * on one side only.
 */

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['desktop', 'browser']),
  os: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcContract = {
  getAppInfo: {
    channel: IPC_CHANNELS.getAppInfo,
    request: z.undefined(),
    response: appInfoSchema,
  },
  copyText: {
    channel: IPC_CHANNELS.copyText,
    request: z.object({ text: z.string().max(20_000) }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
} as const satisfies Record<keyof typeof IPC_CHANNELS, { channel: string; request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<IpcContract[M]['response']>;

/** The API the renderer sees as `window.liaison`: one async function per contract entry. */
export type LiaisonApi = {
  [M in IpcMethod]: IpcRequest<M> extends undefined ? () => Promise<IpcResponse<M>> : (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
};

export const IPC_METHODS = Object.keys(ipcContract) as IpcMethod[];

export function isContractChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX) && IPC_METHODS.some((m) => ipcContract[m].channel === channel);
}
