import { contextBridge, ipcRenderer } from 'electron';
import type { IpcEventName, IpcEventPayload, IpcMethod, IpcRequest, IpcResponse, LiaisonApi, LiaisonEvents } from '../shared/ipc';
import { IPC_CHANNELS, IPC_EVENT_CHANNELS } from '../shared/ipcChannels';

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
  openMailto: (request) => invoke('openMailto', request),
  setOverdueCount: (request) => invoke('setOverdueCount', request),
  showNotification: (request) => invoke('showNotification', request),
  saveFile: (request) => invoke('saveFile', request),
  printToPdf: (request) => invoke('printToPdf', request),
  syncFolderInfo: () => invoke('syncFolderInfo'),
  syncChooseFolder: () => invoke('syncChooseFolder'),
  syncList: (request) => invoke('syncList', request),
  syncRead: (request) => invoke('syncRead', request),
  syncWriteNew: (request) => invoke('syncWriteNew', request),
  syncRemove: (request) => invoke('syncRemove', request),
  syncProbe: (request) => invoke('syncProbe', request),
  syncRememberKey: (request) => invoke('syncRememberKey', request),
  syncRecallKey: (request) => invoke('syncRecallKey', request),
  syncForget: () => invoke('syncForget'),
} satisfies LiaisonApi;

/**
 * Subscribes to one of main's event channels. The listener gets the payload only, never the
 * IpcRendererEvent (whose `sender` is ipcRenderer itself); the returned function unsubscribes.
 */
function subscribe<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError(`${event} needs a listener function.`);
  const channel = IPC_EVENT_CHANNELS[event];
  // The renderer parses the payload with the contract's schema before acting on it.
  const forward = (_event: unknown, payload: unknown) => listener(payload as IpcEventPayload<E>);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

export const liaisonEvents = {
  onMenuCommand: (listener) => subscribe('menuCommand', listener),
  onOpenInquiry: (listener) => subscribe('openInquiry', listener),
} satisfies LiaisonEvents;

contextBridge.exposeInMainWorld('liaison', { ...liaisonApi, ...liaisonEvents });
