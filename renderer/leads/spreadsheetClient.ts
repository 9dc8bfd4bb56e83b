import { PlainWordsError } from '../../shared/errors';
import type { ParsedFile, SheetGrid } from '../../shared/import/cells';
import { IMPORT_FILE_ERRORS, type ImportFileError, ImportFileProblem } from '../../shared/import/sniff';
import { ROWS_PER_MESSAGE, type WorkerRequest, type WorkerResponse } from './spreadsheetProtocol';
import type { XlsxTable } from './writeXlsx';

export interface IoProgress {
  phase: 'reading' | 'sending' | 'writing';
  done: number;
  total: number;
}

/** Reading old log files and writing XLSX: in a worker where there is one, else on this thread (tests). */
export interface SpreadsheetIo {
  read(fileName: string, bytes: ArrayBuffer, onProgress?: (p: IoProgress) => void): Promise<ParsedFile>;
  writeXlsx(table: XlsxTable, onProgress?: (p: IoProgress) => void): Promise<Uint8Array>;
}

const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

const problemOf = (code: string, message: string): Error =>
  (IMPORT_FILE_ERRORS as readonly string[]).includes(code) ? new ImportFileProblem(code as ImportFileError, message) : new Error(message);

/** One worker per job, ended when the job ends: a large file's memory goes with it. */
function runInWorker<T>(
  start: (post: (m: WorkerRequest, transfer?: Transferable[]) => void) => Promise<void>,
  onMessage: (m: WorkerResponse, finish: (value: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./spreadsheet.worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.type === 'error') {
        end();
        reject(problemOf(m.code, m.message));
        return;
      }
      onMessage(m, (value) => {
        end();
        resolve(value);
      });
    };
    worker.onerror = (e) => {
      end();
      reject(new PlainWordsError(`The spreadsheet reader stopped: ${e.message || 'it could not start'}. Reload the app and try again.`));
    };
    start((m, transfer) => worker.postMessage(m, transfer ?? [])).catch((err: unknown) => {
      end();
      reject(err);
    });
  });
}

export const workerIo: SpreadsheetIo = {
  read(fileName, bytes, onProgress) {
    const sheets: SheetGrid[] = [];
    return runInWorker<ParsedFile>(
      async (post) => post({ id: 1, type: 'read', fileName, bytes }, [bytes]),
      (m, finish) => {
        if (m.type === 'progress') onProgress?.(m);
        else if (m.type === 'sheet') sheets.push({ name: m.name, rows: [] });
        else if (m.type === 'rows') {
          const rows = (sheets.at(-1) as SheetGrid).rows;
          for (const r of m.rows) rows.push(r);
        } else if (m.type === 'read-done') finish({ fileName: m.fileName, kind: m.kind, sheets });
      },
    );
  },
  writeXlsx(table, onProgress) {
    return runInWorker<Uint8Array>(
      async (post) => {
        const { rows, ...head } = table;
        post({ id: 1, type: 'xlsx-start', table: head });
        for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
          post({ id: 1, type: 'xlsx-rows', rows: rows.slice(i, i + ROWS_PER_MESSAGE) });
          onProgress?.({ phase: 'sending', done: Math.min(i + ROWS_PER_MESSAGE, rows.length), total: rows.length });
          await yieldToWindow();
        }
        post({ id: 1, type: 'xlsx-finish' });
      },
      (m, finish) => {
        if (m.type === 'progress') onProgress?.(m);
        else if (m.type === 'xlsx-done') finish(new Uint8Array(m.bytes));
      },
    );
  },
};

/** The same work on this thread, for environments without workers. */
export const inlineIo: SpreadsheetIo = {
  async read(fileName, bytes) {
    const { readSpreadsheet } = await import('./readSpreadsheet');
    return readSpreadsheet(fileName, new Uint8Array(bytes));
  },
  async writeXlsx(table) {
    const { buildXlsx } = await import('./writeXlsx');
    return buildXlsx(table);
  },
};

export const spreadsheetIo = (): SpreadsheetIo => (typeof Worker === 'undefined' ? inlineIo : workerIo);
