import type { InquiryRecord } from '../inquiry/projection';
import { type BusinessCalendar, businessMinutesBetween, type Pause } from '../time/calendar';
import type { Instant, TimeZone } from '../time/types';
import { isoDayOf } from '../time/zone';

/*
 * How an inquiry did against its first-contact timer, and how long things took in business time:
 * one definition for the export's computed columns and the report's figures.
 */

export const FIRST_CONTACT_OUTCOMES = ['within_target', 'within_deadline', 'missed', 'pending', 'closed_uncontacted', 'no_target'] as const;
export type FirstContactOutcome = (typeof FIRST_CONTACT_OUTCOMES)[number];

export const FIRST_CONTACT_OUTCOME_LABELS: Record<FirstContactOutcome, string> = {
  within_target: 'Met target',
  within_deadline: 'Met deadline, missed target',
  missed: 'Missed deadline',
  pending: 'Not contacted yet (not late)',
  closed_uncontacted: 'Closed before any contact',
  no_target: 'No target',
};

/**
 * Met (by the target, or only by the deadline) or missed. An open inquiry not yet contacted is
 * missed once its deadline has passed, pending before; one closed without a contact is missed if it
 * closed after the deadline, otherwise it never had a contact to time.
 */
export function firstContactOutcome(r: InquiryRecord, now: Instant): FirstContactOutcome {
  const t = r.workflow.targets;
  if (!t) return 'no_target';
  const contact = r.workflow.firstContactAt;
  if (contact !== null) {
    if (contact <= t.firstContactTarget) return 'within_target';
    if (contact <= t.firstContactDeadline) return 'within_deadline';
    return 'missed';
  }
  const resolvedAt = r.status === 'resolved' ? (r.workflow.resolution?.at ?? null) : null;
  if (resolvedAt !== null) return resolvedAt > t.firstContactDeadline ? 'missed' : 'closed_uncontacted';
  // A paused timer has no deadline running: it cannot be late while paused.
  if (r.workflow.pauses.some((p) => p.timer === 'first_contact' && p.end === null)) return 'pending';
  return now > t.firstContactDeadline ? 'missed' : 'pending';
}

/** Whether the outcome counts toward "percent within target/deadline" (it has been decided). */
export const isDecided = (o: FirstContactOutcome): boolean => o === 'within_target' || o === 'within_deadline' || o === 'missed';

/** Office minutes from receipt (the timer's start) to the first contact, time the timer was paused left out; null before any contact. */
export function businessMinutesToFirstContact(r: InquiryRecord, cal: BusinessCalendar): number | null {
  const contact = r.workflow.firstContactAt;
  if (contact === null) return null;
  const pauses: Pause[] = r.workflow.pauses
    .filter((p) => p.timer === 'first_contact')
    .map((p) => ({ start: p.start, end: p.end, reason: p.reason }));
  return businessMinutesBetween(cal, r.workflow.targets?.from ?? r.receivedAt, contact, pauses);
}

/** The same span with the paused time counted, as if the timer had never paused; null before any contact. */
export function businessMinutesToFirstContactWithPauses(r: InquiryRecord, cal: BusinessCalendar): number | null {
  const contact = r.workflow.firstContactAt;
  if (contact === null) return null;
  return businessMinutesBetween(cal, r.workflow.targets?.from ?? r.receivedAt, contact);
}

/** Office minutes from receipt to the resolution; null while open. */
export function businessMinutesToResolution(r: InquiryRecord, cal: BusinessCalendar): number | null {
  const res = r.status === 'resolved' ? r.workflow.resolution : null;
  if (!res) return null;
  return businessMinutesBetween(cal, r.receivedAt, res.at);
}

const DAY_MS = 86_400_000;

/** Whole calendar days (agency zone) from the day received to the day resolved, or to today while open. */
export function daysOpen(r: InquiryRecord, now: Instant, zone: TimeZone): number {
  const end = r.status === 'resolved' && r.workflow.resolution ? r.workflow.resolution.at : now;
  const a = Date.parse(`${isoDayOf(r.receivedAt, zone)}T00:00:00Z`);
  const b = Date.parse(`${isoDayOf(end, zone)}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / DAY_MS));
}
