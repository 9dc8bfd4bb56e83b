import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations, unlock } from './browser';
import { tabAndType, tabTo } from './keyboard';
import { idbRead, logByKeyboard, openStep, PIN, recordStep, SHOTS, sessionForSuite, setUpDesk, setWhen, shoot, tableRows } from './steps';

/*
 * "When it happened" (SPEC.md "The inquiry", Timeline; issue 15 item 5), by keyboard: a contact made an hour ago is
 * recorded as having happened then; the timeline shows both times and the first-contact timer is met at the
 * earlier time. Mon 23 Nov 2026 in Des Moines; the office is open 08:00–16:30.
 */

/** 11:40, ten minutes past the first-contact target of an inquiry received at 9:30 (2 business hours: 11:30). */
const MONDAY_1140 = '2026-11-23T11:40:00-06:00';
/** The next morning, after the MCO's end-of-day deadline (16:30 Monday). */
const TUESDAY_0820 = '2026-11-24T08:20:00-06:00';

/** The id of the When field's day or time input in the open step form (its ids are the form's own). */
async function whenInputId(page: Page, which: 'Day' | 'Time'): Promise<string> {
  const id = await page.locator('.step-form .when-field').getByLabel(which, { exact: true }).getAttribute('id');
  if (!id) throw new Error(`The When field's ${which} has no id`);
  return id;
}
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

describe('when it happened', () => {
  const session = sessionForSuite();
  /** The inquiry's address (`#/inquiry/<id>`). */
  let inquiry = '';

  it('records a contact made an hour ago: refused before receipt, then kept at 10:40 with "(recorded …)"; the timer is met then', async () => {
    const { page } = session();
    await openAt(page, MONDAY_1140);
    await setUpDesk(page, 'Dana Whitfield');
    await logByKeyboard(page, { member: 'Maria Lopez', id: '1234567A', description: 'Insulin refill denied; 2 days of supply left.' });
    inquiry = new URL(page.url()).hash;
    // Received 09:30: the 11:30 target has passed (the 13:30 deadline has not).
    await page.locator('.due-list', { hasText: 'First contact' }).waitFor();
    const due = (await page.locator('.due-list').textContent())?.replace(/\s+/g, ' ');
    expect(due).toContain('Deadline Mon, Nov 23, 2026, 1:30 PM CST (target missed)');
    expect(due).toContain('(target was Mon, Nov 23, 2026, 11:30 AM CST)');

    await openStep(page, 'Record contact');
    const group = page.getByRole('group', { name: 'When it happened' });
    const dayId = await whenInputId(page, 'Day');
    const timeId = await whenInputId(page, 'Time');
    expect(await byId(page, dayId).inputValue()).toBe('11/23/2026');
    expect(await byId(page, timeId).inputValue()).toMatch(/^11:4\d AM$/);

    await page.getByRole('radio', { name: /^Yes/ }).focus();
    await page.keyboard.press('Space');
    await tabAndType(page, 'contact-note', 'Reached the member at 10:40; the pharmacy is confirmed.');
    // An hour and more too early: before the inquiry was received. The reason shows beside the field.
    await setWhen(page, { time: '9:00 am' });
    await page.keyboard.press('Control+Enter');
    await group.getByText(/^That is before the inquiry was received \(11\/23\/2026 9:30 AM\)/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(dayId);
    expect(await byId(page, timeId).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.step-form').screenshot({ path: resolve(SHOTS, 'when-refused.png') });

    await tabAndType(page, timeId, '10:40 am');
    await page.locator('.step-form').screenshot({ path: resolve(SHOTS, 'when-step-form.png') });
    await page.keyboard.press('Control+Enter');
    await page.locator('.step-form').waitFor({ state: 'detached' });

    // The timeline: when it happened, and when it was recorded.
    const entry = page.locator('.timeline-list li').first();
    await entry.locator('.entry-recorded').waitFor();
    expect((await entry.locator('.entry-meta').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /^Dana Whitfield Mon, Nov 23, 2026, 10:40 AM CST \(recorded 11:4\d AM\)$/,
    );
    // The first contact is at 10:40, before the 11:30 target: met, and nothing is due.
    await page.locator('.process-facts', { hasText: 'First contactMon, Nov 23, 2026, 10:40 AM CST' }).waitFor();
    expect(await page.locator('.process').first().textContent()).toContain('Nothing is due on this inquiry.');
    const [row] = (await idbRead(page, 'inquiries', { rows: true })) as {
      workflow: { firstContactAt: number; targets: { firstContactTarget: number } };
    }[];
    expect(row?.workflow.firstContactAt).toBe(Date.parse('2026-11-23T10:40:00-06:00'));
    expect(row?.workflow.firstContactAt).toBeLessThanOrEqual(row?.workflow.targets.firstContactTarget ?? 0);
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, 'note-text', 120);
    await page.locator('.timeline').screenshot({ path: resolve(SHOTS, 'when-timeline.png') });
  });

  it('the When field reflows: in a step form as narrow as a column at 400 % zoom, day and time stack and nothing overflows', async () => {
    const { page } = session();
    await openStep(page, 'Record contact');
    // The app's shell at 320 CSS pixels is another change's (issue 16); here the field itself is held to a narrow form.
    const layout = await page.locator('.step-form').evaluate((form) => {
      (form as HTMLElement).style.width = '220px';
      const outer = form.getBoundingClientRect();
      const parts = Array.from(form.querySelectorAll<HTMLElement>('.when-field input, .when-field .hint, .when-field legend'));
      const [day, time] = Array.from(form.querySelectorAll<HTMLElement>('.when-field input')).map((i) => i.getBoundingClientRect());
      return {
        fits: parts.every((el) => {
          const r = el.getBoundingClientRect();
          return r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5;
        }),
        stacked: day !== undefined && time !== undefined && time.top >= day.bottom,
      };
    });
    expect(layout).toEqual({ fits: true, stacked: true });
    await page.locator('.step-form').screenshot({ path: resolve(SHOTS, 'when-step-form-narrow.png') });
    await page.keyboard.press('Escape');
    await page.locator('.step-form').waitFor({ state: 'detached' });
  });

  it('the MCO’s report-back phoned in Monday 4:05 PM and typed Tuesday morning: on time for end of day, in the scorecard too', async () => {
    const { page } = session();
    await recordStep(page, 'Refer to MCO', 'Asked Iowa Total Care for an urgent override.', 'refer-note');
    await page.locator('.due-list', { hasText: 'MCO contacts member: Deadline Mon, Nov 23, 2026, 4:30 PM CST' }).waitFor();

    await openAt(page, TUESDAY_0820, inquiry);
    await unlock(page, PIN); // hours since the desk was last used: it is locked
    await page.getByRole('heading', { level: 1, name: /^Inquiry / }).waitFor();
    await openStep(page, 'MCO reported back');
    await tabAndType(page, 'report-note', 'ITC called the member at 4; the override is approved.');
    await setWhen(page, { day: '11/23/2026', time: '4:05 pm' });
    await page.keyboard.press('Control+Enter');
    await page.locator('.step-form').waitFor({ state: 'detached' });
    const entry = page.locator('.timeline-list li').first();
    await entry.locator('.entry-recorded').waitFor();
    expect((await entry.locator('.entry-meta').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /^Dana Whitfield Mon, Nov 23, 2026, 4:05 PM CST \(recorded Tue, Nov 24, 2026, 8:2\d AM CST\)$/,
    );
    await page.locator('.process-facts', { hasText: 'reported back Mon, Nov 23, 2026, 4:05 PM CST' }).waitFor();

    await page.getByRole('link', { name: 'MCO scorecard' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'MCO scorecard' }).waitFor();
    await page.locator('table', { has: page.locator('caption', { hasText: 'Process figures per MCO' }) }).waitFor();
    // Contacted the member by end of day and reported back unprompted: 100 %, though typed after the close.
    expect((await tableRows(page, 'Process figures per MCO'))[0]?.slice(0, 4)).toEqual([
      'Iowa Total Care',
      '1',
      '100 % (1 of 1)',
      '100 % (1 of 1)',
    ]);
    await shoot(page, 'when-scorecard.png');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
