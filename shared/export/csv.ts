import { isInstant, type TimeZone } from '../time/types';
import { type ExportColumn, type ExportValue, formatDateTime, formatDay } from './columns';

/*
 * CSV as spreadsheet programs open it cleanly: UTF-8 with a byte-order mark (so Excel reads "Peña"
 * right), CRLF line ends, RFC 4180 quoting, dates as mm/dd/yyyy hh:mm in the agency's zone.
 */

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a tab or line break first, also
 * after leading spaces, and their full-width forms) gets an apostrophe in front: the cell then
 * shows the text and never runs it (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
  return /^[\s\u3000]*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One value as CSV text. Numbers and dates are written as such; everything else is neutralised text. */
export function csvCell(value: ExportValue, column: Pick<ExportColumn, 'kind'>, zone: TimeZone): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (column.kind === 'datetime' && isInstant(value)) return formatDateTime(value, zone);
    return Number.isFinite(value) ? String(value) : '';
  }
  if (column.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  return quote(neutraliseFormula(value));
}

export function csvHeader(columns: readonly Pick<ExportColumn, 'header'>[]): string {
  return columns.map((c) => quote(neutraliseFormula(c.header))).join(',') + CRLF;
}

export function csvRow(values: readonly ExportValue[], columns: readonly Pick<ExportColumn, 'kind'>[], zone: TimeZone): string {
  return values.map((v, i) => csvCell(v, columns[i] ?? { kind: 'text' }, zone)).join(',') + CRLF;
}

/** A whole table as a CSV file's text: byte-order mark, header, one CRLF line per row. */
export function csvFile(
  columns: readonly Pick<ExportColumn, 'header' | 'kind'>[],
  rows: readonly (readonly ExportValue[])[],
  zone: TimeZone,
): string {
  let text = CSV_BOM + csvHeader(columns);
  for (const values of rows) text += csvRow(values, columns, zone);
  return text;
}
