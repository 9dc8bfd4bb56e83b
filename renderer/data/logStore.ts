import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { type LogRow, toLogRow } from '../../shared/log/logRow';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';

export interface LogSnapshot {
  rows: readonly LogRow[];
  /** Rows held in memory so far, and the total in the database. */
  loaded: number;
  total: number;
  complete: boolean;
}

const FIRST_SCREEN = 200;
const CHUNK = 5000;

/**
 * The log's rows in memory, for instant search, filter and sort. The newest inquiries are read
 * first so the first screen never waits for the whole log; the rest follow in chunks by primary
 * key, yielding between them. After that, only inquiries named by the change feed are re-read.
 */
export class LogStore {
  private readonly byId = new Map<string, LogRow>();
  private snapshot: LogSnapshot = { rows: [], loaded: 0, total: 0, complete: false };
  private readonly listeners = new Set<() => void>();
  private started = false;
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;

  private readonly firstScreen: number;
  private readonly chunk: number;

  constructor(
    private readonly db: LiaisonDb,
    private readonly changes: ChangeFeed,
    private readonly config: () => Promise<AgencyConfig>,
    /** Rows read first (newest received), and per chunk after that. */
    sizes: { firstScreen?: number; chunk?: number } = {},
  ) {
    this.firstScreen = sizes.firstScreen ?? FIRST_SCREEN;
    this.chunk = sizes.chunk ?? CHUNK;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      this.changes.subscribe((ids) => this.refresh(ids));
      void this.load();
    }
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LogSnapshot => this.snapshot;

  /** Resolves once every row is in memory. */
  async whenComplete(): Promise<void> {
    while (!this.snapshot.complete) await new Promise((r) => setTimeout(r, 10));
  }

  private async load(): Promise<void> {
    const config = await this.config();
    const total = await this.db.inquiries.count();
    const newest = await this.db.inquiries.orderBy('receivedAt').reverse().limit(this.firstScreen).toArray();
    this.put(newest, config);
    this.publish(total, total <= newest.length);
    let lastKey: string | null = null;
    while (total > newest.length) {
      const chunk: InquiryRecord[] =
        lastKey === null
          ? await this.db.inquiries.orderBy(':id').limit(this.chunk).toArray()
          : await this.db.inquiries.where(':id').above(lastKey).limit(this.chunk).toArray();
      if (chunk.length === 0) break;
      this.put(chunk, config);
      lastKey = (chunk[chunk.length - 1] as InquiryRecord).id;
      if (chunk.length < this.chunk) break;
      // New rows make every view re-sort and re-count the whole log, so they are handed over only
      // when the rows in memory have doubled (a handful of times in all); in between, only the
      // progress count moves.
      this.publish(Math.max(total, this.byId.size), false, this.byId.size >= 2 * this.snapshot.rows.length);
      await new Promise((r) => setTimeout(r, 0));
    }
    if (!this.snapshot.complete) this.publish(this.byId.size, true);
  }

  private refresh(ids: readonly string[]): void {
    for (const id of ids) this.pending.add(id);
    this.flushing ??= (async () => {
      try {
        // A burst of changes (an import, a rebuild) is read a chunk at a time, yielding between
        // chunks, and published once; a single save is one small chunk.
        while (this.pending.size > 0) {
          const batch: string[] = [];
          for (const id of this.pending) {
            batch.push(id);
            if (batch.length === this.chunk) break;
          }
          for (const id of batch) this.pending.delete(id);
          const records = await this.db.inquiries.bulkGet(batch);
          const config = await this.config();
          batch.forEach((id, i) => {
            const r = records[i];
            if (r) this.byId.set(id, toLogRow(r, config));
            else this.byId.delete(id);
          });
          if (this.pending.size > 0) await new Promise((r) => setTimeout(r, 0));
        }
        this.publish(Math.max(this.snapshot.total, this.byId.size), this.snapshot.complete);
      } finally {
        this.flushing = null;
      }
    })();
  }

  private put(records: readonly InquiryRecord[], config: AgencyConfig): void {
    for (const r of records) this.byId.set(r.id, toLogRow(r, config));
  }

  /** A new snapshot; with `rows` false it keeps the same rows array (views keyed on it do no work) and moves only the counts. */
  private publish(total: number, complete: boolean, rows = true): void {
    if (!rows && this.byId.size === this.snapshot.loaded) return;
    const list = rows ? [...this.byId.values()] : this.snapshot.rows;
    this.snapshot = { rows: list, loaded: this.byId.size, total: Math.max(total, this.byId.size), complete };
    for (const l of this.listeners) l();
  }
}
