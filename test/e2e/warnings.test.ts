import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations, unlock } from './browser';
import { tabAndType, tabTo } from './keyboard';
import { logByKeyboard, SHOTS, sessionForSuite, setUpDesk } from './steps';

/** Mon 23 Nov 2026 in Des Moines; the office is open 08:00–16:30. */
const MONDAY_4PM = '2026-11-23T16:00:00-06:00';
const MONDAY_10PM = '2026-11-23T22:00:00-06:00';
const TUESDAY_8_05 = '2026-11-24T08:05:00-06:00';

declare global {
  interface Window {
    __notices: { title: string; body: string }[];
  }
}

/** The page's web notifications, recorded instead of shown (permission granted). */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    window.__notices = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        window.__notices.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
  });
}

const notices = (page: Page) => page.evaluate(() => window.__notices);
/** Waits until the whole log is loaded (the queue counts show numbers): the notification check has run by then. */
const logLoaded = (page: Page) =>
  page.locator('nav[aria-label="Queues"] .count').first().filter({ hasText: /^\d/ }).waitFor({ timeout: 30_000 });

describe('warnings: business-time thresholds, never at night, snooze by keyboard', () => {
  const session = sessionForSuite((s) => recordNotifications(s.page));
  let caseNumber = '';
  let inquiryHash = '';

  it('shows how much of the business time is used (Mon 16:00, received 15:30: 25 %)', async () => {
    const { page } = session();
    await openAt(page, MONDAY_4PM);
    await setUpDesk(page, 'Ana Ortiz');

    caseNumber = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      receivedTime: '3:30 pm',
      description: 'Insulin refill denied.',
    });
    inquiryHash = new URL(page.url()).hash;

    // 2 business hours from 15:30: 1 h on Monday, 1 h on Tuesday → target Tue 09:00; 50 % is the closing, Mon 16:30.
    const due = (await page.locator('.due-list').textContent())?.replace(/\s+/g, ' ');
    // 4 PM with the clock running: 30 m (or a minute less) of Monday and 1 h of Tuesday to the target.
    expect(due).toMatch(/Target Tue, Nov 24, 2026, 9:00 AM CST · 1 h (29|30) m left/);
    expect(due).toContain('25 % of the business time to the target used.');
    expect(due).toMatch(/^On track/);
    await logLoaded(page);
    expect(await notices(page)).toEqual([]);
  });

  it('notifies nothing at night, then one summary at the opening', async () => {
    const { page } = session();
    await openAt(page, MONDAY_10PM);
    await unlock(page, '2468'); // hours since the desk was last used: it is locked
    await logLoaded(page);
    expect(await notices(page)).toEqual([]);

    await openAt(page, TUESDAY_8_05);
    await unlock(page, '2468'); // hours since the desk was last used: it is locked
    await logLoaded(page);
    await page.waitForFunction(() => window.__notices.length > 0, undefined, { timeout: 30_000 });
    expect(await notices(page)).toEqual([
      {
        title: 'While the office was closed',
        body: `1 item reached a warning (case ${caseNumber}). Click to open the most urgent.`,
      },
    ]);
  });

  it('snoozes the warnings from the process panel by keyboard, shows it, keeps it in the timeline, and ends it', async () => {
    const { page } = session();
    await openAt(page, TUESDAY_8_05, inquiryHash);
    await page.getByRole('heading', { level: 1, name: `Inquiry ${caseNumber}` }).waitFor();
    const due = (await page.locator('.due-list').textContent())?.replace(/\s+/g, ' ');
    // Tue 08:05: 65 of 120 business minutes used, past the 50 % warning (Mon 16:30).
    expect(due).toContain('54 % of the business time to the target used (past the 50 % warning).');
    expect(due).toMatch(/^Due soon/);

    const button = page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Snooze warnings', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Snooze warnings' }).waitFor();
    // Focus is on the first preset (1 hour); arrow to "Until a day and time I choose" and try too far ahead.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabAndType(page, 'snooze-day', '12/04/2026');
    await tabAndType(page, 'snooze-time', '9:00');
    await tabAndType(page, 'snooze-reason', 'Waiting for the member to call back');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('alert').filter({ hasText: 'A snooze lasts at most 5 business days' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'A snooze lasts' }).textContent()).toBe(
      'A snooze lasts at most 5 business days: choose Thu, Dec 3, 8:05 AM or earlier.',
    );
    // Thanksgiving (Thu 26 Nov) and the Friday after (Iowa Code 1C.2, chosen at set-up) do not count. Back to the first preset: 1 hour.
    await tabTo(page, 'snooze-preset-custom');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#snooze-preset').isChecked()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.locator('.step-form').waitFor({ state: 'detached' });

    const note = page.getByRole('note', { name: 'Warnings snoozed' });
    await note.waitFor();
    expect((await note.textContent())?.replace(/\s+/g, ' ')).toBe(
      'Snoozed Warnings snoozed until Tue, Nov 24, 9:05 AM by Ana Ortiz: Waiting for the member to call back. Overdue still notifies. End the snooze',
    );
    await page.locator('.timeline-list li', { hasText: 'Warnings snoozed until Tue, Nov 24, 9:05 AM' }).first().waitFor();
    expect(await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Change the snooze' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('section[aria-labelledby="process-title"]').screenshot({ path: resolve(SHOTS, 'warnings-snoozed.png') });

    // Ending it by keyboard.
    await note.getByRole('button', { name: 'End the snooze' }).focus();
    await page.keyboard.press('Enter');
    await note.waitFor({ state: 'detached' });
    await page.locator('.timeline-list li', { hasText: 'Snooze ended' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
