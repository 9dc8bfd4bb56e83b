import { type AgencyConfig, mcoName } from '../config/agencyConfig';
import type { InquiryEvent } from '../inquiry/events';
import { firstHappened, happenedAt } from '../inquiry/happened';
import { byHlc } from '../inquiry/projection';
import { type BusinessCalendar, businessMinutesBetween } from '../time/calendar';
import type { Instant } from '../time/types';
import { type CountRow, median, percentile, type Spread } from './report';

/*
 * The MCO accountability scorecard (issue 8, "MCO accountability"): per MCO, for the referrals made in
 * a period, how the MCO kept to what the process expects of it (SPEC.md "The process", steps 4 and 5):
 * contact the member by end of day, report back (by end of day on the High path, within one business
 * day on the Escalated path) without the liaison or ESR having to chase it, and how long it took.
 *
 * Why it reads events and not only the stored record: the record (`workflow.referral`) keeps the
 * latest referral only, its *latest* report-back (a second report-back overwrites the first) and a
 * count of *all* follow-ups (a follow-up after the report-back, chasing the resolution, counts too),
 * and only the latest resolution. None of that tells whether the MCO reported back before it was
 * chased, or when it first did, or what happened to an earlier referral. So the builder is fed one
 * inquiry's events at a time (the reader picks the inquiries whose record has ever been referred),
 * and derives each referral's facts from them, in HLC order as the projection folds them.
 *
 * Definitions (docs/reports.md has them in a lead's words):
 *
 * - A **referral** is one `McoReferred` event. It lasts until the inquiry's next `McoReferred` (a
 *   re-referral: after a reopening, or to correct the MCO or department). Each referral counts for
 *   the MCO it named, in the period it was made: a re-referral is a new request with its own due
 *   times (referToMco computes them afresh), so the MCO is accountable for each one.
 * - **Contacted the member by end of day**: a report-back (`McoReportedBack`) within the referral
 *   saying the MCO has contacted the member (`memberContacted: true`), that happened at or before the
 *   referral's `mcoContactDue`. The agency cannot see the MCO's own call; the report-back is the
 *   only recorded evidence of it, and SPEC.md asks the MCO to report to the liaison/ESR by end of
 *   day too. Decided when met, or when the due time passed while the referral stood (then missed,
 *   also when the contact was reported later). Not counted: not yet due; the inquiry resolved or
 *   re-referred before the due time; an imported referral with nothing recorded since (the old log
 *   has no report-back column).
 * - **Reported back without a follow-up**: the referral's first report-back came before any
 *   `McoFollowedUp`. Decided when the MCO reported back, or was followed up, or its report-back due
 *   time (`followUpDue` as referred) passed while the referral stood with neither. Not counted as
 *   above. Follow-ups made after the first report-back chase the resolution, not the report,
 *   and are not counted anywhere here.
 * - **Follow-ups needed**: referrals with at least one follow-up before the first report-back (or
 *   with none yet), and the number of those follow-ups.
 * - **Time to report-back / to resolution**: office time (business minutes: office hours, weekends,
 *   holidays and closures left out) from the referral to its first report-back / to the first
 *   `InquiryResolved` after it within the referral. Paused timers are not left out: a pause holds
 *   the liaison's follow-up timer, not the MCO's work.
 * - **Awaiting report-back**: the inquiry's latest referral, no report-back, inquiry open now (and, when it
 *   came from the old log, reviewed by a unit lead: "Imported — to review" is not a current figure); aged
 *   in whole business days (business minutes ÷ the length of a business day) from the referral to
 *   now. A referral without a report-back that is not awaiting was closed (resolved) or re-referred.
 */

export interface ScorecardFilter {
  /** Referrals made at or after `from`, before `to`. */
  from: Instant;
  to: Instant;
  /** The MCOs referred to, to include; empty: all. */
  mcoIds: readonly string[];
}

export interface ScorecardContext {
  config: AgencyConfig;
  now: Instant;
  calendar: BusinessCalendar;
}

/** One referral and what became of it, from the inquiry's events. */
export interface ReferralEpisode {
  inquiryId: string;
  at: Instant;
  mcoId: string;
  mcoContactDue: Instant;
  /** When the MCO's report-back was due: the follow-up due time recorded with the referral. */
  reportBackDue: Instant;
  /** Written by the legacy import. */
  imported: boolean;
  /** The first report-back within the referral. */
  reportedBackAt: Instant | null;
  /** The first report-back saying the MCO has contacted the member. */
  memberContactedAt: Instant | null;
  /** Follow-ups before the first report-back (all of them while there is none). */
  followUpsBeforeReport: number;
  /** The first resolution after the referral, within it. */
  resolvedAt: Instant | null;
  /** When a later referral replaced it; null for the inquiry's latest. */
  replacedAt: Instant | null;
  /** The inquiry is open at its latest event and this is its latest referral. */
  standing: boolean;
}

/**
 * The referrals of one inquiry, in the order they were made (HLC), from its events in any order. Episodes are cut
 * in the fold's order (HLC); every time in them is when the step happened (`happenedAt`), so a report-back typed
 * in the afternoon that happened in the morning counts in the morning, and a report-back a person said happened
 * before the one recorded first is the first (`firstHappened`). A follow-up counts as before the report-back
 * when it happened before it.
 */
export function referralEpisodes(events: readonly InquiryEvent[]): ReferralEpisode[] {
  const out: ReferralEpisode[] = [];
  const seen = new Set<string>();
  let current: ReferralEpisode | null = null;
  /** The current referral's follow-ups and first report-back, with their place in the fold (counted at its end). */
  let followUps: Folded[] = [];
  let report: Folded | null = null;
  let resolved = false;
  const close = () => {
    if (current) current.followUpsBeforeReport = followUps.filter((f) => report === null || happenedBefore(f, report)).length;
  };
  let index = 0;
  // An inquiry from the old log that no unit lead has reviewed is history, not a current figure (projection.ts).
  let importedUnreviewed = false;
  for (const e of [...events].sort(byHlc)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    index += 1;
    // Times are read in the cases that use them: most events are none of these (one property read on every
    // event, of twenty-odd shapes, cost the whole scorecard a third more).
    switch (e.type) {
      case 'McoReferred': {
        const at = happenedAt(e);
        close();
        if (current) current.replacedAt = at;
        followUps = [];
        report = null;
        current = {
          inquiryId: e.inquiryId,
          at,
          mcoId: e.payload.mcoId,
          mcoContactDue: e.payload.mcoContactDue,
          reportBackDue: e.payload.followUpDue,
          imported: e.imported === true,
          reportedBackAt: null,
          memberContactedAt: null,
          followUpsBeforeReport: 0,
          resolvedAt: null,
          replacedAt: null,
          standing: false,
        };
        out.push(current);
        break;
      }
      case 'McoReportedBack':
        if (!current) break;
        current.reportedBackAt = firstHappened(current.reportedBackAt, e);
        if (report === null || current.reportedBackAt !== report.at)
          report = { at: current.reportedBackAt, said: e.happenedAt !== undefined, index };
        if (e.payload.memberContacted) current.memberContactedAt = firstHappened(current.memberContactedAt, e);
        break;
      case 'McoFollowedUp':
        if (current) followUps.push({ at: happenedAt(e), said: e.happenedAt !== undefined, index });
        break;
      case 'InquiryResolved':
        resolved = true;
        if (current) current.resolvedAt = firstHappened(current.resolvedAt, e);
        break;
      case 'InquiryReopened':
        resolved = false;
        break;
      case 'InquiryImported':
        if (e.payload.kind === 'new') importedUnreviewed = true;
        break;
      case 'ImportReviewed':
        importedUnreviewed = false;
        break;
      default:
        break;
    }
  }
  close();
  if (current) current.standing = !resolved && !importedUnreviewed;
  return out;
}

/** A step in an inquiry's fold: when it happened, whether a person said so, and its place in the fold (HLC). */
interface Folded {
  at: Instant;
  said: boolean;
  index: number;
}

/** Whether `a` came before `b`: by when they happened when a person said when either did, else in the fold's order. */
const happenedBefore = (a: Folded, b: Folded): boolean => (a.said || b.said ? a.at < b.at : a.index < b.index);

export const CONTACT_OUTCOMES = ['met', 'missed', 'pending', 'closed_before_due', 'not_recorded'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const REPORT_BACK_OUTCOMES = ['unprompted', 'followed_up', 'overdue', 'pending', 'closed_before_due', 'not_recorded'] as const;
export type ReportBackOutcome = (typeof REPORT_BACK_OUTCOMES)[number];

/** Whether the referral stopped standing (its inquiry resolved, or a later referral replaced it) at or before `t`. */
function endedBy(ep: ReferralEpisode, t: Instant): boolean {
  return (ep.resolvedAt !== null && ep.resolvedAt <= t) || (ep.replacedAt !== null && ep.replacedAt <= t);
}

/** Whether the MCO contacted the member by the end-of-day due time (see the definitions above). */
export function contactOutcome(ep: ReferralEpisode, now: Instant): ContactOutcome {
  if (ep.memberContactedAt !== null && ep.memberContactedAt <= ep.mcoContactDue) return 'met';
  if (ep.imported && ep.reportedBackAt === null && ep.followUpsBeforeReport === 0) return 'not_recorded';
  if (endedBy(ep, ep.mcoContactDue)) return 'closed_before_due';
  return now > ep.mcoContactDue ? 'missed' : 'pending';
}

/** Whether the MCO reported back before anyone had to follow up (see the definitions above). */
export function reportBackOutcome(ep: ReferralEpisode, now: Instant): ReportBackOutcome {
  if (ep.followUpsBeforeReport > 0) return 'followed_up';
  if (ep.reportedBackAt !== null) return 'unprompted';
  if (ep.imported) return 'not_recorded';
  if (endedBy(ep, ep.reportBackDue)) return 'closed_before_due';
  return now > ep.reportBackDue ? 'overdue' : 'pending';
}

/** Ages of referrals awaiting a report-back, in whole business days since the referral. */
export const REFERRAL_AGE_BUCKETS: readonly { key: string; label: string; maxDays: number }[] = [
  { key: '0', label: 'Under 1 business day', maxDays: 0 },
  { key: '1-2', label: '1–2 business days', maxDays: 2 },
  { key: '3-5', label: '3–5 business days', maxDays: 5 },
  { key: '6-10', label: '6–10 business days', maxDays: 10 },
  { key: '10+', label: 'Over 10 business days', maxDays: Number.POSITIVE_INFINITY },
];

/** A share: how many of how many decided, and the percent (one decimal); null when none is decided. */
export interface Share {
  count: number;
  decided: number;
  pct: number | null;
}

export interface McoScore {
  /** The MCO's id; '' for the row of all MCOs together. */
  mcoId: string;
  label: string;
  referrals: number;
  /** Of those, made by the legacy import. */
  imported: number;
  contactedByEndOfDay: Share;
  /** Referrals whose contact figure is not decided yet (not due). */
  contactPending: number;
  /** Referrals left out of the contact figure: resolved or re-referred before the due time, or imported with nothing recorded. */
  contactNotCounted: number;
  reportedBackWithoutFollowUp: Share;
  reportBackPending: number;
  reportBackNotCounted: number;
  /** Referrals that needed at least one follow-up before the MCO reported back. */
  followedUp: number;
  /** Follow-ups made before the first report-back. */
  followUps: number;
  reportedBack: number;
  toReportBack: Spread;
  toResolution: Spread;
  /** Standing referrals with no report-back, as of now. */
  awaiting: number;
  awaitingByAge: CountRow[];
  /** No report-back, and the inquiry resolved (closed) while the referral stood. */
  closedWithoutReportBack: number;
  /** No report-back before a later referral replaced it. */
  reReferredWithoutReportBack: number;
}

export interface Scorecard {
  filter: ScorecardFilter;
  generatedAt: Instant;
  /** One per MCO: every active MCO (those the filter names, if any), and any other MCO referred to in the period. */
  rows: McoScore[];
  /** All the rows together (figures pooled over their referrals, not averaged). */
  all: McoScore;
}

export interface ScorecardBuilder {
  /** Feeds one inquiry's events (any order, duplicates allowed); each inquiry once. */
  add(events: readonly InquiryEvent[]): void;
  finish(): Scorecard;
}

class Tally {
  referrals = 0;
  imported = 0;
  readonly contact: Record<ContactOutcome, number> = { met: 0, missed: 0, pending: 0, closed_before_due: 0, not_recorded: 0 };
  readonly report: Record<ReportBackOutcome, number> = {
    unprompted: 0,
    followed_up: 0,
    overdue: 0,
    pending: 0,
    closed_before_due: 0,
    not_recorded: 0,
  };
  followUps = 0;
  readonly toReportBack: number[] = [];
  readonly toResolution: number[] = [];
  readonly ages = new Map<string, number>(REFERRAL_AGE_BUCKETS.map((b) => [b.key, 0]));
  awaiting = 0;
  closed = 0;
  reReferred = 0;

  add(ep: ReferralEpisode, ctx: ScorecardContext): void {
    this.referrals += 1;
    if (ep.imported) this.imported += 1;
    this.contact[contactOutcome(ep, ctx.now)] += 1;
    this.report[reportBackOutcome(ep, ctx.now)] += 1;
    this.followUps += ep.followUpsBeforeReport;
    if (ep.reportedBackAt !== null) this.toReportBack.push(businessMinutesBetween(ctx.calendar, ep.at, ep.reportedBackAt));
    if (ep.resolvedAt !== null) this.toResolution.push(businessMinutesBetween(ctx.calendar, ep.at, ep.resolvedAt));
    if (ep.reportedBackAt !== null) return;
    if (ep.standing) {
      this.awaiting += 1;
      const days = Math.floor(businessMinutesBetween(ctx.calendar, ep.at, ctx.now) / ctx.calendar.businessDayMinutes);
      const bucket = REFERRAL_AGE_BUCKETS.find((b) => days <= b.maxDays) ?? REFERRAL_AGE_BUCKETS[REFERRAL_AGE_BUCKETS.length - 1];
      if (bucket) this.ages.set(bucket.key, (this.ages.get(bucket.key) ?? 0) + 1);
    } else if (ep.replacedAt !== null) this.reReferred += 1;
    else this.closed += 1;
  }

  merge(other: Tally): void {
    this.referrals += other.referrals;
    this.imported += other.imported;
    for (const k of CONTACT_OUTCOMES) this.contact[k] += other.contact[k];
    for (const k of REPORT_BACK_OUTCOMES) this.report[k] += other.report[k];
    this.followUps += other.followUps;
    this.toReportBack.push(...other.toReportBack);
    this.toResolution.push(...other.toResolution);
    for (const [k, n] of other.ages) this.ages.set(k, (this.ages.get(k) ?? 0) + n);
    this.awaiting += other.awaiting;
    this.closed += other.closed;
    this.reReferred += other.reReferred;
  }

  score(mcoId: string, label: string): McoScore {
    const c = this.contact;
    const r = this.report;
    return {
      mcoId,
      label,
      referrals: this.referrals,
      imported: this.imported,
      contactedByEndOfDay: shareOf(c.met, c.met + c.missed),
      contactPending: c.pending,
      contactNotCounted: c.closed_before_due + c.not_recorded,
      reportedBackWithoutFollowUp: shareOf(r.unprompted, r.unprompted + r.followed_up + r.overdue),
      reportBackPending: r.pending,
      reportBackNotCounted: r.closed_before_due + r.not_recorded,
      followedUp: r.followed_up,
      followUps: this.followUps,
      reportedBack: this.toReportBack.length,
      toReportBack: spreadOf(this.toReportBack),
      toResolution: spreadOf(this.toResolution),
      awaiting: this.awaiting,
      awaitingByAge: REFERRAL_AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: this.ages.get(b.key) ?? 0 })),
      closedWithoutReportBack: this.closed,
      reReferredWithoutReportBack: this.reReferred,
    };
  }
}

const shareOf = (count: number, decided: number): Share => ({
  count,
  decided,
  pct: decided === 0 ? null : Math.round((count / decided) * 1000) / 10,
});

function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: median(sorted), p90: percentile(sorted, 90) };
}

/** The label of the row of all MCOs together: "All MCOs", or "All chosen MCOs" under an MCO filter. */
export const allMcosLabel = (filter: Pick<ScorecardFilter, 'mcoIds'>): string =>
  filter.mcoIds.length === 0 ? 'All MCOs' : 'All chosen MCOs';

export function scorecardBuilder(filter: ScorecardFilter, ctx: ScorecardContext): ScorecardBuilder {
  const seen = new Set<string>();
  const chosen = new Set(filter.mcoIds);
  const byMco = new Map<string, Tally>();
  return {
    add(events) {
      const first = events[0];
      if (!first || seen.has(first.inquiryId)) return;
      seen.add(first.inquiryId);
      // Most inquiries fed have no referral in the period: a pass over the events skips them before any sorting.
      const inPeriod = (e: InquiryEvent) =>
        e.type === 'McoReferred' &&
        happenedAt(e) >= filter.from &&
        happenedAt(e) < filter.to &&
        (chosen.size === 0 || chosen.has(e.payload.mcoId));
      if (!events.some(inPeriod)) return;
      for (const ep of referralEpisodes(events)) {
        if (ep.at < filter.from || ep.at >= filter.to) continue;
        if (chosen.size > 0 && !chosen.has(ep.mcoId)) continue;
        let tally = byMco.get(ep.mcoId);
        if (!tally) {
          tally = new Tally();
          byMco.set(ep.mcoId, tally);
        }
        tally.add(ep, ctx);
      }
    },
    finish() {
      // Every active MCO (or every chosen one) has a row, referred to or not; others only when referred to.
      const ids = ctx.config.mcos.filter((m) => (chosen.size > 0 ? chosen.has(m.id) : m.active)).map((m) => m.id);
      for (const id of byMco.keys()) if (!ids.includes(id)) ids.push(id);
      const rows = ids.map((id) => (byMco.get(id) ?? new Tally()).score(id, mcoName(ctx.config, id)));
      const known = ctx.config.mcos.map((m) => m.id);
      const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
      rows.sort((a, b) => rank(a.mcoId) - rank(b.mcoId) || a.label.localeCompare(b.label));
      const all = new Tally();
      for (const t of byMco.values()) all.merge(t);
      return { filter, generatedAt: ctx.now, rows, all: all.score('', allMcosLabel(filter)) };
    },
  };
}
