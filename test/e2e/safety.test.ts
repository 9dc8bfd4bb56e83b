import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goToRoute, openAt, openSession, type Session, seriousViolations } from './browser';
import { tabAndChoose, tabAndPickRadio, tabAndType, tabTo } from './keyboard';
import { idbRead, SHOTS } from './steps';

/**
 * Data safety in Chromium: the idle lock by keyboard, the intake draft surviving a reload, backups
 * and restore, the full export and its import; axe on every screen, screenshots in test-results.
 */

const NOW = '2026-11-23T14:30:00-06:00';
const PIN = '2468';

/** A table's row count in the page's IndexedDB. */
const countRows = (page: Page, table: string): Promise<number> => idbRead(page, table);

/** The intake draft's values as stored in IndexedDB, or null when there is none. */
const draftValues = async (page: Page): Promise<Record<string, string> | null> =>
  ((await idbRead(page, 'drafts', { rows: true }))[0] as { values: Record<string, string> } | undefined)?.values ?? null;

/** Polls a condition that needs the page (every 200 ms, up to 30 s: the machine may be busy). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The condition did not become true within 30 s');
}

async function firstRun(page: Page) {
  await openAt(page, NOW);
  await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
  await page.keyboard.type('Dana Whitfield');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // Member liaison
  // Submitting without a PIN explains it, beside the field.
  await page.keyboard.press('Enter');
  await page.locator('#profile-pin-error', { hasText: 'Choose a PIN of 4 to 12 digits.' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-pin');
  await page.screenshot({ path: resolve(SHOTS, 'safety-profile-pin.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type(PIN);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'All open' }).waitFor();
}

/** Fills the intake's required fields by keyboard (the member is typed separately by the tests). */
async function fillRest(page: Page) {
  await tabAndChoose(page, 'intake-source', 'Managed');
  await tabAndType(page, 'intake-originatorName', 'Office of Rep. Alvarez');
  await tabAndType(page, 'intake-medicaidId', '1234567A');
  await tabAndPickRadio(page, 'intake-mcoEnrollment', 'Enrolled with an MCO');
  await tabAndChoose(page, 'intake-mcoId', 'Molina');
  await tabAndPickRadio(page, 'intake-priority', 'High');
  await tabAndChoose(page, 'intake-category', 'Pharmacy');
}

describe('data safety, by keyboard, in Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(inject('chromiumPath'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('asks for a PIN at first start and stores only its hash', async () => {
    const { page } = s;
    await firstRun(page);
    const stored = await page.evaluate(
      () =>
        new Promise<string>((ok) => {
          const open = indexedDB.open('liaison-log');
          open.onsuccess = () => {
            const req = open.result.transaction('profiles').objectStore('profiles').getAll();
            req.onsuccess = () => {
              open.result.close();
              ok(JSON.stringify(req.result));
            };
          };
        }),
    );
    expect(stored).toContain('"algorithm":"PBKDF2-SHA-256"');
    expect(stored).not.toContain(`"${PIN}"`);
    expect(await page.evaluate(() => navigator.storage.persisted())).toBeTypeOf('boolean');
  });

  it('keeps an intake form in progress across a reload, with a notice', async () => {
    const { page } = s;
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    await tabAndType(page, 'intake-memberName', 'Maria Lopez');
    await tabAndType(page, 'intake-description', 'Insulin refill denied; 2 days of supply left.');
    // Autosaved (debounced): wait until the draft in IndexedDB holds the last thing typed.
    await until(async () => (await draftValues(page))?.description === 'Insulin refill denied; 2 days of supply left.');
    expect((await draftValues(page))?.memberName).toBe('Maria Lopez');
    // An accidental reload (or a crash and a restart) brings the form back.
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'Draft restored from' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Draft restored from Mon, Nov 23, 2026, 2:30 PM CST.');
    expect(await page.locator('#intake-memberName').inputValue()).toBe('Maria Lopez');
    expect(await page.locator('#intake-description').inputValue()).toBe('Insulin refill denied; 2 days of supply left.');
    await page.screenshot({ path: resolve(SHOTS, 'safety-draft-restored.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('locks with Ctrl+L: the app is replaced, focus is on the PIN, and a wrong PIN is refused', async () => {
    const { page } = s;
    await tabTo(page, 'intake-memberName');
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lock-pin');
    // Not in the text, hidden or shown, and not in any field's value.
    const text = await page.evaluate(
      () =>
        `${document.body.textContent} ${[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join(' ')}`,
    );
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('Insulin');
    expect(await page.locator('input#intake-memberName').count()).toBe(0);
    expect(await page.locator('nav').count()).toBe(0);
    await page.screenshot({ path: resolve(SHOTS, 'safety-locked.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.type('1357');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right. 4 more tries before a 30-second wait.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lock-pin');
    await page.screenshot({ path: resolve(SHOTS, 'safety-wrong-pin.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A reload does not get past the lock.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  });

  it('unlocks with the PIN to the same screen, the form still filled in, and saves the inquiry', async () => {
    const { page } = s;
    await page.locator('#lock-pin').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lock-pin');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    await page.locator('#intake-memberName').waitFor();
    await page.waitForFunction(() => (document.getElementById('intake-memberName') as HTMLInputElement | null)?.value === 'Maria Lopez');
    await fillRest(page);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: /^Inquiry 261123-[0-9A-Z]{5}-001$/ }).waitFor();
    expect(await countRows(page, 'drafts')).toBe(0);
    expect(await countRows(page, 'inquiries')).toBe(1);
  });

  it('backs up from Settings → Data and restores the backup after a preview', async () => {
    const { page } = s;
    await goToRoute(page, '#/settings/data');
    await page.getByRole('heading', { level: 1, name: 'Data and backups' }).waitFor();
    await page.getByText(/Storage is persistent|may clear this desk’s log|cannot say/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const backUp = page.getByRole('button', { name: 'Back up now' });
    await backUp.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Backed up 1 inquiries and \d+ events\.$/).waitFor();
    const events = await countRows(page, 'events');

    // Work goes on: a second inquiry.
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    await tabAndType(page, 'intake-memberName', 'Pat Lee');
    await tabAndType(page, 'intake-description', 'Ride to dialysis did not come.');
    await fillRest(page);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: /^Inquiry 261123-[0-9A-Z]{5}-002$/ }).waitFor();
    expect(await countRows(page, 'inquiries')).toBe(2);

    await goToRoute(page, '#/settings/data');
    const restore = page.getByRole('button', { name: /^Restore the backup of Mon, Nov 23, 2026, 2:3\d PM CST…$/ }).last();
    await restore.focus();
    await page.keyboard.press('Enter');
    const preview = page.getByRole('region', { name: /^Restore the backup of / });
    await preview.getByText(`1 inquiries, ${events} events, 1 profiles`).waitFor();
    await preview.getByText(/^2 inquiries, \d+ events$/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await page.screenshot({ path: resolve(SHOTS, 'safety-restore-preview.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: 'Restore this backup' }).focus();
    await page.keyboard.press('Enter');
    // The app starts again on the restored log.
    await page.waitForFunction(() => document.readyState === 'complete' && !document.querySelector('.data-preview'), undefined, {
      timeout: 30_000,
    });
    await page.getByRole('heading', { level: 1, name: 'Data and backups' }).waitFor();
    expect(await countRows(page, 'inquiries')).toBe(1);
    expect(await countRows(page, 'events')).toBe(events);
    // The state it replaced was backed up first.
    await page.getByRole('cell', { name: 'Before a restore' }).waitFor();
  });

  it('exports the full database with a warning, and imports it back after a preview', async () => {
    const { page } = s;
    const exportButton = page.getByRole('button', { name: 'Export the full database' });
    expect(await exportButton.getAttribute('aria-describedby')).toBe('data-export-warning');
    const downloading = page.waitForEvent('download');
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^liaison-log-full-export-[0-9A-Z]{5}-2026-11-23\.json\.gz$/);
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'liaison-e2e-export-')), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(/^Exported as liaison-log-full-export-/).waitFor();

    // A file that is not an export is refused with its reason; nothing changes.
    const input = page.locator('#data-import-file');
    await input.setInputFiles({ name: 'old-log.json.gz', mimeType: 'application/gzip', buffer: Buffer.from('Case,Member\n1,Pat\n') });
    await page.getByRole('alert').filter({ hasText: 'This file is not a Liaison Log full export' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await input.setInputFiles(file);
    const preview = page.getByRole('region', { name: /^Import “liaison-log-full-export-/ });
    await preview.getByText(/^1 inquiries, \d+ events, 1 profiles$/).waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'safety-import-preview.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await preview.getByRole('button', { name: 'Replace this desk’s log with the file' }).click();
    await page.waitForFunction(() => !document.querySelector('.data-preview'), undefined, { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Data and backups' }).waitFor();
    expect(await countRows(page, 'inquiries')).toBe(1);
    await page.getByRole('cell', { name: 'Before an import' }).waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'safety-data-settings.png'), fullPage: true });

    // Rebuild the log's list from the timelines, by keyboard.
    await page.getByRole('button', { name: 'Rebuild the list…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Rebuild now' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Rebuilt 1 inquiry from its timeline in \d+ s\.$/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Rebuild the log’s list' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SHOTS, 'safety-rebuild.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await countRows(page, 'inquiries')).toBe(1);
  });

  it('sets the idle time and changes the PIN in Settings → Lock and PIN', async () => {
    const { page } = s;
    await goToRoute(page, '#/settings/lock');
    await page.getByRole('heading', { level: 1, name: 'Lock and PIN' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#lock-idle').selectOption('5');
    await page.getByText('Saved: this desk locks after 5 minutes without use.').waitFor();
    await tabAndType(page, 'change-pin-current', PIN);
    await tabAndType(page, 'change-pin-pin', '8024');
    await tabAndType(page, 'change-pin-confirm', '8024');
    await page.keyboard.press('Enter');
    await page.getByText('Your new PIN is saved. Use it the next time the desk locks.').waitFor();
    await page.screenshot({ path: resolve(SHOTS, 'safety-lock-settings.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the idle lock in Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(inject('chromiumPath'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('locks by itself after 10 minutes without use, and a profile without a PIN is asked for one', async () => {
    const { page } = s;
    await page.clock.install({ time: new Date(NOW) });
    await firstRun(page);
    await page.clock.fastForward('09:00');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.clock.fastForward('01:05');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lock-pin');

    // A profile from before PINs existed: the app asks for one before showing the log.
    await page.evaluate(
      () =>
        new Promise<void>((ok) => {
          const open = indexedDB.open('liaison-log');
          open.onsuccess = () => {
            const tx = open.result.transaction('profiles', 'readwrite');
            const store = tx.objectStore('profiles');
            const req = store.getAll();
            req.onsuccess = () => {
              for (const p of req.result as { pin?: unknown }[]) {
                delete p.pin;
                store.put(p);
              }
            };
            tx.oncomplete = () => {
              open.result.close();
              ok();
            };
          };
        }),
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Choose a PIN, Dana Whitfield' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pin-setup-pin');
    await page.screenshot({ path: resolve(SHOTS, 'safety-pin-setup.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type('8024');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8024');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
  });
});
