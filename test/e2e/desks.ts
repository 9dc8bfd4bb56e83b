import type { BrowserContext, Page } from 'playwright-core';
import type { FsShareFolder } from '../../electron/sync/shareFolder';
import { FolderError } from '../../shared/sync/folder';

/**
 * Desks that share a sync folder, in Chromium, as the desktop app: each browser profile gets a `window.liaison`
 * whose sync calls reach the test process, where the main process's own folder module (FsShareFolder) works on
 * a temp folder shared by every "desk". What the desktop shows outside the window is recorded in the page instead:
 * notifications in `window.__notices`, e-mails opened (mailto) in `window.__mailtos`, text copied in
 * `window.__copied` (kept across reloads of the page). The rest of the bridge does nothing, as the browser build.
 */

declare global {
  interface Window {
    /** The bridge's showNotification requests (case number and what is due, as the desktop gets them). */
    __deskNotices: string[];
    /** The mailto: requests the bridge was asked to open (to, subject, body). */
    __mailtos: { to: string; subject: string; body: string }[];
    __copied: string[];
  }
}

const DESKTOP_BRIDGE = `(() => {
  const b64 = (bytes) => { let s = ''; for (const x of bytes) s += String.fromCharCode(x); return btoa(s); };
  const fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const fs = async (op, arg) => {
    // The probe (the file server's clock) is told the desk's own clock, for a server that agrees with it.
    if (op === 'probe') arg = { ...arg, deskNow: Date.now() };
    const r = await window.__syncFs(op, arg && arg.bytes ? { ...arg, bytes: b64(arg.bytes) } : arg);
    if (r && r.ok && typeof r.value === 'string' && op === 'read') return { ok: true, value: fromB64(r.value) };
    return r;
  };
  const kept = (name) => {
    const stored = sessionStorage.getItem(name);
    window[name] = stored ? JSON.parse(stored) : [];
    return (item) => { window[name].push(item); sessionStorage.setItem(name, JSON.stringify(window[name])); };
  };
  const notice = kept('__deskNotices');
  const mailto = kept('__mailtos');
  const copied = kept('__copied');
  const keys = new Map();
  let folder = sessionStorage.getItem('__folder');
  window.liaison = {
    getAppInfo: async () => ({ name: 'Liaison Log', version: 'e2e', platform: 'desktop', os: 'win32' }),
    copyText: async ({ text }) => { copied(text); return { ok: true }; },
    openMailto: async (request) => { mailto(request); return { opened: true }; },
    setOverdueCount: async () => ({ ok: true }),
    showNotification: async (request) => { notice(JSON.stringify(request)); return { shown: true }; },
    saveFile: async () => ({ outcome: 'cancelled' }),
    printToPdf: async () => ({ outcome: 'cancelled' }),
    onMenuCommand: () => () => {},
    onOpenInquiry: () => () => {},
    syncFolderInfo: async () => ({ path: folder }),
    syncChooseFolder: async () => {
      folder = 'S:\\\\Member Services\\\\Liaison sync';
      sessionStorage.setItem('__folder', folder);
      return { path: folder };
    },
    syncList: (r) => fs('list', r),
    syncRead: (r) => fs('read', r),
    syncWriteNew: (r) => fs('writeNew', r),
    syncRemove: (r) => fs('remove', r),
    syncProbe: (r) => fs('probe', r),
    syncRememberKey: async ({ shareId, keyId, key }) => {
      keys.set(shareId, { keyId, key });
      sessionStorage.setItem('__key:' + shareId, JSON.stringify({ keyId, key: Array.from(key) }));
      return { stored: true };
    },
    syncRecallKey: async ({ shareId }) => {
      const stored = keys.get(shareId) ?? JSON.parse(sessionStorage.getItem('__key:' + shareId) ?? 'null');
      return stored ? { found: true, keyId: stored.keyId, key: Uint8Array.from(stored.key) } : { found: false };
    },
    syncForget: async () => { folder = null; keys.clear(); sessionStorage.clear(); return { ok: true }; },
  };
})();`;

/**
 * Gives the desk of `context` the desktop bridge over `folder` (before its first page loads). `serverAgrees`: the file
 * server's clock (its probe file's time) is the desk's own, for desks standing at a moment the test chose (far from
 * the real date, which would otherwise pause sending: "this desk's clock is behind the file server's").
 */
export async function connectDesk(context: BrowserContext, folder: FsShareFolder, o: { serverAgrees?: boolean } = {}): Promise<void> {
  await context.exposeFunction('__syncFs', async (op: string, arg: { dir?: string; path?: string; bytes?: string; deskNow?: number }) => {
    try {
      switch (op) {
        case 'list':
          return { ok: true, value: await folder.list(arg.dir ?? '') };
        case 'read': {
          const bytes = await folder.read(arg.path ?? '');
          return { ok: true, value: bytes ? Buffer.from(bytes).toString('base64') : null };
        }
        case 'writeNew':
          await folder.writeNew(arg.path ?? '', new Uint8Array(Buffer.from(arg.bytes ?? '', 'base64')));
          return { ok: true, value: true };
        case 'remove':
          await folder.remove(arg.path ?? '');
          return { ok: true, value: true };
        case 'probe': {
          const mtime = await folder.probe(arg.path ?? '');
          return { ok: true, value: o.serverAgrees && arg.deskNow !== undefined ? arg.deskNow : mtime };
        }
      }
      return { ok: false, code: 'io', message: `unknown call ${op}` };
    } catch (e) {
      if (e instanceof FolderError) return { ok: false, code: e.code, message: e.message };
      throw e;
    }
  });
  await context.addInitScript({ content: DESKTOP_BRIDGE });
}

/** What the desk's bridge recorded: notifications shown, e-mails opened, text copied. */
export const deskRecord = (page: Page) =>
  page.evaluate(() => ({ notices: window.__deskNotices, mailtos: window.__mailtos, copied: window.__copied }));
