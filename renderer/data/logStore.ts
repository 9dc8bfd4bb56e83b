import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { LogIndex } from '../../shared/log/logIndex';
import { type LogRow, toLogRow } from '../../shared/log/logRow';
import { afterPaint } from './afterPaint';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';

export interface LogSnapshot {
  rows: readonly LogRow[];
  /** The rows indexed for sorting and searching (a new index with new rows, keeping what it can of the last). */
  index: LogIndex;
  /** Rows held in memory so far. */
  loaded: number;
  /**
   * The inquiries in the database: exact once `complete`. While the log loads it is the size the
   * log had when it last finished loading on this desk (counting 100,000 records would hold up the
   * start by seconds), or the rows so far when that is not known.
   */
  total: number;
  complete: boolean;
}

/** Where the log's size is remembered between starts (a number: no member data). */
export interface SizeMemory {
  read(): number | null;
  write(size: number): void;
}

/** The log's size in localStorage under `key`; nothing remembered where storage is unavailable. */
export function sizeMemory(storage: Pick<Storage, 'getItem' | 'setItem'> | null, key: string): SizeMemory {
  return {
    read: () => {
      const n = Number(storage?.getItem(key) ?? Number.NaN);
      return Number.isSafeInteger(n) && n >= 0 ? n : null;
    },
    write: (size) => {
      try {
        storage?.setItem(key, String(size));
      } catch {
        // A full or blocked storage only costs the next start its progress estimate.
      }
    },
  };
}

const FIRST_SCREEN = 200;
/** Small enough that a read the person is waiting for (opening an inquiry) never queues long behind one. */
const CHUNK = 2000;
/** Changes within this long of the last publish of rows are published together (see refresh). */
const BURST_INTERVAL_MS = 500;

/**
 * The log's rows in memory, for instant search, filter and sort. The newest inquiries are read
 * first so the first screen never waits for the whole log; the rest follow in chunks by primary
 * key, yielding between them. After that, only inquiries named by the change feed are re-read.
 */
export class LogStore {
  private readonly byId = new Map<string, LogRow>();
  private snapshot: LogSnapshot = { rows: [], index: new LogIndex([]), loaded: 0, total: 0, complete: false };
  private readonly listeners = new Set<() => void>();
  private started = false;
  /** Resolves when the first screen subscribes: the log's bulk reads wait for it (see load). */
  private subscribed: () => void = () => undefined;
  private readonly firstSubscriber = new Promise<void>((resolve) => {
    this.subscribed = resolve;
  });
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  /** When rows were last handed over (performance.now()); see refresh. */
  private lastRowsAt = Number.NEGATIVE_INFINITY;

  private readonly firstScreen: number;
  private readonly chunk: number;

  constructor(
    private readonly db: LiaisonDb,
    private readonly changes: ChangeFeed,
    private readonly config: () => Promise<AgencyConfig>,
    /** Rows read first (newest received), and per chunk after that. */
    sizes: { firstScreen?: number; chunk?: number } = {},
    private readonly remembered: SizeMemory = sizeMemory(null, ''),
  ) {
    this.firstScreen = sizes.firstScreen ?? FIRST_SCREEN;
    this.chunk = sizes.chunk ?? CHUNK;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.subscribed();
    this.start();
    return () => this.listeners.delete(listener);
  };

  /** Starts reading the log before any screen asks for it (at start-up, beside the profile and lock). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.changes.subscribe((ids) => this.refresh(ids));
    this.changes.onConfigChange(() => void this.relabel().catch(readFailed));
    void this.load().catch(readFailed);
  }

  /** While rows are rebuilt for a new configuration: the inquiries that changed meanwhile. */
  private touched: Set<string> | null = null;
  private relabelling: Promise<void> | null = null;
  private relabelAgain = false;

  /**
   * Rebuilds every row for a changed agency configuration (an MCO renamed, a priority level, the
   * warning thresholds): the records again a chunk at a time, yielding, while the old rows stay on
   * screen; then one publish. Inquiries that changed meanwhile are read again after.
   */
  private async relabel(): Promise<void> {
    if (this.relabelling) {
      this.relabelAgain = true;
      return this.relabelling;
    }
    this.relabelling = (async () => {
      do {
        this.relabelAgain = false;
        await this.whenComplete();
        this.touched = new Set();
        const config = await this.config();
        const fresh = new Map<string, LogRow>();
        for await (const chunk of this.chunksById()) for (const r of chunk) fresh.set(r.id, toLogRow(r, config));
        const touched = this.touched;
        this.touched = null;
        this.byId.clear();
        for (const [id, row] of fresh) this.byId.set(id, row);
        this.publish(this.byId.size, true);
        if (touched.size > 0) this.refresh([...touched]);
      } while (this.relabelAgain);
    })().finally(() => {
      this.relabelling = null;
    });
    return this.relabelling;
  }

  getSnapshot = (): LogSnapshot => this.snapshot;

  /** Resolves once every row is in memory. */
  async whenComplete(): Promise<void> {
    while (!this.snapshot.complete) await new Promise((r) => setTimeout(r, 10));
  }

  private async load(): Promise<void> {
    performance.mark('ll:log:start');
    const config = await this.config();
    const newest = await this.db.inquiries.orderBy('receivedAt').reverse().limit(this.firstScreen).toArray();
    performance.mark('ll:log:newest');
    this.put(newest, config);
    // No count first: counting the records walks them all (seconds at 100,000, and the database
    // serves nothing else meanwhile). A short first read is the whole log; otherwise the chunks
    // below end when one comes back short.
    const complete = newest.length < this.firstScreen;
    this.publish(complete ? newest.length : (this.remembered.read() ?? 0), complete);
    if (!complete) {
      // The database serves one read at a time and a chunk takes a while: the bulk reads wait until
      // a screen shows the first rows, so the profile, lock and first screen are never queued behind them.
      await this.firstSubscriber;
      await afterPaint();
      for await (const chunk of this.chunksById()) {
        this.put(chunk, config);
        // The last (short) chunk is handed over with the whole log below. New rows make every view
        // re-sort and re-count the whole log, so they are handed over only when the rows in memory
        // have doubled (a handful of times in all); in between, only the progress count moves.
        if (chunk.length === this.chunk) this.publish(this.snapshot.total, false, this.byId.size >= 2 * this.snapshot.rows.length);
      }
      this.publish(this.byId.size, true);
    }
    this.remembered.write(this.byId.size);
  }

  /** Every inquiry, `chunk` at a time in primary-key order, yielding to the window between chunks. */
  private async *chunksById(): AsyncGenerator<InquiryRecord[]> {
    let lastKey: string | null = null;
    for (;;) {
      const chunk: InquiryRecord[] =
        lastKey === null
          ? await this.db.inquiries.orderBy(':id').limit(this.chunk).toArray()
          : await this.db.inquiries.where(':id').above(lastKey).limit(this.chunk).toArray();
      if (chunk.length > 0) yield chunk;
      if (chunk.length < this.chunk) return;
      lastKey = (chunk[chunk.length - 1] as InquiryRecord).id;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  private refresh(ids: readonly string[]): void {
    for (const id of ids) {
      this.pending.add(id);
      this.touched?.add(id);
    }
    this.flushing ??= (async () => {
      try {
        // Every publish of rows makes the views re-sort and re-count the whole log (100,000 rows:
        // a tenth of a second or more). A change soon after the last publish is part of a burst
        // (a rebuild, an import, a sync): it waits out the interval while the rest of the burst
        // gathers, so the window is never kept busy re-sorting. A lone save publishes at once.
        // A lone save first lets the screen that saved paint its result: the read and the re-count wait for that frame.
        const wait = this.lastRowsAt + BURST_INTERVAL_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        else await afterPaint();
        // The burst is read a chunk at a time, yielding between chunks, and published once.
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
      } catch (err) {
        readFailed(err);
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
    if (!rows && this.byId.size === this.snapshot.loaded && complete === this.snapshot.complete) return;
    const list = rows ? [...this.byId.values()] : this.snapshot.rows;
    const index = rows ? new LogIndex(list, this.snapshot.index) : this.snapshot.index;
    if (rows) this.lastRowsAt = performance.now();
    this.snapshot = { rows: list, index, loaded: this.byId.size, total: Math.max(total, this.byId.size), complete };
    for (const l of this.listeners) l();
    if (rows && complete) whenIdle((timeLeft) => this.snapshot.index !== index || index.prepare(timeLeft));
  }
}

/**
 * A read of the log that failed. The database closing (the window going away, a restore replacing it)
 * ends the store's work and is no error; anything else is reported by name only (never a record).
 */
function readFailed(err: unknown): void {
  if ((err as { name?: string })?.name === 'DatabaseClosedError') return;
  console.error('The log could not be read:', (err as { name?: string })?.name ?? 'error');
}

/**
 * Runs `work` in the window's idle time, again at each idle period until it returns true (done, or
 * no longer wanted); in small timed slices where the browser has no idle callbacks.
 */
function whenIdle(work: (timeLeft: () => number) => boolean): void {
  if (typeof requestIdleCallback === 'function') {
    const step = (deadline: IdleDeadline) => {
      if (!work(() => deadline.timeRemaining())) requestIdleCallback(step);
    };
    requestIdleCallback(step);
    return;
  }
  const slice = () => {
    const end = performance.now() + 8;
    if (!work(() => end - performance.now())) setTimeout(slice, 50);
  };
  setTimeout(slice, 50);
}
