import {
  type ChainBreak,
  type ChainedStub,
  type ChainGap,
  type CheckedEvent,
  canonicalJson,
  checkDeskChain,
  type DeskChainState,
  type EventRef,
  emptyDeskState,
  MAX_LISTED,
  recomputeHash,
  refOf,
  type Sha256,
  sha256Hex,
  webSha256,
} from './chain';
import { type ReportedBreak, type ReportedGap, reportBreak, reportGap } from './chainReport';
import type { InquiryEvent } from './events';

/**
 * Verifying every chain in a set of events that streams past in any order (a full export before it is
 * imported, and the tests): the same checks as "Verify the log" (shared/inquiry/chain.ts
 * `checkDeskChain`). Only what a check needs is kept of each chained event, in typed arrays (its desk,
 * seq, `prev`, the hash its content gives, whether that is its stored hash, and its place in the
 * stream: about 80 bytes, never what it says); the events a report names are read again in a second
 * pass (`reread`), only when something is broken or missing.
 */

export interface DeskResult {
  deviceId: string;
  own: boolean;
  chained: number;
  notChained: number;
  /** The last link: its seq and the hash its content gives. */
  head: { seq: number; hash: string } | null;
  breaks: number;
  gaps: number;
}

export interface EventSetResult {
  /** The desk the set belongs to ("this desk"), when known. */
  ownDeviceId: string | null;
  desks: DeskResult[];
  /** Listed up to MAX_LISTED per desk; `totals` are exact. */
  breaks: ReportedBreak[];
  gaps: ReportedGap[];
  totals: { events: number; chained: number; notChained: number; breaks: number; gaps: number };
}

/** Reads the same events again, in the same order (a second pass over the file), block by block. */
export type Reread = (visit: (events: readonly InquiryEvent[]) => void) => Promise<void>;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hexOf = (bytes: Uint8Array, from: number): string => {
  let s = '';
  for (let i = from; i < from + 32; i++) s += HEX[bytes[i] as number];
  return s;
};
/** Checks between pauses that let the window paint and take input. */
const SLICE = 2000;

/**
 * The links in place order (desk, then seq) without a comparison sort: seqs are dense (1, 2, 3…), so
 * each desk's links are bucketed by seq; a desk whose seqs are not (a forged seq far out) is sorted.
 */
function placeOrder(L: Links, desks: number): Uint32Array {
  const byDesk: number[][] = Array.from({ length: desks }, () => []);
  for (let i = 0; i < L.size; i++) (byDesk[L.desk[i] as number] as number[]).push(i);
  const order = new Uint32Array(L.size);
  const next = new Int32Array(L.size).fill(-1);
  let k = 0;
  for (const list of byDesk) {
    let max = 0;
    for (const i of list) max = Math.max(max, L.seq[i] as number);
    if (max > 4 * list.length + 1024) {
      list.sort((a, b) => (L.seq[a] as number) - (L.seq[b] as number));
      for (const i of list) order[k++] = i;
      continue;
    }
    const heads = new Int32Array(max + 1).fill(-1);
    // Pushed in reverse, so each seq's list keeps the stream order.
    for (let j = list.length - 1; j >= 0; j--) {
      const i = list[j] as number;
      const seq = L.seq[i] as number;
      next[i] = heads[seq] as number;
      heads[seq] = i;
    }
    for (let seq = 0; seq <= max; seq++) for (let i = heads[seq] as number; i !== -1; i = next[i] as number) order[k++] = i;
  }
  return order;
}
const putHex = (bytes: Uint8Array, at: number, hex: string) => {
  for (let i = 0; i < 32; i++) bytes[at + i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
};

/** Growable typed storage of the chained events' links. */
class Links {
  size = 0;
  seq = new Float64Array(1024);
  desk = new Uint16Array(1024);
  ordinal = new Uint32Array(1024);
  altered = new Uint8Array(1024);
  /** prev (32 bytes) then the recomputed hash (32 bytes), per event. */
  hashes = new Uint8Array(1024 * 64);

  push(desk: number, seq: number, ordinal: number, prev: string, recomputed: string, altered: boolean): void {
    if (this.size === this.seq.length) this.grow();
    const i = this.size++;
    this.seq[i] = seq;
    this.desk[i] = desk;
    this.ordinal[i] = ordinal;
    this.altered[i] = altered ? 1 : 0;
    putHex(this.hashes, i * 64, prev);
    putHex(this.hashes, i * 64 + 32, recomputed);
  }

  private grow(): void {
    const n = this.seq.length * 2;
    const grown = <T extends Float64Array | Uint16Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T, per = 1): T => {
      const next = make(n * per);
      next.set(old);
      return next;
    };
    this.seq = grown(this.seq, (k) => new Float64Array(k));
    this.desk = grown(this.desk, (k) => new Uint16Array(k));
    this.ordinal = grown(this.ordinal, (k) => new Uint32Array(k));
    this.altered = grown(this.altered, (k) => new Uint8Array(k));
    this.hashes = grown(this.hashes, (k) => new Uint8Array(k), 64);
  }
}

/** Collects events as they stream past (in any order), hashing each chained one; then checks every chain. */
export class ChainCollector {
  private readonly links = new Links();
  private readonly desks: string[] = [];
  private readonly deskIndex = new Map<string, number>();
  private readonly notChained: number[] = [];
  /** Per desk: the stamp of its chained event with the lowest seq, and the latest stamp among its unchained events. */
  private readonly firstChained: { seq: number; hlc: string }[] = [];
  private readonly lastUnchainedHlc: string[] = [];
  private readonly cases = new Map<string, string>();
  private events = 0;
  private digest = '';

  constructor(private readonly sha256: Sha256 = webSha256) {}

  private deskOf(deviceId: string): number {
    let i = this.deskIndex.get(deviceId);
    if (i === undefined) {
      i = this.desks.length;
      if (i >= 0xffff) throw new Error('too many desks');
      this.desks.push(deviceId);
      this.deskIndex.set(deviceId, i);
      this.notChained.push(0);
      this.lastUnchainedHlc.push('');
    }
    return i;
  }

  /** Adds a block of events (hashed in parallel). */
  async add(events: readonly InquiryEvent[]): Promise<void> {
    const chained = events.filter((e) => e.chain);
    const [hashes, block] = await Promise.all([
      Promise.all(chained.map((e) => recomputeHash(e, this.sha256))),
      fingerprintStep(this.digest, events, this.sha256),
    ]);
    this.digest = block;
    let c = 0;
    for (const e of events) {
      const ordinal = this.events++;
      const desk = this.deskOf(e.deviceId);
      if (e.type === 'InquiryLogged') this.cases.set(e.inquiryId, e.payload.caseNumber);
      const link = e.chain;
      if (!link) {
        this.notChained[desk] = (this.notChained[desk] ?? 0) + 1;
        if (e.hlc > (this.lastUnchainedHlc[desk] ?? '')) this.lastUnchainedHlc[desk] = e.hlc;
        continue;
      }
      const recomputed = hashes[c++] as string;
      this.links.push(desk, link.seq, ordinal, link.prev, recomputed, recomputed !== link.hash);
      const first = this.firstChained[desk];
      if (!first || link.seq < first.seq) this.firstChained[desk] = { seq: link.seq, hlc: e.hlc };
    }
  }

  /** A SHA-256 over every event as read, block after block: the same copy read again gives the same. */
  get fingerprint(): string {
    return this.digest;
  }

  /**
   * Checks every desk's chain. `ownDeviceId`: the desk the events belong to: a gap in its chain is a
   * removal, and its events without a chain recorded after its chain began were put in from outside.
   * `reread` is called (once or twice) only when events must be named. `pause` lets the window work
   * between slices of the check (the renderer passes a timer; shared code has none).
   */
  async result(ownDeviceId: string | null, reread: Reread, pause: () => Promise<void> = async () => undefined): Promise<EventSetResult> {
    const L = this.links;
    const order = placeOrder(L, this.desks.length);
    const byPlace = (a: number, b: number) => (L.desk[a] as number) - (L.desk[b] as number) || (L.seq[a] as number) - (L.seq[b] as number);
    // Two events in one place: ordered by id, as the chain index orders them (their ids are read again).
    const tied: number[] = [];
    for (let k = 1; k < order.length; k++)
      if (byPlace(order[k - 1] as number, order[k] as number) === 0) tied.push(order[k - 1] as number, order[k] as number);
    if (tied.length > 0) {
      const ids = await this.read(reread, new Set(tied.map((i) => L.ordinal[i] as number)));
      const idOf = (i: number) => ids.get(L.ordinal[i] as number)?.id ?? '';
      order.sort((a, b) => byPlace(a, b) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    }

    // The checks, on stand-ins named by their place in the stream (the real events are read after).
    const counts = { breaks: 0, gaps: 0 };
    const states: DeskChainState[] = [];
    const ownIndex = ownDeviceId === null ? -1 : (this.deskIndex.get(ownDeviceId) ?? -1);
    let k = 0;
    while (k < order.length) {
      const desk = L.desk[order[k] as number] as number;
      const deviceId = this.desks[desk] as string;
      const state = emptyDeskState(deviceId, desk === ownIndex);
      for (; k < order.length && L.desk[order[k] as number] === desk; k++) {
        const i = order[k] as number;
        const recomputed = hexOf(L.hashes, i * 64 + 32);
        const stand: CheckedEvent = {
          event: {
            id: String(L.ordinal[i]),
            inquiryId: '',
            type: 'NoteAdded',
            at: 0 as ChainedStub['at'],
            deviceId,
            chain: { seq: L.seq[i] as number, prev: hexOf(L.hashes, i * 64), hash: L.altered[i] ? '' : recomputed },
          },
          recomputed,
        };
        checkDeskChain(state, [stand], counts);
        if (k % SLICE === 0) await pause();
      }
      states.push(state);
    }

    // This desk's events without a link, stamped after its chain began: put in from outside.
    const firstOwn = ownIndex >= 0 ? this.firstChained[ownIndex] : undefined;
    const ownUnchained = firstOwn !== undefined && (this.lastUnchainedHlc[ownIndex] ?? '') >= firstOwn.hlc;

    const wanted = new Set<number>();
    const ordinalOf = (r: EventRef) => Number(r.eventId);
    for (const s of states) {
      for (const b of s.breaks) {
        wanted.add(ordinalOf(b.event));
        if (b.other) wanted.add(ordinalOf(b.other));
      }
      for (const g of s.gaps) {
        wanted.add(ordinalOf(g.before));
        if (g.after) wanted.add(ordinalOf(g.after));
      }
    }
    const unchained: ChainBreak[] = [];
    let named = new Map<number, ChainedStub & { hlc: string }>();
    if (wanted.size > 0 || ownUnchained) {
      named = await this.read(
        reread,
        wanted,
        ownUnchained && ownDeviceId && firstOwn ? { deviceId: ownDeviceId, fromHlc: firstOwn.hlc } : null,
        unchained,
      );
      counts.breaks += unchained.length;
    }
    const real = (r: EventRef): EventRef => {
      const e = named.get(ordinalOf(r));
      return e ? { ...refOf(e), seq: r.seq } : r;
    };
    const realBreak = (b: ChainBreak): ChainBreak => ({ ...b, event: real(b.event), other: b.other ? real(b.other) : null });
    const realGap = (g: ChainGap): ChainGap => ({ ...g, after: g.after ? real(g.after) : null, before: real(g.before) });

    unchained.sort((a, b) => a.event.at - b.event.at || (a.event.eventId < b.event.eventId ? -1 : 1));
    const listedUnchained = unchained.slice(0, MAX_LISTED);
    const desks: DeskResult[] = this.desks
      .map((deviceId, desk) => {
        const state = states.find((s) => s.deviceId === deviceId);
        return {
          deviceId,
          own: desk === ownIndex,
          chained: state?.checked ?? 0,
          notChained: this.notChained[desk] ?? 0,
          head: state?.last ? { seq: state.last.seq, hash: state.last.hash } : null,
          breaks: (state?.breaks.length ?? 0) + (desk === ownIndex ? unchained.length : 0),
          gaps: state?.gaps.length ?? 0,
        };
      })
      .sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
    return {
      ownDeviceId,
      desks,
      breaks: [...states.flatMap((s) => s.breaks).map(realBreak), ...listedUnchained].map((b) => reportBreak(b, this.cases)),
      gaps: states.flatMap((s) => s.gaps).map((g) => reportGap(realGap(g), this.cases)),
      totals: {
        events: this.events,
        chained: L.size,
        notChained: this.events - L.size,
        breaks: counts.breaks,
        gaps: counts.gaps,
      },
    };
  }

  /** A second pass: the events at `ordinals`, and (when asked) this desk's unchained events from a stamp on. */
  private async read(
    reread: Reread,
    ordinals: ReadonlySet<number>,
    unchainedOf: { deviceId: string; fromHlc: string } | null = null,
    unchained: ChainBreak[] = [],
  ): Promise<Map<number, ChainedStub & { hlc: string }>> {
    const found = new Map<number, ChainedStub & { hlc: string }>();
    let ordinal = 0;
    await reread((events) => {
      for (const e of events) {
        const n = ordinal++;
        if (ordinals.has(n)) found.set(n, stubOf(e));
        if (unchainedOf && !e.chain && e.deviceId === unchainedOf.deviceId && e.hlc >= unchainedOf.fromHlc)
          unchained.push({ kind: 'unchained', event: refOf(e), other: null });
      }
    });
    return found;
  }
}

const stubOf = (e: InquiryEvent): ChainedStub & { hlc: string } => ({
  id: e.id,
  inquiryId: e.inquiryId,
  type: e.type,
  at: e.at,
  deviceId: e.deviceId,
  hlc: e.hlc,
  ...(e.chain ? { chain: { ...e.chain } } : {}),
});

/** The next step of a copy's fingerprint: SHA-256 of the previous one and a block of events as read. */
export function fingerprintStep(previous: string, events: readonly InquiryEvent[], sha256: Sha256 = webSha256): Promise<string> {
  return sha256Hex(`${previous}\n${canonicalJson(events)}`, sha256);
}

/** Every chain in a set of events held in memory (see ChainCollector). */
export async function verifyEventSet(
  events: readonly InquiryEvent[],
  ownDeviceId: string | null,
  sha256: Sha256 = webSha256,
): Promise<EventSetResult> {
  const collector = new ChainCollector(sha256);
  for (let i = 0; i < events.length; i += 500) await collector.add(events.slice(i, i + 500));
  return collector.result(ownDeviceId, async (visit) => {
    for (let i = 0; i < events.length; i += 500) visit(events.slice(i, i + 500));
  });
}
