import type { ExportValue } from '../../shared/export/columns';
import type { Cell, SpreadsheetKind } from '../../shared/import/cells';
import type { XlsxTable } from './writeXlsx';

/** Messages to the spreadsheet worker. Large row sets travel in chunks so no single message stalls the window. */
export type WorkerRequest =
  | { id: number; type: 'read'; fileName: string; bytes: ArrayBuffer }
  | { id: number; type: 'xlsx-start'; table: Omit<XlsxTable, 'rows'> }
  | { id: number; type: 'xlsx-rows'; rows: ExportValue[][] }
  | { id: number; type: 'xlsx-finish' };

export type WorkerResponse =
  | { id: number; type: 'progress'; phase: 'reading' | 'sending' | 'writing'; done: number; total: number }
  | { id: number; type: 'sheet'; name: string; rowCount: number }
  | { id: number; type: 'rows'; rows: Cell[][] }
  | { id: number; type: 'read-done'; fileName: string; kind: SpreadsheetKind }
  | { id: number; type: 'xlsx-done'; bytes: ArrayBuffer }
  | { id: number; type: 'error'; code: string; message: string };

/** Rows per message. */
export const ROWS_PER_MESSAGE = 2000;
