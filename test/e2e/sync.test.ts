import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import { FolderError } from '../../shared/sync/folder';
import { goToRoute, openAt, openSession, type Session, seriousViolations } from './browser';
import { SHOTS } from './steps';

/**
 * Settings → Sync in Chromium, as the desktop app: each browser profile gets a `window.liaison`
 * whose sync calls reach this test process, where the main process's own folder module works on
 * a temp folder shared by both "desks". The rest of the bridge does nothing (as the browser build).
 */

const PASSPHRASE = 'our unit syncs every day';
/** Both desks' clocks (the desktop app reads the system clock: here the browser's, set by the test). */
const NOW = '2026-11-23T14:30:00-06:00';

/** The desktop bridge, in the page: sync calls go to `__syncFs` (the test), the rest is inert. */
const DESKTOP_BRIDGE = `(() => {
  const b64 = (bytes) => { let s = ''; for (const x of bytes) s += String.fromCharCode(x); return btoa(s); };
  const fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const fs = async (op, arg) => {
    const r = await window.__syncFs(op, arg && arg.bytes ? { ...arg, bytes: b64(arg.bytes) } : arg);
    if (r && r.ok && typeof r.value === 'string' && op === 'read') return { ok: true, value: fromB64(r.value) };
    return r;
  };
  const keys = new Map();
  let folder = null;
  window.liaison = {
    getAppInfo: async () => ({ name: 'Liaison Log', version: 'e2e', platform: 'desktop', os: 'win32' }),
    copyText: async () => ({ ok: true }),
    setOverdueCount: async () => ({ ok: true }),
    showNotification: async () => ({ shown: false }),
    saveFile: async () => ({ outcome: 'cancelled' }),
    printToPdf: async () => ({ outcome: 'cancelled' }),
    onMenuCommand: () => () => {},
    onOpenInquiry: () => () => {},
    syncFolderInfo: async () => ({ path: folder }),
    syncChooseFolder: async () => { folder = 'S:\\\\Member Services\\\\Liaison sync'; return { path: folder }; },
    syncList: (r) => fs('list', r),
    syncRead: (r) => fs('read', r),
    syncWriteNew: (r) => fs('writeNew', r),
    syncRemove: (r) => fs('remove', r),
    syncProbe: (r) => fs('probe', r),
    syncRememberKey: async ({ shareId, keyId, key }) => { keys.set(shareId, { keyId, key }); return { stored: true }; },
    syncRecallKey: async ({ shareId }) => (keys.has(shareId) ? { found: true, ...keys.get(shareId) } : { found: false }),
    syncForget: async () => { folder = null; keys.clear(); return { ok: true }; },
  };
})();`;

async function connect(context: BrowserContext, folder: FsShareFolder): Promise<void> {
  await context.exposeFunction('__syncFs', async (op: string, arg: { dir?: string; path?: string; bytes?: string }) => {
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
        case 'probe':
          return { ok: true, value: await folder.probe(arg.path ?? '') };
      }
      return { ok: false, code: 'io', message: `unknown call ${op}` };
    } catch (e) {
      if (e instanceof FolderError) return { ok: false, code: e.code, message: e.message };
      throw e;
    }
  });
  await context.addInitScript({ content: DESKTOP_BRIDGE });
}

async function firstRun(page: Page, name: string): Promise<void> {
  await openAt(page, NOW);
  await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: /^Sync off/ }).waitFor();
}

describe('Settings → Sync on two desks (desktop bridge, real temp folder)', () => {
  let root: string;
  let ana: Session;
  let ben: Session;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'liaison-e2e-share-'));
    const folder = new FsShareFolder(root);
    ana = await openSession(inject('chromiumPath'));
    ben = await openSession(inject('chromiumPath'));
    await connect(ana.context, folder);
    await connect(ben.context, folder);
  });
  afterAll(async () => {
    await ana?.close();
    await ben?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('the first desk creates the share by keyboard; the status shows it synced', async () => {
    const { page } = ana;
    await firstRun(page, 'Ana Ortiz');
    await page.getByRole('link', { name: /^Sync off/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Choose folder…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Start a new share here' }).waitFor();
    await page.getByLabel('Team passphrase').focus();
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await page.getByText(/at least 12 characters \(now 5\)/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.screenshot({ path: resolve(SHOTS, 'sync-create-error.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText('This desk is a member of the share in this folder.').waitFor({ timeout: 30_000 });
    await page.getByText('Up to date').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: /^Synced just now/ }).waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'sync-created.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a second desk joins with the passphrase and both desks see each other', async () => {
    const { page } = ben;
    await firstRun(page, 'Ben Ng');
    await goToRoute(page, '#/settings/sync');
    await page.getByRole('button', { name: 'Choose folder…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Join this share' }).waitFor();
    // The folder read, focus is where the next keystroke goes: the passphrase.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'password');
    await page.getByLabel('Team passphrase').fill('the wrong passphrase');
    await page.keyboard.press('Enter');
    await page.getByText(/That passphrase does not open this share/).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Team passphrase').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText(/This desk has joined the share/).waitFor({ timeout: 30_000 });
    // The form is gone: focus is on what happened, not lost to the page.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('role') === 'status' && /joined the share/.test(document.activeElement.textContent ?? ''),
    );
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/^Synced at /).waitFor({ timeout: 30_000 });
    const desks = page.getByRole('table', { name: 'Desks seen in the folder' });
    await desks.getByRole('cell', { name: 'Ana Ortiz' }).waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'sync-joined.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await ana.page.getByRole('button', { name: 'Sync now' }).click();
    await ana.page
      .getByRole('table', { name: 'Desks seen in the folder' })
      .getByRole('cell', { name: 'Ben Ng' })
      .waitFor({ timeout: 30_000 });
  });
});
