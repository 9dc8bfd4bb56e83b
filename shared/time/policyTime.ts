import { z } from 'zod';
import {
  addBusinessMinutes,
  addBusinessMinutesExplained,
  addClockMinutes,
  addClockMinutesExplained,
  type BusinessCalendar,
  businessMinutesBetween,
  clockMinutesBetween,
  type DeadlineExplanation,
  type Pause,
} from './calendar';
import type { Instant } from './types';

/*
 * Durations as policies write them (SPEC.md "Timing: business time"): "2 business hours", "1 business day",
 * "24 hours". Business units count office time only; clock hours are plain elapsed hours. Pauses hold both.
 */

export const POLICY_UNITS = ['businessHours', 'businessDays', 'clockHours'] as const;
export type PolicyUnit = (typeof POLICY_UNITS)[number];

export const policyDurationSchema = z.object({
  amount: z.number().positive().max(10_000),
  unit: z.enum(POLICY_UNITS),
});
export type PolicyDuration = { amount: number; unit: PolicyUnit };

/** Minutes the duration stands for: office minutes for business units (a business day = cal.businessDayMinutes), clock minutes otherwise. */
export function policyDurationMinutes(cal: BusinessCalendar, d: PolicyDuration): number {
  switch (d.unit) {
    case 'businessHours':
      return d.amount * 60;
    case 'businessDays':
      return d.amount * cal.businessDayMinutes;
    case 'clockHours':
      return d.amount * 60;
  }
}

/** Whether the duration counts office time ('business') or all elapsed time ('clock'). */
export const policyBasis = (d: PolicyDuration): DeadlineExplanation['basis'] => (d.unit === 'clockHours' ? 'clock' : 'business');

/**
 * The due instant of a policy duration started at t: addBusinessMinutes for business units, addClockMinutes for
 * clock hours. With pauses: null while an open-ended pause holds a count not yet reached.
 */
export function addPolicyDuration(cal: BusinessCalendar, t: Instant, d: PolicyDuration): Instant;
export function addPolicyDuration(
  cal: BusinessCalendar,
  t: Instant,
  d: PolicyDuration,
  pauses: readonly Pause[] | undefined,
): Instant | null;
export function addPolicyDuration(cal: BusinessCalendar, t: Instant, d: PolicyDuration, pauses?: readonly Pause[]): Instant | null {
  const minutes = policyDurationMinutes(cal, d);
  return policyBasis(d) === 'clock' ? addClockMinutes(cal, t, minutes, pauses) : addBusinessMinutes(cal, t, minutes, pauses);
}

/** addPolicyDuration with its record, for explainDeadline (explain.ts); `due` is the same value. */
export function explainPolicyDuration(
  cal: BusinessCalendar,
  t: Instant,
  d: PolicyDuration,
  pauses?: readonly Pause[],
): DeadlineExplanation {
  const minutes = policyDurationMinutes(cal, d);
  return policyBasis(d) === 'clock'
    ? addClockMinutesExplained(cal, t, minutes, pauses)
    : addBusinessMinutesExplained(cal, t, minutes, pauses);
}

/** Time elapsed from a to b in the duration's own terms (office minutes or clock minutes), pauses left out: for "within target" in reports. */
export function policyMinutesBetween(cal: BusinessCalendar, a: Instant, b: Instant, unit: PolicyUnit, pauses?: readonly Pause[]): number {
  return unit === 'clockHours' ? clockMinutesBetween(a, b, pauses) : businessMinutesBetween(cal, a, b, pauses);
}

const plural = (amount: number, one: string, many: string): string => `${amount} ${amount === 1 ? one : many}`;

/** "2 business hours", "1 business day", "24 hours". */
export function describePolicyDuration(d: PolicyDuration): string {
  switch (d.unit) {
    case 'businessHours':
      return plural(d.amount, 'business hour', 'business hours');
    case 'businessDays':
      return plural(d.amount, 'business day', 'business days');
    case 'clockHours':
      return plural(d.amount, 'hour', 'hours');
  }
}
