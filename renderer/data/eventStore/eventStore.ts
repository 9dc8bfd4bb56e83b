import { type ChainHead, chainEventsNow } from '../../../shared/inquiry/chain';
import { type InquiryEvent, isRosterEvent, ROSTER_STREAM } from '../../../shared/inquiry/events';
import { applyFoldPlan, planFold } from '../../../shared/inquiry/foldPlan';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { EMPTY_ROSTER, foldRoster, type Roster } from '../../../shared/roster/roster';
import type { Hlc, HlcStamp } from '../../../shared/sync/hlc';
import { clockAfterReceive } from '../../../shared/sync/store';
import { chainHead } from '../chainStore';
import type { ChangeFeed } from '../changes';
import type { LiaisonDb } from '../db';
import { getMeta, type KnownPerson, putMeta } from '../meta';
import { ORIGINS, type Origin } from './origins';
import { peopleSeen } from './people';
import { type RebuildProgress, rebuild } from './rebuild';
import { byInquiry, eventsOf, inquiriesWithEvents } from './timeline';

/*
 * The one way events become rows. Events are the truth and each inquiry's row is the fold of all of
 * them (shared/inquiry/projection.ts); every writer (a command, the legacy import, sync, a restore,
 * sync's re-stamping) hands its events to `append` with its origin, and the origin's rules
 * (origins.ts) say which steps apply. In one transaction: events already stored are dropped, this
 * desk's own new events are chained, their outbox entries written, the rows folded (or folded again
 * from the whole timeline: shared/inquiry/foldPlan.ts), the people remembered and the clock moved.
 * After the transaction commits, the change feed names the inquiries that changed.
 */

/** How the desk's clock moves with a write: to the stamp the writer last gave, or past a stamp received. */
export type ClockMove = { to: Hlc } | { receive: HlcStamp; now: number };

export interface AppendOptions {
  /** Rows the caller read in this transaction already (a command reads its inquiry first). */
  rows?: ReadonlyMap<string, InquiryRecord | undefined>;
  clock?: ClockMove;
  /** Which of the events the caller found stored already in this transaction (`eventIdsHeld`): not looked up again. */
  held?: ReadonlySet<string>;
}

export interface Appended {
  /** The events stored: new to this desk (or, for a re-stamp, replaced), chained where they are this desk's. */
  events: InquiryEvent[];
  /** The rows as folded. */
  rows: InquiryRecord[];
  /**
   * Settles when the writes are stored. `append` resolves once the reads are done and the rows folded,
   * so a bulk writer can prepare its next batch meanwhile; the transaction waits for every write anyway.
   */
  written: Promise<unknown>;
}

/** The desk writing: its own events are the ones it chains. */
export interface Desk {
  deviceId: string;
}

/** The writes of one transaction: `append` as often as needed, `moveClock` once the stamps are all given. */
export class EventWrite {
  /** This desk's chain head and the people known: read once per transaction, kept current by its writes. */
  private head: ChainHead | null | undefined;
  private people: Record<string, KnownPerson> | undefined;
  private roster: Roster | undefined;
  private readonly pending: Promise<unknown>[] = [];
  readonly touched = new Set<string>();
  private publishes = false;

  constructor(
    private readonly db: LiaisonDb,
    private readonly desk: Desk,
  ) {}

  async append(events: readonly InquiryEvent[], origin: Origin, options: AppendOptions = {}): Promise<Appended> {
    const rules = ORIGINS[origin];
    const { db } = this;
    const clock = options.clock;
    if (clock && 'to' in clock) this.moveClock(clock);
    const unique = dedupe(events);
    const ids = [...new Set(unique.map((e) => e.inquiryId))];
    // A command's inquiry without a row is one it has just logged: there is nothing to read.
    const unread = rules.newIds ? [] : ids.filter((id) => !options.rows?.has(id));
    // One round of reads: the rows (only whether they exist, when they are kept as they are), which
    // of the events are stored already (whatever their stamp: a copy may arrive under another stamp
    // than the one stored, its desk having re-stamped it after a crash, and must still count as held),
    // this desk's chain head, the people known and the clock.
    const [readRows, known, , , localClock] = await Promise.all([
      unread.length === 0 ? [] : rules.keepRows ? rowsPresent(db, unread) : db.inquiries.bulkGet(unread),
      storedAlready(db, unique, rules, options.held),
      rules.chain && this.head === undefined ? this.readHead() : undefined,
      rules.rememberPeople && this.people === undefined ? this.readPeople() : undefined,
      clock && 'receive' in clock ? getMeta(db.meta, 'hlc') : undefined,
    ]);
    if (clock && 'receive' in clock) {
      const local = localClock ?? { wall: 0, counter: 0, deviceId: this.desk.deviceId };
      this.track(putMeta(db.meta, 'hlc', clockAfterReceive(local, clock.receive, clock.now)));
    }
    const rowOf = new Map(options.rows);
    for (const [i, id] of unread.entries()) rowOf.set(id, readRows[i]);
    // Re-stamped events replace their stored copies; from elsewhere, an event held already is skipped.
    let fresh = rules.replaces || rules.newIds ? [...unique] : unique.filter((e) => !known.has(e.id));
    if (fresh.length === 0) return { events: [], rows: [], written: Promise.resolve() };
    const restamped = rules.replaces ? unique.filter((e) => known.has(e.id) && known.get(e.id) !== e.hlc) : [];
    if (rules.chain) fresh = this.chain(fresh);
    // The roster's events fold into the roster (meta `roster`), not into an inquiry's row.
    const rosterFresh = fresh.filter(isRosterEvent);
    const rosterWrite = rosterFresh.length > 0 ? this.foldRoster(rosterFresh, rules.replaces) : null;

    const freshGroups = byInquiry(rosterFresh.length > 0 ? fresh.filter((e) => !isRosterEvent(e)) : fresh);
    // Rows kept as they are (a joining desk's fill-in) take nothing; the others are folded.
    const folded = rules.keepRows ? [...freshGroups].filter(([id]) => rowOf.get(id) === undefined) : [...freshGroups];
    // Only inquiries without a row are asked whether events of theirs are stored already (a row holds
    // them all): notes synced before the inquiry's first event have no row but must be folded in.
    const rowless = rules.newIds ? [] : folded.map(([id]) => id).filter((id) => rowOf.get(id) === undefined);
    const held = await inquiriesWithEvents(db.events, rowless);
    const plans = folded.map(([id, list]) => ({
      id,
      list,
      plan: planFold({ row: rowOf.get(id), fresh: list, heldBefore: () => held.has(id), replacing: rules.replaces }),
    }));
    // A second round only for inquiries folded from their whole timeline.
    const refolds = plans.filter((p) => p.plan.kind === 'refold');
    const timelines = await Promise.all(refolds.map((p) => eventsOf(db.events, p.id)));
    const timelineOf = new Map(refolds.map((p, i) => [p.id, timelines[i] as InquiryEvent[]]));
    const rows: InquiryRecord[] = [];
    for (const { id, list, plan } of plans) {
      const row = applyFoldPlan(plan, list, () => withReplacements(timelineOf.get(id) ?? [], list));
      if (row) rows.push(row);
    }

    const writes: Promise<unknown>[] = [rules.replaces ? db.events.bulkPut(fresh) : db.events.bulkAdd(fresh), db.inquiries.bulkPut(rows)];
    // Sync's outbox: this desk's new events to publish, or the new stamps of those waiting there.
    const entries = (list: readonly InquiryEvent[]) => list.map((e) => ({ eventId: e.id, hlc: e.hlc }));
    if (rules.outbox === 'add') writes.push(db.outbox.bulkAdd(entries(fresh)));
    if (rules.outbox === 'update' && restamped.length > 0) writes.push(db.outbox.bulkPut(entries(restamped)));
    if (rules.rememberPeople) {
      const seen = peopleSeen(this.people ?? {}, fresh);
      if (seen) {
        this.people = seen;
        writes.push(putMeta(db.meta, 'people', seen));
      }
    }
    if (rosterWrite) writes.push(rosterWrite);
    const written = Promise.all(writes);
    this.track(written);
    for (const id of rules.keepRows ? rows.map((r) => r.id) : freshGroups.keys()) this.touched.add(id);
    this.publishes ||= rules.publish;
    return { events: fresh, rows, written };
  }

  /**
   * Rows from a snapshot, taken by a joining desk for the inquiries that have none yet: the log is
   * listed before the events are in (they follow with origin 'snapshot', which keeps these rows).
   * The clock moves past `receive` as with received events. Returns the rows stored.
   */
  async adoptRows(rows: readonly InquiryRecord[], receive: HlcStamp | null, now: number): Promise<InquiryRecord[]> {
    const { db } = this;
    const [present, local] = await Promise.all([
      rowsPresent(
        db,
        rows.map((r) => r.id),
      ),
      receive === null ? undefined : getMeta(db.meta, 'hlc'),
    ]);
    if (receive !== null)
      this.track(putMeta(db.meta, 'hlc', clockAfterReceive(local ?? { wall: 0, counter: 0, deviceId: this.desk.deviceId }, receive, now)));
    const taken = rows.filter((_, i) => present[i] === undefined);
    this.track(db.inquiries.bulkPut(taken));
    for (const r of taken) this.touched.add(r.id);
    this.publishes = true;
    return taken;
  }

  /** Saves the desk's clock at the last stamp this desk gave. */
  moveClock(move: { to: Hlc }): void {
    this.track(putMeta(this.db.meta, 'hlc', move.to));
  }

  /** Every write handed over, settled: the transaction must not end before them. */
  async settled(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }

  get announces(): boolean {
    return this.publishes;
  }

  /** What the caller read in this transaction already: the head of this desk's chain, the people known. */
  know(facts: { head?: ChainHead | null; people?: Record<string, KnownPerson> }): void {
    if (facts.head !== undefined) this.head = facts.head;
    if (facts.people !== undefined) this.people = facts.people;
  }

  /** Another write of the same transaction (the caller's own), waited for with the rest. */
  track(write: Promise<unknown>): void {
    // Should one fail, the transaction aborts and its rejection is what the caller sees; the others
    // fail too, and are not left unhandled.
    write.catch(() => undefined);
    this.pending.push(write);
  }

  private readHead(): Promise<void> {
    return chainHead(this.db, this.desk.deviceId).then((head) => {
      this.head = head;
    });
  }

  /**
   * The roster with new roster events folded in, stored: field by field, last writer wins by stamp, so
   * folding onto the stored roster is right for any order; re-stamped events fold the whole stream again.
   */
  private async foldRoster(events: readonly InquiryEvent[], replacing: boolean): Promise<unknown> {
    if (replacing) {
      const ids = new Set(events.map((e) => e.id));
      const stored = (await eventsOf(this.db.events, ROSTER_STREAM)).filter((e) => !ids.has(e.id));
      this.roster = foldRoster(EMPTY_ROSTER, [...stored, ...events]);
    } else {
      this.roster = foldRoster(this.roster ?? (await getMeta(this.db.meta, 'roster')) ?? EMPTY_ROSTER, events);
    }
    return putMeta(this.db.meta, 'roster', this.roster);
  }

  private readPeople(): Promise<void> {
    return getMeta(this.db.meta, 'people').then((people) => {
      // Appends running side by side in one transaction (sync's chunks) each read it: the first answer stands.
      this.people ??= people ?? {};
    });
  }

  /**
   * This desk's own unlinked events get the next links of its chain, in the order given. The digests
   * are computed here and now (chainEventsNow), so the transaction waits on nothing but the database;
   * the head was read inside this transaction, so a write by another window waits and chains onto it.
   */
  private chain(events: InquiryEvent[]): InquiryEvent[] {
    const own = events.filter((e) => e.deviceId === this.desk.deviceId && !e.chain);
    if (own.length === 0) return events;
    const chained = chainEventsNow(own, this.head ?? null);
    this.head = chained.head;
    if (own.length === events.length) return chained.events;
    const linked = new Map(chained.events.map((e) => [e.id, e]));
    return events.map((e) => linked.get(e.id) ?? e);
  }
}

export class EventStore {
  constructor(
    private readonly db: LiaisonDb,
    private readonly changes: Pick<ChangeFeed, 'publish'>,
  ) {}

  /**
   * Runs `work` in one read-write transaction over the tables a write touches, then,
   * once it has committed, tells the change feed which inquiries changed. `work` may await this
   * database only (awaiting anything else would let IndexedDB commit early).
   */
  async write<T>(desk: Desk, work: (w: EventWrite) => Promise<T>, options: { announce?: boolean } = {}): Promise<T> {
    const db = this.db;
    let write: EventWrite | undefined;
    const result = await db.transaction('rw', [db.events, db.inquiries, db.outbox, db.meta, db.profiles], async () => {
      write = new EventWrite(db, desk);
      const out = await work(write);
      await write.settled();
      return out;
    });
    if (write?.announces && options.announce !== false) await this.announce([...write.touched]);
    return result;
  }

  /**
   * Tells the change feed about inquiries written by `write`s that did not (`announce: false`): a bulk write of
   * many transactions announces once at its end, so the log re-reads and re-counts once rather than after each.
   */
  announceChanged(ids: readonly string[]): Promise<void> {
    return this.announce(ids);
  }

  /** Stores events of one origin in a transaction of their own. */
  append(desk: Desk, events: readonly InquiryEvent[], origin: Origin, options?: AppendOptions): Promise<Appended> {
    return this.write(desk, (w) => w.append(events, origin, options));
  }

  /** Folds every row again from its events (Settings → Rebuild), in short transactions: see rebuild.ts; then the roster. */
  async rebuild(onProgress?: RebuildProgress, chunkEvents?: number): Promise<number> {
    const db = this.db;
    const rows = await this.rebuildRows(onProgress, chunkEvents);
    await db.transaction('rw', db.events, db.meta, async () => {
      await putMeta(db.meta, 'roster', foldRoster(EMPTY_ROSTER, await eventsOf(db.events, ROSTER_STREAM)));
    });
    return rows;
  }

  private rebuildRows(onProgress?: RebuildProgress, chunkEvents?: number): Promise<number> {
    const db = this.db;
    return rebuild(db.events, db.inquiries, {
      chunkEvents,
      runChunk: (work) => db.transaction('rw', db.events, db.inquiries, work),
      afterChunk: async (ids, done, total) => {
        onProgress?.(done, total);
        this.changes.publish(ids);
        await new Promise((r) => setTimeout(r, 0));
      },
    });
  }

  /** Announces in chunks, yielding between them, so the log re-reads a large write without one long pause. */
  private async announce(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ANNOUNCE_CHUNK) {
      if (i > 0) await new Promise((r) => setTimeout(r, 0));
      this.changes.publish(ids.slice(i, i + ANNOUNCE_CHUNK));
    }
  }
}

const ANNOUNCE_CHUNK = 2000;

/** Which of these events are stored already, with their stored stamps (a re-stamp compares them; others only ask which). */
async function storedAlready(
  db: LiaisonDb,
  events: readonly InquiryEvent[],
  rules: (typeof ORIGINS)[Origin],
  known?: ReadonlySet<string>,
): Promise<Map<string, string>> {
  if (rules.newIds || events.length === 0) return new Map();
  if (rules.replaces) {
    const stored = await db.events.bulkGet(events.map((e) => e.id));
    return new Map(stored.filter((e): e is InquiryEvent => e !== undefined).map((e) => [e.id, e.hlc]));
  }
  const held =
    known ??
    (await eventIdsHeld(
      db,
      events.map((e) => e.id),
    ));
  return new Map(events.filter((e) => held.has(e.id)).map((e) => [e.id, e.hlc]));
}

/**
 * Which of these event ids are stored: the ids between the lowest and the highest asked, read as keys
 * only in one request (a batch of a desk's events is a stretch of time, and ids grow with time), up
 * to twice as many as asked; should the stretch hold more (other desks' events, an old event
 * republished), the ids past the last key read are looked up one by one, all at once.
 */
export async function eventIdsHeld(db: LiaisonDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const sorted = [...ids].sort();
  const [lo, hi] = [sorted[0] as string, sorted[sorted.length - 1] as string];
  const limit = 2 * sorted.length + 16;
  const keys = (await db.events.where(':id').between(lo, hi, true, true).limit(limit).primaryKeys()) as string[];
  const stored = new Set(keys);
  const held = new Set(sorted.filter((id) => stored.has(id)));
  if (keys.length < limit) return held;
  const last = keys[keys.length - 1] as string;
  const rest = sorted.filter((id) => id > last);
  const found = await db.events.bulkGet(rest);
  for (const [i, id] of rest.entries()) if (found[i] !== undefined) held.add(id);
  return held;
}

/**
 * Which inquiries of these have a row, standing in for the rows (their values unused): a key-only read
 * per inquiry, all issued at once (a single read of every key, `anyOf`, steps a cursor key by key).
 */
async function rowsPresent(db: LiaisonDb, ids: readonly string[]): Promise<Array<InquiryRecord | undefined>> {
  const found = await Promise.all(ids.map((id) => db.inquiries.where(':id').equals(id).primaryKeys()));
  return ids.map((_, i) => ((found[i]?.length ?? 0) > 0 ? PRESENT : undefined));
}

/** What `rowsPresent` gives for a row that exists (never folded onto nor written). */
const PRESENT = {} as InquiryRecord;

/** The events without repeats of an id (the first kept). */
function dedupe(events: readonly InquiryEvent[]): readonly InquiryEvent[] {
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
  return unique.length === events.length ? events : unique;
}

/** An inquiry's stored events with those being written in place of the stored copies of the same ids. */
function withReplacements(stored: readonly InquiryEvent[], fresh: readonly InquiryEvent[]): InquiryEvent[] {
  const ids = new Set(fresh.map((e) => e.id));
  return [...stored.filter((e) => !ids.has(e.id)), ...fresh];
}
