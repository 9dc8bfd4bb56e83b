import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { mariaRow, recordsFromRows, VICTOR_ROW } from '../report/testRecords';
import { createCalendar } from '../time/calendar';
import type { Instant, TimeZone } from '../time/types';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportContext } from './columns';
import { CSV_BOM, csvCell, csvHeader, csvRow, neutraliseFormula } from './csv';
import { chosenColumns, exportFileName, exportRow, revealsIdentifiers } from './exportPlan';

const zone = 'America/Chicago' as TimeZone;
const NOW = Date.parse('2025-03-24T20:00:00Z') as Instant;
const ctx: ExportContext = { config: DEFAULT_AGENCY_CONFIG, zone, now: NOW, calendar: createCalendar(), includeIdentifiers: false };

const [MARIA, VICTOR] = recordsFromRows([mariaRow('=HYPERLINK("http://x.invalid","refill")'), VICTOR_ROW], NOW);
if (!MARIA || !VICTOR) throw new Error('fixture rows missing');

const valuesOf = (ids: string[], r = MARIA, c = ctx) => {
  const cols = chosenColumns(ids);
  return Object.fromEntries(cols.map((col, i) => [col.id, exportRow(r, cols, c)[i]]));
};

describe('export columns', () => {
  it('masks member identifiers unless the lead includes them', () => {
    const ids = ['memberName', 'medicaidId', 'memberDob'];
    expect(valuesOf(ids)).toEqual({ memberName: 'M. L. •••', medicaidId: '•••••67A', memberDob: null });
    expect(valuesOf(ids, MARIA, { ...ctx, includeIdentifiers: true })).toEqual({
      memberName: 'Maria Lopez',
      medicaidId: '1234567A',
      memberDob: null,
    });
    expect(revealsIdentifiers(chosenColumns(ids), true)).toBe(true);
    expect(revealsIdentifiers(chosenColumns(['caseNumber']), true)).toBe(false);
    expect(revealsIdentifiers(chosenColumns(ids), false)).toBe(false);
  });

  it('computes first-contact timeliness, business hours, days open and the current due item', () => {
    const ids = [
      'firstContactTarget',
      'firstContactDeadline',
      'firstContactAt',
      'firstContactOutcome',
      'hoursToFirstContact',
      'hoursToResolution',
      'daysOpen',
      'currentDue',
      'resolution',
      'status',
    ];
    expect(valuesOf(ids)).toEqual({
      firstContactTarget: Date.parse('2025-03-03T17:15:00Z'),
      firstContactDeadline: Date.parse('2025-03-03T19:15:00Z'),
      firstContactAt: Date.parse('2025-03-03T16:05:00Z'),
      firstContactOutcome: 'Met target',
      hoursToFirstContact: 0.83,
      hoursToResolution: 11.25,
      daysOpen: 1,
      currentDue: '',
      resolution: 'Resolved by the MCO',
      status: 'Resolved',
    });
    expect(valuesOf(ids, VICTOR)).toMatchObject({
      firstContactOutcome: 'Missed deadline',
      hoursToFirstContact: null,
      daysOpen: 14,
      // The deadline governs once the target (12:00) has passed, and the lateness counts from it, in business days.
      currentDue: 'First contact: deadline 03/10/2025 14:00, late by 10 business days 1 h (overdue)',
      status: 'Open',
    });
  });

  it('starts with the columns a lead sends upward, each a known column', () => {
    expect(chosenColumns(DEFAULT_EXPORT_COLUMNS)).toHaveLength(DEFAULT_EXPORT_COLUMNS.length);
    expect(new Set(EXPORT_COLUMNS.map((c) => c.id)).size).toBe(EXPORT_COLUMNS.length);
  });
});

describe('CSV', () => {
  it('never lets typed text become a formula', () => {
    for (const attack of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '  =1+1', '＝1+1'])
      expect(neutraliseFormula(attack)).toBe(`'${attack}`);
    expect(neutraliseFormula('Refill denied')).toBe('Refill denied');
    expect(csvCell('=HYPERLINK("http://x.invalid","refill")', { kind: 'text' }, zone)).toBe(
      '"\'=HYPERLINK(""http://x.invalid"",""refill"")"',
    );
    // A negative number is a number, not a formula.
    expect(csvCell(-3, { kind: 'number' }, zone)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, and writes dates in the agency zone', () => {
    expect(csvCell('Lopez, Maria', { kind: 'text' }, zone)).toBe('"Lopez, Maria"');
    expect(csvCell('line 1\nline 2', { kind: 'text' }, zone)).toBe('"line 1\nline 2"');
    expect(csvCell(Date.parse('2025-03-03T15:15:00Z'), { kind: 'datetime' }, zone)).toBe('03/03/2025 09:15');
    expect(csvCell('1984-03-07', { kind: 'date' }, zone)).toBe('03/07/1984');
    expect(csvCell(null, { kind: 'datetime' }, zone)).toBe('');
    const cols = chosenColumns(['caseNumber', 'receivedAt', 'description']);
    expect(csvHeader(cols)).toBe('Case number,Received,Description\r\n');
    expect(csvRow(exportRow(MARIA, cols, ctx), cols, zone)).toBe(
      '250303-TESTD-900001,03/03/2025 09:15,"\'=HYPERLINK(""http://x.invalid"",""refill"")"\r\n',
    );
    expect(CSV_BOM).toBe('\uFEFF');
  });
});

describe('exportFileName', () => {
  it('names the view and the moment, and says so when member identifiers are in the file', () => {
    expect(exportFileName({ scope: 'All open (filtered)', now: NOW, zone, identifiers: false, format: 'xlsx' })).toBe(
      'liaison-log_all-open-filtered_2025-03-24-1500.xlsx',
    );
    expect(exportFileName({ scope: 'Whole log', now: NOW, zone, identifiers: true, format: 'csv' })).toBe(
      'liaison-log_whole-log_2025-03-24-1500_CONTAINS-MEMBER-IDENTIFIERS.csv',
    );
  });
});
