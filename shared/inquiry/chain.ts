import type { Instant } from '../time/types';
import type { InquiryEvent } from './events';
import { sha256Sync } from './sha256';

/**
 * Tamper-evident history (SPEC issue 8): every event a desk writes carries a link of that desk's hash
 * chain, `chain: {seq, prev, hash}`. `seq` counts the desk's chained events (1, 2, 3…), `prev` is the
 * previous one's `hash` (GENESIS for seq 1), and `hash` is SHA-256 over the event's canonical form
 * (every field but `chain.hash`, keys in a stable order) with its `seq` and `prev`. Changing, removing,
 * inserting or reordering an event of a chain breaks it at that event and at its successor's link.
 * Events written before chains existed have no `chain`: they are "not chained", never "broken".
 * What the chain proves and what it does not: docs/events.md "Tamper-evident history".
 *
 * Pure: hashing is WebCrypto's SHA-256 (`Sha256`, injected; `webSha256()` is the platform's own).
 */

export const CHAIN_GENESIS = '0'.repeat(64);
/** Prefixed to what is hashed, so a chain hash can never be mistaken for a digest of anything else. */
const DOMAIN = 'liaison-log/event-chain/v1\n';

export { type ChainLink, chainLinkSchema } from './chainLink';

/** The last link a desk wrote: what its next event chains onto. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type Sha256 = (data: Uint8Array) => Promise<Uint8Array>;

interface WebCryptoGlobals {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(s: string): Uint8Array };
}
const web = globalThis as unknown as WebCryptoGlobals;
const encoder = new web.TextEncoder();

/** The platform's SHA-256 (renderer, Node 20 and jsdom tests all have WebCrypto). */
export const webSha256: Sha256 = async (data) => new Uint8Array(await web.crypto.subtle.digest('SHA-256', data));

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** SHA-256 (hex) of a text's UTF-8. */
export async function sha256Hex(text: string, sha256: Sha256 = webSha256): Promise<string> {
  return toHex(await sha256(encoder.encode(text)));
}

/**
 * JSON with object keys sorted (by UTF-16 code unit) at every level and `undefined` members left out,
 * as JSON.stringify leaves them out: the same value gives the same text whatever order its keys were
 * written in, and after any JSON round trip (sync, backup, export).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: not a finite number');
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** What a link's hash covers: the event without its `chain`, plus the link's `seq` and `prev`. */
export function linkText(event: InquiryEvent, seq: number, prev: string): string {
  const { chain: _ignored, ...rest } = event;
  return DOMAIN + canonicalJson({ ...rest, chain: { seq, prev } });
}

export async function linkHash(event: InquiryEvent, seq: number, prev: string, sha256: Sha256 = webSha256): Promise<string> {
  return sha256Hex(linkText(event, seq, prev), sha256);
}

/** The hash a chained event's content gives now (compare with its stored `chain.hash`). */
export function recomputeHash(event: InquiryEvent, sha256: Sha256 = webSha256): Promise<string> {
  const link = event.chain;
  if (!link) throw new Error('recomputeHash: the event is not chained');
  return linkHash(event, link.seq, link.prev, sha256);
}

/**
 * Chains `events` (in the order given) onto `head` (null: the desk's first chained event). One digest
 * after another: each needs the one before.
 */
export async function chainEvents<E extends InquiryEvent>(
  events: readonly E[],
  head: ChainHead | null,
  sha256: Sha256 = webSha256,
): Promise<{ events: E[]; head: ChainHead | null }> {
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? CHAIN_GENESIS;
  const out: E[] = [];
  for (const event of events) {
    seq += 1;
    const hash = await linkHash(event, seq, prev, sha256);
    out.push({ ...event, chain: { seq, prev, hash } });
    prev = hash;
  }
  return { events: out, head: out.length > 0 ? { seq, hash: prev } : head };
}

/**
 * chainEvents, synchronously (sha256.ts): for the write transaction that stores the events, which must
 * not wait on anything but the database. Gives the same links as chainEvents.
 */
export function chainEventsNow<E extends InquiryEvent>(
  events: readonly E[],
  head: ChainHead | null,
): { events: E[]; head: ChainHead | null } {
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? CHAIN_GENESIS;
  const out: E[] = [];
  for (const event of events) {
    seq += 1;
    const hash = toHex(sha256Sync(encoder.encode(linkText(event, seq, prev))));
    out.push({ ...event, chain: { seq, prev, hash } });
    prev = hash;
  }
  return { events: out, head: out.length > 0 ? { seq, hash: prev } : head };
}

// ---- verification ----

/** An event named in a report: where it is, never what it says (no member data). */
export interface EventRef {
  eventId: string;
  inquiryId: string;
  type: InquiryEvent['type'];
  /** The desk's wall clock when recorded. */
  at: Instant;
  deviceId: string;
  /** null: not chained. */
  seq: number | null;
}

/** The parts of an event a check reads: where it is and its link (the rest is only hashed). */
export type ChainedStub = Pick<InquiryEvent, 'id' | 'inquiryId' | 'type' | 'at' | 'deviceId' | 'chain'>;

export const refOf = (e: ChainedStub): EventRef => ({
  eventId: e.id,
  inquiryId: e.inquiryId,
  type: e.type,
  at: e.at,
  deviceId: e.deviceId,
  seq: e.chain?.seq ?? null,
});

export type BreakKind =
  /** Its content no longer gives its hash: changed after it was recorded. */
  | 'altered'
  /** Its `prev` is not the hash of the desk's event before it: that one was changed, replaced or removed and the chain re-made, or this one was put in. */
  | 'link'
  /** Two different events claim the same place in one desk's chain. */
  | 'duplicate'
  /** Not chained, though its desk (this one) was chaining when it was recorded: put in from outside the app. */
  | 'unchained'
  /**
   * Missing from the middle of this desk's own chain: every event this desk chains is stored here, so a
   * gap in its own chain can only be a removal (`missing`: the seqs; `event`: the one after the gap).
   */
  | 'removed';

export interface ChainBreak {
  kind: BreakKind;
  event: EventRef;
  /** 'link': the event before it in the chain (when held); 'duplicate': the other event with the same seq; 'removed': the event before the gap. */
  other: EventRef | null;
  /** 'removed' only: the first and last seq missing. */
  missing?: { from: number; to: number };
}

/** Events of a desk's chain that this desk does not hold: never received (sync), or removed here. */
export interface ChainGap {
  deviceId: string;
  /** The first and last missing seq. */
  from: number;
  to: number;
  /** The held events on either side (null: none before it). */
  after: EventRef | null;
  before: EventRef;
}

/** A chained event with the hash its content gives now (computed ahead, in parallel). */
export interface CheckedEvent {
  event: ChainedStub;
  recomputed: string;
}

/** What a verifier knows of one desk's chain so far. */
export interface DeskChainState {
  deviceId: string;
  /** This desk's own chain: a gap is a removal ('removed' break), not events still to arrive. */
  own: boolean;
  /** Chained events checked. */
  checked: number;
  /** The last link checked: seq, the hash its content gives, and the event. */
  last: { seq: number; hash: string; event: EventRef } | null;
  breaks: ChainBreak[];
  gaps: ChainGap[];
}

export const emptyDeskState = (deviceId: string, own = false): DeskChainState => ({
  deviceId,
  own,
  checked: 0,
  last: null,
  breaks: [],
  gaps: [],
});

/** Breaks and gaps kept per desk in a report (the counts stay exact beyond it). */
export const MAX_LISTED = 200;

/**
 * Checks the next events of one desk's chain, in seq order (equal seqs together), continuing from
 * `state` (a verified prefix, or empty). Mutates and returns `state`. Each event is checked on its
 * own (its content against its hash) and against the one before it (its `prev` against the hash the
 * previous event's content gives), so one changed event is reported as 'altered' and its successor
 * as 'link'. A missing run of seqs is a gap (not received yet) in another desk's chain, and a 'removed'
 * break in the desk's own chain (`state.own`): every event a desk chains is stored on it.
 */
export function checkDeskChain(
  state: DeskChainState,
  items: readonly CheckedEvent[],
  counts?: { breaks: number; gaps: number },
): DeskChainState {
  const addBreak = (b: ChainBreak) => {
    if (counts) counts.breaks += 1;
    if (state.breaks.length < MAX_LISTED) state.breaks.push(b);
  };
  for (const { event, recomputed } of items) {
    const link = event.chain;
    if (!link) continue;
    const ref = refOf(event);
    state.checked += 1;
    if (recomputed !== link.hash) addBreak({ kind: 'altered', event: ref, other: null });
    const last = state.last;
    if (last !== null && link.seq === last.seq) {
      addBreak({ kind: 'duplicate', event: ref, other: last.event });
      continue;
    }
    if (last !== null && link.seq < last.seq) {
      // Out of order input: a caller bug, reported rather than trusted.
      addBreak({ kind: 'duplicate', event: ref, other: last.event });
      continue;
    }
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (link.seq > expectedSeq) {
      if (state.own)
        addBreak({ kind: 'removed', event: ref, other: last?.event ?? null, missing: { from: expectedSeq, to: link.seq - 1 } });
      else {
        const gap: ChainGap = { deviceId: state.deviceId, from: expectedSeq, to: link.seq - 1, after: last?.event ?? null, before: ref };
        if (counts) counts.gaps += 1;
        if (state.gaps.length < MAX_LISTED) state.gaps.push(gap);
      }
    } else {
      const expectedPrev = last?.hash ?? CHAIN_GENESIS;
      if (link.prev !== expectedPrev) addBreak({ kind: 'link', event: ref, other: last?.event ?? null });
    }
    state.last = { seq: link.seq, hash: recomputed, event: ref };
  }
  return state;
}

/** Hashes a batch of chained events' contents in parallel (for `checkDeskChain`); unchained ones are skipped. */
export async function recomputeAll(
  events: readonly InquiryEvent[],
  sha256: Sha256 = webSha256,
): Promise<{ event: InquiryEvent; recomputed: string }[]> {
  const chained = events.filter((e) => e.chain);
  const hashes = await Promise.all(chained.map((e) => recomputeHash(e, sha256)));
  return chained.map((event, i) => ({ event, recomputed: hashes[i] as string }));
}

// ---- checking arriving events (sync) against their neighbours ----

/**
 * Checks events that just arrived (already recomputed) against the events held around them in their
 * desks' chains (`neighbours`: held events of the same desks, seq between each arrival's seq − 1 and
 * seq + 1, arrivals included). A predecessor not held yet is not a break: the link is checked when it
 * arrives (its successor is then among its neighbours).
 */
export function checkArrivals(arrived: readonly CheckedEvent[], neighbours: readonly InquiryEvent[]): ChainBreak[] {
  const bySlot = new Map<string, InquiryEvent[]>();
  const slot = (device: string, seq: number) => `${device}\u0000${seq}`;
  for (const e of neighbours) {
    if (!e.chain) continue;
    const key = slot(e.deviceId, e.chain.seq);
    const list = bySlot.get(key);
    if (list) {
      if (!list.some((x) => x.id === e.id)) list.push(e);
    } else bySlot.set(key, [e]);
  }
  const recomputed = new Map(arrived.map((a) => [a.event.id, a.recomputed]));
  const breaks: ChainBreak[] = [];
  const seen = new Set<string>();
  const add = (b: ChainBreak) => {
    const key = `${b.kind}:${b.event.eventId}:${b.other?.eventId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    breaks.push(b);
  };
  for (const { event, recomputed: hash } of arrived) {
    const link = event.chain;
    if (!link) continue;
    if (hash !== link.hash) add({ kind: 'altered', event: refOf(event), other: null });
    for (const other of bySlot.get(slot(event.deviceId, link.seq)) ?? [])
      if (other.id !== event.id) {
        const [a, b] = other.id < event.id ? [other, event] : [event, other];
        add({ kind: 'duplicate', event: refOf(b), other: refOf(a) });
      }
    if (link.seq === 1) {
      if (link.prev !== CHAIN_GENESIS) add({ kind: 'link', event: refOf(event), other: null });
    } else
      for (const before of bySlot.get(slot(event.deviceId, link.seq - 1)) ?? []) {
        const beforeHash = recomputed.get(before.id) ?? before.chain?.hash;
        if (link.prev !== beforeHash) add({ kind: 'link', event: refOf(event), other: refOf(before) });
      }
    for (const after of bySlot.get(slot(event.deviceId, link.seq + 1)) ?? [])
      if (after.chain?.prev !== hash) add({ kind: 'link', event: refOf(after), other: refOf(event) });
  }
  return breaks;
}
