import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOG_2025_MAPPING } from '../../shared/import/testing';
import { openAt, seriousViolations } from './browser';
import { idbRead, reflows, SHOTS, sessionForSuite, setUpDesk, shoot, tabToText } from './steps';

/**
 * The lead tools in Chromium: import the old log (preview, import, the table shows it, a re-import
 * adds nothing, a later copy adds only what is new, bad files are refused), export the view and read
 * the file back, and the report. axe on every screen; screenshots in test-results/screenshots.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const NOW = '2026-11-23T14:30:00-06:00';

async function press(page: Page, text: string | RegExp) {
  await tabToText(page, text);
  await page.keyboard.press('Enter');
}

/** Counts of what is stored, read from the page's IndexedDB. */
const stored = async (page: Page): Promise<{ inquiries: number; events: number }> => ({
  inquiries: await idbRead(page, 'inquiries'),
  events: await idbRead(page, 'events'),
});

async function chooseFile(page: Page, name: string) {
  await page.locator('#import-file').setInputFiles(resolve(FIXTURES, name));
}

async function openImport(page: Page) {
  await page.getByRole('link', { name: 'Import the old log' }).press('Enter');
  await page.getByRole('heading', { name: 'Import the old log' }).waitFor();
}

const tileValue = async (page: Page, label: string) =>
  (
    await page
      .locator('.tile', { has: page.locator('dt', { hasText: label }) })
      .locator('dd')
      .first()
      .evaluate((dd) => dd.firstChild?.textContent ?? '')
  )?.trim();

describe('lead tools: legacy import, export, report', () => {
  const session = sessionForSuite();

  it('sets up a desk', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Lee Morgan');
  });

  it('refuses files that are not the log, saying why, and writes nothing', async () => {
    const { page } = session();
    await openImport(page);
    expect(await seriousViolations(page)).toEqual([]);
    const alert = page.getByRole('alert');
    await chooseFile(page, 'scanned-log.pdf');
    await alert.filter({ hasText: 'is a PDF document, not a spreadsheet' }).waitFor();
    await chooseFile(page, 'password-protected.xlsx');
    await alert.filter({ hasText: 'is protected with a password' }).waitFor();
    expect(await alert.textContent()).toContain(
      'remove the password (File → Info → Protect Workbook → Encrypt with Password, clear the box)',
    );
    await chooseFile(page, 'empty.csv');
    await alert.filter({ hasText: '"empty.csv" is empty (0 bytes).' }).waitFor();
    // 8 MB of junk with a spreadsheet's name: a file the size of a real log, read and refused. The chosen file is
    // the one on disk, read by the page when it gets to it: it is removed only once the page has answered (removed
    // at once, a slow read found it gone and said something else; that was the "over 30 s, then over 90 s" here).
    const junk = resolve(tmpdir(), 'MCO Inquiry Log.csv');
    writeFileSync(junk, randomBytes(8 * 1024 * 1024));
    try {
      await page.locator('#import-file').setInputFiles(junk);
      await alert
        .filter({ hasText: '"MCO Inquiry Log.csv" is not a spreadsheet or text file the import can read.' })
        .waitFor({ timeout: 60_000 });
    } finally {
      rmSync(junk, { force: true });
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(await stored(page)).toEqual({ inquiries: 0, events: 0 });
  });

  it('reads the 2025 log, finds its header under the title rows and suggests the mapping', async () => {
    const { page } = session();
    await chooseFile(page, 'mco-inquiry-log-2025.xlsx');
    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    expect(await page.locator('#import-header-row-hint').textContent()).toBe('Found the column names on row 4; 20 rows below it.');
    expect(await page.locator('#import-sheet').inputValue()).toBe('0');
    const mapped = await page.locator('.mapping-table select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(mapped).toEqual(LOG_2025_MAPPING);
    // Member identifiers in the sample values are masked.
    const sampleOf = (row: number) => page.locator('.mapping-table tbody tr').nth(row).locator('.sample').textContent();
    expect(await sampleOf(3)).toBe('M. L. ••• · L. J. ••• · A. G. •••'); // "Lopez, Jorge" as the sheet has it
    expect(await page.locator('.mapping-table').textContent()).not.toContain('Maria Lopez');
    await shoot(page, 'import-mapping.png');
    await reflows(page, 'import-mapping');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('previews the rows: new, with warnings, rejected with the row number and reason', async () => {
    const { page } = session();
    await press(page, 'Check the rows');
    await page.getByRole('heading', { name: '3. Review before importing' }).waitFor();
    expect(await tileValue(page, 'New inquiries to import')).toBe('10');
    expect(await tileValue(page, 'Rows that cannot be imported')).toBe('5');
    expect(await tileValue(page, 'Already in the log')).toBe('0');
    const rejected = page.getByRole('table', { name: 'Rows that cannot be imported, with the reason' });
    expect(await rejected.locator('tbody tr').allInnerTexts()).toEqual([
      '11\tDate received: "3/32/2025" is not a real date.',
      '12\tNo date received.',
      '14\tDate resolved: 3/1/2025 is before the date received.',
      '21\tDate received (1/15/2031) is in the future.',
      '24\tDate received: "Total open:" is not a date (use m/d/yyyy, for example 3/2/2024).',
    ]);
    expect(
      await page
        .getByRole('table', { name: 'Rows that repeat an earlier row of the same sheet (imported once)' })
        .locator('tbody tr')
        .allInnerTexts(),
    ).toEqual(['19\tRepeats row 5: imported once.']);
    expect(await page.getByRole('table', { name: 'Rows with warnings' }).locator('tbody tr').count()).toBe(3);
    expect(await page.getByRole('table', { name: /New inquiries to import/ }).textContent()).not.toContain('Maria');
    await shoot(page, 'import-preview.png');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await stored(page)).toEqual({ inquiries: 0, events: 0 });
  });

  it('imports every accepted row in one go; the log shows them', async () => {
    const { page } = session();
    await press(page, 'Import 10 inquiries');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toMatch(
      /^Imported 10 new inquiries from "mco-inquiry-log-2025.xlsx" \(\d+ timeline entries, \d+\.\d s\)\.$/,
    );
    const counts = await stored(page);
    expect(counts.inquiries).toBe(10);
    await page.screenshot({ path: resolve(SHOTS, 'import-done.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await press(page, 'Open the log');
    await page
      .getByRole('navigation', { name: 'Queues' })
      .getByRole('button', { name: /^All inquiries/ })
      .click();
    await page.getByRole('heading', { name: 'All inquiries' }).waitFor();
    await page.locator('.row-count', { hasText: '10 inquiries' }).waitFor();
    const caseNumbers = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(caseNumbers).toHaveLength(10);
    for (const n of caseNumbers) expect(n).toMatch(/^2503\d{2}-[0-9A-Z]{5}-9\d{5}$/);
    expect(await page.locator('tbody').textContent()).not.toContain('Maria Lopez');
  });

  it('shows an imported inquiry with its history from the old log, marked, and the row kept for audit', async () => {
    const { page } = session();
    await page.locator('tbody tr', { hasText: '03/03/2025 9:15 AM' }).getByRole('link').press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Inquiry 250303-[0-9A-Z]{5}-900001$/ }).waitFor();
    const timeline = page.locator('.timeline-list');
    await timeline.waitFor();
    expect(await timeline.locator('.imported-mark').count()).toBe(6);
    const audit = timeline.locator('.entry-InquiryImported');
    expect(await audit.locator('p').nth(1).textContent()).toBe(
      'Imported from the old log: "mco-inquiry-log-2025.xlsx", sheet "2025 Log", row 5.',
    );
    await audit.locator('summary').press('Enter');
    const row = audit.locator('.original-row dl');
    expect(await row.textContent()).toContain("Date Rec'd → Date received3/3/2025");
    // Member identifiers in the kept row are masked until revealed.
    expect(await row.textContent()).toContain('Member Name → Member nameM. L. •••');
    expect(await row.textContent()).not.toContain('Maria');
    expect(await timeline.textContent()).toContain('3/3 spoke w/ member, confirmed pharmacy');
    await shoot(page, 'import-inquiry-timeline.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Queues' })
      .getByRole('button', { name: /^All inquiries/ })
      .click();
  });

  it('adds nothing when the same file is imported again', async () => {
    const { page } = session();
    const before = await stored(page);
    await openImport(page);
    await chooseFile(page, 'mco-inquiry-log-2025.xlsx');
    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    await press(page, 'Check the rows');
    await page.getByRole('heading', { name: '3. Review before importing' }).waitFor();
    expect(await tileValue(page, 'New inquiries to import')).toBe('0');
    expect(await tileValue(page, 'Already in the log')).toBe('10');
    expect(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
    expect(await stored(page)).toEqual(before);
  });

  it('takes from a later copy of the log only its new rows and what was added to old ones', async () => {
    const { page } = session();
    await press(page, 'Back to the columns');
    await press(page, 'Choose another file');
    await chooseFile(page, 'mco-inquiry-log-2025-later.xlsx');
    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    await press(page, 'Check the rows');
    await page.getByRole('heading', { name: '3. Review before importing' }).waitFor();
    expect(await tileValue(page, 'New inquiries to import')).toBe('2');
    expect(await tileValue(page, 'Imported before, with additions')).toBe('2');
    expect(await tileValue(page, 'Already in the log')).toBe('8');
    await press(page, 'Import 2 inquiries and 2 additions');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toMatch(
      /^Imported 2 new inquiries and added to 2 inquiries imported before from "mco-inquiry-log-2025-later.xlsx"/,
    );
    expect((await stored(page)).inquiries).toBe(12);
  });

  it('exports the view to XLSX with real dates and masked members, and the file reads back as the log', async () => {
    const { page } = session();
    await press(page, 'Open the log');
    await page.getByRole('heading', { name: 'All inquiries' }).waitFor();
    await page.locator('.row-count', { hasText: '12 inquiries' }).waitFor();
    const shown = await page.locator('tbody tr td:first-child').allInnerTexts();
    await press(page, 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export inquiries' });
    await dialog.waitFor();
    expect(await dialog.locator('.file-name').textContent()).toMatch(/^liaison-log_all-inquiries_2026-11-23-14\d\d\.xlsx$/);
    await page.screenshot({ path: resolve(SHOTS, 'export-dialog.png') });
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export 12 inquiries' }).press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^liaison-log_all-inquiries_2026-11-23-14\d\d\.xlsx$/);
    await dialog.getByRole('status').filter({ hasText: 'Saved 12 inquiries' }).waitFor();
    const path = await download.path();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Inquiries');
    if (!ws) throw new Error('no Inquiries sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['Case number', 'Received', 'Source', 'Member name', 'Medicaid ID', 'MCO']);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    // The same inquiries as the table, in the same order.
    expect(rows.map((r) => r.getCell(1).value)).toEqual(shown);
    const maria = rows.find((r) => String(r.getCell(col('Description')).value).startsWith('Insulin refill denied'));
    if (!maria) throw new Error('row missing');
    // A real date cell, holding the agency's wall-clock time.
    const received = maria.getCell(col('Received')).value;
    expect(received).toBeInstanceOf(Date);
    expect((received as Date).toISOString()).toBe('2025-03-03T09:15:00.000Z');
    expect(maria.getCell(col('Member name')).value).toBe('M. L. •••');
    expect(maria.getCell(col('Medicaid ID')).value).toBe('•••••67A');
    expect(maria.getCell(col('MCO')).value).toBe('Iowa Total Care');
    expect(maria.getCell(col('First contact met or missed')).value).toBe('Met target');
    expect(maria.getCell(col('Business hours to first contact')).value).toBe(0.83);
    // Text that looks like a formula stays text.
    const formula = rows.find((r) => String(r.getCell(col('Description')).value).startsWith('=HYPERLINK'));
    expect(formula?.getCell(col('Description')).type).toBe(ExcelJS.ValueType.String);
    const about = wb.getWorksheet('About this export');
    expect(about?.getRow(6).values).toEqual([undefined, 'Member identifiers', 'Masked']);
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('exports CSV with member identifiers only when asked, and the file name says so', async () => {
    const { page } = session();
    await press(page, 'Export…');
    const dialog = page.getByRole('dialog', { name: 'Export inquiries' });
    await dialog.waitFor();
    await dialog.getByLabel('CSV (.csv, UTF-8)').check();
    await dialog.getByLabel(/^Include member identifiers unmasked/).check();
    expect(await dialog.locator('.file-name').textContent()).toMatch(
      /^liaison-log_all-inquiries_2026-11-23-14\d\d_CONTAINS-MEMBER-IDENTIFIERS\.csv$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export 12 inquiries' }).press('Enter'),
    ]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]?.startsWith('Case number,Received,Source,Member name,Medicaid ID,MCO,')).toBe(true);
    expect(text).toContain(',Maria Lopez,1234567A,Iowa Total Care,');
    expect(text).toContain('"\'=HYPERLINK(""http://example.invalid"",""call member"") asks for a callback"');
    expect(text).toContain('03/03/2025 09:15');
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('reports counts and timeliness for a period, as tables beside the charts, and prints', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'Lead report' }).press('Enter');
    await page.getByRole('heading', { name: 'Lead report' }).waitFor();
    await page.locator('#report-period').selectOption('custom');
    await page.locator('#report-from').fill('2025-03-01');
    await page.locator('#report-to').fill('2025-03-31');
    await page.locator('.tile', { hasText: 'Received in the period' }).locator('dd', { hasText: '12' }).waitFor();
    const byMco = page.getByRole('table', { name: 'By MCO' });
    expect(await byMco.locator('tbody tr').allInnerTexts()).toEqual([
      'Iowa Total Care\t4\t33.3 %',
      'Molina Healthcare of Iowa\t3\t25 %',
      'Wellpoint Iowa\t3\t25 %',
      'No MCO\t1\t8.3 %',
      'UnitedHealthcare\t1\t8.3 %',
    ]);
    expect(await page.getByRole('table', { name: 'First contact by priority' }).locator('tbody th').allInnerTexts()).toEqual([
      'High',
      'Escalated',
    ]);
    await shoot(page, 'report.png');
    await reflows(page, 'report');
    expect(await seriousViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-controls').isVisible()).toBe(false);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    await shoot(page, 'report-print.png');
    await page.emulateMedia({ media: 'screen' });

    // In the browser build "Save as PDF" opens the print dialog (which offers Save as PDF).
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'yes';
      };
    });
    await press(page, 'Save as PDF');
    expect(await page.evaluate(() => document.body.dataset.printed)).toBe('yes');
  });
});
