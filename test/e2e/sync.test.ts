import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import { goToRoute, openAt, openSession, type Session, seriousViolations } from './browser';
import { connectDesk } from './desks';
import { reflows, SHOTS, setUpDesk } from './steps';

/**
 * Settings → Sync in Chromium, as the desktop app: each browser profile gets a `window.liaison` (test/e2e/desks.ts)
 * whose sync calls reach this test process, where the main process's own folder module works on a temp folder
 * shared by both "desks".
 */

const PASSPHRASE = 'our unit syncs every day';
/** Both desks' clocks (the desktop app reads the system clock: here the browser's, set by the test). */
const NOW = '2026-11-23T14:30:00-06:00';

async function firstRun(page: Page, name: string): Promise<void> {
  await openAt(page, NOW);
  await setUpDesk(page, name);
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
    await connectDesk(ana.context, folder);
    await connectDesk(ben.context, folder);
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
    await reflows(page, 'sync-created');
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
