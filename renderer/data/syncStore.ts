import Dexie from 'dexie';
import { type InquiryEvent, ROSTER_STREAM } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { decodeHlc, type Hlc, type HlcStamp } from '../../shared/sync/hlc';
import { type IngestResult, initialSyncState, restampPlan, type SyncLocalState, type SyncStore } from '../../shared/sync/store';
import { checkArrivedEvents, neighboursHeld, prepareArrivals, rechainAfterRestamp } from './chainStore';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';
import { EventStore, eventIdsHeld } from './eventStore/eventStore';
import { byInquiry, TIMELINE } from './eventStore/timeline';
import { getMeta, putMeta, type SyncPrefs } from './meta';

export type { SyncPrefs } from './meta';

/**
 * The desk's database as sync sees it (shared/sync/store.ts). Events arriving from other desks and
 * this desk's re-stamped ones go through the event store (eventStore/eventStore.ts) like every other
 * write; the sync bookkeeping is saved in the same transaction.
 */

// Where the Web Locks API is missing (Node tests), one lock per database within this process.
const processLocks = new Set<string>();

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Events per chunk of an ingest batch (whole inquiries, so no two chunks fold the same row). */
const INGEST_CHUNK = 1000;

/** The events in chunks of whole inquiries, each of about `size` events or more. */
function inquiryChunks(events: readonly InquiryEvent[], size: number): InquiryEvent[][] {
  const chunks: InquiryEvent[][] = [];
  let chunk: InquiryEvent[] = [];
  for (const list of byInquiry(events).values()) {
    chunk.push(...list);
    if (chunk.length >= size) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0 || chunks.length === 0) chunks.push(chunk);
  return chunks;
}

export class DexieSyncStore implements SyncStore {
  private readonly events: EventStore;

  constructor(
    private readonly db: LiaisonDb,
    changes: Pick<ChangeFeed, 'publish'>,
    private readonly device: () => Promise<{ deviceId: string; deskCode: string }>,
  ) {
    this.events = new EventStore(db, changes);
  }

  async deviceId(): Promise<string> {
    return (await this.device()).deviceId;
  }

  async deskLabel(): Promise<{ deskCode: string; label: string }> {
    const { deskCode } = await this.device();
    const names = (await this.db.profiles.toArray()).map((p) => p.displayName).sort();
    const label = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return { deskCode, label };
  }

  async loadPrefs(fallback: SyncPrefs, valid: (p: SyncPrefs) => boolean): Promise<SyncPrefs> {
    const stored = await getMeta(this.db.meta, 'syncPrefs');
    const prefs = { ...fallback, ...stored };
    return typeof prefs.intervalSec === 'number' && valid(prefs) ? prefs : fallback;
  }

  async savePrefs(prefs: SyncPrefs): Promise<void> {
    await putMeta(this.db.meta, 'syncPrefs', prefs);
  }

  async loadState(): Promise<SyncLocalState> {
    const stored = await getMeta(this.db.meta, 'sync');
    return stored?.v === 1 ? { ...initialSyncState(), ...stored } : initialSyncState();
  }

  async saveState(state: SyncLocalState): Promise<void> {
    await putMeta(this.db.meta, 'sync', state);
  }

  pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  async outboxBatch(limit: number): Promise<InquiryEvent[]> {
    const rows = await this.db.outbox.orderBy('hlc').limit(limit).toArray();
    const events = await this.db.events.bulkGet(rows.map((r) => r.eventId));
    return events.filter((e): e is InquiryEvent => e !== undefined);
  }

  async markPublished(eventIds: readonly string[], state: SyncLocalState): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.outbox, db.meta, async () => {
      await db.outbox.bulkDelete([...eventIds]);
      await putMeta(db.meta, 'sync', state);
    });
  }

  async ingest(
    events: readonly InquiryEvent[],
    state: SyncLocalState,
    receive: HlcStamp | null,
    now: number,
    fill = false,
  ): Promise<IngestResult> {
    const db = this.db;
    const deviceId = await this.deviceId();
    // Hash-chain links are checked on arrival (renderer/data/chainStore.ts): contents hashed here, links inside.
    const arrivals = await prepareArrivals(events);
    return this.events.write({ deviceId }, async (w) => {
      // Read before the events are written (requests run in order), with the append's own reads.
      const around = arrivals.length > 0 ? neighboursHeld(db, arrivals) : Promise.resolve([]);
      w.track(around);
      // Which events are held already, as keys in one read; then the batch in chunks of whole inquiries,
      // appended side by side: each chunk's rows are folded and its writes handed over as soon as its
      // reads are in, while IndexedDB still reads the next chunks' rows.
      const held = await eventIdsHeld(
        db,
        events.map((e) => e.id),
      );
      const origin = fill ? 'snapshot' : 'sync';
      const chunks = inquiryChunks(events, INGEST_CHUNK);
      const stored = await Promise.all(
        chunks.map((chunk, i) => w.append(chunk, origin, { held, ...(i === 0 && receive !== null ? { clock: { receive, now } } : {}) })),
      );
      w.track(putMeta(db.meta, 'sync', state));
      const fresh = stored.flatMap((s) => s.events);
      if (arrivals.length > 0) await checkArrivedEvents(db, arrivals, fresh, await around, now);
      return { added: fresh.length, inquiryIds: stored.flatMap((s) => s.rows.map((r) => r.id)) };
    });
  }

  async holdsNoInquiries(): Promise<boolean> {
    const db = this.db;
    // Key-only reads of the timeline index on either side of the roster's stream (its events fold the same in any order).
    const [rows, before, after] = await Promise.all([
      db.inquiries.limit(1).primaryKeys(),
      db.events.where(TIMELINE).below([ROSTER_STREAM, Dexie.minKey]).limit(1).primaryKeys(),
      db.events.where(TIMELINE).above([ROSTER_STREAM, Dexie.maxKey]).limit(1).primaryKeys(),
    ]);
    return rows.length + before.length + after.length === 0;
  }

  async adoptRows(rows: readonly InquiryRecord[], state: SyncLocalState, receive: HlcStamp | null, now: number): Promise<IngestResult> {
    const db = this.db;
    return this.events.write({ deviceId: await this.deviceId() }, async (w) => {
      const taken = await w.adoptRows(rows, receive, now);
      w.track(putMeta(db.meta, 'sync', state));
      return { added: 0, inquiryIds: taken.map((r) => r.id) };
    });
  }

  async rowsPage(afterId: string | null, limit: number): Promise<InquiryRecord[]> {
    const query = afterId === null ? this.db.inquiries.orderBy('id') : this.db.inquiries.where('id').above(afterId);
    return query.limit(limit).toArray();
  }

  async eventsPage(afterId: string | null, limit: number): Promise<InquiryEvent[]> {
    const query = afterId === null ? this.db.events.orderBy('id') : this.db.events.where('id').above(afterId);
    return query.limit(limit).toArray();
  }

  async requeue(from: HlcStamp, to: HlcStamp): Promise<number> {
    const db = this.db;
    const me = await this.deviceId();
    return db.transaction('rw', db.events, db.outbox, async () => {
      const own = await db.events
        .where('hlc')
        .between(from, to, true, true)
        .filter((e) => e.deviceId === me)
        .toArray();
      await db.outbox.bulkPut(own.map((e) => ({ eventId: e.id, hlc: e.hlc })));
      return own.length;
    });
  }

  async restampFuture(maxWall: number, now: number): Promise<number> {
    const db = this.db;
    const me = await this.deviceId();
    return this.events.write({ deviceId: me }, async (w) => {
      const rows = await db.outbox.toArray();
      const unpublished = (await db.events.bulkGet(rows.map((r) => r.eventId))).filter((e): e is InquiryEvent => e !== undefined);
      const late = new Set(unpublished.filter((e) => (decodeHlc(e.hlc)?.wall ?? 0) > maxWall).map((e) => e.id));
      if (late.size === 0) return 0;
      // The highest stamp that stays is where the desk's clock resumes.
      let top: HlcStamp | undefined;
      await db.events
        .orderBy('hlc')
        .reverse()
        .until(() => top !== undefined)
        .each((e) => {
          if (!late.has(e.id)) top = e.hlc;
        });
      const base: Hlc = { ...(top ? (decodeHlc(top) as Hlc) : { wall: 0, counter: 0 }), deviceId: me };
      const { stamps, clock } = restampPlan(unpublished, maxWall, base, now);
      const moved = unpublished.filter((e) => stamps.has(e.id)).map((e) => ({ ...e, hlc: stamps.get(e.id) as HlcStamp }));
      // New stamps change the events' hashes: this desk's chain is made again from the first of them.
      await w.append(await rechainAfterRestamp(db, me, moved), 'restamp', { clock: { to: clock } });
      return new Set(moved.map((e) => e.inquiryId)).size;
    });
  }

  async localClock(): Promise<Hlc | null> {
    return (await getMeta(this.db.meta, 'hlc')) ?? null;
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T | null> {
    const name = `liaison-sync:${this.db.name}`;
    const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
    if (locks) return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? fn() : null));
    if (processLocks.has(name)) return null;
    processLocks.add(name);
    try {
      return await fn();
    } finally {
      processLocks.delete(name);
    }
  }
}
