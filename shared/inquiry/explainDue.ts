import { type AgencyConfig, priorityLevel } from '../config/agencyConfig';
import { type BusinessCalendar, endOfBusinessDayExplained, endOfNthBusinessDayExplained, type Pause } from '../time/calendar';
import { type DeadlineWords, explainDeadline } from '../time/explain';
import { describePolicyDuration, explainPolicyDuration } from '../time/policyTime';
import type { Instant } from '../time/types';
import type { DueItem } from './due';
import type { InquiryRecord } from './projection';

/*
 * Why a due time is what it is, in plain words (issue 8 "Deadlines that explain themselves"). The
 * words come from the same stepping code that computes deadlines (shared/time/calendar.ts), run
 * again over the calendar in force now. A due time was computed when its fact happened, so if the
 * agency has since changed its hours, holidays or closures the two can differ: `recomputed` then
 * differs from the recorded time and the screen says so instead of explaining a different number.
 */

export interface DueExplanation {
  /** One explanation per time the item has (first contact has a target and a deadline). */
  parts: { label: 'Target' | 'Deadline' | 'Due'; recorded: Instant; recomputed: Instant | null; words: DeadlineWords }[];
  /** Set when the calendar settings changed since the time was recorded. */
  calendarChanged: boolean;
}

/** 2 → '2nd', 3 → '3rd', 4 → '4th' (the callback's days run 1 to 10). */
const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')}`;

const pausesOf = (r: InquiryRecord, timer: 'first_contact' | 'mco_follow_up'): Pause[] =>
  r.workflow.pauses.filter((p) => p.timer === timer).map((p) => ({ start: p.start, end: p.end, reason: p.reason }));

/** The explanation of a due item, or null for a callback (its time is the time the person chose). */
export function explainDueItem(item: DueItem, r: InquiryRecord, config: AgencyConfig, cal: BusinessCalendar): DueExplanation | null {
  const zone = config.timeZone;
  const w = r.workflow;
  const level = priorityLevel(config, w.targets?.priority ?? r.priority);
  const parts: DueExplanation['parts'] = [];
  if (item.kind === 'first_contact' && w.targets?.priority === '') {
    // The unit lead's callback (no priority): the close of the Nth business day after receipt, N as recorded.
    const t = w.targets;
    const days = t.policy.deadline.amount;
    const explanation = endOfNthBusinessDayExplained(cal, t.from, days, pausesOf(r, 'first_contact'));
    const words = explainDeadline({
      startLabel: 'Received',
      start: t.from,
      policyLabel: `Unit lead callback: by the end of the ${days === 1 ? 'next' : ordinal(days)} business day after receipt`,
      explanation,
      zone,
    });
    parts.push({ label: 'Due', recorded: t.firstContactDeadline, recomputed: explanation.due, words });
  } else if (item.kind === 'first_contact' && w.targets) {
    const t = w.targets;
    const pauses = pausesOf(r, 'first_contact');
    const label = level?.label ?? t.priority;
    for (const [partLabel, policy, recorded] of [
      ['Target', t.policy.target, t.firstContactTarget],
      ['Deadline', t.policy.deadline, t.firstContactDeadline],
    ] as const) {
      const explanation = explainPolicyDuration(cal, t.from, policy, pauses);
      const words = explainDeadline({
        startLabel: 'Received',
        start: t.from,
        policyLabel: `${label}: first contact ${partLabel === 'Target' ? 'targeted' : 'required'} within ${describePolicyDuration(policy)}`,
        explanation,
        zone,
      });
      parts.push({ label: partLabel, recorded, recomputed: explanation.due, words });
    }
  } else if (item.kind === 'mco_contact' && w.referral) {
    const explanation = endOfBusinessDayExplained(cal, w.referral.at);
    const words = explainDeadline({
      startLabel: 'Referred to the MCO',
      start: w.referral.at,
      policyLabel: 'The MCO contacts the member by the end of that business day',
      explanation,
      zone,
    });
    parts.push({ label: 'Due', recorded: w.referral.mcoContactDue, recomputed: explanation.due, words });
  } else if (item.kind === 'mco_follow_up' && w.referral) {
    const ref = w.referral;
    const pauses = pausesOf(r, 'mco_follow_up');
    const start = ref.lastFollowUpAt ?? ref.at;
    const oneDay = level?.path === 'escalated' || ref.lastFollowUpAt !== null;
    const explanation = oneDay
      ? explainPolicyDuration(cal, start, { amount: 1, unit: 'businessDays' }, pauses)
      : endOfBusinessDayExplained(cal, start, pauses);
    const words = explainDeadline({
      startLabel: ref.lastFollowUpAt ? 'Last followed up' : 'Referred to the MCO',
      start,
      policyLabel: oneDay
        ? 'Follow up with the MCO within 1 business day if it has not reported back'
        : `${level?.label ?? 'High'}: follow up with the MCO by the end of that business day if it has not reported back`,
      explanation,
      zone,
    });
    parts.push({ label: 'Due', recorded: ref.followUpDue, recomputed: explanation.due, words });
  } else {
    return null;
  }
  return { parts, calendarChanged: parts.some((p) => p.recomputed !== null && p.recomputed !== p.recorded) };
}
