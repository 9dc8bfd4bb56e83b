import type { InquiryEvent } from '../inquiry/events';
import type { InquiryRecord } from '../inquiry/projection';
import { asInstant } from '../time/types';
import type { OpenFailure } from './fileBox';
import { decodeHlc, encodeHlc, type Hlc, type HlcStamp, receiveHlc, tickHlc } from './hlc';

/**
 * What sync needs from the desk's local database. The renderer implements it over Dexie
 * (renderer/data/syncStore.ts); tests also use an in-memory one. Every method that changes
 * more than one thing does so in one transaction: events, projections, outbox, clock and the
 * sync state below land together or not at all.
 */

export type QuarantineReason =
  /** The whole file could not be read (see fileBox's OpenFailure and payload decoding). */
  | OpenFailure
  /** Not on the share although later segments of its desk are (after a grace period). */
  | 'missing'
  /** Some events in it are dated more than a day ahead: held back until their time. */
  | 'future_events'
  /** Some entries in it are not events this version understands (a newer app's). */
  | 'unknown_events';

export interface QuarantineEntry {
  device: string;
  seq: number;
  /** 'file': nothing in it was applied; 'partial': its readable events were applied, some are held back. */
  kind: 'file' | 'partial';
  reason: QuarantineReason;
  since: number;
  lastTry: number;
  tries: number;
}

/** One of this desk's published segments, remembered until it is cleaned up (for republishing and clean-up). */
export interface PublishedSegment {
  seq: number;
  first: HlcStamp;
  last: HlcStamp;
  count: number;
  at: number;
}

/** This desk's sync bookkeeping, kept in its local database. */
export interface SyncLocalState {
  v: 1;
  /** The share this desk joined (pinned: a folder with another id is refused). */
  shareId: string | null;
  keyId: number | null;
  /** The number of this desk's next segment. */
  nextSeq: number;
  /** The lowest of this desk's segments still on the share. */
  oldestSeq: number;
  /** The number of this desk's next state (heartbeat) file. */
  stateSeq: number;
  /** Per other desk, the highest segment examined (applied or set aside). */
  cursors: Record<string, number>;
  /** Every desk ever seen in the share's devices folder (a desk missing from a listing means the folder is not what it was). */
  knownDesks: string[];
  quarantine: QuarantineEntry[];
  published: PublishedSegment[];
  /** Segments of this desk that others reported unreadable and that were published again: `seq` values. */
  republished: number[];
  /**
   * Numbers of this desk's segments it never wrote: the name was taken by a file that does not
   * authenticate (junk). Told in heartbeats so readers pass them at once instead of waiting.
   */
  skipped: number[];
  /** This desk's own heartbeat files still on the share (the newest, and any not removed yet): `n` values. */
  ownStates: number[];
  /** Stamps of the snapshots this desk started writing and has not removed (only these are its own to remove). */
  ownSnapshots: string[];
  /**
   * A new desk joining from a snapshot's rows (docs/sync.md "Joining"): the snapshot, and how many of
   * its row and event parts are in. Set once its rows are in, cleared when its events are too; a
   * restart goes on from there. Null otherwise.
   */
  joining?: { stamp: string; rowParts: number; eventParts: number } | null;
  lastSuccessAt: number | null;
  lastSnapshotAt: number | null;
  lastCleanupAt: number | null;
}

export const initialSyncState = (): SyncLocalState => ({
  v: 1,
  shareId: null,
  keyId: null,
  nextSeq: 1,
  oldestSeq: 1,
  stateSeq: 1,
  cursors: {},
  knownDesks: [],
  quarantine: [],
  published: [],
  republished: [],
  skipped: [],
  ownStates: [],
  ownSnapshots: [],
  lastSuccessAt: null,
  lastSnapshotAt: null,
  lastCleanupAt: null,
});

export interface IngestResult {
  /** Events not held before. */
  added: number;
  /** Inquiries whose rows changed. */
  inquiryIds: string[];
}

export interface SyncStore {
  deviceId(): Promise<string>;
  /** How colleagues recognise this desk: its code and who works at it. */
  deskLabel(): Promise<{ deskCode: string; label: string }>;
  loadState(): Promise<SyncLocalState>;
  saveState(state: SyncLocalState): Promise<void>;
  /** Events recorded on this desk and not yet published. */
  pendingCount(): Promise<number>;
  /** The oldest unpublished events, in HLC order. */
  outboxBatch(limit: number): Promise<InquiryEvent[]>;
  /** Clears the outbox entries of published events and saves the state (one transaction). */
  markPublished(eventIds: readonly string[], state: SyncLocalState): Promise<void>;
  /**
   * Stores the events not held yet (by id), re-projects the inquiries they touch, moves the
   * desk's clock past `receive` (if given; see `clockAfterReceive`), and saves the state, in one transaction.
   * `fill`: a joining desk's fill-in; the events come from the snapshot whose rows this desk took
   * (adoptRows), so an inquiry that has a row is not folded again (its row holds them already).
   */
  ingest(
    events: readonly InquiryEvent[],
    state: SyncLocalState,
    receive: HlcStamp | null,
    now: number,
    fill?: boolean,
  ): Promise<IngestResult>;
  /** Whether this desk holds no inquiry and none of their events (the roster's aside): only then may it take a snapshot's rows as they are. Optional. */
  holdsNoInquiries?(): Promise<boolean>;
  /**
   * Stores a snapshot's rows for the inquiries that have none yet, moves the desk's clock past
   * `receive` and saves the state, in one transaction. Optional: a store without it joins by the events.
   */
  adoptRows?(rows: readonly InquiryRecord[], state: SyncLocalState, receive: HlcStamp | null, now: number): Promise<IngestResult>;
  /** Every inquiry's row, in pages by id (a snapshot's row parts). Optional: a store without it writes none. */
  rowsPage?(afterId: string | null, limit: number): Promise<InquiryRecord[]>;
  /** Every event held, in pages by id (for snapshots). */
  eventsPage(afterId: string | null, limit: number): Promise<InquiryEvent[]>;
  /** Puts this desk's events stamped within [from, to] back in the outbox (a segment others could not read). */
  requeue(from: HlcStamp, to: HlcStamp): Promise<number>;
  /**
   * Gives this desk's unpublished events stamped after `maxWall` new stamps from `now` (their order
   * kept), re-projects, and resets the desk's clock: for after a wrong clock was corrected.
   */
  restampFuture(maxWall: number, now: number): Promise<number>;
  /** The desk's clock as last saved. */
  localClock(): Promise<Hlc | null>;
  /** Runs `fn` unless another sync of this same desk is running (then null). */
  withLock<T>(fn: () => Promise<T>): Promise<T | null>;
}

/**
 * The highest of the received stamps that may move this desk's clock: only those within
 * `maxLead` of now (see docs/sync.md "Clocks"), so one wrong clock cannot drag every desk's
 * clock ahead with it. Null when none may.
 */
export function receivableStamp(stamps: Iterable<HlcStamp>, now: number, maxLead: number): HlcStamp | null {
  let best: HlcStamp | null = null;
  for (const s of stamps) {
    const h = decodeHlc(s);
    if (h && h.wall <= now + maxLead && (best === null || s > best)) best = s;
  }
  return best;
}

/** The desk's clock after receiving `stamp` (for stores, inside their transaction). */
export function clockAfterReceive(local: Hlc, stamp: HlcStamp | null, now: number): Hlc {
  const remote = stamp === null ? null : decodeHlc(stamp);
  return remote ? receiveHlc(local, remote, asInstant(now)) : local;
}

/**
 * New stamps for unpublished events dated after `maxWall`, in their old order, continuing from
 * `base` (the highest stamp that stays). Returns the old→new map and the clock afterwards.
 */
export function restampPlan(
  events: readonly InquiryEvent[],
  maxWall: number,
  base: Hlc,
  now: number,
): { stamps: Map<string, HlcStamp>; clock: Hlc } {
  const late = events.filter((e) => (decodeHlc(e.hlc)?.wall ?? 0) > maxWall).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const stamps = new Map<string, HlcStamp>();
  let clock = base;
  for (const e of late) {
    clock = tickHlc(clock, asInstant(now));
    stamps.set(e.id, encodeHlc(clock));
  }
  return { stamps, clock };
}
