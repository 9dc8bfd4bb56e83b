import type Dexie from 'dexie';
import type { Table } from 'dexie';
import { timelinePages } from '../eventStore/timeline';
import {
  type BackupReason,
  DERIVED_TABLES,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type OnProgress,
  ROWS_PER_LINE,
  tick,
} from './format';

/* Writing: a database → the export's lines, and the full export as one gzip file. */

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

export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';
}

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
