/**
 * The sync benchmark's work, the same in Node and in Chromium: desks wired as in the app (the
 * Dexie sync store, the engine with WebCrypto and gzip) over whatever folder the caller gives.
 * It measures; it asserts nothing (scripts/bench-sync.mjs prints the figures).
 */

import { DEFAULT_DATA_SET, generateInquiries } from '../../bench/data/generate';
import { chainHead } from '../../renderer/data/chainStore';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { DexieSyncStore } from '../../renderer/data/syncStore';
import type { CaseNumber } from '../../shared/inquiry/caseNumber';
import { chainEvents } from '../../shared/inquiry/chain';
import { addNote } from '../../shared/inquiry/commands/addNote';
import type { CommandContext } from '../../shared/inquiry/commands/context';
import { editFields } from '../../shared/inquiry/commands/editFields';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { TEST_POLICY } from '../../shared/inquiry/commands/testing';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../../shared/inquiry/projection';
import { sampleInquiry } from '../../shared/inquiry/testInquiry';
import { SyncEngine } from '../../shared/sync/engine';
import type { FolderEntry, ShareFolder } from '../../shared/sync/folder';
import { encodeHlc } from '../../shared/sync/hlc';
import { webPlatform } from '../../shared/sync/platform';
import { asInstant } from '../../shared/time/types';

export interface BenchOptions {
  /** Inquiries on the desk that receives the 10,000 remote events. */
  inquiries: number;
  /** Remote events applied to it. */
  remote: number;
  /** Events published and ingested for the throughput figures. */
  batch: number;
  /** Share history sizes (events) for the idle-cycle figure. */
  histories: number[];
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note: string;
}

const PASSPHRASE = 'benchmark passphrase only';
const FIELDS = sampleInquiry({ memberPhone: '(515) 555-0142' });

const platform = webPlatform();
const now = () => performance.now();

/** Counts folder calls (an idle cycle's cost in round trips to the file server). */
export class CountingFolder implements ShareFolder {
  calls = 0;
  constructor(private readonly inner: ShareFolder) {}
  list(d: string): Promise<FolderEntry[] | null> {
    this.calls++;
    return this.inner.list(d);
  }
  read(p: string) {
    this.calls++;
    return this.inner.read(p);
  }
  writeNew(p: string, b: Uint8Array) {
    this.calls++;
    return this.inner.writeNew(p, b);
  }
  remove(p: string) {
    this.calls++;
    return this.inner.remove(p);
  }
  probe(p: string) {
    this.calls++;
    return this.inner.probe(p);
  }
}

interface BenchDesk {
  id: string;
  db: LiaisonDb;
  store: DexieSyncStore;
  engine: SyncEngine;
  folder: CountingFolder;
  close(): Promise<void>;
}

async function desk(id: string, folder: ShareFolder): Promise<BenchDesk> {
  const db = new LiaisonDb(`bench-sync-${id}-${Math.random().toString(36).slice(2)}`);
  const changes = new ChangeFeed(db.name);
  const store = new DexieSyncStore(db, changes, async () => ({ deviceId: id, deskCode: id.slice(0, 5) }));
  const counting = new CountingFolder(folder);
  const clock = { now: () => asInstant(Date.now()) };
  const engine = new SyncEngine({ folder: counting, store, clock, platform, options: { kdfIterations: 1000, maxSegmentsPerCycle: 1000 } });
  return {
    id,
    db,
    store,
    engine,
    folder: counting,
    close: async () => {
      changes.close();
      db.close();
      await db.delete();
    },
  };
}

/** A command context with its own clock and ids, deterministic for a given desk and start. */
function contextFor(deviceId: string, start: number): CommandContext & { advance(): void } {
  let wall = start;
  let counter = 0;
  let ids = 0;
  const ctx = {
    actor: { id: `P-${deviceId}`, name: `Person ${deviceId.slice(0, 5)}`, role: 'liaison' as const },
    deviceId,
    now: asInstant(wall),
    stamp: () => encodeHlc({ wall, counter: counter++, deviceId }),
    newId: () => `01K${deviceId.slice(0, 6)}${start.toString(36)}${String(++ids).padStart(9, '0')}`,
    advance: () => {
      wall += 1;
      counter = 0;
      ctx.now = asInstant(wall);
    },
    ...TEST_POLICY,
  };
  return ctx;
}

/** `n` inquiries logged (events and rows written straight into the tables, as an older log would hold them). */
async function seed(d: BenchDesk, n: number, start: number): Promise<InquiryRecord[]> {
  const ctx = contextFor('SEEDDESK00000000', start);
  const records: InquiryRecord[] = [];
  for (let at = 0; at < n; at += 5000) {
    const events: InquiryEvent[] = [];
    const rows: InquiryRecord[] = [];
    for (let i = at; i < Math.min(n, at + 5000); i++) {
      ctx.advance();
      const logged = logInquiry(
        { fields: { ...FIELDS, memberName: `Member ${i}` }, caseNumber: `261123-SEED0-${i + 1}` as CaseNumber },
        ctx,
      );
      events.push(...logged);
      rows.push(projectInquiry(logged) as InquiryRecord);
    }
    await d.db.transaction('rw', d.db.events, d.db.inquiries, async () => {
      await d.db.events.bulkAdd(events);
      await d.db.inquiries.bulkAdd(rows);
    });
    records.push(...rows);
  }
  return records;
}

/** Work on known inquiries, as people do it (notes, and edits with their follow-up events), into events + outbox. */
async function work(d: BenchDesk, on: readonly InquiryRecord[], n: number, start: number): Promise<number> {
  const ctx = contextFor(d.id, start);
  const events: InquiryEvent[] = [];
  for (let i = 0; events.length < n; i++) {
    ctx.advance();
    const target = on[(i * 7919) % on.length] as InquiryRecord;
    if (i % 3 === 0) events.push(...editFields(target, { callbackAvailability: `Window ${i}` }, ctx));
    else events.push(...addNote(target, { text: `Note ${i}: called the member, left a voicemail, will try again tomorrow.` }, ctx));
  }
  // Chained as the app chains a desk's own events (the receiving desk checks every link on arrival).
  const { events: chained } = await chainEvents(events, await chainHead(d.db, d.id));
  for (let at = 0; at < chained.length; at += 5000) {
    const chunk = chained.slice(at, at + 5000);
    await d.db.transaction('rw', d.db.events, d.db.outbox, async () => {
      await d.db.events.bulkAdd(chunk);
      await d.db.outbox.bulkAdd(chunk.map((e) => ({ eventId: e.id, hlc: e.hlc })));
    });
  }
  return events.length;
}

async function drain(d: BenchDesk): Promise<number> {
  let published = 0;
  for (;;) {
    const r = await d.engine.syncOnce();
    if (r.problems.length) throw new Error(`sync problem: ${r.problems.map((p) => p.code).join(', ')}`);
    published += r.published;
    if ((await d.store.pendingCount()) === 0) return published;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Publish and ingest throughput, and the idle cycle as the share's history grows, on one folder. */
export async function throughputAndIdle(folder: ShareFolder, o: BenchOptions, log: (f: Figure) => void): Promise<void> {
  const t0 = Date.now() - 86_400_000;
  const [a, b] = [await desk('A1DESK00000000AA', folder), await desk('B2DESK00000000BB', folder)];
  try {
    const created = await a.engine.createShare(PASSPHRASE);
    if (!created.ok) throw new Error(created.message);
    await b.engine.joinShare(PASSPHRASE);
    const shared = await seed(a, 2000, t0);
    await seed(b, 2000, t0);

    await work(a, shared, o.batch, t0 + 3_600_000);
    let t = now();
    const published = await drain(a);
    let ms = now() - t;
    log({
      name: 'publish: outbox → verified segment files',
      value: published / (ms / 1000),
      unit: 'events/s',
      note: `${n(published)} events in ${n(ms)} ms`,
    });
    t = now();
    const r = await b.engine.syncOnce();
    ms = now() - t;
    log({
      name: 'ingest: segment files → events + projections',
      value: r.received / (ms / 1000),
      unit: 'events/s',
      note: `${n(r.received)} events in ${n(ms)} ms`,
    });

    let round = 1;
    for (const history of o.histories) {
      let total = (await a.store.loadState()).nextSeq - 1;
      while (total * 1000 < history) {
        await work(a, shared, Math.min(o.batch, history - total * 1000), t0 + 7_200_000 + round++ * 60_000_000);
        await drain(a);
        total = (await a.store.loadState()).nextSeq - 1;
      }
      await b.engine.syncOnce();
      await b.engine.syncOnce();
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        b.folder.calls = 0;
        t = now();
        await b.engine.syncOnce();
        samples.push(now() - t);
      }
      log({
        name: `idle cycle, share history ${n(total * 1000)} events`,
        value: median(samples),
        unit: 'ms',
        note: `median of 7; ${b.folder.calls} folder calls per cycle (${total} segments on the share)`,
      });
    }
  } finally {
    await a.close();
    await b.close();
  }
}

/**
 * `remote` events from another desk applied on a desk that holds `inquiries` inquiries, and, in the
 * same run, the floor: the same events put with a bare `bulkAdd` into a desk seeded the same way.
 */
export async function applyRemote(folder: ShareFolder, o: BenchOptions, log: (f: Figure) => void): Promise<void> {
  const t0 = Date.now() - 86_400_000;
  const [c, d] = [await desk('C3DESK00000000CC', folder), await desk('D4DESK00000000DD', folder)];
  try {
    await c.engine.createShare(PASSPHRASE);
    await d.engine.joinShare(PASSPHRASE);
    let t = now();
    await seed(d, o.inquiries, t0);
    const seedMs = now() - t;
    // The sending desk knows the first 20,000 of those inquiries (the generator is deterministic).
    const known = await seed(c, Math.min(o.inquiries, 20_000), t0);
    await work(c, known, o.remote, t0 + 3_600_000);
    await drain(c);
    const remote = (await c.db.events.toArray()).filter((e) => e.deviceId === c.id);
    t = now();
    // Sampled when the bench runs with --profile (a CDP profiler listening for console profiles); else nothing.
    console.profile?.('apply');
    const applied = await d.engine.syncOnce();
    console.profileEnd?.('apply');
    const ms = now() - t;
    const rows = (await d.db.inquiries.bulkGet(applied.inquiryIds)).filter((r): r is InquiryRecord => r !== undefined);
    const [floor, writeFloor] = await bulkAddFloor(remote, rows, o.inquiries, t0);
    log({
      name: `apply ${n(applied.received)} remote events on a desk holding ${n(await d.db.inquiries.count())} inquiries`,
      value: ms / 1000,
      unit: 's',
      note: `${n(applied.received / (ms / 1000))} events/s; ${n(applied.inquiryIds.length)} inquiries re-projected; seeding the desk took ${n(seedMs / 1000)} s`,
    });
    log({
      name: `bare bulkAdd of the same ${n(remote.length)} events, same desk size`,
      value: floor / 1000,
      unit: 's',
      note: `${n(remote.length / (floor / 1000))} events/s; apply = ${(ms / floor).toFixed(1)}× the floor (goal ≤ 3×)`,
    });
    log({
      name: `bare bulkAdd of those events and bulkPut of the ${n(rows.length)} rows they change, one transaction`,
      value: writeFloor / 1000,
      unit: 's',
      note: `what the apply must write at the least (the rows are ${n(Math.round(jsonBytes(rows) / rows.length))} B each as JSON, the events ${n(Math.round(jsonBytes(remote) / remote.length))} B); apply = ${(ms / writeFloor).toFixed(1)}× it`,
    });
  } finally {
    await c.close();
    await d.close();
  }
}

/**
 * The floors, in ms, on a desk holding `inquiries` inquiries: `events` added with one bare bulkAdd; then, on the same
 * desk, the same events again (under other ids) with `rows` put beside them in one transaction.
 */
async function bulkAddFloor(
  events: readonly InquiryEvent[],
  rows: readonly InquiryRecord[],
  inquiries: number,
  t0: number,
): Promise<[number, number]> {
  const e = await desk('E5DESK00000000EE', new CountingFolder(emptyFolder));
  try {
    await seed(e, inquiries, t0);
    let t = now();
    await e.db.transaction('rw', e.db.events, async () => {
      await e.db.events.bulkAdd([...events]);
    });
    const eventsOnly = now() - t;
    const again = events.map((ev) => ({ ...ev, id: `${ev.id}-2` }));
    t = now();
    await e.db.transaction('rw', e.db.events, e.db.inquiries, async () => {
      await Promise.all([e.db.events.bulkAdd(again), e.db.inquiries.bulkPut([...rows])]);
    });
    return [eventsOnly, now() - t];
  } finally {
    await e.close();
  }
}

const jsonBytes = (items: readonly unknown[]): number => items.reduce<number>((sum, item) => sum + JSON.stringify(item).length, 0);

const emptyFolder: ShareFolder = {
  list: async () => null,
  read: async () => null,
  writeNew: async () => undefined,
  remove: async () => undefined,
  probe: async () => 0,
};

/**
 * A new desk joining a share whose snapshot holds `inquiries` inquiries of the benchmark's data set
 * (bench/data/generate.ts: the real commands over three years of a unit's work, about ten events an
 * inquiry): when the newest inquiry is listed, when the whole log is (every row in: listed and
 * searchable), and when every event is in behind it (timelines, chains).
 */
export async function joinFromSnapshot(folder: ShareFolder, o: BenchOptions, log: (f: Figure) => void): Promise<void> {
  const a = await desk('F6DESK00000000FF', folder);
  const j = await desk('G7DESK00000000GG', folder);
  try {
    await a.engine.createShare(PASSPHRASE);
    // The share's log on the first desk, as a desk that has synced for years holds it (rows and events).
    let newestId = '';
    let newest: InquiryEvent[] = [];
    let events: InquiryEvent[] = [];
    let rows: InquiryRecord[] = [];
    const flush = async () => {
      const [e, r] = [events, rows];
      [events, rows] = [[], []];
      await a.db.transaction('rw', a.db.events, a.db.inquiries, async () => {
        await a.db.events.bulkAdd(e);
        await a.db.inquiries.bulkAdd(r);
      });
    };
    let t = now();
    for (const g of generateInquiries({ ...DEFAULT_DATA_SET, inquiries: o.inquiries })) {
      events.push(...g.events);
      rows.push(g.record);
      if (g.record.id > newestId) [newestId, newest] = [g.record.id, g.events];
      if (events.length >= 20_000) await flush();
    }
    // One segment published, as on a real share (a snapshot covering no segment offers nothing):
    // the newest inquiry's events go through the outbox; the snapshot holds every event anyway.
    await flush();
    await a.db.outbox.bulkAdd(newest.map((e) => ({ eventId: e.id, hlc: e.hlc })));
    await drain(a);
    const seedMs = now() - t;
    const total = await a.db.events.count();
    const inquiries = await a.db.inquiries.count();
    console.log(`seeded ${inquiries} inquiries, ${total} events in ${n(seedMs / 1000)} s`);
    t = now();
    await a.engine.maintainNow();
    const snapshotMs = now() - t;
    console.log(`snapshot written in ${n(snapshotMs / 1000)} s`);
    // The share (an in-memory folder) holds everything now: the first desk's database goes, so the
    // page's storage (in memory for a browser context without a profile) holds only the joining desk's.
    await a.close();
    await j.engine.joinShare(PASSPHRASE);
    let newestAt: number | null = null;
    let listedAt: number | null = null;
    let parts = 0;
    const started = now();
    const off = j.engine.onStatus((st) => {
      const p = st.catchingUp;
      if (!p) return;
      parts = p.total;
      if (newestAt === null && p.done > 0)
        void j.db.inquiries.get(newestId).then((r) => {
          if (r && newestAt === null) newestAt = now() - started;
        });
      if (listedAt === null && p.listed) listedAt = now() - started;
    });
    const report = await j.engine.syncOnce();
    const ms = now() - started;
    off();
    if (report.problems.length > 0) throw new Error(`join: ${report.problems.map((p) => `${p.code} ${p.message}`).join(', ')}`);
    const [rowsIn, eventsIn] = [await j.db.inquiries.count(), await j.db.events.count()];
    log({
      name: `join: newest inquiry listed (share of ${n(inquiries)} inquiries / ${n(total)} events)`,
      value: (newestAt ?? ms) / 1000,
      unit: 's',
      note: `the snapshot's newest row part first; seeding the share took ${n(seedMs / 1000)} s, its snapshot ${n(snapshotMs / 1000)} s (${parts} parts)`,
    });
    log({
      name: `join: whole log listed and searchable (${n(rowsIn)} rows)`,
      value: (listedAt ?? ms) / 1000,
      unit: 's',
      note: `every row from the snapshot's row parts (goal: within 120 s)`,
    });
    log({
      name: `join: every event in behind it (${n(eventsIn)} events)`,
      value: ms / 1000,
      unit: 's',
      note: `${n(eventsIn / ((ms - (listedAt ?? 0)) / 1000))} events/s filling in after the rows`,
    });
  } finally {
    await a.close().catch(() => undefined);
    await j.close();
  }
}
