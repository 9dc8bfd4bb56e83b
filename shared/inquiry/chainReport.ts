import type { Role as ActorRole } from '../people';
import type { Instant } from '../time/types';
import { type BreakKind, type ChainBreak, type ChainGap, canonicalJson, type EventRef, type Sha256, sha256Hex, webSha256 } from './chain';
import type { InquiryEvent } from './events';

/**
 * "Verify the log" (Settings → Verify the log): the summary of a full check of every desk's chain, and the
 * lead's sign-off of it. A report names events by case number, type, time, desk and place in the chain,
 * never by anything they say: it holds no member data and can be printed or saved as it is.
 */

export const REPORT_FORMAT = 1;

/** An event in a report: where it is, with its inquiry's case number (null when the inquiry is not in this log). */
export interface ReportedRef extends EventRef {
  caseNumber: string | null;
}

export interface ReportedBreak {
  kind: BreakKind;
  event: ReportedRef;
  other: ReportedRef | null;
  /** 'removed' only: the seqs missing from the desk's own chain. */
  missing?: { from: number; to: number };
}

export interface ReportedGap {
  deviceId: string;
  from: number;
  to: number;
  after: ReportedRef | null;
  before: ReportedRef;
}

export interface DeskSummary {
  deviceId: string;
  /** The desk's 5-character code (printed in its case numbers). */
  deskCode: string;
  /** The desk this report was made on. */
  own: boolean;
  /** Every event held from the desk, chained or not. */
  events: number;
  chained: number;
  notChained: number;
  /** The last link held: what a later check compares with (a rewrite or a cut changes it). */
  head: { seq: number; hash: string; at: Instant; eventId: string } | null;
  breaks: number;
  gaps: number;
  /** Events of its chain this desk does not hold (the gaps' sizes added). */
  missing: number;
}

/** A previous sign-off's chain heads compared with the log now. */
export interface SignOffCheck {
  signOffId: string;
  signedAt: Instant;
  signedBy: string;
  /** The stored sign-off still gives its recorded digest. */
  intact: boolean;
  desks: {
    deviceId: string;
    seq: number;
    /** same: that link is held with the hash signed off; changed: held with another hash (re-made); gone: not held. */
    status: 'same' | 'changed' | 'gone';
  }[];
}

export interface VerifyReport {
  format: typeof REPORT_FORMAT;
  ranAt: Instant;
  ranBy: { id: string; name: string; role: ActorRole };
  /** The desk it ran on. */
  deviceId: string;
  totals: { events: number; chained: number; notChained: number; breaks: number; gaps: number; desks: number };
  desks: DeskSummary[];
  /** Listed up to MAX_LISTED per desk; `totals` and each desk's counts are exact. */
  breaks: ReportedBreak[];
  gaps: ReportedGap[];
  signOffs: SignOffCheck[];
  /** The digest of the sign-off before this report (null: none): sign-offs chain too. */
  previousSignOff: string | null;
}

export interface SignOff {
  id: string;
  report: VerifyReport;
  /** SHA-256 (hex) of the report's canonical JSON: printed on the page and in the saved file. */
  digest: string;
  signedBy: { name: string; profileId: string; role: ActorRole };
  signedAt: Instant;
}

export const deskCodeOf = (deviceId: string): string => deviceId.slice(0, 5);

export async function reportDigest(report: VerifyReport, sha256: Sha256 = webSha256): Promise<string> {
  return sha256Hex(canonicalJson(report), sha256);
}

export const isClean = (report: VerifyReport): boolean =>
  report.totals.breaks === 0 && report.signOffs.every((s) => s.intact && s.desks.every((d) => d.status === 'same'));

const TYPE_WORDS: Record<string, string> = { Mco: 'MCO' };

/** "NoteAdded" → "Note added", "McoReferred" → "MCO referred": event types in people's words. */
export function eventTypeLabel(type: InquiryEvent['type'] | string): string {
  const words = type.match(/[A-Z][a-z]*/g) ?? [type];
  return words.map((w, i) => TYPE_WORDS[w] ?? (i === 0 ? w : w.toLowerCase())).join(' ');
}

export const BREAK_LABELS: Record<BreakKind, string> = {
  altered: 'Changed after it was recorded: its content no longer gives its hash',
  link: 'Does not follow the event before it in its desk’s chain: that one was changed, replaced or removed, or this one was put in',
  duplicate: 'Shares its place in its desk’s chain with another event',
  unchained: 'Not chained, though this desk was chaining when it was recorded: put in from outside the app',
  removed: 'Removed from this desk’s own chain (the desk keeps every event it chains, so a gap in its own chain can only be a removal)',
};

/** "removed: #13, between #12 and #14" (`after`: the seq before the gap, null at the start of the chain). */
export function removedText(missing: { from: number; to: number }): string {
  const seqs = missing.from === missing.to ? `#${missing.from}` : `#${missing.from} to #${missing.to}`;
  const before = missing.from > 1 ? `#${missing.from - 1}` : 'the start of the chain';
  return `removed: ${seqs}, between ${before} and #${missing.to + 1}`;
}

export const withCase = (ref: EventRef, cases: ReadonlyMap<string, string>): ReportedRef => ({
  ...ref,
  caseNumber: cases.get(ref.inquiryId) ?? null,
});

export const reportBreak = (b: ChainBreak, cases: ReadonlyMap<string, string>): ReportedBreak => ({
  kind: b.kind,
  event: withCase(b.event, cases),
  other: b.other ? withCase(b.other, cases) : null,
  ...(b.missing ? { missing: { ...b.missing } } : {}),
});

export const reportGap = (g: ChainGap, cases: ReadonlyMap<string, string>): ReportedGap => ({
  deviceId: g.deviceId,
  from: g.from,
  to: g.to,
  after: g.after ? withCase(g.after, cases) : null,
  before: withCase(g.before, cases),
});
