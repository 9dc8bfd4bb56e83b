import {
  type ChainBreak,
  type ChainedStub,
  type ChainGap,
  type CheckedEvent,
  checkDeskChain,
  type DeskChainState,
  emptyDeskState,
  recomputeHash,
  refOf,
  type Sha256,
  webSha256,
} from './chain';
import { type ReportedBreak, type ReportedGap, reportBreak, reportGap } from './chainReport';
import type { InquiryEvent } from './events';

/**
 * Verifying every chain in a set of events held in memory (a full export before it is imported, and the
 * tests): the same checks as "Verify the log" (shared/inquiry/chain.ts `checkDeskChain`), fed as the
 * events stream past in any order. Only what a check needs is kept of each event (where it is, its link
 * and the hash its content gives), never what it says.
 */

/** A chained event as kept: its place, its stamp and the hash its content gives now. */
interface Kept extends CheckedEvent {
  hlc: string;
}

/** An event without a chain, as kept (only its desk's own ones after its chain began are breaks). */
interface KeptUnchained {
  ref: ChainedStub;
  hlc: string;
}

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

const stubOf = (e: InquiryEvent): ChainedStub => ({
  id: e.id,
  inquiryId: e.inquiryId,
  type: e.type,
  at: e.at,
  deviceId: e.deviceId,
  ...(e.chain ? { chain: { ...e.chain } } : {}),
});

/** Collects events as they stream past (in any order), hashing each chained one; then checks every chain. */
export class ChainCollector {
  private readonly chained: Kept[] = [];
  private readonly unchained: KeptUnchained[] = [];
  private readonly cases = new Map<string, string>();
  private events = 0;

  constructor(private readonly sha256: Sha256 = webSha256) {}

  /** Adds a block of events (hashed in parallel). */
  async add(events: readonly InquiryEvent[]): Promise<void> {
    const chained = events.filter((e) => e.chain);
    const hashes = await Promise.all(chained.map((e) => recomputeHash(e, this.sha256)));
    chained.forEach((e, i) => {
      this.chained.push({ event: stubOf(e), recomputed: hashes[i] as string, hlc: e.hlc });
    });
    for (const e of events) {
      this.events += 1;
      if (!e.chain) this.unchained.push({ ref: stubOf(e), hlc: e.hlc });
      if (e.type === 'InquiryLogged') this.cases.set(e.inquiryId, e.payload.caseNumber);
    }
  }

  /**
   * Checks every desk's chain. `ownDeviceId`: the desk the events belong to: a gap in its chain is a
   * removal, and its events without a chain recorded after its chain began were put in from outside.
   */
  result(ownDeviceId: string | null): EventSetResult {
    const byDesk = new Map<string, Kept[]>();
    for (const k of this.chained) {
      const list = byDesk.get(k.event.deviceId);
      if (list) list.push(k);
      else byDesk.set(k.event.deviceId, [k]);
    }
    const counts = { breaks: 0, gaps: 0 };
    const states: DeskChainState[] = [];
    for (const [deviceId, list] of [...byDesk].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      list.sort((a, b) => (a.event.chain?.seq ?? 0) - (b.event.chain?.seq ?? 0) || (a.event.id < b.event.id ? -1 : 1));
      states.push(checkDeskChain(emptyDeskState(deviceId, deviceId === ownDeviceId), list, counts));
    }
    const unchainedBreaks: ChainBreak[] = [];
    const firstOwn = ownDeviceId ? byDesk.get(ownDeviceId)?.[0] : undefined;
    if (firstOwn)
      for (const u of this.unchained)
        if (u.ref.deviceId === ownDeviceId && u.hlc >= firstOwn.hlc)
          unchainedBreaks.push({ kind: 'unchained', event: refOf(u.ref), other: null });
    unchainedBreaks.sort((a, b) => a.event.at - b.event.at || (a.event.eventId < b.event.eventId ? -1 : 1));
    counts.breaks += unchainedBreaks.length;

    const notChainedPerDesk = new Map<string, number>();
    for (const u of this.unchained) notChainedPerDesk.set(u.ref.deviceId, (notChainedPerDesk.get(u.ref.deviceId) ?? 0) + 1);
    const deviceIds = [...new Set([...byDesk.keys(), ...notChainedPerDesk.keys()])].sort();
    const desks: DeskResult[] = deviceIds.map((deviceId) => {
      const state = states.find((s) => s.deviceId === deviceId);
      return {
        deviceId,
        own: deviceId === ownDeviceId,
        chained: state?.checked ?? 0,
        notChained: notChainedPerDesk.get(deviceId) ?? 0,
        head: state?.last ? { seq: state.last.seq, hash: state.last.hash } : null,
        breaks: (state?.breaks.length ?? 0) + unchainedBreaks.filter((b) => b.event.deviceId === deviceId).length,
        gaps: state?.gaps.length ?? 0,
      };
    });
    const allBreaks: ChainBreak[] = [...states.flatMap((s) => s.breaks), ...unchainedBreaks];
    const allGaps: ChainGap[] = states.flatMap((s) => s.gaps);
    return {
      ownDeviceId,
      desks,
      breaks: allBreaks.map((b) => reportBreak(b, this.cases)),
      gaps: allGaps.map((g) => reportGap(g, this.cases)),
      totals: {
        events: this.events,
        chained: this.chained.length,
        notChained: this.unchained.length,
        breaks: counts.breaks,
        gaps: counts.gaps,
      },
    };
  }
}

/** Every chain in a set of events (see ChainCollector). */
export async function verifyEventSet(
  events: readonly InquiryEvent[],
  ownDeviceId: string | null,
  sha256: Sha256 = webSha256,
): Promise<EventSetResult> {
  const collector = new ChainCollector(sha256);
  for (let i = 0; i < events.length; i += 500) await collector.add(events.slice(i, i + 500));
  return collector.result(ownDeviceId);
}
