import type { LiaisonApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** Present in the desktop app: the preload bridge (electron/preload.ts). */
    liaison?: LiaisonApi;
  }
}

/** The same API for a plain browser (preview, tests): what the desktop does natively, done with web APIs. */
export const browserBridge: LiaisonApi = {
  getAppInfo: async () => ({ name: 'Liaison Log', version: __APP_VERSION__, platform: 'browser', os: navigator.platform || 'unknown' }),
  copyText: async ({ text }) => {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  },
};

export const bridge: LiaisonApi = typeof window !== 'undefined' && window.liaison ? window.liaison : browserBridge;
