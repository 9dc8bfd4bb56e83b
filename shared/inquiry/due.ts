import type { PersonRef } from '../people';
import type { Pause } from '../time/calendar';
import { addMs, type Instant } from '../time/types';
import { awaitingImportReview, type InquiryRecord, type TimerPause } from './projection';

/** A warning threshold and the moment it is reached. */
export interface WarningMoment {
  percent: number;
  at: Instant;
}

/**
 * The agency's warning policy as due items need it (shared/inquiry/warningTimes.ts builds it over the business
 * calendar; this file stays free of the calendar, so the IPC contract that imports DUE_KINDS does not pull it in).
 */
export interface WarningPolicy {
  /** Percentages, ascending (config.warningThresholds). */
  readonly thresholds: readonly number[];
  /** The moments each threshold of the business time from start to end is reached, pauses left out. */
  moments(start: Instant, end: Instant, pauses: readonly Pause[]): readonly WarningMoment[];
}

/*
 * What is due on an inquiry, and when (SPEC.md "Timing"). Every time here was computed when its
 * fact happened and recorded in an event (TargetsSet, McoReferred, McoFollowedUp, CallbackScheduled),
 * so this is a pure read of the projection and survives restarts: no countdown lives in memory.
 */

export const DUE_KINDS = ['first_contact', 'mco_contact', 'mco_follow_up', 'callback'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const DUE_STATES = ['on_track', 'due_soon', 'overdue', 'paused'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  paused: 'Paused',
};

export interface DueItem {
  kind: DueKind;
  /** What has to happen, in the log's words: "First contact", "MCO follow-up", "Callback to member". */
  label: string;
  /** The fact that started the clock: received, referral, last follow-up, callback scheduled. */
  startedAt: Instant;
  /** The goal, when the policy has one before its deadline (first contact). */
  target: Instant | null;
  deadline: Instant;
  /**
   * From this moment the item shows as due soon. With a warning policy: the first warning threshold of the business
   * time to the target (or the deadline), or the target (deadline) itself when there are no thresholds; a callback:
   * 30 minutes before its time. Without one (no calendar at hand): three quarters of the wall-clock span.
   */
  soonAt: Instant;
  /** With a warning policy: each threshold and when it is reached (empty while paused, and for callbacks). */
  warnings?: readonly WarningMoment[];
  /** Who is expected to act, when the step names one (the caller of a callback). */
  owner: PersonRef | null;
  callbackId?: string;
  /** The open pause holding this timer, if any: a paused item is neither due soon nor overdue. */
  paused: TimerPause | null;
}

/** A callback is missed, and overdue, this long after its time. */
export const CALLBACK_GRACE_MS = 15 * 60_000;
/** A callback shows as due soon this long before its time. */
const CALLBACK_LEAD_MS = 30 * 60_000;

const soonOf = (start: Instant, end: Instant): Instant => addMs(start, Math.floor((Math.max(end, start) - start) * 0.75));

/** The closed pauses of one timer, as the calendar counts them (an open pause holds the timer: it has no warnings). */
export function pausesOfTimer(r: InquiryRecord, kind: DueKind): Pause[] {
  const out: Pause[] = [];
  for (const p of r.workflow.pauses) if (p.timer === kind && p.end !== null) out.push({ start: p.start, end: p.end, reason: p.reason });
  return out;
}

/** The open pause holding the timer, or null. */
function openPauseOf(pauses: readonly TimerPause[], kind: DueKind): TimerPause | null {
  for (const p of pauses) if (p.timer === kind && p.end === null) return p;
  return null;
}

/**
 * Gives the item its warnings under `policy`, and its due-soon moment from them; callbacks keep their 30-minute lead.
 * In place: dueItemsOf has just built the item (a copy per item cost more than the warnings themselves).
 */
function placeWarnings(item: DueItem, r: InquiryRecord, policy: WarningPolicy): void {
  if (item.kind === 'callback') {
    item.warnings = [];
    return;
  }
  const end = item.target ?? item.deadline;
  const warnings = item.paused ? [] : policy.moments(item.startedAt, end, pausesOfTimer(r, item.kind));
  item.warnings = warnings;
  item.soonAt = warnings[0]?.at ?? end;
}

/**
 * True when nothing is due on the inquiry (dueItems finds no item): it is resolved, or imported and not reviewed yet, or its first contact is made
 * (or has no targets), its referral (if any) is reported back and no callback is scheduled. Decided from the
 * fewest reads, with nothing built: most open inquiries are past every step, and the log asks each of them.
 */
export function nothingDue(r: InquiryRecord): boolean {
  if (r.status === 'resolved') return true;
  // An open inquiry from the old log is not a live deadline until a unit lead reviews it (projection.ts).
  if (awaitingImportReview(r)) return true;
  const w = r.workflow;
  const referral = w.referral;
  if ((w.targets && w.firstContactAt === null) || (referral && referral.reportedBackAt === null)) return false;
  for (const c of w.callbacks) if (c.status === 'scheduled') return false;
  return true;
}

/**
 * Everything still due on the inquiry, soonest first; nothing when it is resolved. With a warning policy each item
 * carries its warning moments, and "due soon" starts at the first of them (business time); without one, at 75 % of
 * the wall-clock span (kept for code with no calendar at hand).
 */
export function dueItems(r: InquiryRecord, policy?: WarningPolicy): DueItem[] {
  if (nothingDue(r)) return [];
  const items = dueItemsOf(r);
  if (policy) for (const item of items) placeWarnings(item, r, policy);
  return items;
}

/** Orders due items by when they want attention (a stable sort keeps equal ones in the order they were found). */
const byAttention = (a: DueItem, b: DueItem): number => attentionAt(a) - attentionAt(b);

/** The items of an open inquiry, soonest first. */
function dueItemsOf(r: InquiryRecord): DueItem[] {
  const w = r.workflow;
  const items: DueItem[] = [];
  if (w.targets && w.firstContactAt === null) {
    const t = w.targets;
    items.push({
      kind: 'first_contact',
      // A member with no MCO: the unit lead's callback is the first contact (no priority, the unit lead's timer).
      label: r.mcoEnrollment === 'not_enrolled' && t.priority === '' ? 'Unit lead callback' : 'First contact',
      startedAt: t.from,
      target: t.firstContactTarget,
      deadline: t.firstContactDeadline,
      soonAt: soonOf(t.from, t.firstContactTarget),
      owner: r.assignee,
      paused: openPauseOf(w.pauses, 'first_contact'),
    });
  }
  const ref = w.referral;
  if (ref && ref.reportedBackAt === null) {
    items.push({
      kind: 'mco_contact',
      label: 'MCO contacts member',
      startedAt: ref.at,
      target: null,
      deadline: ref.mcoContactDue,
      soonAt: soonOf(ref.at, ref.mcoContactDue),
      owner: null,
      paused: null,
    });
    items.push({
      kind: 'mco_follow_up',
      label: ref.followUps === 0 ? 'Follow up with MCO if no report-back' : 'Follow up with MCO again',
      startedAt: ref.lastFollowUpAt ?? ref.at,
      target: null,
      deadline: ref.followUpDue,
      soonAt: soonOf(ref.lastFollowUpAt ?? ref.at, ref.followUpDue),
      owner: r.assignee,
      paused: openPauseOf(w.pauses, 'mco_follow_up'),
    });
  }
  for (const c of w.callbacks) {
    if (c.status !== 'scheduled') continue;
    items.push({
      kind: 'callback',
      label: c.party === 'member' ? 'Callback to member' : 'Callback to originator',
      startedAt: c.scheduledAt,
      target: c.at,
      deadline: addMs(c.at, CALLBACK_GRACE_MS),
      soonAt: addMs(c.at, -CALLBACK_LEAD_MS),
      owner: c.caller,
      callbackId: c.id,
      paused: null,
    });
  }
  return items.sort(byAttention);
}

/** When the item wants attention: its target when it has one, else its deadline. */
export const attentionAt = (item: DueItem): Instant => item.target ?? item.deadline;

export function dueState(item: DueItem, now: Instant): DueState {
  if (item.paused) return 'paused';
  if (now >= item.deadline) return 'overdue';
  if (now >= item.soonAt) return 'due_soon';
  return 'on_track';
}

/** True once the target has passed (the deadline may not have). */
export const targetMissed = (item: DueItem, now: Instant): boolean => item.target !== null && now >= item.target;

/** The inquiry's next due item (the one that wants attention first; paused ones only when nothing else is due), or null. */
export function nextDue(r: InquiryRecord, policy?: WarningPolicy): DueItem | null {
  const items = dueItems(r, policy);
  return items.find((i) => i.paused === null) ?? items[0] ?? null;
}

/** The summary the log needs to place a row in Due today / Overdue without looking at items again. */
export interface DueSummary {
  next: DueItem | null;
  /** Earliest attention time over all items (null: nothing due). */
  attentionAt: Instant | null;
  /** Earliest deadline over all items. */
  deadline: Instant | null;
  /** Earliest due-soon moment over all items. */
  soonAt: Instant | null;
  /** Which step owns the earliest deadline, and the earliest due-soon moment (what a notification names). */
  deadlineKind: DueKind | null;
  soonKind: DueKind | null;
}

/** The summary of an inquiry with nothing due (shared: a summary is never changed by its reader). */
const NOTHING_DUE: DueSummary = Object.freeze({
  next: null,
  attentionAt: null,
  deadline: null,
  soonAt: null,
  deadlineKind: null,
  soonKind: null,
});

export function dueSummary(r: InquiryRecord, policy?: WarningPolicy): DueSummary {
  return nothingDue(r) ? NOTHING_DUE : dueSummaryOf(dueItems(r, policy));
}

/** dueSummary of items already worked out (dueItems). */
export function dueSummaryOf(all: readonly DueItem[]): DueSummary {
  // A paused timer is not due: it leaves the Due today and Overdue queues until it runs again.
  // One pass, no copies: the log asks this of every open inquiry each time it loads.
  let next: DueItem | null = null;
  let byDeadline: DueItem | null = null;
  let bySoon: DueItem | null = null;
  for (const i of all) {
    if (i.paused !== null) continue;
    next ??= i;
    if (byDeadline === null || i.deadline < byDeadline.deadline) byDeadline = i;
    if (bySoon === null || i.soonAt < bySoon.soonAt) bySoon = i;
  }
  if (next === null || byDeadline === null || bySoon === null) return NOTHING_DUE;
  return {
    next,
    attentionAt: attentionAt(next),
    deadline: byDeadline.deadline,
    soonAt: bySoon.soonAt,
    deadlineKind: byDeadline.kind,
    soonKind: bySoon.kind,
  };
}
