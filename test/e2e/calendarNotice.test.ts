import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations } from './browser';
import { idbRead, sessionForSuite, setUpDesk, shoot, tabToText } from './steps';

/*
 * Issue 17 in Chromium, by keyboard: a desk set up before state presets (its calendar the holiday library's public
 * list for Iowa, no preset, no decision recorded) shows a unit lead the one-time closed-days notice, listing the
 * office days Iowa Code 1C.2 would close and open in the next 12 months; the lead accepts, the preset is saved,
 * and the notice does not come back after a reload.
 */
/** Monday 7 December 2026, 9:00 in Des Moines. */
const NOW = '2026-12-07T09:00:00-06:00';

/**
 * Makes this desk one set up with the old default, as it was stored before presets: the configuration's calendar
 * has no `statePreset` (the field did not exist), its region is Iowa's, and no decision about presets is recorded.
 */
function toOldDefault(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('liaison-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('meta', 'readwrite');
          const meta = tx.objectStore('meta');
          const read = meta.get('config');
          read.onsuccess = () => {
            const row = read.result as { key: string; value: { calendar: Record<string, unknown> } };
            delete row.value.calendar.statePreset;
            row.value.calendar.holidayRegion = 'US-IA';
            meta.put(row);
            meta.delete('calendarPresetDecision');
          };
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** The log has loaded after a reload: every queue is counted (so the live queries, the notice's too, have answered). */
const logLoaded = (page: Page) =>
  page.waitForFunction(() => {
    const counts = [...document.querySelectorAll('nav[aria-label="Queues"] .count')];
    return counts.length > 0 && counts.every((c) => c.textContent !== '…');
  });

const metaValue = async (page: Page, key: string) =>
  ((await idbRead(page, 'meta', { rows: true })) as { key: string; value: unknown }[]).find((r) => r.key === key)?.value;

describe('the one-time closed-days notice on a desk set up with the old default calendar', () => {
  const session = sessionForSuite();

  it('tells a unit lead which days would change; the lead accepts by keyboard and it does not come back', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Dana Whitfield', { lead: true });
    // A desk set up today answers the question at set-up: no notice.
    expect(await page.getByRole('region', { name: /The office calendar/ }).count()).toBe(0);

    await toOldDefault(page);
    await openAt(page, NOW);
    const notice = page.getByRole('region', { name: "The office calendar: Iowa's closed days by statute" });
    await notice.waitFor();
    const closes = notice.getByRole('heading', { name: 'Would close' }).locator('xpath=following-sibling::ul');
    const opens = notice.getByRole('heading', { name: 'Would open' }).locator('xpath=following-sibling::ul');
    const closeDays = await closes.getByRole('listitem').allTextContents();
    const openDays = await opens.getByRole('listitem').allTextContents();
    // In the 12 months from 12/07/2026: the statute closes the day after Thanksgiving, which the library's list
    // keeps open, and opens the library's days the statute does not name.
    expect(closeDays).toContain('Fri 11/26/2027: Friday after Thanksgiving');
    expect(openDays).toContain("Fri 02/12/2027: Lincoln's Birthday");
    expect(openDays.join(' | ')).toContain("Washington's Birthday");
    expect(await notice.textContent()).toContain('targets already given to inquiries stay as they are');
    await shoot(page, 'calendar-notice.png');
    expect(await seriousViolations(page)).toEqual([]);

    await tabToText(page, /^Use Iowa/);
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await metaValue(page, 'calendarPresetDecision')).toMatchObject({ decision: 'accepted', preset: 'IA' });
    expect(await metaValue(page, 'config')).toMatchObject({ calendar: { statePreset: 'IA', holidayRegion: 'US-IA' } });

    await page.reload();
    // The log has loaded (every queue counted) and the decision with it: the notice stays away.
    await page.getByRole('navigation', { name: 'Queues' }).waitFor();
    await logLoaded(page);
    expect(await page.getByRole('region', { name: /The office calendar/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Settings', exact: true }).press('Enter');
    await tabToText(page, 'Policy and calendar');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Policy and calendar' }).waitFor();
    expect(await page.locator('#policy-state-preset').inputValue()).toBe('IA');
    expect(await page.getByRole('region', { name: /The office calendar/ }).count()).toBe(0);
  });
});

describe('keeping the current calendar', () => {
  const session = sessionForSuite();

  it('keeps the library list: nothing in the configuration changes and the notice does not come back', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Priya Shah', { lead: true });
    await toOldDefault(page);
    await openAt(page, NOW);
    const notice = page.getByRole('region', { name: "The office calendar: Iowa's closed days by statute" });
    await notice.waitFor();
    await tabToText(page, 'Keep the current calendar');
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await metaValue(page, 'calendarPresetDecision')).toMatchObject({ decision: 'kept', preset: 'IA' });
    const config = (await metaValue(page, 'config')) as { calendar: Record<string, unknown> };
    expect(config.calendar.statePreset ?? null).toBeNull();

    await page.reload();
    await logLoaded(page);
    expect(await page.getByRole('region', { name: /The office calendar/ }).count()).toBe(0);
  });
});
