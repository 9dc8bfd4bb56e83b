/*
 * The desk's hash chains in IndexedDB: chaining on write, findings, walking the chains, "Verify the log"
 * and its sign-offs. Over 500 lines, kept together: sync's arrival check, the background check and the full
 * verify are three uses of the same walk over a desk's chain and the same stored findings.
 */
import Dexie from 'dexie';
import { newId } from '../../shared/ids';
import {
  type ChainBreak,
  type ChainHead,
  type CheckedEvent,
  chainEvents,
  checkArrivals,
  checkDeskChain,
  type DeskChainState,
  type EventRef,
  emptyDeskState,
  recomputeAll,
  refOf,
} from '../../shared/inquiry/chain';
import {
  type DeskSummary,
  deskCodeOf,
  REPORT_FORMAT,
  type ReportedBreak,
  reportBreak,
  reportDigest,
  reportGap,
  type SignOff,
  type SignOffCheck,
  type VerifyReport,
} from '../../shared/inquiry/chainReport';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { Actor } from '../../shared/people';
import { decodeHlc } from '../../shared/sync/hlc';
import { asInstant, type Instant } from '../../shared/time/types';
import type { LiaisonDb } from './db';
import { deleteMeta, getMeta, putMeta, type StoredFinding, type VerifiedPrefix } from './meta';

export type { StoredFinding, VerifiedPrefix } from './meta';

/*
 * The desk's hash chains in IndexedDB (shared/inquiry/chain.ts has the rules): chaining this desk's new
 * events inside the write transaction, checking events that arrive by sync, the background check of
 * each desk's chain from where it last got to, and "Verify the log" with its sign-offs.
 */

/** Each desk's chain in order (schema v3). */
const CHAIN_INDEX = '[deviceId+chain.seq]';

const MAX_FINDINGS = 500;

const chainOf = (db: LiaisonDb, deviceId: string) =>
  db.events.where(CHAIN_INDEX).between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey], true, true);

/** The last link of a desk's chain held here (null: none). Inside or outside a transaction. */
export async function chainHead(db: LiaisonDb, deviceId: string): Promise<ChainHead | null> {
  const last = await chainOf(db, deviceId).last();
  return last?.chain ? { seq: last.chain.seq, hash: last.chain.hash } : null;
}

/**
 * Gives this desk's new events (in the order they will be stored) their chain links, onto the head read
 * (chainHead) inside the write transaction that stores them (which must include `events`): so a write by
 * another window waits for this one (IndexedDB runs overlapping read-write transactions one at a time)
 * and chains onto it. The digests are WebCrypto's, awaited through `Dexie.waitFor`, which keeps the
 * transaction open meanwhile (awaiting anything else would commit it).
 */
export async function chainOntoHead(events: readonly InquiryEvent[], head: ChainHead | null): Promise<InquiryEvent[]> {
  if (events.length === 0) return [];
  return (await Dexie.waitFor(chainEvents(events, head))).events;
}

/** For bulk writes (the legacy import): a chainer that keeps the head between batches of one transaction. */
export async function ownChainer(db: LiaisonDb, deviceId: string): Promise<(events: readonly InquiryEvent[]) => Promise<InquiryEvent[]>> {
  let head = await chainHead(db, deviceId);
  return async (events) => {
    if (events.length === 0) return [];
    const chained = await Dexie.waitFor(chainEvents(events, head));
    head = chained.head;
    return chained.events;
  };
}

/**
 * After sync re-stamps this desk's unpublished events (a clock that was wrong), their hashes change: the
 * chain is made again from the first of them to the head, keeping each event's place. Returns every
 * event to store (the re-stamped ones and those after them). Inside the re-stamping transaction.
 */
export async function rechainAfterRestamp(db: LiaisonDb, deviceId: string, moved: readonly InquiryEvent[]): Promise<InquiryEvent[]> {
  const own = moved.filter((e) => e.deviceId === deviceId && e.chain);
  if (own.length === 0) return [...moved];
  const first = Math.min(...own.map((e) => e.chain?.seq ?? Number.POSITIVE_INFINITY));
  const tail = await db.events.where(CHAIN_INDEX).between([deviceId, first], [deviceId, Dexie.maxKey], true, true).toArray();
  const replaced = new Map(moved.map((e) => [e.id, e]));
  const ordered = tail.map((e) => replaced.get(e.id) ?? e);
  const start = ordered[0]?.chain;
  const head = start && start.seq > 1 ? { seq: start.seq - 1, hash: start.prev } : null;
  const { events } = await Dexie.waitFor(chainEvents(ordered, head));
  const inTail = new Set(tail.map((e) => e.id));
  return [...events, ...moved.filter((e) => !inTail.has(e.id))];
}

// ---- findings (sync and the background check) ----

const findingKey = (b: ChainBreak) => `${b.kind}:${b.event.eventId}:${b.other?.eventId ?? ''}`;

/** Adds breaks to the stored findings (each once). Inside a transaction with `meta`, or on its own. */
export async function rememberFindings(
  db: LiaisonDb,
  breaks: readonly ChainBreak[],
  via: StoredFinding['via'],
  now: Instant,
): Promise<void> {
  if (breaks.length === 0) return;
  await db.transaction('rw', db.meta, async () => {
    const list = (await getMeta(db.meta, 'chainFindings')) ?? [];
    const known = new Set(list.map(findingKey));
    let added = false;
    for (const b of breaks) {
      if (known.has(findingKey(b)) || list.length >= MAX_FINDINGS) continue;
      known.add(findingKey(b));
      list.push({ ...b, foundAt: now, via });
      added = true;
    }
    if (added) await putMeta(db.meta, 'chainFindings', list);
  });
}

export async function storedFindings(db: LiaisonDb): Promise<StoredFinding[]> {
  return (await getMeta(db.meta, 'chainFindings')) ?? [];
}

/** A break as stored: where the events are, without the case numbers a report adds. */
export const findingOf = (b: ChainBreak, foundAt: Instant, via: StoredFinding['via']): StoredFinding => ({
  kind: b.kind,
  event: plainRef(b.event),
  other: b.other ? plainRef(b.other) : null,
  ...(b.missing ? { missing: { ...b.missing } } : {}),
  foundAt,
  via,
});

const plainRef = (r: EventRef): EventRef => ({
  eventId: r.eventId,
  inquiryId: r.inquiryId,
  type: r.type,
  at: r.at,
  deviceId: r.deviceId,
  seq: r.seq,
});

/** The desk's own id (its chain is "this desk's": a gap in it is a removal). */
export async function ownDeviceId(db: LiaisonDb): Promise<string | null> {
  return (await getMeta(db.meta, 'device'))?.deviceId ?? null;
}

/**
 * Sync: hashes arriving events' contents before the ingest transaction (WebCrypto cannot be awaited
 * inside it). Only chained events are hashed.
 */
export const prepareArrivals = (events: readonly InquiryEvent[]): Promise<CheckedEvent[]> => recomputeAll(events);

/**
 * Sync, inside the ingest transaction, before the arriving events are written: reads the events held
 * around them in their desks' chains (one range read per desk, from the lowest arrival's seq − 1 to the
 * highest's + 1). With the events then written, that is every neighbour `checkArrivedEvents` needs,
 * without reading back what was just written.
 */
export function neighboursHeld(db: LiaisonDb, prepared: readonly CheckedEvent[]): Promise<InquiryEvent[]> {
  const ranges = new Map<string, { lo: number; hi: number }>();
  for (const { event } of prepared) {
    const seq = event.chain?.seq as number;
    const r = ranges.get(event.deviceId);
    if (r) {
      r.lo = Math.min(r.lo, seq - 1);
      r.hi = Math.max(r.hi, seq + 1);
    } else ranges.set(event.deviceId, { lo: seq - 1, hi: seq + 1 });
  }
  return Promise.all(
    [...ranges].map(([device, { lo, hi }]) => db.events.where(CHAIN_INDEX).between([device, lo], [device, hi], true, true).toArray()),
  ).then((lists) => lists.flat());
}

/**
 * Sync, inside the ingest transaction, after the new events are stored: checks each against its
 * neighbours in its desk's chain (the one before, the one after, and any other event claiming its place:
 * those held before, `neighboursHeld`, and those just written, `fresh`) and stores what is broken. A
 * predecessor not held yet is checked when it arrives. Returns the breaks.
 */
export async function checkArrivedEvents(
  db: LiaisonDb,
  prepared: readonly CheckedEvent[],
  fresh: readonly InquiryEvent[],
  heldBefore: readonly InquiryEvent[],
  now: number,
): Promise<ChainBreak[]> {
  const freshIds = new Set(fresh.map((e) => e.id));
  const arrived = prepared.filter((p) => freshIds.has(p.event.id));
  if (arrived.length === 0) return [];
  const breaks = checkArrivals(arrived, [...heldBefore, ...fresh]);
  await rememberFindings(db, breaks, 'sync', asInstant(now)); // the sync engine's clock reading, parsed here
  return breaks;
}

// ---- walking the chains ----

export const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

/** The desks with chained events here, each found with one index read (a skip-scan, not a walk of every key). */
export async function chainedDesks(db: LiaisonDb): Promise<string[]> {
  const desks: string[] = [];
  let next = await db.events.orderBy(CHAIN_INDEX).first();
  while (next) {
    desks.push(next.deviceId);
    next = await db.events.where(CHAIN_INDEX).above([next.deviceId, Dexie.maxKey]).first();
  }
  return desks;
}

/** Reads a desk's chain from `afterSeq` on, `size` events at a time, each page in its own short read. */
export async function* chainPages(db: LiaisonDb, deviceId: string, afterSeq: number, size: number): AsyncGenerator<InquiryEvent[]> {
  let from = afterSeq;
  let seenAtFrom = new Set<string>();
  for (;;) {
    // Duplicate seqs are possible (that is a break to report), so each page restarts at the last seq read.
    const page = await db.events
      .where(CHAIN_INDEX)
      .between([deviceId, from], [deviceId, Dexie.maxKey], true, true)
      .limit(size + seenAtFrom.size)
      .toArray();
    const fresh = page.filter((e) => !seenAtFrom.has(e.id) && (e.chain?.seq ?? 0) >= from);
    if (fresh.length === 0) return;
    yield fresh;
    const lastSeq = fresh[fresh.length - 1]?.chain?.seq as number;
    const next = lastSeq === from ? seenAtFrom : new Set<string>();
    for (const e of fresh) if (e.chain?.seq === lastSeq) next.add(e.id);
    seenAtFrom = next;
    from = lastSeq;
    if (page.length < size) return;
  }
}

/**
 * The background check (on start, after a while): each desk's chain from where it last got to, a chunk at
 * a time, yielding to the window between chunks. A gap (events not received yet) stops a desk's prefix
 * there: the next check goes on from it. Breaks are stored as findings. Returns events checked.
 */
export async function checkChainsInBackground(
  db: LiaisonDb,
  now: () => Instant,
  options: { chunk?: number; shouldStop?: () => boolean } = {},
): Promise<number> {
  const chunk = options.chunk ?? 250;
  const own = await ownDeviceId(db);
  let checked = 0;
  for (const deviceId of await chainedDesks(db)) {
    const prefixes = (await getMeta(db.meta, 'chainVerified')) ?? {};
    const prefix = prefixes[deviceId];
    // In this desk's own chain a gap is a removal (a break), and the check goes on past it.
    const state: DeskChainState = emptyDeskState(deviceId, deviceId === own);
    if (prefix) state.last = { seq: prefix.seq, hash: prefix.hash, event: prefix.event };
    let stoppedAtGap = false;
    for await (const page of chainPages(db, deviceId, (prefix?.seq ?? 0) + 1, chunk)) {
      if (options.shouldStop?.()) return checked;
      for (const item of await recomputeAll(page)) {
        const before = state.last;
        checkDeskChain(state, [item]);
        checked += 1;
        if (state.gaps.length > 0) {
          // Keep the prefix before the gap: what comes after it is checked again next time.
          state.last = before;
          stoppedAtGap = true;
          break;
        }
      }
      if (state.breaks.length > 0) await rememberFindings(db, state.breaks.splice(0), 'background', now());
      await saveVerified(db, deviceId, state.last);
      if (stoppedAtGap) break;
      await yieldToWindow();
    }
  }
  return checked;
}

async function saveVerified(db: LiaisonDb, deviceId: string, last: DeskChainState['last']): Promise<void> {
  if (!last) return;
  await db.transaction('rw', db.meta, async () => {
    const prefixes = (await getMeta(db.meta, 'chainVerified')) ?? {};
    prefixes[deviceId] = { seq: last.seq, hash: last.hash, event: last.event };
    await putMeta(db.meta, 'chainVerified', prefixes);
  });
}

/** How far the background check has got: per desk, the last link checked with nothing missing before it. */
export async function verifiedPrefixes(db: LiaisonDb): Promise<Record<string, VerifiedPrefix>> {
  return (await getMeta(db.meta, 'chainVerified')) ?? {};
}

// ---- "Verify the log" ----

export interface VerifyProgress {
  done: number;
  total: number;
}

/**
 * Counts every event per desk without reading the events: the `hlc` index's keys end in the stamping
 * desk's id. Pages of 10,000 keys, each its own short read, restarting at the last key (stamps repeat
 * only by mistake, and then are counted once each).
 */
async function eventsPerDesk(
  db: LiaisonDb,
  own: { deviceId: string; fromHlc: string } | null,
): Promise<{ counts: Map<string, number>; ownStamps: Set<string> }> {
  const counts = new Map<string, number>();
  // This desk's stamps from its first chained event on: the chained ones are struck off during the walk.
  const ownStamps = new Set<string>();
  let last: string | null = null;
  let seenAtLast = 0;
  for (;;) {
    const size = 10_000;
    const keys = (
      last === null
        ? await db.events.orderBy('hlc').limit(size).keys()
        : await db.events
            .where('hlc')
            .aboveOrEqual(last)
            .limit(size + seenAtLast)
            .keys()
    ) as string[];
    const fresh = last === null ? keys : keys.slice(seenAtLast);
    if (fresh.length === 0) return { counts, ownStamps };
    for (const k of fresh) {
      const device = decodeHlc(k)?.deviceId ?? '';
      counts.set(device, (counts.get(device) ?? 0) + 1);
      if (own && device === own.deviceId && k >= own.fromHlc) ownStamps.add(k);
    }
    const tail = fresh[fresh.length - 1] as string;
    seenAtLast = (tail === last ? seenAtLast : 0) + fresh.filter((k) => k === tail).length;
    last = tail;
    if (keys.length < size) return { counts, ownStamps };
    await yieldToWindow();
  }
}

/**
 * This desk's events that are not chained although recorded after its chain began: only the app's own
 * writes chain, so these were put in from outside it. `stamps`: this desk's stamps from its first chained
 * event on, with the chained events' struck off during the walk; what is left is read (at most `limit`).
 */
async function ownUnchained(db: LiaisonDb, deviceId: string, stamps: ReadonlySet<string>, limit: number): Promise<InquiryEvent[]> {
  if (stamps.size === 0) return [];
  const found = await db.events
    .where('hlc')
    .anyOf([...stamps].slice(0, limit))
    .toArray();
  return found.filter((e) => e.deviceId === deviceId && !e.chain);
}

async function caseNumbers(db: LiaisonDb, inquiryIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(inquiryIds)];
  const rows = await db.inquiries.bulkGet(ids);
  const cases = new Map<string, string>();
  rows.forEach((r, i) => {
    if (r) cases.set(ids[i] as string, r.caseNumber);
  });
  return cases;
}

export async function loadSignOffs(db: LiaisonDb): Promise<SignOff[]> {
  return (await getMeta(db.meta, 'chainSignOffs')) ?? [];
}

/** A previous sign-off's heads against the log now, and whether the stored sign-off still gives its digest. */
async function checkSignOff(db: LiaisonDb, s: SignOff): Promise<SignOffCheck> {
  const intact = (await reportDigest(s.report)) === s.digest;
  const desks: SignOffCheck['desks'] = [];
  for (const d of s.report.desks) {
    if (!d.head) continue;
    const held = await db.events.where(CHAIN_INDEX).equals([d.deviceId, d.head.seq]).toArray();
    const status = held.length === 0 ? 'gone' : held.some((e) => e.chain?.hash === d.head?.hash) ? 'same' : 'changed';
    desks.push({ deviceId: d.deviceId, seq: d.head.seq, status });
  }
  return { signOffId: s.id, signedAt: s.signedAt, signedBy: s.signedBy.name, intact, desks };
}

/**
 * "Verify the log": every desk's chain from its first link, every event hashed again, with progress in
 * events; then this desk's unchained events after its chain began, and every earlier sign-off's chain
 * heads against the log now. Reads in short chunks, yielding between them: the window keeps working.
 * A gap in this desk's own chain is a 'removed' break; in another desk's, events not received yet.
 * The stored findings become the breaks this run found (and any found while it ran).
 */
export async function verifyLog(
  db: LiaisonDb,
  input: { deviceId: string; ranBy: Actor; now: () => Instant; onProgress?: (p: VerifyProgress) => void; chunk?: number },
): Promise<VerifyReport> {
  const chunk = input.chunk ?? 500;
  const ranAt = input.now();
  const total = await db.events.count();
  const firstOwn = await chainOf(db, input.deviceId).first();
  const { counts: perDesk, ownStamps } = await eventsPerDesk(db, firstOwn ? { deviceId: input.deviceId, fromHlc: firstOwn.hlc } : null);
  let done = 0;
  input.onProgress?.({ done, total });
  const counts = { breaks: 0, gaps: 0 };
  const states: DeskChainState[] = [];
  for (const deviceId of await chainedDesks(db)) {
    const state = emptyDeskState(deviceId, deviceId === input.deviceId);
    // The next page is read while this one is hashed and checked.
    const pages = chainPages(db, deviceId, 0, chunk);
    let next = pages.next();
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = pages.next();
      const page = current.value;
      if (deviceId === input.deviceId) for (const e of page) ownStamps.delete(e.hlc);
      checkDeskChain(state, await recomputeAll(page), counts);
      done += page.length;
      input.onProgress?.({ done: Math.min(done, total), total });
      await yieldToWindow();
    }
    states.push(state);
  }
  const unchained = await ownUnchained(db, input.deviceId, ownStamps, 200);
  const unchainedBreaks: ChainBreak[] = unchained.map((e) => ({ kind: 'unchained', event: refOf(e), other: null }));
  counts.breaks += unchainedBreaks.length;
  input.onProgress?.({ done: total, total });

  const allBreaks = [...states.flatMap((s) => s.breaks), ...unchainedBreaks];
  const allGaps = states.flatMap((s) => s.gaps);
  const cases = await caseNumbers(db, [
    ...allBreaks.flatMap((b) => [b.event.inquiryId, ...(b.other ? [b.other.inquiryId] : [])]),
    ...allGaps.flatMap((g) => [g.before.inquiryId, ...(g.after ? [g.after.inquiryId] : [])]),
  ]);
  const breaks: ReportedBreak[] = allBreaks.map((b) => reportBreak(b, cases));

  const deviceIds = new Set([...perDesk.keys(), ...states.map((s) => s.deviceId)]);
  deviceIds.delete('');
  const desks: DeskSummary[] = [...deviceIds].sort().map((deviceId) => {
    const state = states.find((s) => s.deviceId === deviceId);
    const events = Math.max(perDesk.get(deviceId) ?? 0, state?.checked ?? 0);
    const chained = state?.checked ?? 0;
    const last = state?.last;
    const deskBreaks = allBreaks.filter((b) => b.event.deviceId === deviceId).length;
    return {
      deviceId,
      deskCode: deskCodeOf(deviceId),
      own: deviceId === input.deviceId,
      events,
      chained,
      notChained: events - chained,
      head: last ? { seq: last.seq, hash: last.hash, at: last.event.at, eventId: last.event.eventId } : null,
      breaks: deskBreaks,
      gaps: state?.gaps.length ?? 0,
      // Not received yet (another desk's gaps) or removed (this desk's own, counted among its breaks).
      missing:
        (state?.gaps ?? []).reduce((n, g) => n + g.to - g.from + 1, 0) +
        (state?.breaks ?? []).reduce((n, b) => n + (b.missing ? b.missing.to - b.missing.from + 1 : 0), 0),
    };
  });
  desks.sort((a, b) => Number(b.own) - Number(a.own) || a.deskCode.localeCompare(b.deskCode));

  const previous = await loadSignOffs(db);
  const signOffs: SignOffCheck[] = [];
  for (const s of previous) signOffs.push(await checkSignOff(db, s));

  const report: VerifyReport = {
    format: REPORT_FORMAT,
    ranAt,
    ranBy: { id: input.ranBy.id, name: input.ranBy.name, role: input.ranBy.role },
    deviceId: input.deviceId,
    totals: {
      events: total,
      chained: desks.reduce((n, d) => n + d.chained, 0),
      notChained: desks.reduce((n, d) => n + d.notChained, 0),
      breaks: counts.breaks,
      gaps: counts.gaps,
      desks: desks.length,
    },
    desks,
    breaks,
    gaps: allGaps.map((g) => reportGap(g, cases)),
    signOffs,
    previousSignOff: previous.at(-1)?.digest ?? null,
  };
  // The findings become what this run found broken (the log as it is now: what is put right, by a
  // restore, goes; what is still broken stays, so the header and the inquiries keep showing it); any
  // found meanwhile (a sync during the run) stay too.
  await db.transaction('rw', db.meta, async () => {
    const now = [...allBreaks.slice(0, MAX_FINDINGS).map((b) => findingOf(b, ranAt, 'verify'))];
    const known = new Set(now.map(findingKey));
    for (const f of await storedFindings(db)) if (f.foundAt > ranAt && !known.has(findingKey(f)) && now.length < MAX_FINDINGS) now.push(f);
    if (now.length > 0) await putMeta(db.meta, 'chainFindings', now);
    else await deleteMeta(db.meta, 'chainFindings');
  });
  return report;
}

/** Records the lead's sign-off of a report (name and time), with the report's own SHA-256. */
export async function signOff(
  db: LiaisonDb,
  report: VerifyReport,
  signer: { name: string; profile: Actor },
  now: Instant,
): Promise<SignOff> {
  const digest = await reportDigest(report);
  const record: SignOff = {
    id: newId(now),
    report,
    digest,
    signedBy: { name: signer.name, profileId: signer.profile.id, role: signer.profile.role },
    signedAt: now,
  };
  await db.transaction('rw', db.meta, async () => {
    const list = await loadSignOffs(db);
    await putMeta(db.meta, 'chainSignOffs', [...list, record]);
  });
  return record;
}

export interface ChainStatus {
  /** Per desk, the last link the background check got to with nothing missing before it. */
  verified: Record<string, { seq: number }>;
  /** Breaks found by sync or the background check since the last full verify. */
  findings: StoredFinding[];
  signOffs: SignOff[];
  /** Case numbers of the findings' inquiries, by inquiry id (absent: not in this log). */
  cases: Record<string, string>;
}

/** What is known of the desks' hash chains without verifying: the background check's progress, findings, sign-offs. */
export async function chainStatus(db: LiaisonDb): Promise<ChainStatus> {
  const findings = await storedFindings(db);
  const ids = [...new Set(findings.flatMap((f) => [f.event.inquiryId, ...(f.other ? [f.other.inquiryId] : [])]))];
  const rows = await db.inquiries.bulkGet(ids);
  const cases: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r) cases[ids[i] as string] = r.caseNumber;
  });
  return { verified: await verifiedPrefixes(db), findings, signOffs: await loadSignOffs(db), cases };
}
