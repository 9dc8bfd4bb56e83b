import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations } from './browser';
import { idbRead, reflows, sessionForSuite, setUpDesk, shoot, tabToText } from './steps';

/*
 * Issue 17 in Chromium, by keyboard: the state's closed days at first-run set-up and in Settings; the import of
 * an old log LibreOffice wrote (midnight instants, a time column); "Imported — to review" (confirm one, close
 * one); a later copy that corrects a time; and the CSV of a log after its XLSX adds nothing.
 */
const FIXTURES = resolve(import.meta.dirname, '../fixtures/import/libreoffice');
/** Monday 7 December 2026, 9:00 in Des Moines. */
const NOW = '2026-12-07T09:00:00-06:00';

async function press(page: Page, text: string | RegExp) {
  await tabToText(page, text);
  await page.keyboard.press('Enter');
}
const queueButton = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name });

async function importFile(page: Page, name: string, button: RegExp | null) {
  await page.getByRole('link', { name: 'Import the old log' }).press('Enter');
  await page.getByRole('heading', { name: 'Import the old log' }).waitFor();
  await page.locator('#import-file').setInputFiles(resolve(FIXTURES, name));
  await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
  await press(page, 'Check the rows');
  await page.getByRole('heading', { name: '3. Review before importing' }).waitFor();
  if (button) await tabToText(page, button);
}

describe('closed days by statute and the review of imported rows', () => {
  const session = sessionForSuite();

  it('first-run set-up asks the state (Iowa by default) and lists its closed days this year', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
    expect(await page.getByRole('combobox', { name: "Your agency's state" }).inputValue()).toBe('IA');
    const list = page.getByRole('region', { name: 'Iowa state offices are closed on 9 days in 2026' });
    await list.waitFor();
    expect(await list.textContent()).toContain('Fri 11/27/2026: Friday after Thanksgiving');
    expect(await list.textContent()).not.toContain('Lincoln');
    await shoot(page, 'calendar-first-run.png');
    expect(await seriousViolations(page)).toEqual([]);
    await setUpDesk(page, 'Dana Whitfield', { lead: true });
  });

  it('Settings → Policy shows the preset and the next 12 months of closed days', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'Settings', exact: true }).press('Enter');
    await press(page, 'Policy and calendar');
    await page.getByRole('heading', { level: 1, name: 'Policy and calendar' }).waitFor();
    expect(await page.locator('#policy-state-preset').inputValue()).toBe('IA');
    const table = page.getByRole('table', { name: 'Closed days in the next 12 months' });
    await table.getByRole('cell', { name: 'Friday after Thanksgiving', exact: true }).waitFor();
    expect(await table.textContent()).not.toContain('Juneteenth');
    await page.locator('#policy-state-preset').scrollIntoViewIfNeeded();
    await shoot(page, 'calendar-settings.png');
    expect(await seriousViolations(page)).toEqual([]);
    await press(page, 'Cancel');
  });

  it('imports the old log: midnight dates read with their time column, a row naming no member refused', async () => {
    const { page } = session();
    await importFile(page, 'midnight-log.csv', /^Import 5 inquiries$/);
    const rejected = page.getByRole('table', { name: 'Rows that cannot be imported, with the reason' });
    expect(await rejected.textContent()).toContain('The row names no member: no member name and no Medicaid ID.');
    expect(await page.getByRole('table', { name: /New inquiries to import/ }).textContent()).toContain('07/01/2025 11:03 AM');
    // An unreadable ID or date of birth: the warning names the cell; what it said is masked until revealed.
    const warned = page.getByRole('table', { name: 'Rows with warnings' });
    const bobRow = warned.locator('tr', { has: page.getByRole('cell', { name: '3', exact: true }) });
    expect(await bobRow.textContent()).toContain('Cell G3 (Date of birth) is not a real date: the date of birth is left out');
    expect(await bobRow.textContent()).toContain('Cell G3 (Date of birth) says "••••-••-••".');
    expect(await warned.textContent()).not.toMatch(/13\/45\/1990|not on file/);
    await shoot(page, 'import-review-preview.png');
    expect(await seriousViolations(page)).toEqual([]);
    const reveal = page.getByRole('button', { name: "Reveal what row 3's cells say" });
    await reveal.press('Enter');
    const hide = page.getByRole('button', { name: "Hide what row 3's cells say" });
    expect(await hide.getAttribute('aria-pressed')).toBe('true');
    expect(await hide.evaluate((b) => b === document.activeElement)).toBe(true); // focus stays on the button
    expect(await bobRow.textContent()).toContain('Cell G3 (Date of birth) says "13/45/1990".');
    expect(await warned.textContent()).not.toContain('not on file'); // only the row revealed
    await shoot(page, 'import-review-preview-revealed.png');
    expect(await seriousViolations(page)).toEqual([]);
    await hide.press('Enter');
    expect(await bobRow.textContent()).not.toContain('13/45/1990');
    await tabToText(page, /^Import 5 inquiries$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(await idbRead(page, 'inquiries')).toBe(5);
  });

  it('"Imported — to review" counts the open rows, oldest first; none is Due today or Overdue', async () => {
    const { page } = session();
    await press(page, 'Open the log');
    await queueButton(page, /^Imported — to review/).waitFor();
    expect(await queueButton(page, /^Imported — to review/).textContent()).toBe('Imported — to review3');
    expect(await queueButton(page, /^Overdue/).textContent()).toBe('Overdue0');
    expect(await queueButton(page, /^Due today/).textContent()).toBe('Due today0');
    await queueButton(page, /^Imported — to review/).press('Enter');
    await page.getByRole('heading', { name: 'Imported — to review' }).waitFor();
    const received = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(received).toEqual(['07/01/2025 2:01 PM', '07/02/2025 9:40 AM', '11/05/2025 8:45 AM']);
    await shoot(page, 'import-review-queue.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a lead keeps one open (due from now) and closes another with a resolution', async () => {
    const { page } = session();
    await page.locator('tbody tr').first().locator('a.case-link').press('Enter');
    const panel = page.getByRole('region', { name: "From the old log: waiting for a unit lead's review" });
    await panel.waitFor();
    expect(await page.locator('.logged-line').textContent()).toMatch(
      /^Logged in the old log on 7\/1\/2025 by Marcus Lee \(imported by Dana Whitfield on 12\/7\/2026\)\. Last change/,
    );
    await shoot(page, 'import-review-inquiry.png');
    expect(await seriousViolations(page)).toEqual([]);
    await press(page, 'Keep open, due from now');
    await panel.waitFor({ state: 'detached' });

    await queueButton(page, /^Imported — to review/).press('Enter');
    await page.getByRole('heading', { name: 'Imported — to review' }).waitFor();
    await page.locator('.row-count', { hasText: '2 inquiries' }).waitFor();
    await page.locator('tbody tr').first().locator('a.case-link').press('Enter');
    await panel.waitFor();
    await tabToText(page, 'Close the inquiry'); // past the choices: "Resolved by the agency" stays chosen
    await page.locator('#review-close-text').focus();
    await page.keyboard.type('The member found a repair shop; closed at migration.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    await queueButton(page, /^Imported — to review/)
      .filter({ hasText: /review\s*1$/ })
      .waitFor();
  });

  it('a later copy with a corrected time shows the change in the preview and adds one row, not a second inquiry', async () => {
    const { page } = session();
    await importFile(page, 'midnight-log-later.csv', /^Import 1 inquiry and 1 addition$/);
    const additions = page.getByRole('table', { name: 'Inquiries imported before, and what this copy adds' });
    expect(await additions.textContent()).toContain('changed since the last import: Received: 07/01/2025 2:01 PM → 07/01/2025 2:05 PM');
    // The member's name fixed: said without the names until revealed.
    expect(await additions.textContent()).toContain('Member name changed (spelling)');
    expect(await additions.textContent()).not.toMatch(/Samp|B\. S\./);
    await shoot(page, 'import-review-later-preview.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Reveal the member's details changed in row 3" }).press('Enter');
    await page.getByRole('button', { name: "Hide the member's details changed in row 3" }).waitFor();
    expect(await additions.textContent()).toContain('Member name: Bob Sampel → Bob Sample');
    await shoot(page, 'import-review-later-revealed.png');
    expect(await seriousViolations(page)).toEqual([]);
    // At 200 % and 400 % zoom (640 and 320 CSS px) the preview reflows: its tables scroll in their own frames.
    await reflows(page, 'import-review-later');
    await tabToText(page, /^Import 1 inquiry and 1 addition$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(await idbRead(page, 'inquiries')).toBe(6);
  });
});

describe('the CSV of a log after its XLSX', () => {
  const session = sessionForSuite();

  it('adds nothing twice', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Dana Whitfield', { lead: true });
    await importFile(page, 'one-log.xlsx', /^Import 5 inquiries$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    await press(page, 'Open the log');
    await importFile(page, 'one-log.csv', null);
    expect(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    const known = page.locator('.tile', { has: page.locator('dt', { hasText: 'Already in the log' }) }).locator('dd');
    expect(await known.first().textContent()).toBe('5nothing to add'); // the figure, then its note
    expect(await idbRead(page, 'inquiries')).toBe(5);
  });
});
