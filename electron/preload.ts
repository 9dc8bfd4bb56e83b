import { contextBridge, ipcRenderer } from 'electron';
import type { IpcMethod, IpcRequest, IpcResponse, LiaisonApi } from '../shared/ipc';
import { IPC_CHANNELS } from '../shared/ipcChannels';

/**
 * The sandboxed preload: the renderer gets `window.liaison` with one named function per contract
 * method and nothing else, never `ipcRenderer` (STYLE.md item 6). Bundled to one CJS file by
 * scripts/build-electron.mjs because a sandboxed preload can require only 'electron'.
 */

function invoke<M extends IpcMethod>(method: M, request?: IpcRequest<M>): Promise<IpcResponse<M>> {
  // Main parses both request and response against the contract; the cast only names that result.
  return ipcRenderer.invoke(IPC_CHANNELS[method], request) as Promise<IpcResponse<M>>;
}

// `satisfies` makes a method missing here, or one the contract lacks, a compile error.
export const liaisonApi = {
  getAppInfo: () => invoke('getAppInfo'),
  copyText: (request) => invoke('copyText', request),
} satisfies LiaisonApi;

contextBridge.exposeInMainWorld('liaison', liaisonApi);
