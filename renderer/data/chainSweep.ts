import Dexie from 'dexie';
import { checkDeskChain, type DeskChainState, emptyDeskState, recomputeAll, refOf } from '../../shared/inquiry/chain';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { decodeHlc } from '../../shared/sync/hlc';
import type { Instant } from '../../shared/time/types';
import { chainedDesks, chainHead, checkChainsInBackground, ownDeviceId, rememberFindings, yieldToWindow } from './chainStore';
import type { LiaisonDb } from './db';
import { deleteMeta, getMeta, putMeta, type SweepState } from './meta';

export type { SweepState } from './meta';

/*
 * The background check's second half: besides looking at what is new (chainStore
 * `checkChainsInBackground`), it re-reads every desk's whole chain once a day, a chunk at a time in idle
 * moments spread over the day, so a change to an old event is found within a day without anyone running
 * "Verify the log". Where a pass got to is kept in `meta.chainSweep`, so a restart goes on from there.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
const CHAIN_INDEX = '[deviceId+chain.seq]';

export async function sweepState(db: LiaisonDb): Promise<SweepState | null> {
  return (await getMeta(db.meta, 'chainSweep')) ?? null;
}

async function saveSweep(db: LiaisonDb, state: SweepState): Promise<void> {
  await putMeta(db.meta, 'chainSweep', state);
}

/** Starts the sweep over from the first desk's first link (after a restore or an import: the chains there are new). */
export async function restartSweep(db: LiaisonDb): Promise<void> {
  await deleteMeta(db.meta, 'chainSweep');
}

/**
 * One step of the sweep: the next `chunk` links of the desk it is in, checked against the one before
 * (kept between steps); breaks are stored as findings. A desk's end moves it to the next desk; the last
 * desk's end completes the pass. A pass due (none yet, or the last began a day ago) starts at the first desk.
 * Returns the events checked and whether the pass is now complete.
 */
export async function sweepStep(db: LiaisonDb, now: Instant, chunk = 250): Promise<{ checked: number; complete: boolean }> {
  let state = await sweepState(db);
  if (state === null || (state.cursor === null && now - state.startedAt >= DAY_MS)) {
    const first = (await chainedDesks(db))[0];
    state = { startedAt: now, lastCompletedAt: state?.lastCompletedAt ?? null, cursor: first ? { deviceId: first, last: null } : null };
    if (!first) {
      await saveSweep(db, { ...state, lastCompletedAt: now });
      return { checked: 0, complete: true };
    }
  }
  const cursor = state.cursor;
  if (cursor === null) return { checked: 0, complete: true };
  const own = await ownDeviceId(db);
  const desk: DeskChainState = emptyDeskState(cursor.deviceId, cursor.deviceId === own);
  if (cursor.last) desk.last = { seq: cursor.last.seq, hash: cursor.last.hash, event: cursor.last.event };
  let checked = 0;
  // From the last link checked on (itself left out), so an event claiming the same place is still met.
  const raw = await db.events
    .where(CHAIN_INDEX)
    .between([cursor.deviceId, cursor.last?.seq ?? 1], [cursor.deviceId, Dexie.maxKey], true, true)
    .limit(chunk + (cursor.last ? 2 : 1))
    .toArray();
  const after = raw.filter((e) => e.id !== cursor.last?.event.eventId);
  const events = after.slice(0, chunk);
  if (events.length > 0) {
    checkDeskChain(desk, await recomputeAll(events));
    checked = events.length;
    if (desk.breaks.length > 0) await rememberFindings(db, desk.breaks, 'background', now);
  }
  let nextCursor: SweepState['cursor'];
  if (after.length > chunk) {
    nextCursor = {
      deviceId: cursor.deviceId,
      last: desk.last ? { seq: desk.last.seq, hash: desk.last.hash, event: desk.last.event } : null,
    };
  } else {
    // This desk's chain is read to its end: on to the next desk, or the pass is complete.
    const after = await db.events.where(CHAIN_INDEX).above([cursor.deviceId, Dexie.maxKey]).first();
    nextCursor = after ? { deviceId: after.deviceId, last: null } : null;
  }
  if (nextCursor === null && own) {
    // The pass's last step: this desk's events put in without a link since its chain began.
    const put = await ownUnchainedSinceChainBegan(db, own);
    if (put.length > 0)
      await rememberFindings(
        db,
        put.map((e) => ({ kind: 'unchained' as const, event: refOf(e), other: null })),
        'background',
        now,
      );
  }
  await saveSweep(db, {
    startedAt: state.startedAt,
    lastCompletedAt: nextCursor === null ? now : state.lastCompletedAt,
    cursor: nextCursor,
  });
  return { checked, complete: nextCursor === null };
}

/**
 * This desk's events without a link stamped at or after its first chained event: only the app's own
 * writes chain, so these were put in from outside it. Cheap when there are none: the desk's stamps are
 * counted from the `hlc` index's keys (no event read) and compared with its chain's length; only when
 * they differ are its events from that stamp on read, a page at a time. At most `limit` are returned.
 */
export async function ownUnchainedSinceChainBegan(db: LiaisonDb, deviceId: string, limit = 200): Promise<InquiryEvent[]> {
  const chain = db.events.where(CHAIN_INDEX).between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey], true, true);
  const first = await chain.first();
  if (!first) return [];
  const PAGE = 10_000;
  let stamps = 0;
  let after: string | null = null;
  for (;;) {
    const keys = (
      after === null
        ? await db.events.where('hlc').aboveOrEqual(first.hlc).limit(PAGE).keys()
        : await db.events.where('hlc').above(after).limit(PAGE).keys()
    ) as string[];
    for (const k of keys) if (decodeHlc(k)?.deviceId === deviceId) stamps += 1;
    if (keys.length < PAGE) break;
    after = keys[keys.length - 1] as string;
    await yieldToWindow();
  }
  if (stamps <= (await chain.count())) return [];
  const found: InquiryEvent[] = [];
  after = null;
  for (;;) {
    const page: InquiryEvent[] =
      after === null
        ? await db.events.where('hlc').aboveOrEqual(first.hlc).limit(500).toArray()
        : await db.events.where('hlc').above(after).limit(500).toArray();
    for (const e of page) if (e.deviceId === deviceId && !e.chain && found.length < limit) found.push(e);
    if (page.length < 500 || found.length >= limit) return found;
    after = (page[page.length - 1] as InquiryEvent).hlc;
    await yieldToWindow();
  }
}

/** Runs a callback when the window is idle (or after a moment where there is no idle callback). */
function whenIdle(run: () => void): () => void {
  const w = globalThis as unknown as {
    requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const cancel = w.cancelIdleCallback;
    const id = w.requestIdleCallback(run, { timeout: 60_000 });
    return () => cancel(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/**
 * The pause between two steps so a pass over `events` events, `chunk` at a time, takes about 20 hours:
 * at least a second (a small log is re-read at once), at most ten minutes.
 */
export function sweepPause(events: number, chunk = 250): number {
  const steps = Math.max(1, Math.ceil(events / chunk));
  return Math.min(10 * 60_000, Math.max(1000, Math.floor((DAY_MS * 0.8) / steps)));
}

/**
 * How many events the daily pass reads: each chain's length, from its head. Not a count of the events
 * table, which walks every record (seconds at a million), and the desk's saves would queue behind it.
 */
async function chainedEvents(db: LiaisonDb): Promise<number> {
  let total = 0;
  for (const deviceId of await chainedDesks(db)) total += (await chainHead(db, deviceId))?.seq ?? 0;
  return total;
}

/**
 * The background check, `delayMs` after start so the first screen never waits for it: what is new since
 * the last check first, then the daily pass over every chain, one chunk per idle moment, paced so the
 * pass takes most of a day; a new pass a day after the last began. Returns the function that stops it.
 */
export function startBackgroundChainCheck(
  db: LiaisonDb,
  now: () => Instant,
  onError: (err: unknown) => void,
  delayMs = 20_000,
): () => void {
  let stopped = false;
  let cancel: () => void = () => undefined;
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      cancel = whenIdle(run);
    }, ms);
    cancel = () => clearTimeout(timer);
  };
  const step = async (pause: number) => {
    if (stopped) return;
    const { complete } = await sweepStep(db, now());
    if (stopped) return;
    if (!complete) {
      later(pause, () => void step(pause).catch(onError));
      return;
    }
    // The next pass a day after this one began; what is new is looked at then too.
    const state = await sweepState(db);
    const wait = Math.max(60_000, (state?.startedAt ?? now()) + DAY_MS - now());
    later(wait, () => void begin().catch(onError));
  };
  const begin = async () => {
    if (stopped) return;
    await checkChainsInBackground(db, now, { shouldStop: () => stopped });
    await yieldToWindow();
    const pause = sweepPause(await chainedEvents(db));
    await step(pause);
  };
  later(delayMs, () => void begin().catch(onError));
  return () => {
    stopped = true;
    cancel();
  };
}
