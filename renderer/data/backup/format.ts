import { z } from 'zod';
import { PlainWordsError } from '../../../shared/errors';
import { parseEvent } from '../../../shared/inquiry/events';
import { profileSchema } from '../../../shared/people';

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
export const CHECK_SLICE = 250;
/** A line longer than this is refused before parsing (a sane line holds MAX_ROWS_PER_LINE rows: a few MB). */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;
/** Text per stored backup chunk before compression: CompressionStream does its work on the main thread, so keep each piece small. */
export const CHUNK_CHARS = 256 * 1024;
export const DEFAULT_KEEP = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Tables rebuilt from others, never exported. */
export const DERIVED_TABLES = new Set(['inquiries']);

export const BACKUP_REASONS = ['daily', 'manual', 'before-upgrade', 'before-import', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily backup',
  manual: 'Backed up by hand',
  'before-upgrade': 'Before a schema upgrade',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
};

export const headerSchema = z.object({
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

export const rowsLineSchema = z.object({ table: z.string().min(1).max(64), rows: z.array(z.unknown()).max(MAX_ROWS_PER_LINE) });
export const endLineSchema = z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int().nonnegative()) });

/** What a person can act on when a file or backup cannot be read. Nothing has been written when this is thrown. */
export class BackupError extends PlainWordsError {
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
export type OnProgress = (p: Progress) => void;

export const tick = () => new Promise<void>((r) => setTimeout(r, 0));
