import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations } from './browser';
import { chooseOption, tabAndChoose, tabAndPickRadio, tabAndType, tabTo } from './keyboard';
import { logByKeyboard, queueCount, reflows, sessionForSuite, setUpDesk, shoot, tableRows } from './steps';

/**
 * The grievance record in Chromium, by keyboard: log inquiries, classify two as complaints, record a
 * review and an outcome, resolve one; the Open complaints queue; the grievance report's counts for
 * the period and MCO; the record exported as CSV (masked, then with identifiers) and XLSX and read
 * back. axe on every screen; screenshots in test-results/screenshots.
 */

/** Mon 23 Nov 2026, 14:30 in Des Moines (the app's clock runs on from there: file names are stamped 14:3x). */
const NOW = '2026-11-23T14:30:00-06:00';

/** Classifies the open inquiry as a complaint, by keyboard only. */
async function classify(page: Page, o: { entity: string; category: string; reason: string }) {
  await tabTo(page, 'grievance-classify', 120);
  await page.keyboard.press('Enter');
  await page.locator('.grievance-form').waitFor();
  // The form opens on its first control: who the complaint is about.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('complaint-entity');
  await tabAndPickRadio(page, 'complaint-entity', o.entity);
  await tabAndChoose(page, 'complaint-category', o.category);
  await tabAndType(page, 'complaint-reason', o.reason);
  await page.keyboard.press('Control+Enter');
  await page.locator('.grievance-form').waitFor({ state: 'detached' });
  await page.locator('.grievance-facts').waitFor();
}

const panel = (page: Page) => page.getByRole('region', { name: 'Complaint (grievance)' });
/** The panel's facts as "label value label value …". */
const facts = (page: Page) =>
  page.locator('.grievance-facts').evaluate((dl) =>
    Array.from(dl.querySelectorAll('dt, dd'), (n) => n.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' '),
  );
describe('complaints and the grievance record', () => {
  const session = sessionForSuite();
  let first = '';
  let second = '';

  it('classifies a logged inquiry as a complaint by keyboard; the Open complaints queue counts it', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Lee Morgan');
    await expect.poll(() => queueCount(page, 'Open complaints')).toBe('0');

    first = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      category: 'Transportation',
      description: 'Dialysis ride missed twice this week.',
      expectedOutcome: 'The member gets the service.',
    });
    expect(await panel(page).textContent()).toContain('Logged as an inquiry, not a complaint.');
    expect(await seriousViolations(page)).toEqual([]);

    await classify(page, {
      entity: 'The MCO',
      category: 'Transportation',
      reason: 'The MCO’s transport vendor missed two dialysis rides.',
    });
    expect(await facts(page)).toContain('Responsible MCO Reason category Transportation Date received 11/23/2026');
    expect(await facts(page)).toContain('Reviews None recorded yet Outcome Not yet determined Resolution Not resolved yet');
    expect(await page.locator('.timeline-list li').first().textContent()).toContain(
      'Classified as a complaint (grievance): responsible MCO; reason category Transportation.',
    );
    await expect.poll(() => queueCount(page, 'Open complaints')).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('records a review with its day and the outcome, then resolves the complaint', async () => {
    const { page } = session();
    await tabTo(page, 'grievance-review', 120);
    await page.keyboard.press('Enter');
    await page.locator('.grievance-form').waitFor();
    // When it took place defaults to now; a day before the complaint was received is refused beside the field, with why.
    expect(await page.locator('#review-when-day').inputValue()).toBe('11/23/2026');
    await tabAndType(page, 'review-note', 'Reviewed the trip log with the MCO’s transport lead.');
    await tabAndType(page, 'review-when-day', '11/20/2026');
    await page.keyboard.press('Control+Enter');
    await page.locator('.when-field .field-error', { hasText: /^That is before the inquiry was received \(11\/23\/2026 / }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('review-when-day');
    await tabAndType(page, 'review-when-day', '11/23/2026');
    await page.keyboard.press('Control+Enter');
    await page.locator('.grievance-form').waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grievance-review');
    await page.locator('.timeline-list li', { hasText: 'Complaint reviewed on 11/23/2026.' }).first().waitFor();

    await tabTo(page, 'grievance-outcome');
    await page.keyboard.press('Enter');
    await page.locator('.grievance-form').waitFor();
    await tabAndPickRadio(page, 'complaint-outcome', 'Substantiated');
    await tabAndType(page, 'complaint-outcome-note', 'The trip log shows no driver was sent.');
    await shoot(page, 'grievance-outcome-form.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await page.locator('.grievance-form').waitFor({ state: 'detached' });
    await page.locator('.grievance-facts', { hasText: 'Substantiated' }).waitFor();

    const resolveButton = page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Resolve', exact: true });
    await resolveButton.focus();
    await page.keyboard.press('Enter');
    await tabTo(page, 'resolve-text');
    await page.keyboard.type('Rides rebooked with another vendor; the MCO apologised to the member.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.inquiry-header .status-resolved').waitFor();
    await page.locator('.grievance-facts', { hasText: 'Resolved by the agency, 11/23/2026' }).waitFor();
    expect(await facts(page)).toMatch(/Reviews 11\/23\/2026 \(Lee Morgan\): Reviewed the trip log/);
    await expect.poll(() => queueCount(page, 'Open complaints')).toBe('0');
    await shoot(page, 'grievance-inquiry.png');
    await reflows(page, 'grievance-inquiry');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps a second complaint open and a third inquiry out of the record', async () => {
    const { page } = session();
    second = await logByKeyboard(page, {
      member: 'Sam Ortiz',
      id: '7654321B',
      category: 'Pharmacy',
      description: 'Pharmacy refused the refill.',
      expectedOutcome: 'The member gets the service.',
    });
    await classify(page, { entity: 'A provider', category: 'Pharmacy', reason: 'The pharmacy refused a covered refill.' });
    await logByKeyboard(page, {
      member: 'Ana Diaz',
      id: '1112223C',
      category: 'Pharmacy',
      description: 'Asked when the card comes.',
      expectedOutcome: 'The member gets the service.',
    });
    await expect.poll(() => queueCount(page, 'Open complaints')).toBe('1');
    expect(second).not.toBe(first);
  });

  it('reports the counts for the period and MCO, as tables', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'Grievance report' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Grievance report' }).waitFor();
    await page.locator('.tile', { hasText: 'Complaints received' }).waitFor();
    const tiles = await page.locator('.tiles .tile').evaluateAll((ts) => ts.map((t) => (t.textContent ?? '').trim()));
    expect(tiles).toEqual([
      'Complaints received2',
      'Resolved1',
      'Open1',
      'Substantiated1',
      'Unsubstantiated0',
      'Unable to substantiate0',
      'Not yet determined1',
    ]);
    expect(await tableRows(page, 'by the member')).toEqual([
      ['Iowa Total Care', '2', '1', '1', '0', '0', '1'],
      ['Molina Healthcare of Iowa', '0', '0', '0', '0', '0', '0'],
      ['Wellpoint Iowa', '0', '0', '0', '0', '0', '0'],
      ['Total', '2', '1', '1', '0', '0', '1'],
    ]);
    const reasons = await tableRows(page, 'by reason category');
    expect(reasons.filter((r) => r[1] !== '0')).toEqual([
      ['Transportation', '1', '1', '1', '0', '0', '0'],
      ['Pharmacy', '1', '0', '0', '0', '0', '1'],
      ['Total', '2', '1', '1', '0', '0', '1'],
    ]);
    expect(await tableRows(page, 'by whom they are about')).toEqual([
      ['MCO', '1', '1', '1', '0', '0', '0'],
      ['Agency', '0', '0', '0', '0', '0', '0'],
      ['Provider', '1', '0', '0', '0', '0', '1'],
      ['Other', '0', '0', '0', '0', '0', '0'],
      ['Total', '2', '1', '1', '0', '0', '1'],
    ]);
    const list = page.locator('table', { has: page.locator('caption', { hasText: 'Complaints received in the period' }) });
    expect(await list.locator('tbody tr td:first-child').allInnerTexts()).toEqual([first, second].sort());
    await shoot(page, 'grievance-report.png');
    await reflows(page, 'grievance-report');
    // A count table that fits adds no tab stop; narrow, where it scrolls sideways, the keyboard reaches it.
    const byEntity = page.getByRole('region', { name: 'Complaints by whom they are about, and their outcome' });
    await page.waitForFunction(() => !document.querySelector('section[aria-label^="Complaints by whom"]')?.hasAttribute('tabindex'));
    const wide = page.viewportSize() ?? { width: 1280, height: 720 };
    await page.setViewportSize({ width: 320, height: 450 });
    await page.waitForFunction(() => document.querySelector('section[aria-label^="Complaints by whom"]')?.getAttribute('tabindex') === '0');
    expect(await byEntity.getAttribute('tabindex')).toBe('0');
    await page.setViewportSize(wide);
    expect(await seriousViolations(page)).toEqual([]);

    // Another MCO: nothing received for it.
    await tabTo(page, 'grievance-mco');
    await chooseOption(page, 'Molina');
    await page.getByText('No complaints were received in this period for Molina Healthcare of Iowa.').waitFor();
    expect(await tableRows(page, 'by the member')).toEqual([
      ['Molina Healthcare of Iowa', '0', '0', '0', '0', '0', '0'],
      ['Total', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(await page.locator('.file-name').textContent()).toMatch(
      /^grievance-record_2026-11-01_2026-11-23_molina-healthcare-of-iowa_2026-11-23-14\d\d\.csv$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, 'grievance-mco');
    await chooseOption(page, 'All');
    await page.locator('.tile', { hasText: 'Complaints received2' }).waitFor();
  });

  it('exports the record as CSV with the member masked, and only with identifiers when asked', async () => {
    const { page } = session();
    expect(await page.locator('.file-name').textContent()).toMatch(/^grievance-record_2026-11-01_2026-11-23_2026-11-23-14\d\d\.csv$/);
    const exportButton = page.getByRole('button', { name: 'Export complaints (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^grievance-record_2026-11-01_2026-11-23_2026-11-23-14\d\d\.csv$/);
    await page.getByRole('status').filter({ hasText: 'Saved 2 complaints' }).waitFor();
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Case number,Date received,Member name,Medicaid ID,MCO,Responsible entity,Reason category,General description of the reason,' +
        'Dates of review,Reviews,Outcome,Resolution,Resolution detail,Date of resolution,Status',
    );
    const byCase = new Map(lines.slice(1, 3).map((l) => [l.slice(0, l.indexOf(',')), l]));
    expect(byCase.get(first)).toBe(
      `${first},11/23/2026,M. L. •••,•••••67A,Iowa Total Care,MCO,Transportation,The MCO’s transport vendor missed two dialysis rides.,` +
        '11/23/2026,1,Substantiated,Resolved by the agency,Rides rebooked with another vendor; the MCO apologised to the member.,11/23/2026,Resolved',
    );
    expect(byCase.get(second)).toBe(
      `${second},11/23/2026,S. O. •••,•••••21B,Iowa Total Care,Provider,Pharmacy,The pharmacy refused a covered refill.,,0,Not yet determined,,,,Open`,
    );
    expect(lines.slice(3)).toEqual(['']);

    await tabTo(page, 'grievance-identifiers', 80);
    await page.keyboard.press('Space');
    expect(await page.locator('.file-name').textContent()).toMatch(
      /^grievance-record_2026-11-01_2026-11-23_2026-11-23-14\d\d_CONTAINS-MEMBER-IDENTIFIERS\.csv$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    const [withIds] = await Promise.all([page.waitForEvent('download'), exportButton.press('Enter')]);
    const text = readFileSync(await withIds.path()).toString('utf8');
    expect(text).toContain(`${first},11/23/2026,Maria Lopez,1234567A,Iowa Total Care,`);
    expect(text).toContain(`${second},11/23/2026,Sam Ortiz,7654321B,Iowa Total Care,`);
  });

  it('exports the record as XLSX with real date cells', async () => {
    const { page } = session();
    await page.getByLabel('Excel workbook (.xlsx)').press('Space');
    const exportButton = page.getByRole('button', { name: 'Export complaints (XLSX)' });
    await tabTo(page, 'grievance-identifiers', 80);
    await page.keyboard.press('Space'); // masked again
    expect(await page.locator('.file-name').textContent()).toMatch(/^grievance-record_2026-11-01_2026-11-23_2026-11-23-14\d\d\.xlsx$/);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.press('Enter')]);
    const wb = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer (an ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Grievance record');
    if (!ws) throw new Error('no Grievance record sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Case number', 'Date received', 'Member name', 'Medicaid ID']);
    const row = [ws.getRow(2), ws.getRow(3)].find((r) => r.getCell(1).value === first);
    if (!row) throw new Error('the first complaint is not in the workbook');
    expect((row.getCell(2).value as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(row.getCell(3).value).toBe('M. L. •••');
    expect(row.getCell(10).value).toBe(1);
    expect((row.getCell(14).value as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(wb.getWorksheet('About this export')?.getRow(7).values).toEqual([undefined, 'Member identifiers', 'Masked']);
  });

  it('lets the reasons be edited in Settings, by keyboard and axe clean', async () => {
    const { page } = session();
    await openAt(page, NOW, '#/settings/grievances');
    await page.getByRole('heading', { level: 1, name: 'Grievance reasons' }).waitFor();
    expect(await page.locator('#cfg-grievanceReasons-0').inputValue()).toBe('Access to care');
    await tabTo(page, 'grievance-reason-add', 200);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cfg-grievanceReasons-13');
    await page.keyboard.type('Interpreter services');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Saved. Grievance reasons edited: added Interpreter services.').waitFor();
    await shoot(page, 'grievance-reasons-settings.png');
    await reflows(page, 'grievance-reasons-settings');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
