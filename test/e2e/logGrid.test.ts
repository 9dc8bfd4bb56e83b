import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations } from './browser';
import { logByKeyboard, pageOverflow, SHOTS, sessionForSuite, setUpDesk, shootAt } from './steps';

/*
 * Issue 16: the log as a desk tool and the screens at every size. The default columns fit 1280 px with no sideways
 * scroll and at least 18 rows show at 1440×900; the column chooser works by keyboard and is remembered; a cut-off
 * cell shows its whole text on focus; at 200 % and 400 % (640 and 320 CSS px) the page never scrolls sideways.
 * Screenshots in test-results/screenshots (looked at by a person; the overflow checks are automatic).
 */

const MONDAY_10AM = '2026-11-23T10:00:00-06:00';

/** Rows of the log that fit in its scroll box below the headers. */
const rowsThatFit = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const box = document.querySelector('.table-scroll') as HTMLElement;
    const head = box.querySelector('thead') as HTMLElement;
    const row = box.querySelector('tbody tr') as HTMLElement;
    return Math.floor((box.clientHeight - head.offsetHeight) / row.offsetHeight);
  });

describe('the log grid at every size', () => {
  const session = sessionForSuite();
  let caseNumber = '';

  it('shows what each case is about, masked, in columns that fit 1280 px, with 18 rows and more at 1440×900', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAt(page, MONDAY_10AM);
    await setUpDesk(page, 'Ana Ortiz');
    caseNumber = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      description:
        'Maria Lopez (1234567A) was told at the pharmacy that her insulin refill needs a new prior authorization, and she has two days of supply left',
    });
    await logByKeyboard(page, {
      member: 'Kim Ng',
      id: '7654321B',
      category: 'Access to care',
      description: 'Dentist will not see Kim without a referral.',
    });
    await page.getByRole('link', { name: 'Log', exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    const row = page.locator('tbody tr', { hasText: caseNumber });
    const summary = row.locator('td').nth(3);
    expect(await summary.textContent()).toBe(
      'Pharmacy — M. L. (•••••67A) was told at the pharmacy that her insulin refill needs a new prior authorization, and she has two days of supply left',
    );
    expect(await row.textContent()).not.toContain('Maria');
    expect(await rowsThatFit(page)).toBeGreaterThanOrEqual(18);
    const fits = () =>
      page.evaluate(() => {
        const box = document.querySelector('.table-scroll') as HTMLElement;
        return box.scrollWidth <= box.clientWidth;
      });
    expect(await fits()).toBe(true);
    await shootAt(page, 1440, 900, 'log-1440.png');
    await shootAt(page, 1280, 720, 'log-1280.png');
    expect(await fits()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the whole text of a cut-off cell on focus, moving along the row with the arrow keys', async () => {
    const { page } = session();
    const row = page.locator('tbody tr', { hasText: caseNumber });
    await row.getByRole('link', { name: caseNumber }).focus();
    await page.keyboard.press('ArrowRight'); // Received
    await page.keyboard.press('ArrowRight'); // Member: its Reveal button
    await page.keyboard.press('ArrowRight'); // Summary
    const shown = await page.evaluate(() => {
      const cell = document.activeElement as HTMLElement;
      const text = cell.querySelector('.cell-text') as HTMLElement;
      return { tag: cell.tagName, whole: text.scrollWidth <= text.clientWidth + 1, wraps: getComputedStyle(text).whiteSpace };
    });
    expect(shown).toEqual({ tag: 'TD', whole: true, wraps: 'normal' });
    await page.screenshot({ path: resolve(SHOTS, 'log-cell-focus.png') });
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reveal');
  });

  it('chooses, orders and sizes columns by keyboard, remembered after a reload', async () => {
    const { page } = session();
    const chooser = page.getByRole('button', { name: 'Columns', exact: true });
    await chooser.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Columns of the log' });
    await panel.getByRole('checkbox', { name: 'Stage' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('columnheader', { name: /^Stage/ }).waitFor();
    await panel.getByRole('button', { name: 'Move Stage earlier' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByLabel('Width of Stage in pixels').fill('120');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'log-columns.png') });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Columns');
    await page.reload();
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const headers = await page.locator('thead th').allTextContents();
    expect(headers.slice(-3)).toEqual(['Next due', 'Stage', 'Assignee']);
    expect(await page.locator('thead th', { hasText: 'Stage' }).evaluate((th) => th.getBoundingClientRect().width)).toBe(120);
    // Back to the default for the checks that follow.
    await chooser.press('Enter');
    await panel.getByRole('button', { name: 'Reset columns' }).press('Enter');
    await panel.getByRole('button', { name: 'Done' }).press('Enter');
    await page.getByRole('columnheader', { name: /^Stage/ }).waitFor({ state: 'detached' });
  });

  it('reflows at 200 % and 400 % (640 and 320 CSS px): no sideways page scroll, the queues behind the menu button', async () => {
    const { page } = session();
    await shootAt(page, 640, 360, 'log-200.png');
    await shootAt(page, 320, 180, 'log-400.png');
    await page.setViewportSize({ width: 320, height: 640 });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.getByRole('navigation', { name: 'Queues' }).isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('navigation', { name: 'Queues' })
      .getByRole('button', { name: /^All inquiries/ })
      .press('Enter');
    await page.getByRole('heading', { name: 'All inquiries' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Queues' }).isVisible()).toBe(false);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('tbody tr', { hasText: caseNumber }).getByRole('link', { name: caseNumber }).press('Enter');
    await page.getByRole('heading', { level: 1, name: `Inquiry ${caseNumber}` }).waitFor();
    await shootAt(page, 1440, 900, 'inquiry-1440.png');
    await shootAt(page, 1280, 720, 'inquiry-1280.png');
    await shootAt(page, 640, 360, 'inquiry-200.png');
    await shootAt(page, 320, 180, 'inquiry-400.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'intake-receivedDate');
    await shootAt(page, 320, 180, 'intake-400.png');
    await shootAt(page, 1280, 720, 'intake-1280.png');
  });

  it('opens the keyboard help with "?", a modal dialog listing every shortcut, focus returned on Escape', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1280, height: 720 });
    // Away from any field first: "?" typed in a field is a question mark.
    await page.getByRole('heading', { name: 'New inquiry' }).focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    for (const keys of ['Alt+N', 'Ctrl+L (⌘L)', 'Ctrl+Enter', 'Esc', '↑ ↓ Home End', 'Ctrl+Shift+L (⌘⇧L)', 'Ctrl+J (⌘J)'])
      expect(text).toContain(keys);
    expect(await page.evaluate(() => document.querySelector('dialog')?.contains(document.activeElement))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(SHOTS, 'keyboard-help.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'New inquiry');
    // Leaving the changed intake asks first.
    await page.locator('#intake-originatorName').fill('Jo Banks');
    await page.getByRole('button', { name: 'Cancel' }).press('Enter');
    await page.getByRole('alertdialog', { name: /^Discard this new inquiry\?/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'New inquiry' }).isVisible()).toBe(true);
  });
});
