import { type BusinessCalendar, businessMinutesBetween, isOpenAt } from '../time/calendar';
import type { Instant } from '../time/types';
import { type DueItem, type DueKind, pausesOfTimer } from './due';
import type { InquiryRecord } from './projection';

/*
 * Warnings people can act on, never at midnight (SPEC issue 8).
 *
 * Each due item has marks: a warning at each threshold of its business time (warningTimes.ts), "due" at its target
 * (when it has one before its deadline), "overdue" at its deadline; a callback warns 30 minutes before its time.
 * The scheduler turns the marks crossed since the desk last looked into notifications:
 *  - in office hours, one notice per inquiry for the most serious mark it crossed (more than a few at once: one
 *    summary instead of a storm);
 *  - while the office is closed, nothing; the first look in office hours after closed time gives ONE summary of
 *    everything crossed meanwhile ("While the office was closed: 3 items became overdue, 5 reached a warning");
 *  - a snoozed inquiry's warnings and "due" marks wait for the snooze to end, then one notice says where it stands;
 *    overdue notifies whatever the snooze (a missed deadline is never quiet).
 * Notices carry case numbers and step kinds only, never member data.
 */

export const MARK_KINDS = ['warning', 'due', 'overdue'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** A moment an item crosses into a more serious state. */
export interface DueMark {
  at: Instant;
  kind: MarkKind;
  step: DueKind;
  /** The threshold, for a warning; null for a callback's 30-minute reminder and for due/overdue. */
  percent: number | null;
}

const NO_MARKS: readonly DueMark[] = Object.freeze([]);

/** The marks of the items that run (paused ones have none), by time. Items need their warnings (dueItems with a policy). */
export function marksOf(items: readonly DueItem[]): readonly DueMark[] {
  let out: DueMark[] | null = null;
  for (const item of items) {
    if (item.paused) continue;
    out ??= [];
    const step = item.kind;
    if (step === 'callback') out.push({ at: item.soonAt, kind: 'warning', step, percent: null });
    else for (const w of item.warnings ?? []) out.push({ at: w.at, kind: 'warning', step, percent: w.percent });
    if (item.target !== null && item.target < item.deadline) out.push({ at: item.target, kind: 'due', step, percent: null });
    out.push({ at: item.deadline, kind: 'overdue', step, percent: null });
  }
  if (out === null) return NO_MARKS;
  return out.sort((a, b) => a.at - b.at || SEVERITY[a.kind] - SEVERITY[b.kind]);
}

const SEVERITY: Readonly<Record<MarkKind, number>> = { warning: 1, due: 2, overdue: 3 };

/** Where an item stands in its business time: for "75 % of business time used". */
export interface WarningLevel {
  /** Share of the business time from start to target (or deadline) used at now, 0–100, rounded down. */
  percentUsed: number;
  /** The highest threshold reached, or null. */
  reached: number | null;
  /** What the share is of. */
  of: 'target' | 'deadline';
}

/** The item's warning level at `now` (items need their warnings: dueItems with a policy); null for callbacks and paused items. */
export function warningLevelOf(r: InquiryRecord, item: DueItem, now: Instant, cal: BusinessCalendar): WarningLevel | null {
  if (item.kind === 'callback' || item.paused) return null;
  const end = item.target ?? item.deadline;
  const pauses = pausesOfTimer(r, item.kind);
  const total = businessMinutesBetween(cal, item.startedAt, end, pauses);
  const used = now >= end ? total : businessMinutesBetween(cal, item.startedAt, now, pauses);
  const percentUsed = total > 0 ? Math.min(100, Math.floor((used / total) * 100)) : now >= end ? 100 : 0;
  let reached: number | null = null;
  for (const w of item.warnings ?? []) if (w.at <= now) reached = w.percent;
  return { percentUsed, reached, of: item.target !== null ? 'target' : 'deadline' };
}

// ---------------------------------------------------------------------------------------------
// The scheduler

/** One inquiry as the scheduler watches it (from its log row). */
export interface WatchedInquiry {
  inquiryId: string;
  caseNumber: string;
  marks: readonly DueMark[];
  /** The latest snooze, ended or not: [from, until). */
  snooze: { from: Instant; until: Instant } | null;
}

export type WarningNotice =
  | { kind: 'item'; inquiryId: string; caseNumber: string; step: DueKind; mark: MarkKind; percent: number | null }
  | {
      kind: 'summary';
      /** True for the summary of closed time; false when too many crossed at once in office hours. */
      whileClosed: boolean;
      /** Inquiries by the most serious mark each crossed. */
      overdue: number;
      due: number;
      warnings: number;
      /** Named only when few (at most SUMMARY_CASE_NUMBERS inquiries in all), most serious first. */
      caseNumbers: string[];
      /** The most serious one: a click opens it. */
      inquiryId: string;
    };

/** Notices shown one by one at most; more at once become one summary. */
export const MAX_INDIVIDUAL_NOTICES = 3;
/** A summary names case numbers only when it is about this many inquiries or fewer. */
export const SUMMARY_CASE_NUMBERS = 3;

export interface ScheduleInput {
  inquiries: readonly WatchedInquiry[];
  cal: BusinessCalendar;
  /** The desk's last look (the last one in office hours, or the first ever); null: never looked. */
  lastCheck: Instant | null;
  now: Instant;
}

export interface ScheduleResult {
  notices: WarningNotice[];
  /** What to pass as `lastCheck` next time: `now` when it was looked at in office hours, else the last check (closed time waits). */
  checkedAt: Instant;
}

interface Crossing {
  w: WatchedInquiry;
  mark: DueMark;
}

/** Whether the office was closed at some moment of [a, b): less office time in it than wall-clock time. */
function closedBetween(cal: BusinessCalendar, a: Instant, b: Instant): boolean {
  if (b <= a) return false;
  return businessMinutesBetween(cal, a, b) * 60_000 < b - a - 0.5;
}

/** Most serious first: overdue, due, then warnings by threshold; the earlier first among equals. */
const bySeriousness = (a: DueMark, b: DueMark): number =>
  SEVERITY[b.kind] - SEVERITY[a.kind] || (b.percent ?? 0) - (a.percent ?? 0) || a.at - b.at;
const moreSerious = (a: DueMark, b: DueMark): boolean => bySeriousness(a, b) < 0;

/**
 * The most serious mark the inquiry crossed in (from, to], as it is to be notified: overdue at its time; a warning or
 * "due" crossed during a snooze only when the snooze ends (and only the step's latest mark by then), none while it holds.
 */
function crossingOf(w: WatchedInquiry, from: Instant, to: Instant): DueMark | null {
  const s = w.snooze;
  const marks = w.marks;
  // Everything crossed before the window, and no snooze ending in it: nothing new (most overdue items, at once).
  const last = marks[marks.length - 1];
  if (last === undefined || (last.at <= from && (s === null || s.until <= from))) return null;
  const snoozedNow = s !== null && s.from <= to && to < s.until;
  let best: DueMark | null = null;
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i] as DueMark;
    if (m.at > to) break; // sorted, and holding only ever delivers later
    let at: number = m.at;
    if (m.kind !== 'overdue' && s !== null) {
      if (snoozedNow) continue;
      if (m.at >= s.from && m.at < s.until) {
        // Held until the snooze ends; only the step's latest mark before then stands for it.
        if (marks.some((o, j) => j > i && o.step === m.step && o.at < s.until)) continue;
        at = s.until;
      }
    }
    if (at > from && at <= to && (best === null || moreSerious(m, best))) best = m;
  }
  return best;
}

function summaryOf(crossings: readonly Crossing[], whileClosed: boolean): WarningNotice {
  const sorted = [...crossings].sort((a, b) => bySeriousness(a.mark, b.mark));
  const count = (k: MarkKind) => crossings.filter((c) => c.mark.kind === k).length;
  return {
    kind: 'summary',
    whileClosed,
    overdue: count('overdue'),
    due: count('due'),
    warnings: count('warning'),
    caseNumbers: crossings.length <= SUMMARY_CASE_NUMBERS ? sorted.map((c) => c.w.caseNumber) : [],
    inquiryId: (sorted[0] as Crossing).w.inquiryId,
  };
}

/**
 * What to notify now (see the top of this file). Pure: the caller keeps `checkedAt` and passes it back as `lastCheck`.
 * One pass over the inquiries' marks; the calendar is asked two questions per call, not one per inquiry.
 */
export function scheduleNotifications({ inquiries, cal, lastCheck, now }: ScheduleInput): ScheduleResult {
  // The first look sets the baseline: what was already due when the desk started is not news.
  if (lastCheck === null) return { notices: [], checkedAt: now };
  if (now <= lastCheck) return { notices: [], checkedAt: lastCheck };
  // Closed: nothing now, and the window stays open from the last look, so the opening summarises it.
  if (!isOpenAt(cal, now)) return { notices: [], checkedAt: lastCheck };
  const crossings: Crossing[] = [];
  for (const w of inquiries) {
    const mark = crossingOf(w, lastCheck, now);
    if (mark !== null) crossings.push({ w, mark });
  }
  if (crossings.length === 0) return { notices: [], checkedAt: now };
  if (closedBetween(cal, lastCheck, now)) return { notices: [summaryOf(crossings, true)], checkedAt: now };
  if (crossings.length > MAX_INDIVIDUAL_NOTICES) return { notices: [summaryOf(crossings, false)], checkedAt: now };
  const notices: WarningNotice[] = crossings
    .sort((a, b) => bySeriousness(a.mark, b.mark))
    .map(({ w, mark }) => ({
      kind: 'item',
      inquiryId: w.inquiryId,
      caseNumber: w.caseNumber,
      step: mark.step,
      mark: mark.kind,
      percent: mark.percent,
    }));
  return { notices, checkedAt: now };
}
