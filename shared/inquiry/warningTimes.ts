import { type AgencyConfig, calendarConfigOf } from '../config/agencyConfig';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween, createCalendar, type Pause } from '../time/calendar';
import type { Instant } from '../time/types';
import type { WarningMoment, WarningPolicy } from './due';

/*
 * The arithmetic of warning thresholds (SPEC issue 8): a threshold of p % is reached when p % of the BUSINESS time
 * from a timer's start to its target (or deadline) has passed, the timer's pauses left out. Times are computed
 * from the calendar in force now; the start, target and deadline are the recorded ones (docs/events.md).
 */

export type { WarningMoment, WarningPolicy } from './due';

/** The warning policy over a calendar: what due items need to place their warnings (dueItems(r, policy)). */
export function warningPolicy(cal: BusinessCalendar, thresholds: readonly number[]): WarningPolicy {
  return { thresholds, moments: (start, end, pauses) => thresholdMoments(cal, start, end, thresholds, pauses) };
}

const NONE: readonly WarningMoment[] = Object.freeze([]);

/**
 * The moments each threshold of the business time from `start` to `end` is reached: addBusinessMinutes of p % of
 * the total, pauses counted as closed. Ascending, each before `end`; none when there is no business time between
 * them (an end at or before the start's next opening) or no thresholds.
 */
export function thresholdMoments(
  cal: BusinessCalendar,
  start: Instant,
  end: Instant,
  thresholds: readonly number[],
  pauses?: readonly Pause[],
): readonly WarningMoment[] {
  if (thresholds.length === 0 || end <= start) return NONE;
  const total = businessMinutesBetween(cal, start, end, pauses);
  if (!(total > 0)) return NONE;
  const out: WarningMoment[] = [];
  for (const percent of thresholds) {
    const at = addBusinessMinutes(cal, start, (total * percent) / 100, pauses);
    // A closed pause never leaves the count open; an open one would (null), and such an item has no warnings.
    if (at !== null && at < end) out.push({ percent, at });
  }
  return out;
}

const policies = new WeakMap<AgencyConfig, WarningPolicy>();
let lastPolicy: { key: string; policy: WarningPolicy } | null = null;

/**
 * The warning policy of a configuration: its calendar and thresholds. Memoised per configuration object, and across
 * objects with the same calendar and thresholds (a fresh read of the same settings), so a log of 100,000 rows
 * builds the calendar once and its day cache serves every row.
 */
export function warningPolicyOf(config: AgencyConfig): WarningPolicy {
  const known = policies.get(config);
  if (known) return known;
  const calendar = calendarConfigOf(config);
  const key = JSON.stringify([calendar, config.warningThresholds]);
  if (lastPolicy?.key !== key) lastPolicy = { key, policy: warningPolicy(createCalendar(calendar), config.warningThresholds) };
  policies.set(config, lastPolicy.policy);
  return lastPolicy.policy;
}
