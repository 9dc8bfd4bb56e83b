import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { Cell } from './cells';
import { guessMapping } from './valueMapping';

const grid = (headers: string[], rows: string[][]): Cell[][] => [headers, ...rows];

describe('guessMapping: from the values, not only the header', () => {
  it('takes the column of sources as the source, and "Referred By" of names as the originator', () => {
    const headers = ['Date Received', 'Referred By', 'Source', 'Member Name', 'Issue'];
    const rows = grid(headers, [
      ['7/1/2025', 'Rep. Example office', 'Legislative Liaison', 'Ann Example', 'Insulin refill denied'],
      ['7/1/2025', 'Jo Banks', 'Call Center CSR', 'Bob Sample', 'Ride did not show'],
      ['7/2/2025', 'K. Ellis', 'Managed Care Ombudsman', 'Cara Placeholder', 'Wheelchair repair'],
    ]);
    const g = guessMapping(headers, rows, 0, DEFAULT_AGENCY_CONFIG);
    expect(g.mapping).toEqual(['receivedDate', 'originatorName', 'source', 'memberName', 'description']);
    expect(g.why[2]).toBe("3 of the first 3 values are sources of the app's list.");
    expect(g.why[1]).toBe(
      'Its values are people and offices more than sources, and "Source" holds the sources: imported as the originator.',
    );
    expect(g.why[4]).toBe(
      'The column name "Issue" reads as the issue, and its values are free text (0 of 3 are categories): imported as the description.',
    );
  });

  it('takes "Issue" as the category when its values are the taxonomy, and "Details" as the description', () => {
    const headers = ['Date Received', 'Member Name', 'Issue', 'Details'];
    const rows = grid(headers, [
      ['7/1/2025', 'Ann Example', 'Pharmacy', 'Insulin refill denied'],
      ['7/1/2025', 'Bob Sample', 'Transportation', 'Ride did not show'],
      ['7/2/2025', 'Cara Placeholder', 'Durable medical equipment', 'Wheelchair repair'],
    ]);
    const g = guessMapping(headers, rows, 0, DEFAULT_AGENCY_CONFIG);
    expect(g.mapping).toEqual(['receivedDate', 'memberName', 'category', 'description']);
    expect(g.why[2]).toBe('3 of the first 3 values are categories of the taxonomy: imported as the category.');
    expect(g.why[3]).toBe('"Issue" holds the categories, so this column is the description.');
  });

  it('keeps what a person chose before', () => {
    const headers = ['Date Received', 'Referred By', 'Source', 'Member Name'];
    const rows = grid(headers, [['7/1/2025', 'Call center', 'Legislative Liaison', 'Ann Example']]);
    const g = guessMapping(headers, rows, 0, DEFAULT_AGENCY_CONFIG, { 'referred by': 'source', source: null });
    expect(g.mapping).toEqual(['receivedDate', 'source', null, 'memberName']);
    expect(g.why[2]).toBe('You chose not to import "Source" before.');
  });
});
