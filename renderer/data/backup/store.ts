import Dexie, { type Table } from 'dexie';
import { BackupError, type BackupReason, CHUNK_CHARS, DEFAULT_KEEP, type ExportHeader, type OnProgress } from './format';
import { gzipText } from './stream';
import { appVersion, exportLines } from './writer';

/* The backups database (`<db>-backups`): each backup as compressed chunks of the export's lines, and how many to keep. */

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
