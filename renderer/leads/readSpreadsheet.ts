import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Cell, ParsedFile, SheetGrid } from '../../shared/import/cells';
import { ImportFileProblem, sniffSpreadsheet } from '../../shared/import/sniff';

/*
 * Reads an old log file into plain cells (shared/import/cells.ts). Runs in the spreadsheet worker
 * (spreadsheet.worker.ts) so a large workbook never freezes the window; also callable directly
 * where there are no workers (tests). Knows nothing of the log: everything after is shared/import.
 */

type ExcelValue = ExcelJS.CellValue;

/** One exceljs cell value as a plain cell: formulas by their result, rich text as text, dates as wall-clock fields. */
export function plainCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs turns Excel's zone-less serial into a Date whose UTC fields are the wall clock.
    if (Number.isNaN(v.getTime())) return null;
    return {
      kind: 'date',
      year: v.getUTCFullYear(),
      month: v.getUTCMonth() + 1,
      day: v.getUTCDate(),
      hour: v.getUTCHours(),
      minute: v.getUTCMinutes(),
      second: v.getUTCSeconds(),
    };
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plainCell((v as { result?: ExcelValue }).result ?? null);
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plainCell(v.text as ExcelValue);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Rows of one worksheet, index = row number − 1; merged cells hold their value once, in the top-left cell. */
function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      cells[col - 1] = plainCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name: ws.name, rows };
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileProblem(
      'unreadable_workbook',
      `"${fileName}" could not be read as an Excel workbook: it may be damaged, or be another kind of file. Open it in Excel and save it again as Excel Workbook (.xlsx) or CSV UTF-8, then import that file.`,
    );
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(gridOf);
  if (sheets.length === 0)
    throw new ImportFileProblem('unreadable_workbook', `"${fileName}" holds no worksheets. Choose the workbook that has the log in it.`);
  return { fileName, kind: 'xlsx', sheets };
}

function readCsv(fileName: string, bytes: Uint8Array, encoding: string): ParsedFile {
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const rows: Cell[][] = parsed.data.map((r) => (r.length === 1 && r[0] === '' ? [] : r));
  // A final line break leaves one empty row behind.
  while (rows.length > 0 && (rows.at(-1) as Cell[]).length === 0) rows.pop();
  return { fileName, kind: 'csv', sheets: [{ name: fileName.replace(/\.[^.]+$/, '') || 'CSV', rows }] };
}

/** Reads an XLSX or CSV file; throws ImportFileProblem with a message a person can act on. */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<ParsedFile> {
  const kind = sniffSpreadsheet(fileName, bytes);
  const file = kind.kind === 'xlsx' ? await readXlsx(fileName, bytes) : readCsv(fileName, bytes, kind.encoding);
  if (file.sheets.every((s) => s.rows.every((r) => r.length === 0)))
    throw new ImportFileProblem('no_rows', `"${fileName}" has no rows with anything in them. Choose the file that holds the log.`);
  return file;
}
