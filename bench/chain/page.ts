/**
 * The hash-chain benchmark's page (never part of the app's build): seeds a desk's database with the
 * bench data set, every event chained by its desk as the app would have chained it, then times the
 * chain's work at that size while watching the main thread (longest task, longest timer gap): saves
 * with their chain link, the background check, "Verify the log", sync's arrival check, and chaining a
 * legacy import's events. Driven by bench/chain/run.ts via `window.benchChain`.
 */

import Dexie from 'dexie';
import { backupNow, backupSource, dropBackups, inspectExport } from '../../renderer/data/backup';
import { chainHead, chainOntoHead, checkChainsInBackground, verifyLog } from '../../renderer/data/chainStore';
import { sweepStep } from '../../renderer/data/chainSweep';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { declareSchema } from '../../renderer/data/migrations';
import { Repo } from '../../renderer/data/repo';
import { DexieSyncStore } from '../../renderer/data/syncStore';
import { checkCopy } from '../../renderer/data/verifyImport';
import { type ChainHead, chainEvents } from '../../shared/inquiry/chain';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryFields } from '../../shared/inquiry/fields';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { actorOf, type Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { asInstant } from '../../shared/time/types';
import { fetchJson, measure, type OpFigure } from '../measure';

const db = new LiaisonDb('liaison-log-bench-chain');
const changes = new ChangeFeed(db.name);
const clock = { now: () => asInstant(Date.now()) };
const repo = new Repo(db, clock, changes);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const n = (x: number) => Math.round(x).toLocaleString('en-US');

let profile: Profile | null = null;

const api = {
  /**
   * The upgrade to schema v3 at this size: the events written into a database at v2 (no chains), then
   * the time the app's open takes to upgrade it (IndexedDB builds the `[deviceId+chain.seq]` index).
   */
  async upgrade(eventChunks: string[]): Promise<{ events: number; openMs: number }> {
    const name = 'liaison-log-bench-chain-v2';
    await Dexie.delete(name);
    const old = new Dexie(name);
    declareSchema(old, 2);
    await old.open();
    for (const url of eventChunks) await old.table('events').bulkAdd(await fetchJson<InquiryEvent[]>(url));
    const events = await old.table('events').count();
    old.close();
    const current = new LiaisonDb(name);
    const t0 = performance.now();
    await current.open();
    const openMs = performance.now() - t0;
    current.close();
    await Dexie.delete(name);
    return { events, openMs };
  },

  async seed(manifest: { eventChunks: string[]; inquiryChunks: string[]; profile: Profile; meta: { key: string; value: unknown }[] }) {
    await db.delete();
    await db.open();
    // Each desk's events chained in the order stored, as the desks would have chained them.
    const heads = new Map<string, ChainHead | null>();
    let chainMs = 0;
    for (const url of manifest.eventChunks) {
      const raw = await fetchJson<InquiryEvent[]>(url);
      const byDesk = new Map<string, InquiryEvent[]>();
      for (const e of raw) byDesk.set(e.deviceId, [...(byDesk.get(e.deviceId) ?? []), e]);
      const t0 = performance.now();
      const chained: InquiryEvent[] = [];
      for (const [desk, list] of byDesk) {
        const r = await chainEvents(list, heads.get(desk) ?? null);
        heads.set(desk, r.head);
        chained.push(...r.events);
      }
      chainMs += performance.now() - t0;
      await db.events.bulkAdd(chained);
    }
    for (const url of manifest.inquiryChunks) await db.inquiries.bulkAdd(await fetchJson<InquiryRecord[]>(url));
    await db.profiles.put(manifest.profile);
    await db.meta.bulkPut(manifest.meta);
    profile = manifest.profile;
    return { events: await db.events.count(), inquiries: await db.inquiries.count(), desks: heads.size, chainMs };
  },

  async run(fields: InquiryFields): Promise<{
    figures: OpFigure[];
    saves: { p50: number; p95: number; max: number };
    notes: { p50: number; p95: number };
    chain: { p50: number; p95: number };
  }> {
    const figures: OpFigure[] = [];
    const { deviceId } = await repo.device();
    // Saves: each with its chain link (the head read and the digests inside the write transaction).
    const saveTimes: number[] = [];
    const noteTimes: number[] = [];
    const ids: string[] = [];
    // Warm-up: the first saves compile the code paths and open the tables.
    for (let i = 0; i < 5; i++) await repo.logInquiry({ ...fields, memberName: `Warm-up ${i}` });
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      const { id } = await repo.logInquiry({ ...fields, memberName: `Bench Member ${i}` });
      saveTimes.push(performance.now() - t0);
      ids.push(id);
    }
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await repo.addNote(ids[i % ids.length] as string, `Bench note ${i}: called the member, left a voicemail.`);
      noteTimes.push(performance.now() - t0);
    }
    // The chain's own share of a save: the head read and two links, in a write transaction that stores nothing.
    const chainTimes: number[] = [];
    const two = (await db.events.limit(2).toArray()).map(({ chain: _c, ...e }) => e as InquiryEvent);
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await db.transaction('rw', db.events, async () => chainOntoHead(two, await chainHead(db, deviceId)));
      chainTimes.push(performance.now() - t0);
    }
    figures.push(
      await measure('Background check, from nothing (every desk’s chain, 250 at a time)', async () => {
        const checked = await checkChainsInBackground(db, () => asInstant(Date.now()));
        return `${n(checked)} events checked`;
      }),
    );
    figures.push(
      await measure(
        'Background check again (nothing new)',
        async () => `${n(await checkChainsInBackground(db, () => asInstant(Date.now())))} events checked`,
      ),
    );
    figures.push(
      await measure('Verify the log (every event hashed again, counts, sign-offs)', async () => {
        const r = await verifyLog(db, { deviceId, ranBy: actorOf(profile as Profile), now: () => asInstant(Date.now()) });
        return `${n(r.totals.chained)} chained events on ${r.totals.desks} desks, ${r.totals.breaks} breaks, ${r.totals.gaps} gaps`;
      }),
    );
    figures.push(
      await measure('Daily pass: one step (the next 250 events of a chain)', async () => {
        const r = await sweepStep(db, asInstant(Date.now()));
        return `${n(r.checked)} events checked`;
      }),
    );
    // An import's preview: rows only (before issue 20), then rows and every hash chain.
    const backup = await backupNow(db, 'manual');
    figures.push(
      await measure('Restore preview, every row checked (without the chains)', async () => {
        const s = await inspectExport(backupSource(db.name, backup.id));
        return `${n(s.events)} events`;
      }),
    );
    figures.push(
      await measure('Restore preview, every row and every hash chain checked', async () => {
        const c = await checkCopy(backupSource(db.name, backup.id));
        return `${n(c.chains.totals.chained)} chained events on ${c.chains.desks.length} desks, ${c.chains.totals.breaks} breaks`;
      }),
    );
    await dropBackups(db.name);
    // Sync: a segment of 1,000 chained events from a new desk, checked on arrival.
    const remoteDesk = 'BENCHREMOTE00001';
    const remote: InquiryEvent[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `01JBENCHREMOTE${String(i).padStart(12, '0')}`,
      inquiryId: ids[i % ids.length] as string,
      type: 'NoteAdded',
      payload: { text: `Remote note ${i}` },
      actor: { id: '01JBENCHREMOTEPROFILE00001', name: 'Remote Person', role: 'esr' },
      deviceId: remoteDesk,
      hlc: encodeHlc({ wall: Date.now() - 60_000 + i, counter: 0, deviceId: remoteDesk }),
      at: asInstant(Date.now()),
      v: 1,
    }));
    const chainedRemote = (await chainEvents(remote, null)).events;
    const store = new DexieSyncStore(db, changes, () => repo.device());
    figures.push(
      await measure('Sync: ingest a 1,000-event segment, each link checked on arrival', async () => {
        const r = await store.ingest(chainedRemote, initialSyncState(), null, Date.now());
        return `${n(r.added)} events added`;
      }),
    );
    // The legacy import's chaining: 10,000 events, one digest after another.
    const imported = chainedRemote.map(({ chain: _c, ...e }) => ({ ...e, deviceId }) as InquiryEvent);
    const tenThousand = Array.from({ length: 10 }, (_, k) => imported.map((e) => ({ ...e, id: `${e.id.slice(0, -2)}${k}X` }))).flat();
    figures.push(
      await measure('Chaining 10,000 imported events (sequential SHA-256)', async () => {
        await chainEvents(tenThousand, null);
        return '10,000 links';
      }),
    );
    return {
      figures,
      saves: { p50: pct(saveTimes, 50), p95: pct(saveTimes, 95), max: Math.max(...saveTimes) },
      notes: { p50: pct(noteTimes, 50), p95: pct(noteTimes, 95) },
      chain: { p50: pct(chainTimes, 50), p95: pct(chainTimes, 95) },
    };
  },
};

declare global {
  interface Window {
    benchChain: typeof api;
  }
}
window.benchChain = api;
document.body.dataset.ready = 'true';
