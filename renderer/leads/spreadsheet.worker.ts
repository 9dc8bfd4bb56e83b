import { ImportFileProblem } from '../../shared/import/sniff';
import { readSpreadsheet } from './readSpreadsheet';
import { ROWS_PER_MESSAGE, type WorkerRequest, type WorkerResponse } from './spreadsheetProtocol';
import { buildXlsx, type XlsxTable } from './writeXlsx';

/*
 * The spreadsheet worker: reads old log files and writes XLSX exports off the window's thread, so a
 * 100,000-row workbook never freezes the screen. Started by spreadsheetClient.ts.
 */

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (m: WorkerResponse, transfer?: Transferable[]) => scope.postMessage(m, transfer ?? []);

const exports = new Map<number, XlsxTable>();

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.type) {
    case 'read': {
      post({ id: req.id, type: 'progress', phase: 'reading', done: 0, total: req.bytes.byteLength });
      const file = await readSpreadsheet(req.fileName, new Uint8Array(req.bytes));
      const total = file.sheets.reduce((n, s) => n + s.rows.length, 0);
      let sent = 0;
      for (const sheet of file.sheets) {
        post({ id: req.id, type: 'sheet', name: sheet.name, rowCount: sheet.rows.length });
        for (let i = 0; i < sheet.rows.length; i += ROWS_PER_MESSAGE) {
          const rows = sheet.rows.slice(i, i + ROWS_PER_MESSAGE);
          post({ id: req.id, type: 'rows', rows });
          sent += rows.length;
          post({ id: req.id, type: 'progress', phase: 'sending', done: sent, total });
        }
      }
      post({ id: req.id, type: 'read-done', fileName: file.fileName, kind: file.kind });
      return;
    }
    case 'xlsx-start':
      exports.set(req.id, { ...req.table, rows: [] });
      return;
    case 'xlsx-rows': {
      const table = exports.get(req.id);
      if (table) for (const r of req.rows) table.rows.push(r);
      return;
    }
    case 'xlsx-finish': {
      const table = exports.get(req.id);
      exports.delete(req.id);
      if (!table) throw new Error('The export was not started.');
      const total = table.rows.length;
      const bytes = await buildXlsx(table, (done) => post({ id: req.id, type: 'progress', phase: 'writing', done, total }));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      post({ id: req.id, type: 'xlsx-done', bytes: buffer }, [buffer]);
      return;
    }
  }
}

scope.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => {
    const code = err instanceof ImportFileProblem ? err.code : 'failed';
    post({ id: e.data.id, type: 'error', code, message: err instanceof Error ? err.message : String(err) });
  });
};
