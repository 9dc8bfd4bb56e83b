import { describe, expect, it } from 'vitest';
import { columnLetter, findHeaderRow, headersOf, normaliseHeader, suggestMapping } from './fields';
import { LOG_2025_HEADERS, LOG_2025_MAPPING } from './testing';

describe('normaliseHeader', () => {
  it('drops punctuation and reads # as number', () => {
    expect(normaliseHeader("Date Rec'd:")).toBe('date recd');
    expect(normaliseHeader('Medicaid #')).toBe('medicaid number');
    expect(normaliseHeader('Sub-Category')).toBe('sub category');
    expect(normaliseHeader('  Date\nResolved ')).toBe('date resolved');
    expect(normaliseHeader('Date Rec’d')).toBe('date recd');
  });
});

describe('suggestMapping: a mapping from the header names', () => {
  it("maps the 2025 log's headers", () => {
    expect(suggestMapping(LOG_2025_HEADERS)).toEqual(LOG_2025_MAPPING);
  });

  it("maps a CSV export's variants, first and last names apart", () => {
    const headers = [
      'Date Received',
      'Time Received',
      'Source',
      'Last Name',
      'First Name',
      'Medicaid #',
      'Health Plan',
      'Level',
      'Issue Description',
      'Notes',
      'Status',
      'Date Closed',
    ];
    expect(suggestMapping(headers)).toEqual([
      'receivedDate',
      'receivedTime',
      'source',
      'memberLastName',
      'memberFirstName',
      'medicaidId',
      'mco',
      'priority',
      'description',
      'updates',
      'status',
      'resolvedDate',
    ]);
  });

  it('finds longer headers by their words, and leaves unknown ones unmapped', () => {
    expect(suggestMapping(['Date Member Was Contacted', 'Issue/Concern', 'Favourite colour', 'Rec’d'])).toEqual([
      'contactedDate',
      'description',
      null,
      'receivedDate',
    ]);
  });

  it('gives each field one column: the exact name wins, then the leftmost', () => {
    expect(suggestMapping(['Date', 'Date Received', 'Notes', 'Comments'])).toEqual([null, 'receivedDate', 'updates', null]);
  });

  it('prefers what a person chose before for the same header', () => {
    expect(suggestMapping(['Date', 'Notes', 'Ref'], { notes: 'resolution', ref: null })).toEqual(['receivedDate', 'resolution', null]);
  });
});

describe('findHeaderRow', () => {
  it('skips title rows and blank rows above the header', () => {
    const rows = [
      ['MCO Member Escalations — Inquiry Log 2025'],
      ['Maintained by Member Services. Do not sort without selecting every column.'],
      [],
      ["Date Rec'd", 'Time', 'Referred By', 'Member Name'],
      ['3/3/2025', '9:15', 'CSR', 'Maria Lopez'],
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it('is null when no row names two known columns', () => {
    expect(findHeaderRow([['Quarterly totals'], ['Date', 42], [1, 2, 3]])).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });
});

describe('headersOf and columnLetter', () => {
  it('names blank header cells by their column letter', () => {
    expect(headersOf(['Date', null, ' Issue\n'], 4)).toEqual(['Date', 'Column B', 'Issue', 'Column D']);
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
