import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { parseEvent } from '../../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../../shared/inquiry/projection';
import { profileSchema } from '../../shared/people';
import { listedVersion } from './diskVersion';
import { declareSchema, SCHEMA_VERSION, storesOf } from './migrations';
import { timelinePages } from './migrations/refold';

/**
 * Backups and full exports of the desk's database.
 *
 * One format serves both: newline-separated JSON documents, gzip-compressed.
 *   line 1      {format, formatVersion, schemaVersion, createdAt, reason, appVersion, summary}
 *   then        {table, rows}   (at most ROWS_PER_LINE rows each; `events` first, `meta` last)
 *   last line   {end: true, counts}   (rows per table; a file without it was cut short)
 * The `inquiries` table is not written: it is the projection of `events` and is rebuilt from them on
 * restore, so a damaged or hand-edited file cannot put a row into the log that its timeline does not support.
 *
 * Backups live in a separate IndexedDB database (`<db>-backups`, so `liaison-log-backups`) as
 * compressed chunks; a full export is the same stream as one downloadable file. Everything read
 * back is validated in a first pass (nothing written on a bad file), and a restore replaces the
 * database in one transaction, after an automatic backup of the current state.
 */

export const EXPORT_FORMAT = 'liaison-log-export';
export const EXPORT_FORMAT_VERSION = 1;
/** Rows per record written: small enough that reading, encoding or checking one block never holds the main thread long. */
export const ROWS_PER_LINE = 500;
/** Rows per record accepted (earlier builds wrote 2,000). */
const MAX_ROWS_PER_LINE = 5000;
/** Rows checked between pauses that let the window paint and take input. */
const CHECK_SLICE = 250;
/** A line longer than this is refused before parsing (a sane line holds MAX_ROWS_PER_LINE rows: a few MB). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;
/** Text per stored backup chunk before compression: CompressionStream does its work on the main thread, so keep each piece small. */
const CHUNK_CHARS = 256 * 1024;
export const DEFAULT_KEEP = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Tables rebuilt from others, never exported. */
const DERIVED_TABLES = new Set(['inquiries']);

export const BACKUP_REASONS = ['daily', 'manual', 'before-upgrade', 'before-import', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily backup',
  manual: 'Backed up by hand',
  'before-upgrade': 'Before a schema upgrade',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
};

// ---------------------------------------------------------------------------------------------
// The format

const headerSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number().int().nonnegative(),
  reason: z.enum(BACKUP_REASONS).or(z.literal('export')),
  appVersion: z.string().max(40),
  /** For the preview: counted when the copy began. */
  summary: z.object({ inquiries: z.number().int().nonnegative(), events: z.number().int().nonnegative() }),
  /** The desk the copy came from (`meta.device`), shown before an import. */
  deskCode: z.string().max(16).nullable(),
});
export type ExportHeader = z.infer<typeof headerSchema>;

const rowsLineSchema = z.object({ table: z.string().min(1).max(64), rows: z.array(z.unknown()).max(MAX_ROWS_PER_LINE) });
const endLineSchema = z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int().nonnegative()) });

/** What a person can act on when a file or backup cannot be read. Nothing has been written when this is thrown. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A row as checked: its normalised value (what gets stored), or what is wrong with it. */
type RowCheck = (row: unknown) => { ok: true; value: unknown } | { ok: false; problem: string };
const zodCheck =
  (schema: z.ZodType): RowCheck =>
  (row) => {
    const r = schema.safeParse(row);
    return r.success
      ? { ok: true, value: r.data }
      : { ok: false, problem: r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ') };
  };

/**
 * How each known table's rows are checked. Tables added by later features get a generic check (an
 * object carrying its primary key) until they register a schema here.
 */
const ROW_CHECKS: Record<string, RowCheck> = {
  events: (row) => {
    const r = parseEvent(row);
    return r.ok ? { ok: true, value: r.event } : { ok: false, problem: r.message };
  },
  outbox: zodCheck(z.object({ eventId: z.string().min(1).max(40), hlc: z.string().min(1).max(120) })),
  meta: zodCheck(z.object({ key: z.string().min(1).max(200), value: z.unknown() })),
  profiles: zodCheck(profileSchema),
  drafts: zodCheck(
    z.object({
      id: z.string().min(1).max(200),
      profileId: z.string().max(64),
      savedAt: z.number().int().nonnegative(),
      values: z.record(z.string(), z.string().max(20_000)),
    }),
  ),
};

function primaryKeyPath(storeSpec: string): string | null {
  const first = storeSpec.split(',')[0]?.trim() ?? '';
  const path = first.replace(/^[&*+]+/, '');
  if (path === '' || path.startsWith('[')) return null;
  return path;
}

/** Exported for the fuzz tests: every row read from outside passes through here. */
export function checkRow(table: string, storeSpec: string, row: unknown): ReturnType<RowCheck> {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, problem: 'not a record' };
  const key = primaryKeyPath(storeSpec);
  if (key) {
    const value = (row as Record<string, unknown>)[key];
    if (!(typeof value === 'string' && value.length > 0) && !(typeof value === 'number' && Number.isFinite(value)))
      return { ok: false, problem: `${key}: missing or not a valid key` };
  }
  return ROW_CHECKS[table]?.(row) ?? { ok: true, value: row };
}

export interface ExportSummary {
  header: ExportHeader;
  /** Rows per table, from the end line (checked against the rows actually read). */
  counts: Record<string, number>;
  /** Inquiries in the copy (from the header; the projection is rebuilt on restore). */
  inquiries: number;
  events: number;
}

export interface Progress {
  phase: 'reading' | 'checking' | 'backing-up' | 'restoring' | 'rebuilding';
  done: number;
  /** Rows expected, when known. */
  total: number;
}
type OnProgress = (p: Progress) => void;

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

// ---------------------------------------------------------------------------------------------
// Writing: a database → lines

interface ExportOptions {
  reason: BackupReason | 'export';
  now: number;
  appVersion?: string;
  onProgress?: OnProgress;
}

function exportOrder(db: Dexie): string[] {
  const names = db.tables.map((t) => t.name).filter((n) => !DERIVED_TABLES.has(n));
  // Events before outbox (restore keeps only outbox entries whose event exists); meta last, so the
  // case sequence and the clock it holds are at least as new as every event copied before it.
  const rank = (n: string) => (n === 'events' ? 0 : n === 'meta' ? 2 : 1);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The database as export lines, read in chunks with a pause between them so the window stays
 * responsive. Events come in timeline order (`[inquiryId+hlc]`), so a restore can fold each
 * inquiry as its events stream past.
 */
export async function* exportLines(db: Dexie, options: ExportOptions): AsyncGenerator<string> {
  const names = exportOrder(db);
  const has = (n: string) => db.tables.some((t) => t.name === n);
  const summary = {
    inquiries: has('inquiries') ? await db.table('inquiries').count() : 0,
    events: has('events') ? await db.table('events').count() : 0,
  };
  let total = 0;
  for (const n of names) total += await db.table(n).count();
  const device = has('meta') ? ((await db.table('meta').get('device'))?.value as { deskCode?: unknown } | undefined) : undefined;
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: Math.floor(db.verno),
    createdAt: options.now,
    reason: options.reason,
    appVersion: options.appVersion ?? appVersion(),
    summary,
    deskCode: typeof device?.deskCode === 'string' ? device.deskCode : null,
  };
  yield JSON.stringify(header);
  const counts: Record<string, number> = {};
  let done = 0;
  for (const name of names) {
    counts[name] = 0;
    for await (const rows of pages(db.table(name))) {
      counts[name] += rows.length;
      done += rows.length;
      yield JSON.stringify({ table: name, rows });
      options.onProgress?.({ phase: 'reading', done, total });
      await tick();
    }
  }
  yield JSON.stringify({ end: true, counts });
}

/** A table's rows in pages: events by timeline, everything else by primary key. */
async function* pages(table: Table): AsyncGenerator<unknown[]> {
  if (table.name === 'events' && table.schema.idxByName['[inquiryId+hlc]'] !== undefined) {
    yield* timelinePages(table, ROWS_PER_LINE);
    return;
  }
  let last: unknown = null;
  for (;;) {
    const page =
      last === null
        ? await table.orderBy(':id').limit(ROWS_PER_LINE).toArray()
        : await table.where(':id').above(last).limit(ROWS_PER_LINE).toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < ROWS_PER_LINE) return;
    last = primaryKeyOf(table, page[page.length - 1]);
  }
}

function primaryKeyOf(table: Table, row: unknown): unknown {
  const path = table.schema.primKey.keyPath;
  if (typeof path !== 'string') throw new Error(`Table ${table.name} has a compound primary key; it cannot be paged.`);
  return (row as Record<string, unknown>)[path];
}

function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Compression helpers (WebCrypto's neighbours: CompressionStream, no hand-rolled codecs)

function bytesStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = bytesStream(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzipText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = bytesStream(bytes).pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Splits a stream of text into lines without holding more than one line. */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    carry += chunk;
    let at = carry.indexOf('\n');
    while (at >= 0) {
      const line = carry.slice(0, at);
      carry = carry.slice(at + 1);
      if (line.trim() !== '') yield line;
      at = carry.indexOf('\n');
    }
    if (carry.length > MAX_LINE_CHARS)
      throw new BackupError('The file is damaged: one of its records is far larger than any export writes.');
  }
  if (carry.trim() !== '') yield carry;
}

async function* readStream<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

// ---------------------------------------------------------------------------------------------
// The backup store

export interface BackupRecord {
  id: string;
  createdAt: number;
  reason: BackupReason;
  schemaVersion: number;
  appVersion: string;
  inquiries: number;
  events: number;
  counts: Record<string, number>;
  /** Compressed size. */
  bytes: number;
  /** False until every chunk is stored; incomplete backups are never listed and are removed. */
  complete: boolean;
}

interface ChunkRecord {
  backupId: string;
  seq: number;
  data: Uint8Array<ArrayBuffer>;
}

interface SettingRecord {
  key: string;
  value: unknown;
}

/** The backups database of a desk database: `<name>-backups`. */
export class BackupDb extends Dexie {
  backups!: Table<BackupRecord, string>;
  chunks!: Table<ChunkRecord, [string, number]>;
  settings!: Table<SettingRecord, string>;

  constructor(sourceName: string) {
    super(`${sourceName}-backups`);
    this.version(1).stores({ backups: 'id, createdAt', chunks: '[backupId+seq]', settings: 'key' });
  }
}

const backupDbs = new Map<string, BackupDb>();
export function backupDbOf(sourceName: string): BackupDb {
  let found = backupDbs.get(sourceName);
  if (!found) {
    found = new BackupDb(sourceName);
    backupDbs.set(sourceName, found);
  }
  return found;
}

/** One backup at a time per database (a daily one and a manual one never interleave). */
const queues = new Map<string, Promise<unknown>>();
function serially<T>(name: string, job: () => Promise<T>): Promise<T> {
  const before = queues.get(name) ?? Promise.resolve();
  const run = before.then(job, job);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

export interface BackupOptions {
  now?: number;
  onProgress?: OnProgress;
  appVersion?: string;
}

let idCounter = 0;
function backupId(now: number): string {
  idCounter = (idCounter + 1) % 1000;
  return `${now.toString(36).padStart(9, '0')}-${idCounter.toString().padStart(3, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Copies the whole database into the backups database now. The import feature calls this before it
 * writes (`backupNow(repo.db, 'before-import')`). Resolves with the stored backup; older backups
 * beyond the configured number are removed afterwards.
 */
export function backupNow(source: Dexie, reason: BackupReason, options: BackupOptions = {}): Promise<BackupRecord> {
  return serially(source.name, () => writeBackup(source, reason, options));
}

async function writeBackup(source: Dexie, reason: BackupReason, options: BackupOptions): Promise<BackupRecord> {
  const store = backupDbOf(source.name);
  const now = options.now ?? Date.now();
  const record: BackupRecord = {
    id: backupId(now),
    createdAt: now,
    reason,
    schemaVersion: 0,
    appVersion: options.appVersion ?? appVersion(),
    inquiries: 0,
    events: 0,
    counts: {},
    bytes: 0,
    complete: false,
  };
  await store.backups.add(record);
  let seq = 0;
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const data = await gzipText(buffer);
    buffer = '';
    await store.chunks.add({ backupId: record.id, seq: seq++, data });
    record.bytes += data.byteLength;
  };
  try {
    for await (const line of exportLines(source, { reason, now, appVersion: record.appVersion, onProgress: options.onProgress })) {
      if (!record.schemaVersion) {
        const header = JSON.parse(line) as ExportHeader;
        record.schemaVersion = header.schemaVersion;
        record.inquiries = header.summary.inquiries;
        record.events = header.summary.events;
      } else if (line.startsWith('{"end":true')) {
        record.counts = (JSON.parse(line) as { counts: Record<string, number> }).counts;
        record.events = record.counts.events ?? record.events;
      }
      buffer += `${line}\n`;
      if (buffer.length >= CHUNK_CHARS) await flush();
    }
    await flush();
    record.complete = true;
    await store.backups.put(record);
  } catch (err) {
    await deleteBackup(source.name, record.id).catch(() => undefined);
    throw err;
  }
  await prune(source.name);
  return record;
}

/** Closes and deletes a desk's backups database (tests, and a desk being retired). */
export async function dropBackups(sourceName: string): Promise<void> {
  backupDbOf(sourceName).close();
  backupDbs.delete(sourceName);
  await Dexie.delete(`${sourceName}-backups`);
}

export async function listBackups(sourceName: string): Promise<BackupRecord[]> {
  const all = await backupDbOf(sourceName).backups.orderBy('createdAt').reverse().toArray();
  return all.filter((b) => b.complete);
}

export async function deleteBackup(sourceName: string, id: string): Promise<void> {
  const store = backupDbOf(sourceName);
  await store.transaction('rw', store.backups, store.chunks, async () => {
    await store.chunks.where('[backupId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
    await store.backups.delete(id);
  });
}

export async function backupSettings(sourceName: string): Promise<{ keep: number }> {
  const value = (await backupDbOf(sourceName).settings.get('keep'))?.value;
  return { keep: typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_KEEP };
}

export async function setBackupsToKeep(sourceName: string, keep: number): Promise<void> {
  if (!Number.isInteger(keep) || keep < 1 || keep > 365) throw new BackupError('Keep between 1 and 365 backups.');
  await backupDbOf(sourceName).settings.put({ key: 'keep', value: keep });
  await pruneBackups(sourceName);
}

/** Removes incomplete backups (a crash mid-copy) and the oldest beyond the number to keep. Runs between backups, never during one. */
export function pruneBackups(sourceName: string): Promise<void> {
  return serially(sourceName, () => prune(sourceName));
}

async function prune(sourceName: string): Promise<void> {
  const store = backupDbOf(sourceName);
  const { keep } = await backupSettings(sourceName);
  const all = await store.backups.orderBy('createdAt').reverse().toArray();
  const complete = all.filter((b) => b.complete);
  const doomed = [...complete.slice(keep), ...all.filter((b) => !b.complete)];
  for (const b of doomed) await deleteBackup(sourceName, b.id);
}

/** Takes a daily backup when the newest one is more than a day old. Resolves with it, or null when none was due. */
export async function ensureDailyBackup(source: Dexie, now: number, options: BackupOptions = {}): Promise<BackupRecord | null> {
  const newest = (await listBackups(source.name))[0];
  if (newest && now - newest.createdAt < DAY_MS && newest.createdAt <= now) return null;
  return backupNow(source, 'daily', { ...options, now });
}

/**
 * Daily backups while the app runs: the first check a little after start (so the first screen is
 * not slowed), then every hour. Returns the function that stops the schedule.
 */
export function startBackupSchedule(source: Dexie, now: () => number, onError: (err: unknown) => void, firstDelayMs = 30_000): () => void {
  let stopped = false;
  const check = () => {
    if (stopped) return;
    ensureDailyBackup(source, now()).catch(onError);
  };
  const first = setTimeout(check, firstDelayMs);
  const hourly = setInterval(check, 60 * 60 * 1000);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(hourly);
  };
}

// ---------------------------------------------------------------------------------------------
// Reading: sources of lines

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

// ---------------------------------------------------------------------------------------------
// Checking: the first pass, which writes nothing

type Parsed = { kind: 'rows'; table: string; rows: unknown[] } | { kind: 'end'; counts: Record<string, number> };

function parseJsonLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`The file is damaged: record ${n} is not valid JSON. Nothing was changed.`);
  }
}

function readHeader(line: string | undefined): ExportHeader {
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
async function* checkedRecords(
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

// ---------------------------------------------------------------------------------------------
// Restoring

export interface RestoreOptions {
  /** Taken first, so the state being replaced can itself be restored. */
  reason: Extract<BackupReason, 'before-import' | 'before-restore'>;
  now?: number;
  onProgress?: OnProgress;
  /** The profile doing the restore stays on this desk and stays the active one. */
  keepProfileId?: string | null;
  /** Each checked row of the copy as the first pass reads it (see inspectExport). */
  onRows?: (table: string, rows: unknown[]) => Promise<void>;
  /** After the first pass, before anything is written: throwing stops the restore. */
  onChecked?: () => void;
  /** `meta` rows the copy does not bring (the desk keeps its own: verifyImport.ts), and rows written instead. */
  meta?: { skip: readonly string[]; put: readonly { key: string; value: unknown }[] };
}

export interface RestoreResult {
  summary: ExportSummary;
  /** The automatic backup of the state that was replaced. */
  safetyBackup: BackupRecord;
  inquiries: number;
  events: number;
}

/**
 * Replaces the database with a copy: checks it fully (nothing written on a bad copy), backs up the
 * current state, then clears and refills every table in one transaction, rebuilding the inquiry
 * rows from the events. A copy from an earlier schema version is first staged in a scratch database
 * at its own version and upgraded there by the same migrations a desk runs.
 */
export async function restoreDatabase(db: Dexie, source: ExportSource, options: RestoreOptions): Promise<RestoreResult> {
  const summary = await inspectExport(source, options.onProgress, options.onRows);
  options.onChecked?.();
  const now = options.now ?? Date.now();
  const safetyBackup = await backupNow(db, options.reason, { now, onProgress: options.onProgress });
  let from = source;
  let staging: Dexie | null = null;
  try {
    if (summary.header.schemaVersion < SCHEMA_VERSION) {
      staging = await stageAndUpgrade(db.name, source, summary.header, options.onProgress);
      const staged = staging;
      const lines = async function* () {
        yield* exportLines(staged, {
          reason: summary.header.reason === 'export' ? 'export' : summary.header.reason,
          now: summary.header.createdAt,
        });
      };
      from = { kind: source.kind, lines };
    }
    const written = await replaceAll(db, from, options);
    return { summary, safetyBackup, ...written };
  } finally {
    if (staging) {
      staging.close();
      await staging.delete().catch(() => undefined);
    }
  }
}

async function stageAndUpgrade(name: string, source: ExportSource, header: ExportHeader, onProgress?: OnProgress): Promise<Dexie> {
  const stagingName = `${name}-restore-staging`;
  await Dexie.delete(stagingName);
  const old = new Dexie(stagingName);
  declareSchema(old, header.schemaVersion);
  try {
    const lines = source.lines()[Symbol.asyncIterator]();
    readHeader((await lines.next()).value);
    for await (const r of checkedRecords(header, lines, onProgress, 'restoring')) {
      if (r.kind === 'rows') await old.table(r.table).bulkPut(r.rows);
      await tick();
    }
  } finally {
    old.close();
  }
  const upgraded = new Dexie(stagingName);
  declareSchema(upgraded);
  await upgraded.open();
  return upgraded;
}

async function replaceAll(db: Dexie, source: ExportSource, options: RestoreOptions): Promise<{ inquiries: number; events: number }> {
  const onProgress = options.onProgress;
  const keepProfile = options.keepProfileId ? await db.table('profiles').get(options.keepProfileId) : undefined;
  // Reading and checking the copy happen outside the transaction's zone; waitFor keeps the transaction open meanwhile.
  const outside = <T>(work: () => Promise<T>) => Dexie.waitFor(Dexie.ignoreTransaction(work));
  // The copy is read by a pump started here, outside the transaction, so its own reads (another
  // database, streams, timers) never run in the transaction's zone.
  const lines = pump(source.lines()[Symbol.asyncIterator](), 3);
  let inquiries = 0;
  let events = 0;
  const hasInquiries = db.tables.some((t) => t.name === 'inquiries');
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
      const header = readHeader((await outside(() => lines.next())).value);
      const records = checkedRecords(header, lines, onProgress, 'restoring');
      // Inquiries are folded from their events as they stream past (they come grouped, in timeline order).
      let group: { inquiryId: string; events: unknown[] } | null = null;
      const folded = new Set<string>();
      const refold = new Set<string>();
      const pending: InquiryRecord[] = [];
      // Synchronous: inside the transaction, only the tables' own operations are awaited.
      const closeGroup = () => {
        if (!group) return;
        if (folded.has(group.inquiryId)) refold.add(group.inquiryId);
        else {
          folded.add(group.inquiryId);
          const record = projectInquiry(group.events as Parameters<typeof projectInquiry>[0]);
          if (record) pending.push(record);
        }
        group = null;
      };
      const flushInquiries = () => (hasInquiries && pending.length ? db.table('inquiries').bulkPut(pending.splice(0)) : Promise.resolve());
      for (;;) {
        const next = await outside(() => records.next());
        if (next.done) break;
        const r = next.value;
        if (r.kind === 'end') continue;
        if (r.table === 'events') {
          await db.table('events').bulkPut(r.rows);
          events += r.rows.length;
          for (const e of r.rows as { inquiryId: string }[]) {
            if (group && group.inquiryId !== e.inquiryId) closeGroup();
            if (!group) group = { inquiryId: e.inquiryId, events: [] };
            group.events.push(e);
          }
          // Inquiry rows are large (every field, their stamps, the process state): write them in small batches.
          if (pending.length >= 250) await flushInquiries();
        } else {
          closeGroup();
          await flushInquiries();
          let rows = r.rows;
          if (r.table === 'outbox') {
            // An outbox entry copied after its event was (a backup taken while someone worked) points nowhere: drop it.
            const found = await db.table('events').bulkGet((rows as { eventId: string }[]).map((o) => o.eventId));
            rows = rows.filter((_, i) => found[i] !== undefined);
          }
          const skip = r.table === 'meta' ? options.meta?.skip : undefined;
          if (skip) rows = rows.filter((row) => !skip.includes((row as { key: string }).key));
          await db.table(r.table).bulkPut(rows);
        }
        await outside(tick);
      }
      closeGroup();
      await flushInquiries();
      onProgress?.({ phase: 'rebuilding', done: 0, total: refold.size });
      for (const id of refold) {
        const all = await db.table('events').where('[inquiryId+hlc]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
        const record = projectInquiry(all);
        if (record && hasInquiries) await db.table('inquiries').put(record);
      }
      inquiries = hasInquiries ? await db.table('inquiries').count() : 0;
      if (options.meta) await db.table('meta').bulkPut([...options.meta.put]);
      if (keepProfile) {
        await db.table('profiles').put(keepProfile);
        await db.table('meta').put({ key: 'activeProfile', value: keepProfile.id });
      }
    });
  } catch (err) {
    lines.stop();
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      `${source.kind === 'backup' ? 'The backup' : 'The file'} could not be restored: ${describe(err)}. Nothing was changed.`,
    );
  }
  return { inquiries, events };
}

/**
 * Pulls from `source` ahead of the consumer (up to `capacity` items), in the zone where it was
 * created. The consumer's `next()` only waits on a plain promise.
 */
function pump<T>(source: AsyncIterator<T>, capacity: number): AsyncIterator<T> & { stop(): void } {
  const buffer: IteratorResult<T>[] = [];
  let failure: { error: unknown } | null = null;
  let stopped = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const signal = (which: 'consumer' | 'producer') => {
    const wake = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = null;
    else wakeProducer = null;
    wake?.();
  };
  void (async () => {
    try {
      for (;;) {
        while (buffer.length >= capacity && !stopped) await new Promise<void>((r) => (wakeProducer = r));
        if (stopped) return;
        const r = await source.next();
        buffer.push(r);
        signal('consumer');
        if (r.done) return;
      }
    } catch (error) {
      failure = { error };
      signal('consumer');
    }
  })();
  return {
    next: async () => {
      while (buffer.length === 0 && !failure) await new Promise<void>((r) => (wakeConsumer = r));
      const item = buffer.shift();
      signal('producer');
      if (item) return item;
      throw (failure as { error: unknown } | null)?.error;
    },
    stop: () => {
      stopped = true;
      signal('producer');
    },
  };
}

function describe(err: unknown): string {
  const first = (err as { failures?: unknown[] })?.failures?.[0];
  if (first) return describe(first);
  if (err instanceof Dexie.ConstraintError || (err as { name?: string })?.name === 'ConstraintError')
    return 'two records in it have the same key (for example two inquiries with one case number)';
  if (err instanceof Dexie.QuotaExceededError || (err as { name?: string })?.name === 'QuotaExceededError') return 'the disk is full';
  return (err as Error)?.message ?? String(err);
}

// ---------------------------------------------------------------------------------------------
// Full export as a file

/** The whole database as one gzip file (a Blob), streamed: the window stays responsive. */
export async function exportDatabaseFile(db: Dexie, now: number, onProgress?: OnProgress): Promise<Blob> {
  const lines = exportLines(db, { reason: 'export', now, onProgress });
  const text = new ReadableStream<string>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(`${next.value}\n`);
    },
  });
  const gz = text.pipeThrough(new TextEncoderStream()).pipeThrough(new CompressionStream('gzip'));
  return new Response(gz).blob();
}

/** Before an upgrade: a backup of the database as the earlier version left it. */
export interface UpgradeCheck {
  /** The version found on disk, or null for a new desk. */
  fromVersion: number | null;
  backup: BackupRecord | null;
}

/**
 * Call before the app opens its database. When the database on disk is from an earlier schema
 * version, opens it as it is (no upgrade) and backs it up; Dexie then upgrades it on first use.
 * Throws when the backup fails, so the app can stop before changing anything.
 */
export async function backupBeforeUpgrade(name: string, options: BackupOptions = {}): Promise<UpgradeCheck> {
  const fromVersion = await versionOnDisk(name);
  if (fromVersion === null || fromVersion >= SCHEMA_VERSION) return { fromVersion, backup: null };
  const old = new Dexie(name);
  try {
    await old.open();
    const backup = await backupNow(old, 'before-upgrade', options);
    return { fromVersion, backup };
  } finally {
    old.close();
  }
}

/** The schema version of a database on disk, without opening (or creating) it at any version. */
export async function versionOnDisk(name: string): Promise<number | null> {
  // Browsers that list their databases give the version without opening one (opening a large
  // log only to read its version held up every start by a second or more).
  const listed = await listedVersion(name);
  if (listed !== undefined) return listed;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return Math.floor(probe.verno);
  } catch (err) {
    if ((err as { name?: string })?.name === 'NoSuchDatabaseError') return null;
    throw err;
  } finally {
    probe.close();
  }
}

/** Asks the browser to keep this site's storage under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export interface StorageState {
  /** null where the browser cannot tell. */
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function storageState(): Promise<StorageState> {
  if (typeof navigator === 'undefined' || !navigator.storage) return { persistent: null, usage: null, quota: null };
  const persistent = navigator.storage.persisted ? await navigator.storage.persisted() : null;
  const estimate = navigator.storage.estimate ? await navigator.storage.estimate() : {};
  return { persistent, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}
