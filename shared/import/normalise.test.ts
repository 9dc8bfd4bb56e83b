import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { Instant } from '../time/types';
import { analyseSheetNow, mappingProblems } from './analyse';
import type { Cell, DateCell } from './cells';
import { suggestMapping } from './fields';
import { type ImportedRow, normaliseRow, splitNote } from './normalise';
import { dateCell, importContext, LOG_2025_HEADERS } from './testing';
import { mcoOf, priorityOf, resolutionTypeOf, sourceOf, statusOf } from './vocabulary';

const ctx = importContext([{ id: 'p-dana', name: 'Dana Whitfield' }]);
const at = (iso: string) => Date.parse(iso) as Instant;
const d = dateCell;
const t = (hour: number, minute: number): DateCell => d(1899, 12, 30, hour, minute);

const HEADERS = [...LOG_2025_HEADERS];
const MAPPING = suggestMapping(HEADERS);

function accepted(cells: Cell[]): ImportedRow {
  const out = normaliseRow(cells, 7, MAPPING, ctx);
  if (out.kind !== 'accepted') throw new Error(`expected the row to be accepted, got ${JSON.stringify(out)}`);
  return out.row;
}
const rejection = (cells: Cell[]) => normaliseRow(cells, 9, MAPPING, ctx);

const MARIA: Cell[] = [
  d(2025, 3, 3),
  t(9, 15),
  'CSR',
  'Maria Lopez',
  '1234567a',
  d(1984, 3, 7),
  'ITC',
  'H',
  'Insulin refill denied at pharmacy; 2 days of supply left.',
  'Dana Whitfield',
  d(2025, 3, 3, 10, 5),
  d(2025, 3, 3, 10, 40),
  '3/3 spoke w/ member, confirmed pharmacy\r\n3/3 sent to ITC Pharmacy, ref 55821',
  'ITC approved override, member picked up refill',
  d(2025, 3, 4),
];

describe('normaliseRow: a row of the old log as an inquiry and its history', () => {
  it('reads a fully worked row: Excel dates and times, abbreviations, multi-line updates', () => {
    const row = accepted(MARIA);
    expect(row.fields).toEqual({
      receivedAt: at('2025-03-03T15:15:00Z'), // 9:15 am CST
      source: 'Call Center CSR',
      originatorName: '',
      originatorContact: '',
      memberName: 'Maria Lopez',
      medicaidId: '1234567A',
      memberDob: '1984-03-07',
      memberPhone: '',
      callbackPhone: '',
      callbackAvailability: '',
      mcoEnrollment: 'enrolled',
      mcoId: 'itc',
      priority: 'high',
      category: '',
      subcategory: '',
      description: 'Insulin refill denied at pharmacy; 2 days of supply left.',
      expectedOutcome: '',
      rootCause: '',
      assignee: { id: 'p-dana', name: 'Dana Whitfield' },
    });
    expect(row.receivedTimeKnown).toBe(true);
    expect(row.contactedAt).toBe(at('2025-03-03T16:05:00Z'));
    expect(row.mcoReferral).toEqual({ at: at('2025-03-03T16:40:00Z'), mcoId: 'itc', department: '', contact: '' });
    expect(row.updates).toBe('3/3 spoke w/ member, confirmed pharmacy\n3/3 sent to ITC Pharmacy, ref 55821');
    // A date with no time is taken as noon.
    expect(row.resolution).toEqual({ at: at('2025-03-04T18:00:00Z'), type: 'mco', text: 'ITC approved override, member picked up refill' });
    expect(row.warnings).toEqual([]);
    expect(row.rowNumber).toBe(7);
    expect(row.cells[0]).toBe('3/3/2025');
    expect(row.cells[1]).toBe('9:15');
    expect(row.key).toBe('row|2025-03-03|1234567a|maria lopez|insulin refill denied at pharmacy 2 days of supply left');
  });

  it('reads typed dates and splits "Ombudsman - name" into the source and the originator', () => {
    const row = accepted([
      '3/4/25 2:05 PM',
      null,
      'Ombudsman - K. Ellis',
      'Lopez, Jorge',
      '2345678B',
      '5/12/61',
      'Molina',
      'Escalated',
      'Wheelchair repair authorization pending 3 weeks.',
      'Tom Reyes',
      '3/5/2025',
      '3/6/2025',
      'LVM 3/5',
      'Molina DME approved repair',
      '3/20/2025',
    ]);
    expect(row.fields.receivedAt).toBe(at('2025-03-04T20:05:00Z'));
    expect(row.fields.source).toBe('Managed Care Ombudsman');
    expect(row.fields.originatorName).toBe('K. Ellis');
    expect(row.fields.memberName).toBe('Jorge Lopez');
    expect(row.fields.memberDob).toBe('1961-05-12');
    expect(row.fields.mcoId).toBe('molina');
    expect(row.fields.priority).toBe('escalated');
    // Not a person on this desk: kept by name.
    expect(row.fields.assignee).toEqual({ id: 'legacy:tom-reyes', name: 'Tom Reyes' });
    expect(row.contactedAt).toBe(at('2025-03-05T18:00:00Z'));
  });

  it('takes a date-only value on the day received as the received time when noon would be earlier', () => {
    const cells = [...MARIA];
    cells[1] = t(14, 30);
    cells[10] = d(2025, 3, 3);
    const row = accepted(cells);
    expect(row.fields.receivedAt).toBe(at('2025-03-03T20:30:00Z'));
    expect(row.contactedAt).toBe(at('2025-03-03T20:30:00Z'));
  });

  it('imports FFS members as not enrolled, and unknown MCOs as written, with a warning', () => {
    const ffs = [...MARIA];
    ffs[6] = 'FFS';
    ffs[11] = null;
    const a = accepted(ffs);
    expect(a.fields.mcoEnrollment).toBe('not_enrolled');
    expect(a.fields.mcoId).toBe('');
    expect(a.resolution?.type).toBe('agency');
    const united = [...MARIA];
    united[6] = 'UnitedHealthcare';
    const b = accepted(united);
    expect(b.fields.mcoId).toBe('UnitedHealthcare');
    expect(b.warnings).toEqual([
      'MCO "UnitedHealthcare" is not in the MCO directory: kept as written. Add it, or add the name as an alias, and re-import to match it.',
    ]);
  });

  it('imports a missing or unknown priority as Escalated, saying so', () => {
    const none = [...MARIA];
    none[7] = '';
    expect(accepted(none).fields.priority).toBe('escalated');
    expect(accepted(none).warnings).toEqual(['No priority: imported as Escalated.']);
    const odd = [...MARIA];
    odd[7] = 'Medium-ish';
    expect(accepted(odd).warnings).toEqual(['Priority "Medium-ish" is not known: imported as Escalated.']);
  });

  it('leaves out a Medicaid ID it cannot read, naming the cell; what it said is kept apart from the warning (member data)', () => {
    const cells = [...MARIA];
    cells[4] = '89012';
    const row = accepted(cells);
    expect(row.fields.medicaidId).toBe('');
    expect(row.warnings).toEqual([
      "Cell E7 (Medicaid ID) is not a Medicaid ID (7 digits followed by a capital letter, for example 1234567A): left out; the row's audit copy keeps what it says.",
    ]);
    expect(row.warnings.join(' ')).not.toContain('89012');
    expect(row.quotes).toEqual([{ cell: 'Cell E7 (Medicaid ID)', field: 'medicaidId', text: '89012' }]);
    expect(row.cells[4]).toBe('89012');
  });

  it('leaves out an impossible date of birth, naming the cell and what it said', () => {
    const cells = [...MARIA];
    cells[5] = '13/45/1990';
    const row = accepted(cells);
    expect(row.fields.memberDob).toBe('');
    expect(row.warnings).toEqual([
      "Cell F7 (Date of birth) is not a real date: the date of birth is left out; the row's audit copy keeps what it says.",
    ]);
    expect(row.quotes).toEqual([{ cell: 'Cell F7 (Date of birth)', field: 'memberDob', text: '13/45/1990' }]);
    expect(row.cells[5]).toBe('13/45/1990');
    cells[5] = '3/7/2031';
    expect(accepted(cells).warnings).toEqual([
      "Cell F7 (Date of birth) is in the future: the date of birth is left out; the row's audit copy keeps what it says.",
    ]);
    expect(accepted(cells).quotes).toEqual([{ cell: 'Cell F7 (Date of birth)', field: 'memberDob', text: '3/7/2031' }]);
  });

  it('rejects a row that names no member at all, with that reason, even when it has an issue', () => {
    const cells = [...MARIA];
    cells[3] = '';
    cells[4] = '';
    expect(rejection(cells)).toEqual({
      kind: 'rejected',
      rowNumber: 9,
      reason: 'The row names no member: no member name and no Medicaid ID. Add either and import again.',
    });
    cells[4] = 'unknown';
    expect(rejection(cells)).toEqual({
      kind: 'rejected',
      rowNumber: 9,
      reason:
        'The row names no member: no member name, and the Medicaid ID in Cell E9 (Medicaid ID) cannot be read. Add the name or a readable ID and import again.',
      quotes: [{ cell: 'Cell E9 (Medicaid ID)', field: 'medicaidId', text: 'unknown' }],
    });
    // A name alone, or an ID alone, is enough.
    cells[3] = 'Maria Lopez';
    expect(accepted(cells).fields.memberName).toBe('Maria Lopez');
    cells[3] = '';
    cells[4] = '1234567A';
    expect(accepted(cells).fields.medicaidId).toBe('1234567A');
  });

  it('reads a midnight instant in the date column as the civil day it names, with the time column', () => {
    for (const instant of ['2025-07-01T00:00:00+00:00', '2025-07-01T00:00:00Z', '2025-07-01T00:00:00', '2025-07-01T00:00:00.000-05:00']) {
      const cells = [...MARIA];
      cells[0] = instant;
      cells[1] = '11:03 AM';
      cells[10] = null;
      cells[11] = null;
      cells[14] = null;
      const row = accepted(cells);
      expect([instant, row.fields.receivedAt]).toEqual([instant, at('2025-07-01T16:03:00Z')]); // 11:03 CDT
      expect(row.receivedTimeKnown).toBe(true);
    }
    // The same for an Excel serial date and text dates, midnight written or not.
    for (const date of [45839, '45839', '7/1/2025', '7/1/2025 12:00:00 AM', '7/1/2025 0:00', d(2025, 7, 1)] as Cell[]) {
      const cells = [...MARIA];
      cells[0] = date;
      cells[1] = t(11, 3);
      cells[10] = null;
      cells[11] = null;
      cells[14] = null;
      expect([date, accepted(cells).fields.receivedAt]).toEqual([date, at('2025-07-01T16:03:00Z')]);
    }
    // An instant that is not midnight is the moment it names.
    const cells = [...MARIA];
    cells[0] = '2025-07-01T16:03:00Z';
    cells[1] = null;
    cells[10] = null;
    cells[11] = null;
    cells[14] = null;
    expect(accepted(cells).fields.receivedAt).toBe(at('2025-07-01T16:03:00Z'));
  });

  it('leaves out an unreadable or impossible contact date with a warning', () => {
    const cells = [...MARIA];
    cells[10] = 'next day';
    const row = accepted(cells);
    expect(row.contactedAt).toBeNull();
    expect(row.warnings).toEqual(['Date contacted: "next day" is not a date (use m/d/yyyy, for example 3/2/2024); left out.']);
    cells[10] = '3/1/2025';
    expect(accepted(cells).warnings).toEqual(['Date contacted: 3/1/2025 is before the date received; left out.']);
  });

  it('treats "Pending" and "N/A" in a date column as blank', () => {
    const cells = [...MARIA];
    cells[14] = 'Pending';
    cells[13] = '';
    const row = accepted(cells);
    expect(row.resolution).toBeNull();
    cells[14] = 'N/A';
    expect(accepted(cells).resolution).toBeNull();
  });

  it('keeps resolution text of an unresolved row as a note', () => {
    const cells = [...MARIA];
    cells[14] = '';
    expect(accepted(cells).extraNotes).toEqual(['Resolution (not closed in the old log):\nITC approved override, member picked up refill']);
  });

  it('reads how an inquiry ended from the resolution text', () => {
    const cells = [...MARIA];
    cells[13] = 'UTR after 2 attempts';
    expect(accepted(cells).resolution?.type).toBe('unable_to_reach');
    cells[13] = 'Member withdrew request, card arrived';
    expect(accepted(cells).resolution?.type).toBe('withdrawn');
    cells[13] = '';
    expect(accepted(cells).resolution?.text).toBe('Resolved (the old log has no resolution text).');
  });

  it('rejects rows it cannot date, with the reason', () => {
    const noDate = [...MARIA];
    noDate[0] = '';
    expect(rejection(noDate)).toEqual({ kind: 'rejected', rowNumber: 9, reason: 'No date received.' });
    const bad = [...MARIA];
    bad[0] = '3/32/2025';
    expect(rejection(bad)).toEqual({ kind: 'rejected', rowNumber: 9, reason: 'Date received: "3/32/2025" is not a real date.' });
    const future = [...MARIA];
    future[0] = '1/15/2031';
    expect(rejection(future)).toEqual({ kind: 'rejected', rowNumber: 9, reason: 'Date received (1/15/2031) is in the future.' });
    const ancient = [...MARIA];
    ancient[0] = '1/15/1925';
    expect(rejection(ancient)).toEqual({
      kind: 'rejected',
      rowNumber: 9,
      reason: 'Date received (1/15/1925) is before 1990: check the year.',
    });
    const backwards = [...MARIA];
    backwards[14] = d(2025, 3, 1);
    expect(rejection(backwards)).toEqual({
      kind: 'rejected',
      rowNumber: 9,
      reason: 'Date resolved: 3/1/2025 is before the date received.',
    });
  });

  it('rejects total and note rows that name no member and no issue', () => {
    const total: Cell[] = [d(2025, 3, 31), null, null, null, null, null, null, null, null, 'Total: 42'];
    expect(rejection(total)).toEqual({
      kind: 'rejected',
      rowNumber: 9,
      reason: 'The row names no member and no issue: nothing to import (a title, total or note row?).',
    });
  });

  it('closes a row whose status says closed, at its last date, and says so', () => {
    const headers = ['Date Received', 'Member Name', 'Issue Description', 'Status', 'Date Contacted'];
    const mapping = suggestMapping(headers);
    const out = normaliseRow(['11/7/2024 16:10', 'Test Member', 'Denied transport', 'Closed', '11/8/2024'], 4, mapping, ctx);
    expect(out.kind).toBe('accepted');
    if (out.kind !== 'accepted') return;
    expect(out.row.resolution).toEqual({
      at: at('2024-11-08T18:00:00Z'),
      type: 'agency',
      text: 'Resolved (the old log has no resolution text).',
    });
    expect(out.row.warnings).toEqual([
      'No priority: imported as Escalated.',
      'Status says Closed but there is no date resolved: resolved as of 11/8/2024.',
    ]);
  });

  it('shortens an issue longer than the field holds, keeping the full text as a note', () => {
    const cells = [...MARIA];
    cells[8] = 'x'.repeat(5000);
    const row = accepted(cells);
    expect(row.fields.description).toHaveLength(4000);
    expect(row.extraNotes[0]).toBe(`Issue, full text from the old log:\n${'x'.repeat(5000)}`);
  });

  it('is blank for a row of empty cells', () => {
    expect(normaliseRow([null, '  ', ''], 3, MAPPING, ctx)).toEqual({ kind: 'blank', rowNumber: 3 });
  });
});

describe('vocabulary', () => {
  it('knows priority words and abbreviations', () => {
    const id = (text: string) => priorityOf(text, DEFAULT_AGENCY_CONFIG)?.id ?? null;
    expect(['H', 'high', 'High Priority', 'HP', 'Urgent', 'High - same day'].map(id)).toEqual([
      'high',
      'high',
      'high',
      'high',
      'high',
      'high',
    ]);
    expect(['E', 'Esc', 'Esc.', 'ESCALATED', 'Standard', 'Escalated (ESR)'].map(id)).toEqual([
      'escalated',
      'escalated',
      'escalated',
      'escalated',
      'escalated',
      'escalated',
    ]);
    expect(id('whenever')).toBeNull();
  });

  it('knows sources, and what else a "Referred by" cell says', () => {
    expect(sourceOf('CSR')).toEqual({ source: 'Call Center CSR', rest: '' });
    expect(sourceOf('ESR (Tom)')).toEqual({ source: 'Enrollment Service Representative', rest: 'Tom' });
    expect(sourceOf('Leg. Liaison')).toEqual({ source: 'Legislative Liaison', rest: '' });
    expect(sourceOf('Rep. Alvarez office')).toEqual({ source: 'Legislative Liaison', rest: 'Alvarez office' });
    expect(sourceOf('MSAM')).toEqual({ source: 'Member Services Account Manager', rest: '' });
    expect(sourceOf('Jane Smith')).toBeNull();
  });

  it('matches MCOs by name and by the aliases in the directory', () => {
    const c = DEFAULT_AGENCY_CONFIG;
    expect(mcoOf('Amerigroup', c)).toEqual({ kind: 'mco', id: 'wellpoint' });
    expect(mcoOf('Iowa Total Care (ITC)', c)).toEqual({ kind: 'mco', id: 'itc' });
    expect(mcoOf('molina - pharmacy', c)).toEqual({ kind: 'mco', id: 'molina' });
    expect(mcoOf('FFS', c)).toEqual({ kind: 'not_enrolled' });
    expect(mcoOf('Aetna Better Health', c)).toEqual({ kind: 'unknown_name', text: 'Aetna Better Health' });
    const withAlias = { ...c, mcos: c.mcos.map((m) => (m.id === 'itc' ? { ...m, aliases: [...m.aliases, 'Total Care IA'] } : m)) };
    expect(mcoOf('total care ia', withAlias)).toEqual({ kind: 'mco', id: 'itc' });
  });

  it('reads status and resolution words', () => {
    expect(['Closed', 'resolved', 'Open', 'Pending MCO', 'maybe'].map(statusOf)).toEqual(['closed', 'closed', 'open', 'open', null]);
    expect(resolutionTypeOf('Unable to reach member after 2 attempts', true)).toBe('unable_to_reach');
    expect(resolutionTypeOf('Routed to unit lead for callback', false)).toBe('unit_lead');
    expect(resolutionTypeOf('Explained the PA process', false)).toBe('agency');
    expect(resolutionTypeOf('Explained the PA process', true)).toBe('mco');
  });
});

describe('analyseSheet', () => {
  const rows: Cell[][] = [['Inquiry Log'], [], HEADERS, MARIA, [], ['3/32/2025', null, 'CSR', 'Robert Brown'], MARIA, ['Total open:']];
  const analysis = analyseSheetNow(rows, 2, MAPPING, ctx);

  it('counts rows to import, duplicates, rejections and blank rows with sheet row numbers', () => {
    expect(analysis.accepted.map((r) => r.rowNumber)).toEqual([4]);
    expect(analysis.duplicates).toEqual([{ rowNumber: 7, firstRow: 4 }]);
    expect(analysis.rejected).toEqual([
      { rowNumber: 6, reason: 'Date received: "3/32/2025" is not a real date.' },
      { rowNumber: 8, reason: 'Date received: "Total open:" is not a date (use m/d/yyyy, for example 3/2/2024).' },
    ]);
    expect(analysis.blank).toBe(1);
    expect(analysis.dataRows).toBe(4);
  });

  it('names what a mapping lacks before reading rows', () => {
    expect(mappingProblems(MAPPING, HEADERS)).toEqual([]);
    expect(mappingProblems([null, 'description', 'description'], ['A', 'B', 'C'])).toEqual([
      'Choose the column that holds the date received: every inquiry needs one.',
      '"Description (issue)" is chosen for 2 columns ("B", "C"): choose it for one only.',
      'Choose the member name or Medicaid ID column: a row that names no member cannot become an inquiry.',
    ]);
  });
});

describe('splitNote', () => {
  it('splits at line breaks so each part fits a note', () => {
    const text = `${'a'.repeat(6000)}\n${'b'.repeat(6000)}`;
    expect(splitNote(text)).toEqual(['a'.repeat(6000), 'b'.repeat(6000)]);
    expect(splitNote('short')).toEqual(['short']);
  });
});
