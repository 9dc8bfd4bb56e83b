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

  constructor(
    private readonly db: LiaisonDb,
    private readonly changes: ChangeFeed,
    private readonly config: () => Promise<AgencyConfig>,
  ) {}

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
    const newest = await this.db.inquiries.orderBy('receivedAt').reverse().limit(FIRST_SCREEN).toArray();
    this.put(newest, config);
    this.publish(total, total <= newest.length);
    let lastKey: string | null = null;
    while (total > newest.length) {
      const chunk: InquiryRecord[] =
        lastKey === null
          ? await this.db.inquiries.orderBy(':id').limit(CHUNK).toArray()
          : await this.db.inquiries.where(':id').above(lastKey).limit(CHUNK).toArray();
      if (chunk.length === 0) break;
      this.put(chunk, config);
      lastKey = (chunk[chunk.length - 1] as InquiryRecord).id;
      this.publish(Math.max(total, this.byId.size), chunk.length < CHUNK);
      if (chunk.length < CHUNK) break;
      await new Promise((r) => setTimeout(r, 0));
    }
    this.publish(this.byId.size, true);
  }

  private refresh(ids: readonly string[]): void {
    for (const id of ids) this.pending.add(id);
    this.flushing ??= (async () => {
      while (this.pending.size > 0) {
        const batch = [...this.pending];
        this.pending.clear();
        const records = await this.db.inquiries.bulkGet(batch);
        const config = await this.config();
        batch.forEach((id, i) => {
          const r = records[i];
          if (r) this.byId.set(id, toLogRow(r, config));
          else this.byId.delete(id);
        });
        this.publish(Math.max(this.snapshot.total, this.byId.size), this.snapshot.complete);
      }
      this.flushing = null;
    })();
  }

  private put(records: readonly InquiryRecord[], config: AgencyConfig): void {
    for (const r of records) this.byId.set(r.id, toLogRow(r, config));
  }

  private publish(total: number, complete: boolean): void {
    const rows = [...this.byId.values()];
    this.snapshot = { rows, loaded: rows.length, total: Math.max(total, rows.length), complete };
    for (const l of this.listeners) l();
  }
}
