import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations, unlockIfLocked } from './browser';
import { tabAndPickRadio, tabTo } from './keyboard';
import { logByKeyboard, recordStep, reflows, sessionForSuite, setUpDesk, shoot, tableRows } from './steps';

/**
 * The MCO scorecard in Chromium: two inquiries logged and referred by keyboard on Monday 23 Nov 2026
 * (one to Iowa Total Care, one to Molina); ITC reports back that afternoon, Molina is followed up
 * on Tuesday and has not reported back. On Wednesday 10:00 the scorecard, opened by keyboard from
 * Lead tools, shows each MCO's figures; narrowed to one MCO; exported as CSV and XLSX and read back.
 * axe on the screen; screenshots in test-results/screenshots.
 */

const MONDAY_9AM = '2026-11-23T09:00:00-06:00';
const MONDAY_3PM = '2026-11-23T15:00:00-06:00';
const TUESDAY_9AM = '2026-11-24T09:00:00-06:00';
const WEDNESDAY_10AM = '2026-11-25T10:00:00-06:00';

/** Logs a High inquiry received at 8:30 for a member of `mco`; returns its address (`#/inquiry/<id>`). */
async function logFor(page: Page, o: { member: string; id: string; mco: string }): Promise<string> {
  await logByKeyboard(page, { ...o, receivedTime: '8:30 am', description: 'Refill denied at the pharmacy.' });
  return new URL(page.url()).hash;
}

const HOURS = /^\d+(\.\d+)?$/;

describe('the MCO scorecard', () => {
  const session = sessionForSuite();
  let itc = '';
  let molina = '';

  it('refers one inquiry to Iowa Total Care and one to Molina on Monday morning, by keyboard', async () => {
    const { page } = session();
    await openAt(page, MONDAY_9AM);
    await setUpDesk(page, 'Lee Morgan');

    itc = await logFor(page, { member: 'Maria Lopez', id: '1234567A', mco: 'Iowa' });
    await recordStep(page, 'Refer to MCO', 'Asked for an override of the denial.', 'refer-note');
    await page.locator('.due-list', { hasText: 'MCO contacts member' }).waitFor();
    molina = await logFor(page, { member: 'Sam Ortiz', id: '7654321B', mco: 'Molina' });
    await recordStep(page, 'Refer to MCO', 'Asked Molina to call the member.', 'refer-note');
    await page.locator('.timeline-list li', { hasText: 'Referred to Molina Healthcare of Iowa' }).first().waitFor();
    expect(itc).not.toBe(molina);
  });

  it('records ITC’s report-back on Monday afternoon and a follow-up with Molina on Tuesday', async () => {
    const { page } = session();
    await openAt(page, MONDAY_3PM, itc);
    await unlockIfLocked(page, '2468'); // hours since the desk was last used: it is locked
    await page.getByRole('heading', { level: 1, name: /^Inquiry / }).waitFor();
    // "Has the MCO contacted the member?" starts at Yes; Tab on to the note.
    await recordStep(page, 'MCO reported back', 'Override approved; ITC called the member.', 'report-note');
    await page.locator('.timeline-list li', { hasText: 'The MCO reported back: it has contacted the member.' }).first().waitFor();

    await openAt(page, TUESDAY_9AM, molina);
    await unlockIfLocked(page, '2468'); // hours since the desk was last used: it is locked
    await page.getByRole('heading', { level: 1, name: /^Inquiry / }).waitFor();
    await recordStep(page, 'Followed up with MCO', 'Left a message with Molina Member Services.', 'followup-note');
    await page.locator('.timeline-list li', { hasText: 'Followed up with the MCO.' }).first().waitFor();
  });

  it('shows each MCO’s figures on Wednesday, opened from Lead tools by keyboard; axe clean', async () => {
    const { page } = session();
    await openAt(page, WEDNESDAY_10AM);
    await unlockIfLocked(page, '2468'); // hours since the desk was last used: it is locked
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.getByRole('link', { name: 'MCO scorecard' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'MCO scorecard' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scorecard-title');
    await page.locator('table', { has: page.locator('caption', { hasText: 'Process figures per MCO' }) }).waitFor();

    expect(await tableRows(page, 'Process figures per MCO')).toEqual([
      ['Iowa Total Care', '1', '100 % (1 of 1)', '100 % (1 of 1)', '0', '0', '0'],
      ['Molina Healthcare of Iowa', '1', '0 % (0 of 1)', '0 % (0 of 1)', '1', '1', '0'],
      ['Wellpoint Iowa', '0', '—', '—', '0', '0', '0'],
      ['All MCOs', '2', '50 % (1 of 2)', '50 % (1 of 2)', '1', '1', '0'],
    ]);
    const times = await tableRows(page, 'Business time from referral');
    // ITC: referred a little after 09:00, reported back a little after 15:00: about six business hours.
    expect(times[0]?.slice(0, 2)).toEqual(['Iowa Total Care', '1']);
    expect(times[0]?.[2]).toMatch(/^(5\.9|6|6\.1) business hours$/);
    expect(times[1]).toEqual(['Molina Healthcare of Iowa', '0', '—', '—', '0', '—', '—']);
    // Molina's referral: Monday ~09:00–16:30, Tuesday, Wednesday 08:00–10:00: two whole business days.
    expect(await tableRows(page, 'Referrals awaiting report-back')).toEqual([
      ['Iowa Total Care', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['Molina Healthcare of Iowa', '0', '1', '0', '0', '0', '1', '0', '0'],
      ['Wellpoint Iowa', '0', '0', '0', '0', '0', '0', '0', '0'],
      ['All MCOs', '0', '1', '0', '0', '0', '1', '0', '0'],
    ]);
    expect(await page.getByRole('figure', { name: /^Chart: percent of decided referrals/ }).count()).toBe(1);
    await shoot(page, 'scorecard.png');
    await reflows(page, 'scorecard');
    expect(await seriousViolations(page)).toEqual([]);

    // Printed: the figures only, without the controls, the sidebar or the export form.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-controls').isVisible()).toBe(false);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Export the scorecard' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Process figures per MCO' }).isVisible()).toBe(true);
    await shoot(page, 'scorecard-print.png');
    await page.emulateMedia({ media: 'screen' });
  });

  it('exports the scorecard as CSV and reads it back: one line per MCO and the total, no member data', async () => {
    const { page } = session();
    expect(await page.locator('.file-name').textContent()).toMatch(/^mco-scorecard_2026-11-01_2026-11-25_2026-11-25-10\d\d\.csv$/);
    await tabTo(page, 'scorecard-export', 120);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^mco-scorecard_2026-11-01_2026-11-25_2026-11-25-10\d\d\.csv$/);
    await page.getByRole('status').filter({ hasText: 'Saved the scorecard as' }).waitFor();
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    for (const secret of ['Maria', 'Lopez', '1234567A', 'Sam Ortiz', '7654321B', '555-0142', '261123-']) expect(text).not.toContain(secret);
    const lines = text.split('\r\n').map((l) => l.split(','));
    expect(lines[0]?.slice(0, 8)).toEqual([
      'Period from',
      'Period to',
      'MCO',
      'Referrals',
      'Referrals from the old log',
      'Member contacted by end of day',
      'End-of-day contact decided',
      '% member contacted by end of day',
    ]);
    expect(lines.map((l) => l.slice(0, 18).join(','))).toEqual([
      expect.stringContaining('Period from,Period to,MCO,'),
      '11/01/2026,11/25/2026,Iowa Total Care,1,0,1,1,100,0,0,1,1,100,0,0,0,0,1',
      '11/01/2026,11/25/2026,Molina Healthcare of Iowa,1,0,0,1,0,0,0,0,1,0,0,0,1,1,0',
      '11/01/2026,11/25/2026,Wellpoint Iowa,0,0,0,0,,0,0,0,0,,0,0,0,0,0',
      '11/01/2026,11/25/2026,All MCOs,2,0,1,2,50,0,0,1,2,50,0,0,1,1,1',
      '',
    ]);
    // Business hours to report-back are numbers; Molina's awaiting referral is in the 1–2 business days column.
    expect(lines[1]?.[18]).toMatch(HOURS);
    const header = lines[0] ?? [];
    expect(lines[2]?.[header.indexOf('Awaiting: 1–2 business days')]).toBe('1');
  });

  it('narrows to Molina by keyboard and exports an XLSX workbook with numbers as numbers', async () => {
    const { page } = session();
    await tabTo(page, 'scorecard-mco-molina', 80);
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await tableRows(page, 'Process figures per MCO')).map((r) => r[0]))
      .toEqual(['Molina Healthcare of Iowa', 'All chosen MCOs']);
    await tabAndPickRadio(page, 'scorecard-format-csv', 'Excel workbook (.xlsx)');
    expect(await page.locator('.file-name').textContent()).toMatch(
      /^mco-scorecard_2026-11-01_2026-11-25_molina-healthcare-of-iowa_2026-11-25-10\d\d\.xlsx$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, 'scorecard-export', 40);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('MCO scorecard');
    if (!ws) throw new Error('no MCO scorecard sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Period from', 'Period to', 'MCO', 'Referrals']);
    expect((ws.getRow(2).values as unknown[]).slice(3, 5)).toEqual(['Molina Healthcare of Iowa', 1]);
    expect((ws.getRow(2).getCell(1).value as Date).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect((ws.getRow(3).values as unknown[]).slice(3, 5)).toEqual(['All chosen MCOs', 1]);
    expect(ws.rowCount).toBe(3);
    expect(wb.getWorksheet('About this export')?.getRow(7).values).toEqual([
      undefined,
      'Member data',
      'None: the scorecard holds counts and times only',
    ]);
  });
});
