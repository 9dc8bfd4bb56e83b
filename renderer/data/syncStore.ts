import Dexie from 'dexie';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { applyEvent, byHlc, type InquiryRecord, needsRefold, projectInquiry } from '../../shared/inquiry/projection';
import type { Actor } from '../../shared/people';
import { decodeHlc, type Hlc, type HlcStamp } from '../../shared/sync/hlc';
import {
  clockAfterReceive,
  type IngestResult,
  initialSyncState,
  restampPlan,
  type SyncLocalState,
  type SyncStore,
} from '../../shared/sync/store';
import { checkArrivedEvents, prepareArrivals, rechainAfterRestamp } from './chainStore';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';

/**
 * The desk's database as sync sees it (shared/sync/store.ts), over the same Dexie tables Repo
 * writes: events arriving from other desks are stored (by id, so twice is once), their inquiries
 * re-projected, the desk's clock moved and the sync bookkeeping saved in one transaction, and
 * the change feed told which inquiries changed. Remote events never enter the outbox.
 */

/** Meta keys shared with Repo (renderer/data/repo.ts): the desk's clock and the people seen in the log. */
const META_HLC = 'hlc';
const META_PEOPLE = 'people';
const META_SYNC = 'sync';
/** This desk's sync preferences (how often to sync). */
const META_SYNC_PREFS = 'syncPrefs';

export interface SyncPrefs {
  intervalSec: number;
}

// Where the Web Locks API is missing (Node tests), one lock per database within this process.
const processLocks = new Set<string>();

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

export class DexieSyncStore implements SyncStore {
  constructor(
    private readonly db: LiaisonDb,
    private readonly changes: Pick<ChangeFeed, 'publish'>,
    private readonly device: () => Promise<{ deviceId: string; deskCode: string }>,
  ) {}

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
    const stored = (await this.db.meta.get(META_SYNC_PREFS))?.value as Partial<SyncPrefs> | undefined;
    const prefs = { ...fallback, ...stored };
    return typeof prefs.intervalSec === 'number' && valid(prefs) ? prefs : fallback;
  }

  async savePrefs(prefs: SyncPrefs): Promise<void> {
    await this.db.meta.put({ key: META_SYNC_PREFS, value: prefs });
  }

  async loadState(): Promise<SyncLocalState> {
    const stored = (await this.db.meta.get(META_SYNC))?.value as SyncLocalState | undefined;
    return stored?.v === 1 ? { ...initialSyncState(), ...stored } : initialSyncState();
  }

  async saveState(state: SyncLocalState): Promise<void> {
    await this.db.meta.put({ key: META_SYNC, value: state });
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
      await db.meta.put({ key: META_SYNC, value: state });
    });
  }

  async ingest(events: readonly InquiryEvent[], state: SyncLocalState, receive: HlcStamp | null, now: number): Promise<IngestResult> {
    const db = this.db;
    const me = await this.deviceId();
    // Hash-chain links are checked on arrival (renderer/data/chainStore.ts): contents hashed here, links inside.
    const arrivals = await prepareArrivals(events);
    const result = await db.transaction('rw', [db.events, db.inquiries, db.meta], async () => {
      const fresh = await this.addNew(events);
      if (fresh.length > 0) await this.rememberPeople(fresh);
      if (arrivals.length > 0) await checkArrivedEvents(db, arrivals, new Set(fresh.map((e) => e.id)), now);
      const inquiryIds = await this.reproject(fresh);
      const hlc = (await db.meta.get(META_HLC))?.value as Hlc | undefined;
      if (receive !== null) {
        const base = hlc ?? { wall: 0, counter: 0, deviceId: me };
        await db.meta.put({ key: META_HLC, value: clockAfterReceive(base, receive, now) });
      }
      await db.meta.put({ key: META_SYNC, value: state });
      return { added: fresh.length, inquiryIds };
    });
    this.changes.publish(result.inquiryIds);
    return result;
  }

  /**
   * Adds the events not held yet and returns them. One bulkAdd: an id already held fails alone
   * with a ConstraintError (caught here, so the transaction goes on), which is cheaper than
   * reading every id first. Any other failure is real and aborts the transaction. Inside one.
   */
  private async addNew(events: readonly InquiryEvent[]): Promise<InquiryEvent[]> {
    const seen = new Set<string>();
    const unique = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
    if (unique.length === 0) return [];
    try {
      await this.db.events.bulkAdd(unique);
      return unique;
    } catch (e) {
      if (!(e instanceof Dexie.BulkError)) throw e;
      const failed = e.failuresByPos;
      if (Object.values(failed).some((f) => f.name !== 'ConstraintError')) throw e;
      return unique.filter((_, i) => failed[i] === undefined);
    }
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
    const changed = await db.transaction('rw', [db.events, db.outbox, db.inquiries, db.meta], async () => {
      const rows = await db.outbox.toArray();
      const unpublished = (await db.events.bulkGet(rows.map((r) => r.eventId))).filter((e): e is InquiryEvent => e !== undefined);
      const late = new Set(unpublished.filter((e) => (decodeHlc(e.hlc)?.wall ?? 0) > maxWall).map((e) => e.id));
      if (late.size === 0) return [];
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
      await db.events.bulkPut(await rechainAfterRestamp(db, me, moved));
      await db.outbox.bulkPut(moved.map((e) => ({ eventId: e.id, hlc: e.hlc })));
      await db.meta.put({ key: META_HLC, value: clock });
      const ids = [...new Set(moved.map((e) => e.inquiryId))];
      const records: InquiryRecord[] = [];
      for (const id of ids) {
        const r = projectInquiry(await this.eventsOf(id));
        if (r) records.push(r);
      }
      await db.inquiries.bulkPut(records);
      return ids;
    });
    this.changes.publish(changed);
    return changed.length;
  }

  async localClock(): Promise<Hlc | null> {
    return ((await this.db.meta.get(META_HLC))?.value as Hlc | undefined) ?? null;
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

  private eventsOf(inquiryId: string): Promise<InquiryEvent[]> {
    return this.db.events.where('[inquiryId+hlc]').between([inquiryId, ''], [inquiryId, '\uffff']).toArray();
  }

  /**
   * Re-projects the inquiries the fresh events belong to: folding them onto the stored row when
   * they all come after what it has seen, else from all of its events (Repo's rule). Inside the caller's transaction.
   */
  private async reproject(fresh: readonly InquiryEvent[]): Promise<string[]> {
    const db = this.db;
    const byInquiry = new Map<string, InquiryEvent[]>();
    for (const e of fresh) byInquiry.set(e.inquiryId, [...(byInquiry.get(e.inquiryId) ?? []), e]);
    const ids = [...byInquiry.keys()];
    const stored = await db.inquiries.bulkGet(ids);
    // The inquiries to fold again from all their events are read together: one after the other,
    // 10,000 new inquiries from another desk were 10,000 waits.
    const refold = ids.filter((id, i) => (byInquiry.get(id) as InquiryEvent[]).some((e) => needsRefold(stored[i], e)));
    const timelines = new Map(await Promise.all(refold.map(async (id) => [id, await this.eventsOf(id)] as const)));
    const records: InquiryRecord[] = [];
    for (const [i, id] of ids.entries()) {
      const all = timelines.get(id);
      const next =
        all !== undefined
          ? projectInquiry(all)
          : [...(byInquiry.get(id) as InquiryEvent[])].sort(byHlc).reduce<InquiryRecord | undefined>(applyEvent, stored[i]);
      if (next) records.push(next);
    }
    await db.inquiries.bulkPut(records);
    return records.map((r) => r.id);
  }

  /** Colleagues seen acting in the log, as Repo keeps them (whom work can be assigned to). */
  private async rememberPeople(events: readonly InquiryEvent[]): Promise<void> {
    const known = ((await this.db.meta.get(META_PEOPLE))?.value ?? {}) as Record<string, Actor>;
    let changed = false;
    for (const { actor } of events) {
      const was = known[actor.id];
      if (was && was.name === actor.name && was.role === actor.role) continue;
      known[actor.id] = { id: actor.id, name: actor.name, role: actor.role };
      changed = true;
    }
    if (changed) await this.db.meta.put({ key: META_PEOPLE, value: known });
  }
}
