import ExcelJS from 'exceljs';
import type { ExportKind, ExportValue } from '../../shared/export/columns';
import { type Instant, isInstant, type TimeZone } from '../../shared/time/types';
import { asTimeZone, zonedParts } from '../../shared/time/zone';

/** What the XLSX writer needs: plain values, so the table can cross to the worker. */
export interface XlsxTable {
  sheetName: string;
  zone: string;
  columns: { header: string; kind: ExportKind; width: number }[];
  rows: ExportValue[][];
  /** Label/value lines for the "About this export" sheet. */
  about: [string, string][];
}

const DATETIME_FORMAT = 'mm/dd/yyyy hh:mm';
const DATE_FORMAT = 'mm/dd/yyyy';

/** An instant as the wall-clock Date exceljs writes as an Excel serial (Excel has no time zones). */
function wallDate(at: Instant, zone: TimeZone): Date {
  const p = zonedParts(at, zone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

function cellValue(v: ExportValue, kind: ExportKind, zone: TimeZone): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (kind === 'datetime' && typeof v === 'number' && isInstant(v)) return wallDate(v, zone);
  if (kind === 'date' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  // Text stays a text cell: a value starting with "=" is stored as a string, never as a formula.
  return v;
}

/**
 * Builds the workbook: the table on the first sheet (bold frozen header with filters, real date
 * cells in the agency's time, numbers as numbers, text as text), and "About this export" beside it.
 */
export async function buildXlsx(table: XlsxTable, onProgress?: (rows: number) => void): Promise<Uint8Array> {
  const zone = asTimeZone(table.zone); // a name sent to the worker: checked again here
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liaison Log';
  const ws = wb.addWorksheet(table.sheetName.slice(0, 31) || 'Inquiries', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'datetime' ? { numFmt: DATETIME_FORMAT } : c.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EAF3' } };
  header.alignment = { vertical: 'top', wrapText: true };
  const kinds = table.columns.map((c) => c.kind);
  table.rows.forEach((values, i) => {
    ws.addRow(values.map((v, c) => cellValue(v, kinds[c] ?? 'text', zone)));
    if (onProgress && i % 5000 === 4999) onProgress(i + 1);
  });
  if (table.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const about = wb.addWorksheet('About this export');
  about.columns = [{ width: 28 }, { width: 80 }];
  for (const [label, value] of table.about) about.addRow([label, value]);
  about.getColumn(1).font = { bold: true };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
