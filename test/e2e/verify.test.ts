import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAt, openSession, type Session, seriousViolations } from './browser';
import { tabTo } from './keyboard';
import { logByKeyboard, reflows } from './steps';

/**
 * Tamper-evident history in Chromium: a desk's events carry its hash chain; one event is changed in
 * IndexedDB from the page (as someone editing the database behind the app would), and "Verify the log",
 * run by keyboard from Settings, names exactly that event and its successor; the lead signs the summary
 * off; a second verification shows the sign-off. Axe on every state; screenshots in test-results/screenshots.
 */

const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });
const NOW = '2026-11-23T10:00:00-06:00';
const PIN = '2468';

async function tabToText(page: Page, text: string | RegExp, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const current = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof text === 'string' ? current === text : text.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${text}" was not reached with ${maxPresses} presses of Tab`);
}

/** Presses Tab until a button with this text has focus. */
async function tabToButton(page: Page, text: string, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const [tag, current] = await page.evaluate(() => [
      document.activeElement?.tagName ?? '',
      document.activeElement?.textContent?.trim() ?? '',
    ]);
    if (tag === 'BUTTON' && current === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`The "${text}" button was not reached with ${maxPresses} presses of Tab`);
}

async function shootWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(
    () => (document.querySelector('.topbar')?.clientHeight ?? 0) + (document.getElementById('main')?.scrollHeight ?? 0),
  );
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height + 8, 12_000)) });
  await page.screenshot({ path: resolve(shots, name) });
  await page.setViewportSize(size);
}

interface StoredEvent {
  id: string;
  type: string;
  deviceId: string;
  at: number;
  payload: { text?: string };
  chain?: { seq: number; prev: string; hash: string };
}

/** Every event in the page's IndexedDB, read with the browser's own API (not the app's code). */
function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((ok, fail) => {
        const open = indexedDB.open('liaison-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => {
            open.result.close();
            ok(req.result as StoredEvent[]);
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

/** Changes one stored event's note text behind the app's back (its chain link left as it was). */
function tamper(page: Page, eventId: string, text: string): Promise<void> {
  return page.evaluate(
    ({ eventId, text }) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('liaison-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          const store = tx.objectStore('events');
          const get = store.get(eventId);
          get.onsuccess = () => store.put({ ...get.result, payload: { ...get.result.payload, text } });
          tx.oncomplete = () => {
            open.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { eventId, text },
  );
}

describe('Verify the log, by keyboard, in Chromium', () => {
  let s: Session;
  let caseA = '';
  let tampered: StoredEvent;

  beforeAll(async () => {
    s = await openSession(inject('chromiumPath'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('every event the desk writes carries the next link of its chain', async () => {
    const { page } = s;
    await openAt(page, NOW);
    await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
    await page.keyboard.type('Lee Grant');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // ESR
    await page.keyboard.press('ArrowDown'); // Unit lead
    await tabTo(page, 'profile-pin');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Settings', exact: true }).waitFor();

    caseA = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      description: 'Insulin refill denied; 2 days of supply left.',
    });
    await tabTo(page, 'note-text', 200);
    await page.keyboard.type('Called Maria Lopez at (515) 555-0142; pharmacy confirmed the denial.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.timeline-list li', { hasText: 'pharmacy confirmed the denial' }).waitFor();
    await logByKeyboard(page, { member: 'Tom Berg', id: '1234567A', description: 'Missed ride to dialysis.' });

    const events = (await storedEvents(page)).sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
    expect(events.map((e) => [e.chain?.seq, e.type])).toEqual([
      [1, 'InquiryLogged'],
      [2, 'TargetsSet'],
      [3, 'NoteAdded'],
      [4, 'InquiryLogged'],
      [5, 'TargetsSet'],
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]?.chain?.prev).toBe(events[i - 1]?.chain?.hash);
    tampered = events[2] as StoredEvent;
  });

  it('a note changed in IndexedDB is named exactly: case number, event, time, desk, place; and the link after it', async () => {
    const { page } = s;
    await tamper(page, tampered.id, 'Member was never called.');

    await tabToText(page, 'Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabToText(page, 'Verify the log');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Verify the log' }).waitFor();
    await page.getByRole('heading', { name: 'Found by the history checks' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-start.png');

    await tabToButton(page, 'Verify the log');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    // Focus moves to the summary.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Summary');
    await page.getByRole('status').filter({ hasText: 'Verified 5 chained events: 2 broken.' }).waitFor();

    const desk = tampered.deviceId.slice(0, 5);
    const rows = await page
      .getByRole('table', { name: 'Broken events' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(rows).toHaveLength(2);
    expect(rows[0]?.slice(0, 5)).toEqual([caseA, 'Note added', 'Mon, Nov 23, 2026, 10:00 AM CST', desk, '#3']);
    expect(rows[0]?.[5]).toMatch(/^Changed after it was recorded/);
    expect(rows[1]?.slice(1, 5)).toEqual(['Inquiry logged', 'Mon, Nov 23, 2026, 10:00 AM CST', desk, '#4']);
    expect(rows[1]?.[5]).toMatch(/^Does not follow the event before it/);
    expect(rows[1]?.[5]).toContain(`${caseA} · Note added`);
    // The summary never carries what the events say.
    const summary = (await page.locator('.verify-report').textContent()) ?? '';
    for (const secret of ['Maria Lopez', 'Tom Berg', '1234567A', '555-0142', 'never called']) expect(summary).not.toContain(secret);
    const desks = await page.getByRole('table', { name: 'Desks and their chains' }).locator('tbody tr').first().textContent();
    expect(desks).toContain(`${desk} (this desk)`);
    expect(desks).toContain('#5');

    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-broken.png');
    await reflows(page, 'verify-broken');
  });

  it('the lead signs the summary off by keyboard; a second verification lists the sign-off and compares its heads', async () => {
    const { page } = s;
    await tabTo(page, (await page.getByLabel('Signed off by').getAttribute('id')) as string, 200);
    expect(await page.getByLabel('Signed off by').inputValue()).toBe('Lee Grant');
    // Empty is refused, beside the field.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await page.getByText('Enter your name to sign the summary off.').waitFor();
    await page.keyboard.type('Lee Grant, unit lead');
    await page.keyboard.press('Enter');
    // A summary with breaks is signed off only once the lead says the breaks were seen: focus goes to that box.
    await page.getByText('Tick this to sign off a summary with breaks.').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-signoff-breaks.png');
    await page.keyboard.press('Space');
    await tabToButton(page, 'Sign off the summary');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Signed off' }).waitFor();
    const signed = (await page.locator('.verify-log .data-ok', { hasText: 'Signed off by' }).textContent()) ?? '';
    expect(signed).toBe('Signed off by Lee Grant, unit lead (Unit lead) on Mon, Nov 23, 2026, 10:00 AM CST.');
    expect(await page.locator('section[aria-labelledby="verify-signed"] code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('table', { name: 'Sign-offs, newest first' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-signed.png');

    await tabToButton(page, 'Verify the log');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Earlier sign-offs against the log now' }).waitFor();
    const compared = (await page.locator('.verify-report .verify-findings li').first().textContent()) ?? '';
    expect(compared).toMatch(
      /^Signed off by Lee Grant, unit lead on Mon, Nov 23, 2026, 10:00 AM CST: desk [0-9A-Z]{5} at #5 is unchanged\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
  it('the header tells the lead; the inquiry marks the changed entry and says what the chain proves and what it does not', async () => {
    const { page } = s;
    // The findings stay until the log is put right: the header says so on every screen.
    const notice = page.getByRole('link', { name: 'History check: 2 events changed outside the app — review' });
    await notice.waitFor();

    // From the summary's broken events to the inquiry, by keyboard.
    await tabToText(page, caseA);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Inquiry ${caseA}` }).waitFor();
    const entry = page.locator('.timeline-list li.entry-tampered');
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    expect(await entry.locator('.note-text').textContent()).toBe('Member was never called.');
    const mark = (await entry.getByRole('note', { name: 'History check' }).textContent()) ?? '';
    expect(mark).toContain('This entry was changed after it was recorded.');
    expect(mark).toContain('It cannot show what the entry said before, or who changed it');
    await notice.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-inquiry-marked.png');
    // A narrower window: the notice wraps inside the header rather than pushing it wider.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: resolve(shots, 'verify-header-1024.png'), clip: { x: 0, y: 0, width: 1024, height: 160 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1440, height: 900 });

    // The notice leads back to Verify the log.
    await tabToText(page, /History check: 2 events changed outside the app — review$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Verify the log' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verify the log');
    await page.getByText(/^2 breaks found by the history checks and not put right/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-findings.png');
  });
  it('an export with an event removed from the middle of this desk’s chain: the preview names it, only a lead’s decision imports it', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}?now=${encodeURIComponent(NOW)}#/settings/data`);
    await page.getByRole('heading', { level: 1, name: 'Data and backups' }).waitFor();
    const downloading = page.waitForEvent('download');
    await tabToButton(page, 'Export the full database');
    await page.keyboard.press('Enter');
    const download = await downloading;
    const folder = mkdtempSync(resolve(tmpdir(), 'liaison-e2e-verify-'));
    const exported = resolve(folder, download.suggestedFilename());
    await download.saveAs(exported);

    // #2 taken out of the file, its counts made to agree (as a forger would).
    const lines = gunzipSync(readFileSync(exported)).toString('utf8').trim().split('\n');
    const desk = tampered.deviceId;
    const edited = lines.map((line) => {
      const r = JSON.parse(line) as { table?: string; rows?: StoredEvent[]; end?: true; counts?: Record<string, number> };
      if (r.table === 'events') r.rows = r.rows?.filter((e) => !(e.deviceId === desk && e.chain?.seq === 2));
      if (r.end && r.counts) r.counts.events = (r.counts.events ?? 0) - 1;
      return JSON.stringify(r);
    });
    const forged = resolve(folder, 'forged-export.json.gz');
    writeFileSync(forged, gzipSync(`${edited.join('\n')}\n`));

    await page.locator('#data-import-file').setInputFiles(forged);
    const preview = page.getByRole('region', { name: 'Import “forged-export.json.gz”' });
    await preview.locator('.data-warn', { hasText: /^Hash chains checked: 3 breaks\./ }).waitFor();
    const rows = await preview
      .getByRole('table', { name: 'Broken events in the file' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    // The note changed earlier (#3 altered; its successor's link), and #2 removed, named as such.
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['Note added', '#3'],
      ['Removed', '#2'],
      ['Inquiry logged', '#4'],
    ]);
    expect(rows[1]?.[5]).toContain('removed: #2, between #1 and #3');
    const replace = preview.getByRole('button', { name: 'Replace this desk’s log with the file' });
    expect(await replace.isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shootWhole(page, 'verify-import-breaks.png');

    // The outside verifier, on the same file, names the same events.
    const python = spawnSync('which', ['python3'], { encoding: 'utf8' }).stdout.trim();
    if (python) {
      const out = spawnSync(python, [resolve(import.meta.dirname, '../../scripts/verify-export.py'), forged], { encoding: 'utf8' });
      expect(out.status).toBe(1);
      expect(out.stdout).toContain(`removed    desk ${desk.slice(0, 5)}  #2, between #1 and #3`);
      expect(out.stdout).toMatch(/altered +desk \w{5} {2}#3 {2}NoteAdded/);
      expect(out.stdout).toMatch(/link +desk \w{5} {2}#4 {2}InquiryLogged/);
    }

    // The lead decides, by keyboard; the decision is recorded and the breaks become the desk's findings.
    for (let i = 0; ; i++) {
      const label = await page.evaluate(() =>
        document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox'
          ? (document.activeElement.parentElement?.textContent ?? '')
          : '',
      );
      if (label.trim().startsWith('Import it anyway, with its 3 breaks')) break;
      if (i > 100) throw new Error('The decision was not reached by Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    expect(await replace.isDisabled()).toBe(false);
    await tabToButton(page, 'Replace this desk’s log with the file');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.data-preview'), undefined, { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Data and backups' }).waitFor();
    await page.getByRole('link', { name: 'History check: 3 events changed outside the app — review' }).waitFor();
    await page.goto(`${inject('baseUrl')}?now=${encodeURIComponent(NOW)}#/settings/verify`);
    await page.getByText(/^Last import: .* by Lee Grant, 3 breaks in its chains, imported on Lee Grant’s decision\.$/).waitFor();
    expect(await page.locator('.verify-findings li', { hasText: 'Found in the file before it was imported' }).count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
