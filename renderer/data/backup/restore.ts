import Dexie from 'dexie';
import type { InquiryEvent } from '../../../shared/inquiry/events';
import type { LiaisonDb } from '../db';
import { EventWrite } from '../eventStore/eventStore';
import { type MetaEntry, putMeta } from '../meta';
import { declareSchema, SCHEMA_VERSION } from '../migrations';
import { BackupError, type BackupReason, type ExportHeader, type ExportSummary, type OnProgress, tick } from './format';
import { checkedRecords, type ExportSource, inspectExport, readHeader } from './reader';
import { type BackupRecord, backupNow } from './store';
import { exportLines } from './writer';

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
  meta?: { skip: readonly string[]; put: readonly MetaEntry[] };
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
export async function restoreDatabase(db: LiaisonDb, source: ExportSource, options: RestoreOptions): Promise<RestoreResult> {
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

async function replaceAll(db: LiaisonDb, source: ExportSource, options: RestoreOptions): Promise<{ inquiries: number; events: number }> {
  const onProgress = options.onProgress;
  const keepProfile = options.keepProfileId ? await db.profiles.get(options.keepProfileId) : undefined;
  // Reading and checking the copy happen outside the transaction's zone; waitFor keeps the transaction open meanwhile.
  const outside = <T>(work: () => Promise<T>) => Dexie.waitFor(Dexie.ignoreTransaction(work));
  // The copy is read by a pump started here, outside the transaction, so its own reads (another
  // database, streams, timers) never run in the transaction's zone.
  const lines = pump(source.lines()[Symbol.asyncIterator](), 3);
  let inquiries = 0;
  let events = 0;
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
      const header = readHeader((await outside(() => lines.next())).value);
      const records = checkedRecords(header, lines, onProgress, 'restoring');
      // The copy's events go through the event store, which folds the rows as they stream past (they
      // come in timeline order); the chain links, outbox, people and clock come with the copy.
      const write = new EventWrite(db, { deviceId: '' });
      for (;;) {
        const next = await outside(() => records.next());
        if (next.done) break;
        const r = next.value;
        if (r.kind === 'end') continue;
        if (r.table === 'events') {
          await (await write.append(r.rows as InquiryEvent[], 'restore')).written;
          events += r.rows.length;
        } else {
          let rows = r.rows;
          if (r.table === 'outbox') {
            // An outbox entry copied after its event was (a backup taken while someone worked) points nowhere: drop it.
            const found = await db.events.bulkGet((rows as { eventId: string }[]).map((o) => o.eventId));
            rows = rows.filter((_, i) => found[i] !== undefined);
          }
          const skip = r.table === 'meta' ? options.meta?.skip : undefined;
          if (skip) rows = rows.filter((row) => !skip.includes((row as MetaEntry).key));
          await db.table(r.table).bulkPut(rows);
        }
        await outside(tick);
      }
      await write.settled();
      inquiries = await db.inquiries.count();
      if (options.meta) await db.meta.bulkPut([...options.meta.put]);
      if (keepProfile) {
        await db.profiles.put(keepProfile);
        await putMeta(db.meta, 'activeProfile', keepProfile.id);
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
