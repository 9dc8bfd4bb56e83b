import { SCHEMA_VERSION, storesOf } from '../migrations';
import {
  BackupError,
  CHECK_SLICE,
  checkRow,
  DERIVED_TABLES,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type ExportSummary,
  endLineSchema,
  headerSchema,
  type OnProgress,
  type Progress,
  rowsLineSchema,
  tick,
} from './format';
import { backupDbOf } from './store';
import { bytesStream, gunzipText, linesOf, readStream } from './stream';

/** Something that can be read from the start more than once (a check pass, then a restore pass). */
export interface ExportSource {
  lines(): AsyncIterable<string>;
  /** What it is, for messages ("The backup could not be restored…", "The file…"). */
  kind: 'backup' | 'file';
}

export function backupSource(sourceName: string, id: string): ExportSource {
  const store = backupDbOf(sourceName);
  return {
    kind: 'backup',
    lines: () =>
      linesOf(
        (async function* () {
          const backup = await store.backups.get(id);
          if (!backup?.complete) throw new BackupError('That backup is no longer on this desk.');
          for (let seq = 0; ; seq++) {
            const chunk = await store.chunks.get([id, seq]);
            if (!chunk) return;
            try {
              yield await gunzipText(chunk.data);
            } catch {
              throw new BackupError(`The backup is damaged (part ${seq + 1} cannot be read). Choose another backup.`);
            }
          }
        })(),
      ),
  };
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** A full export file chosen by the person (gzip, or the same lines uncompressed). */
export function fileSource(file: Blob & { name?: string }): ExportSource {
  return {
    kind: 'file',
    lines: () =>
      linesOf(
        (async function* () {
          const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
          const gz = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
          const raw: ReadableStream<BufferSource> =
            typeof file.stream === 'function'
              ? (file.stream() as ReadableStream<BufferSource>)
              : bytesStream(new Uint8Array(await file.arrayBuffer()));
          const decoded = (gz ? raw.pipeThrough(new DecompressionStream('gzip')) : raw).pipeThrough(
            new TextDecoderStream('utf-8', { fatal: true }),
          );
          try {
            for await (const text of readStream(decoded)) yield text;
          } catch (err) {
            if (err instanceof BackupError) throw err;
            throw new BackupError('This file is not a Liaison Log full export, or it is damaged (it cannot be decompressed as text).');
          }
        })(),
      ),
  };
}

/** Lines as the export writes them, from a string (tests, and a file read whole). */
export function textSource(text: string): ExportSource {
  return {
    kind: 'file',
    lines: () =>
      linesOf(
        (async function* () {
          yield text;
        })(),
      ),
  };
}

type Parsed = { kind: 'rows'; table: string; rows: unknown[] } | { kind: 'end'; counts: Record<string, number> };

function parseJsonLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`The file is damaged: record ${n} is not valid JSON. Nothing was changed.`);
  }
}

export function readHeader(line: string | undefined): ExportHeader {
  if (line === undefined) throw new BackupError('The file is empty. Choose a full export made by Liaison Log.');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError(
      'This file is not a Liaison Log full export (its first record is not readable). Choose a file made by “Export the full database”.',
    );
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== EXPORT_FORMAT)
    throw new BackupError('This file is not a Liaison Log full export. Choose a file made by “Export the full database”.');
  const r = headerSchema.safeParse(value);
  if (!r.success) {
    const fv = (value as { formatVersion?: unknown }).formatVersion;
    if (typeof fv === 'number' && fv > EXPORT_FORMAT_VERSION)
      throw new BackupError('This export was made by a newer version of Liaison Log. Update the app on this desk, then import it.');
    throw new BackupError(
      `The export's header is damaged (${r.error.issues[0]?.path.join('.') || 'header'}: ${r.error.issues[0]?.message}).`,
    );
  }
  if (r.data.schemaVersion > SCHEMA_VERSION)
    throw new BackupError(
      `This export holds a newer log (schema ${r.data.schemaVersion}; this app reads up to ${SCHEMA_VERSION}). Update Liaison Log on this desk, then import it.`,
    );
  return r.data;
}

/** Parses and checks every record after the header; yields them in order. Throws BackupError on the first problem. */
export async function* checkedRecords(
  header: ExportHeader,
  lines: AsyncIterator<string>,
  onProgress?: OnProgress,
  phase: Progress['phase'] = 'checking',
): AsyncGenerator<Parsed> {
  const stores = storesOf(header.schemaVersion);
  const seen: Record<string, number> = {};
  // Case numbers are unique in the log: two inquiries sharing one are refused here, before anything is written.
  const caseOwners = new Map<string, string>();
  const total = header.summary.events;
  let done = 0;
  let n = 1;
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new BackupError('The file was cut short (its last record is missing). Nothing was changed; use a complete copy.');
    n++;
    const value = parseJsonLine(next.value, n);
    const end = endLineSchema.safeParse(value);
    if (end.success) {
      for (const [table, count] of Object.entries(end.data.counts))
        if ((seen[table] ?? 0) !== count)
          throw new BackupError(
            `The file is damaged: it says it holds ${count} ${table} rows but ${seen[table] ?? 0} were found. Nothing was changed.`,
          );
      for (const table of Object.keys(seen))
        if (!(table in end.data.counts))
          throw new BackupError(`The file is damaged: ${table} rows are not accounted for. Nothing was changed.`);
      if (!(await lines.next()).done)
        throw new BackupError('The file is damaged: there is more after its last record. Nothing was changed.');
      yield { kind: 'end', counts: end.data.counts };
      return;
    }
    const rec = rowsLineSchema.safeParse(value);
    if (!rec.success) throw new BackupError(`The file is damaged: record ${n} is not a block of rows. Nothing was changed.`);
    const { table, rows } = rec.data;
    const spec = stores[table];
    if (spec === undefined || DERIVED_TABLES.has(table))
      throw new BackupError(`The file holds a table this version of the log does not have (“${table}”). Nothing was changed.`);
    const checked: unknown[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % CHECK_SLICE === 0) await tick();
      const r = checkRow(table, spec, rows[i]);
      if (!r.ok) {
        const index = (seen[table] ?? 0) + i + 1;
        throw new BackupError(
          `Row ${index.toLocaleString('en-US')} of ${table} is not valid (${r.problem.slice(0, 300)}). Nothing was changed.`,
        );
      }
      checked[i] = r.value;
      if (table === 'events') {
        const e = r.value as { type: string; inquiryId: string; payload: { caseNumber?: string } };
        if (e.type === 'InquiryLogged' && e.payload.caseNumber) {
          const owner = caseOwners.get(e.payload.caseNumber);
          if (owner === undefined) caseOwners.set(e.payload.caseNumber, e.inquiryId);
          else if (owner !== e.inquiryId)
            throw new BackupError(
              `The file is damaged: two inquiries in it have case number ${e.payload.caseNumber}. Nothing was changed.`,
            );
        }
      }
    }
    seen[table] = (seen[table] ?? 0) + rows.length;
    done += rows.length;
    onProgress?.({ phase, done, total });
    yield { kind: 'rows', table, rows: checked };
  }
}

/**
 * Reads the whole copy once and checks every row; nothing is written. Returns what a restore would
 * bring back, for the preview; throws BackupError saying what is wrong.
 */
export async function inspectExport(
  source: ExportSource,
  onProgress?: OnProgress,
  onRows?: (table: string, rows: unknown[]) => Promise<void>,
): Promise<ExportSummary> {
  const lines = source.lines()[Symbol.asyncIterator]();
  const header = readHeader((await lines.next()).value);
  let counts: Record<string, number> = {};
  let blocks = 0;
  for await (const r of checkedRecords(header, lines, onProgress)) {
    if (r.kind === 'end') counts = r.counts;
    // The checked rows, for a second look as they pass (the import's check of every hash chain).
    else await onRows?.(r.table, r.rows);
    if (++blocks % 4 === 0) await tick();
  }
  return { header, counts, inquiries: header.summary.inquiries, events: counts.events ?? 0 };
}
