/**
 * The benchmark's page (bench build only, never part of the app's build): served from the same
 * origin as the app, so it opens the same IndexedDB. It seeds the data set and measures the bare
 * floors (Dexie reads, Array.prototype.filter/sort over the same rows) the app's figures are compared to.
 * Driven by bench/run.ts through `window.bench`.
 */

import { backupNow, listBackups } from '../../renderer/data/backup';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { Repo } from '../../renderer/data/repo';
import { DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { type LogRow, toLogRow } from '../../shared/log/logRow';
import type { Profile } from '../../shared/people';
import { asInstant } from '../../shared/time/types';

export interface SeedManifest {
  eventChunks: string[];
  inquiryChunks: string[];
  profile: Profile;
  /** meta entries (device, hlc, caseSeq, activeProfile). */
  meta: { key: string; value: unknown }[];
}

const db = new LiaisonDb();
let rows: LogRow[] | null = null;
let held: unknown = null;
let saveFloorSample: { events: InquiryEvent[]; record: InquiryRecord }[] = [];

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const time = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
};

async function allRows(): Promise<LogRow[]> {
  rows ??= (await db.inquiries.toArray()).map((r) => toLogRow(r, DEFAULT_AGENCY_CONFIG));
  return rows;
}

const bench = {
  /** Loads the data set in big bulkAdd transactions (a prefetch overlaps the next download with the current write). */
  async seed(manifest: SeedManifest): Promise<{ events: number; inquiries: number }> {
    await db.open();
    let events = 0;
    let inquiries = 0;
    const load = async <T>(urls: string[], write: (items: T[]) => Promise<void>) => {
      let next = urls[0] ? fetchJson<T[]>(urls[0]) : null;
      for (let i = 0; i < urls.length; i++) {
        const items = await (next as Promise<T[]>);
        next = urls[i + 1] ? fetchJson<T[]>(urls[i + 1] as string) : null;
        const t0 = performance.now();
        await write(items);
        console.log(`seeded ${urls[i]}: ${items.length} records in ${Math.round(performance.now() - t0)} ms`);
      }
    };
    await load<InquiryEvent>(manifest.eventChunks, async (items) => {
      await db.events.bulkAdd(items);
      events += items.length;
    });
    await load<InquiryRecord>(manifest.inquiryChunks, async (items) => {
      await db.inquiries.bulkAdd(items);
      inquiries += items.length;
    });
    await db.transaction('rw', db.profiles, db.meta, async () => {
      await db.profiles.put(manifest.profile);
      await db.meta.bulkPut(manifest.meta);
    });
    return { events, inquiries };
  },

  /**
   * What a desk in daily use has besides its log: a PIN on the profile (else the app asks for one
   * before anything else) and today's backup (else the app starts one, reading the whole log, half
   * a minute after it opens). Does each only when missing; returns how long the backup took.
   */
  async ensureDesk(profile: Profile, backupAt: number | null): Promise<{ backupMs: number | null }> {
    await db.open();
    if (!(await db.profiles.get(profile.id))?.pin) await db.profiles.put(profile);
    if (backupAt === null || (await listBackups(db.name)).some((b) => b.createdAt <= backupAt)) return { backupMs: null };
    const t0 = performance.now();
    await backupNow(db, 'daily', { now: backupAt });
    return { backupMs: performance.now() - t0 };
  },

  async counts(): Promise<{ events: number; inquiries: number; outbox: number }> {
    return { events: await db.events.count(), inquiries: await db.inquiries.count(), outbox: await db.outbox.count() };
  },

  /** From navigation start: the database open and the newest 200 inquiries read by the receivedAt index (the floor of "cold start to rows"). */
  async coldRead(): Promise<{ firstScreenAt: number }> {
    await db.open();
    await db.inquiries.orderBy('receivedAt').reverse().limit(200).toArray();
    return { firstScreenAt: performance.now() };
  },

  /** A bare toArray() of every inquiry (the floor of loading the whole log). */
  async fullRead(): Promise<{ ms: number; count: number }> {
    const r = await time(() => db.inquiries.toArray());
    return { ms: r.ms, count: r.value.length };
  },

  /** A bare bulkGet of the given inquiries (the floor of re-reading the rows a write changed). */
  async bulkGet(ids: string[]): Promise<number> {
    return (await time(() => db.inquiries.bulkGet(ids))).ms;
  },

  /** Holds every inquiry record, as toArray() returns them, for the heap floor. */
  async holdRecords(): Promise<number> {
    held = await db.inquiries.toArray();
    return (held as unknown[]).length;
  },

  async prepareRows(): Promise<number> {
    return (await allRows()).length;
  },

  /** A bare Array.prototype.filter over the same rows for each search text (every word must appear), in ms. */
  async filterFloor(searches: string[]): Promise<number[]> {
    const all = await allRows();
    return searches.map((s) => {
      const terms = s.toLowerCase().split(/\s+/).filter(Boolean);
      const t0 = performance.now();
      all.filter((r) => terms.every((t) => r.searchText.includes(t)));
      return performance.now() - t0;
    });
  },

  /** A bare filter by status (the floor of switching queue), in ms. */
  async queueFloor(statuses: string[]): Promise<number[]> {
    const all = await allRows();
    return statuses.map((s) => {
      const t0 = performance.now();
      all.filter((r) => s === 'all' || r.status === s);
      return performance.now() - t0;
    });
  },

  /** A bare Array.prototype.sort of the same rows by one field's raw value, in ms. */
  async sortFloor(fields: (keyof LogRow)[]): Promise<number[]> {
    const all = await allRows();
    return fields.map((f) => {
      const copy = all.slice();
      const t0 = performance.now();
      const key = (r: LogRow) => (r[f] ?? '') as string | number;
      copy.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      return performance.now() - t0;
    });
  },

  /** A bare Dexie write of one logged inquiry's events and its row in one transaction (the floor of saving), in ms; removed again after. */
  async writeFloor(sample: { events: InquiryEvent[]; record: InquiryRecord }[]): Promise<number[]> {
    const out: number[] = [];
    for (const s of sample) {
      const t0 = performance.now();
      await db.transaction('rw', db.events, db.inquiries, db.outbox, async () => {
        await db.events.bulkAdd(s.events);
        await db.outbox.bulkAdd(s.events.map((e) => ({ eventId: e.id, hlc: e.hlc })));
        await db.inquiries.put(s.record);
      });
      out.push(performance.now() - t0);
      await db.transaction('rw', db.events, db.inquiries, db.outbox, async () => {
        await db.events.bulkDelete(s.events.map((e) => e.id));
        await db.outbox.bulkDelete(s.events.map((e) => e.id));
        await db.inquiries.delete(s.record.id);
      });
    }
    return out;
  },

  /**
   * The floor of a save as a person meets it: Ctrl+Enter does the bare write of the next sample (as `writeFloor`)
   * and then puts a heading on the page, so the driver times it as it times the app's save (key press to the paint
   * after the heading shows). What the app adds beyond it is its own work; the frame the browser waits for is in both.
   * `undo` removes what the presses wrote.
   */
  armSaveFloor(sample: { events: InquiryEvent[]; record: InquiryRecord }[]): void {
    let next = 0;
    const heading = document.createElement('h1');
    heading.id = 'floor-title';
    document.body.append(heading);
    document.addEventListener('keydown', (e) => {
      if (!(e.key === 'Enter' && e.ctrlKey)) return;
      const s = sample[next];
      if (!s) return;
      const n = next;
      next += 1;
      void db
        .transaction('rw', db.events, db.inquiries, db.outbox, async () => {
          await db.events.bulkAdd(s.events);
          await db.outbox.bulkAdd(s.events.map((e) => ({ eventId: e.id, hlc: e.hlc })));
          await db.inquiries.put(s.record);
        })
        .then(() => {
          heading.textContent = `Inquiry ${n}`;
        });
    });
    saveFloorSample = sample;
  },

  /** Removes what the armed save floor's presses wrote. */
  async undoSaveFloor(): Promise<void> {
    const sample = saveFloorSample;
    await db.transaction('rw', db.events, db.inquiries, db.outbox, async () => {
      await db.events.bulkDelete(sample.flatMap((s) => s.events.map((e) => e.id)));
      await db.outbox.bulkDelete(sample.flatMap((s) => s.events.map((e) => e.id)));
      await db.inquiries.bulkDelete(sample.map((s) => s.record.id));
    });
  },

  /**
   * Repo.rebuildProjections over the whole log, with the longest main-thread task seen meanwhile
   * (the window must never freeze) and how many progress reports came.
   */
  async rebuild(): Promise<{ ms: number; inquiries: number; progressReports: number; longestTaskMs: number; longTasks: number }> {
    let longest = 0;
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longest = Math.max(longest, e.duration);
        longTasks += 1;
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    const changes = new ChangeFeed('liaison-log-bench-rebuild');
    const repo = new Repo(db, { now: () => asInstant(Date.now()) }, changes);
    let reports = 0;
    const r = await time(() => repo.rebuildProjections(() => (reports += 1)));
    await new Promise((ok) => setTimeout(ok, 50));
    observer.disconnect();
    changes.close();
    return { ms: r.ms, inquiries: r.value, progressReports: reports, longestTaskMs: longest, longTasks };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset.ready = 'true';
