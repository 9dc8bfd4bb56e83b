import type Dexie from 'dexie';
import type { Migration } from './migration';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

/**
 * Schema versions, oldest first. A new version adds a file here (`vN.ts`, its complete store list)
 * and never edits an earlier one, so every desk upgrades in place from whatever it last ran (Dexie
 * runs each step in order). Each version also gets a fixture in `fixtures/` and a case in
 * `migrations.test.ts`, which builds a database as that version wrote it and upgrades it to the current one.
 * Before Dexie upgrades a desk's database, `backupBeforeUpgrade` (renderer/data/backup.ts) copies it.
 *
 * Indexes (why each exists):
 * - events `id`: the event's ULID; sync ingests idempotently by it.
 * - events `[inquiryId+hlc]`: an inquiry's timeline in HLC order, and its re-fold; also the order in
 *   which `Repo.rebuildProjections` reads all events a chunk at a time, each inquiry's events together.
 * - events `hlc`: everything after a point, for sync publishing.
 * - events `[deviceId+chain.seq]` (v3): each desk's hash chain in order: the chain head before a write,
 *   and "Verify the log" walking a desk's chain a chunk at a time (shared/inquiry/chain.ts).
 * - inquiries `id`: primary key; also the paging key for the chunked load of the log.
 * - inquiries `&caseNumber`: case numbers are unique; lookup by the number people quote.
 * - inquiries `receivedAt`: the first screen shows the newest inquiries without reading the whole log.
 * - outbox `eventId`, `hlc`: events this desk has not yet published, in order.
 * - meta `key`, profiles `id`, drafts `id`: small keyed records.
 * No index serves search, filter or sort: the log's rows are held in memory (LogStore) and searched,
 * filtered and sorted there (shared/log/logQuery.ts) within a keystroke at 100,000 inquiries, so an
 * index per column would slow every write and speed no read. See bench/README.md for the figures.
 */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];

/** The version this build writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Declares every version up to `upTo` (default: the current one) on a Dexie instance. */
export function declareSchema(db: Dexie, upTo: number = SCHEMA_VERSION): void {
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
}

/** The stores of a version, as its file declares them. */
export function storesOf(version: number): Readonly<Record<string, string>> {
  const m = MIGRATIONS.find((x) => x.version === version);
  if (!m) throw new Error(`No schema version ${version}`);
  return m.stores;
}

export type { Migration } from './migration';
