import {
  type IpcEventName,
  type IpcEventPayload,
  ipcContract,
  type LiaisonApi,
  type LiaisonEvents,
  notificationContent,
} from '../../shared/ipc';
import { mailtoOf } from '../../shared/mailto';
import { browserSync } from '../sync/browserSync';

declare global {
  interface Window {
    /** Present in the desktop app: the preload bridge (electron/preload.ts). */
    liaison?: LiaisonApi & LiaisonEvents;
  }
}

// The browser build's own event source: nothing sends menu commands (a browser has no app menu),
// and a click on one of its web notifications sends openInquiry.
const browserListeners: { [E in IpcEventName]: Set<(payload: IpcEventPayload<E>) => void> } = {
  menuCommand: new Set(),
  openInquiry: new Set(),
};

function browserSubscribe<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
  const listeners = browserListeners[event] as Set<(payload: IpcEventPayload<E>) => void>;
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const browserEvents: LiaisonEvents = {
  onMenuCommand: (listener) => browserSubscribe('menuCommand', listener),
  onOpenInquiry: (listener) => browserSubscribe('openInquiry', listener),
};

/** The same API for a plain browser (preview, tests): what the desktop does natively, done with web APIs. */
export const browserBridge: LiaisonApi = {
  getAppInfo: async () => ({ name: 'Liaison Log', version: __APP_VERSION__, platform: 'browser', os: navigator.platform || 'unknown' }),
  copyText: async ({ text }) => {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  },
  openMailto: async (request) => {
    // The browser hands a mailto: link to the mail program it is set up with (or nothing, where none is).
    const checked = ipcContract.openMailto.request.parse(request);
    const a = document.createElement('a');
    a.href = mailtoOf(checked.to, checked);
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    return { opened: true };
  },
  setOverdueCount: async (request) => {
    const { count } = ipcContract.setOverdueCount.request.parse(request);
    // The Badging API shows only for an installed web app; elsewhere it is absent or a no-op.
    const badging = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
    await (count > 0 ? badging.setAppBadge?.(count) : badging.clearAppBadge?.())?.catch(() => undefined);
    return { ok: true };
  },
  showNotification: async (request) => {
    // The same rules as the desktop: only a case number and what is due, never free text.
    const checked = ipcContract.showNotification.request.parse(request);
    if (typeof Notification === 'undefined') return { shown: false };
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return { shown: false };
    const { title, body } = notificationContent(checked);
    const notification = new Notification(title, { body, tag: `liaison-${checked.inquiryId}` });
    notification.onclick = () => {
      window.focus();
      notification.close();
      for (const listener of browserListeners.openInquiry) listener({ inquiryId: checked.inquiryId });
    };
    return { shown: true };
  },
  saveFile: async (request) => {
    // A browser has no Save dialog to drive: the file is downloaded (to the browser's download folder, or where it asks).
    const { suggestedName, data } = ipcContract.saveFile.request.parse(request);
    const types: Record<string, string> = {
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      csv: 'text/csv;charset=utf-8',
      pdf: 'application/pdf',
      'json.gz': 'application/gzip',
    };
    const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: types[request.format] });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked after the download has had time to start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { outcome: 'saved', fileName: suggestedName };
  },
  printToPdf: async (request) => {
    ipcContract.printToPdf.request.parse(request);
    // The browser's print dialog offers "Save as PDF" itself; the page's print styles apply.
    window.print();
    return { outcome: 'printed' };
  },
  // Sync needs the desktop app: every folder call says so (renderer/sync/browserSync.ts).
  ...browserSync,
};

export const bridge: LiaisonApi = typeof window !== 'undefined' && window.liaison ? window.liaison : browserBridge;

/** Menu commands and notification clicks: from the preload on the desktop, from the browser bridge otherwise. */
export const bridgeEvents: LiaisonEvents = typeof window !== 'undefined' && window.liaison ? window.liaison : browserEvents;
