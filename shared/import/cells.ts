/**
 * A spreadsheet as the import reads it: plain values only, the same for XLSX and CSV, so every rule
 * after reading is pure and testable. Readers (renderer/leads/readSpreadsheet.ts) turn exceljs and
 * papaparse output into this.
 */

/**
 * A cell Excel stored as a date (or a time): the wall-clock fields it shows. Excel has no time zone,
 * so these are read as the agency's local time. A time-only cell has Excel's day zero (1899-12-30).
 */
export interface DateCell {
  kind: 'date';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type Cell = string | number | boolean | null | DateCell;

export interface SheetGrid {
  name: string;
  /** rows[i] is the sheet's row i + 1, as a spreadsheet program numbers it; empty rows are []. */
  rows: Cell[][];
}

export type SpreadsheetKind = 'xlsx' | 'csv';

export interface ParsedFile {
  fileName: string;
  kind: SpreadsheetKind;
  sheets: SheetGrid[];
}

export const isDateCell = (c: Cell): c is DateCell => typeof c === 'object' && c !== null && c.kind === 'date';

/** Excel's day zero: a date cell on it holds a time only. */
export const isTimeOnlyCell = (c: DateCell): boolean => c.year < 1900;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A cell as text, the way a person would read it in the spreadsheet (dates as m/d/yyyy h:mm). */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Math.round(c * 1e6) / 1e6);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  const time = `${c.hour}:${pad2(c.minute)}`;
  if (isTimeOnlyCell(c)) return time;
  const day = `${c.month}/${c.day}/${c.year}`;
  return c.hour === 0 && c.minute === 0 && c.second === 0 ? day : `${day} ${time}`;
}

export const isBlankCell = (c: Cell | undefined): boolean => c === undefined || c === null || (typeof c === 'string' && c.trim() === '');

export const isBlankRow = (row: readonly Cell[] | undefined): boolean => !row || row.every(isBlankCell);
