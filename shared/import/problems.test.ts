import { describe, expect, it } from 'vitest';
import type { TimeZone } from '../time/types';
import { analyseSheetNow } from './analyse';
import type { Cell } from './cells';
import { suggestMapping } from './fields';
import { problemsCsv } from './problems';
import { dateCell, importContext, LOG_2025_HEADERS } from './testing';

const HEADERS = [...LOG_2025_HEADERS];
const row = (name: string, id: string, dob: Cell): Cell[] => [
  dateCell(2025, 3, 3),
  dateCell(1899, 12, 30, 9, 15),
  'CSR',
  name,
  id,
  dob,
  'ITC',
  'H',
  'Insulin refill denied at pharmacy',
  '',
  null,
  null,
  '',
  '',
  null,
];

describe('the list of problems a lead saves', () => {
  it('names each row, cell and what is wrong, never what a member-identifier cell said', () => {
    const rows: Cell[][] = [
      HEADERS,
      row('Maria Lopez', 'MCD 4471-K', dateCell(1984, 3, 7)),
      row('Bob Stone', '1234567A', '13/45/1990'),
      row('', 'pending 99120', dateCell(1984, 3, 7)),
    ];
    const analysis = analyseSheetNow(rows, 0, suggestMapping(HEADERS), importContext());
    // The preview has what the cells said, to reveal; the list does not.
    expect(analysis.accepted.flatMap((r) => r.quotes.map((q) => q.text))).toEqual(['MCD 4471-K', '13/45/1990']);
    expect(analysis.rejected[0]?.quotes?.map((q) => q.text)).toEqual(['pending 99120']);
    const csv = problemsCsv(analysis, 'America/Chicago' as TimeZone);
    expect(csv).toContain('Cell E2 (Medicaid ID) is not a Medicaid ID');
    expect(csv).toContain('Cell F3 (Date of birth) is not a real date');
    expect(csv).toContain('the Medicaid ID in Cell E4 (Medicaid ID) cannot be read');
    for (const said of ['4471', '13/45/1990', '99120', 'Maria', 'Bob', 'Stone', 'Lopez']) expect(csv).not.toContain(said);
  });
});
