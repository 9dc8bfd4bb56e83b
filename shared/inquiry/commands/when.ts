import { DomainError } from '../../errors';
import { formatTypedDay } from '../../time/typedInput';
import type { Instant, TimeZone } from '../../time/types';
import { isoDayOf, pad2, zonedParts } from '../../time/zone';
import type { InquiryRecord } from '../projection';
import type { CommandContext } from './context';

/*
 * "When it happened" (SPEC.md "The inquiry", Timeline): a step can be recorded after it happened (a call logged
 * after hanging up, the MCO's morning report-back typed in the afternoon). The person says when; the event keeps
 * both times (`happenedAt` and `at`, docs/events.md), and timers, reports and the scorecard use when it happened.
 * The same rules serve the form (beside its When field) and the command (a DomainError on `happenedAt`).
 */

/** A step's "When": absent (or undefined) means now, when it is recorded. */
export interface WhenInput {
  happenedAt?: Instant | undefined;
}

/**
 * People type times to the minute: a time within this of the clock is now (a step recorded with the When left at
 * the minute the form showed is not "earlier"), and one up to this much ahead of the desk's clock is not the future.
 */
export const NOW_TOLERANCE_MS = 60_000;

/** What bounds when a step can have happened. */
export interface WhenLimits {
  /** The inquiry's received time: nothing about it happened before. */
  receivedAt: Instant;
  now: Instant;
  zone: TimeZone;
  /** A step it follows, when it follows one (the referral a report-back answers): not before it. */
  after?: { at: Instant; what: string } | undefined;
}

/** "11/23/2026 2:05 PM": a moment as the When field takes it, in the agency's zone. */
export function typedMoment(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  const hour = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${formatTypedDay(isoDayOf(at, zone))} ${hour}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** What is wrong with `happened` as the moment a step happened, in words that say how to fix it; null when nothing is. */
export function whenProblem(happened: number, limits: WhenLimits): string | null {
  const { receivedAt, now, zone, after } = limits;
  if (!Number.isSafeInteger(happened) || happened < 0) return 'Type the day and time it happened.';
  if (happened > now + NOW_TOLERANCE_MS)
    return `That is later than now (${typedMoment(now, zone)}): record a step once it has happened. Check the day, the time and am/pm.`;
  if (happened < receivedAt)
    return `That is before the inquiry was received (${typedMoment(receivedAt, zone)}): it cannot have happened earlier. Check the day and the time.`;
  if (after && happened < after.at)
    return `That is before ${after.what} (${typedMoment(after.at, zone)}): it cannot have happened earlier. Check the day and the time.`;
  return null;
}

/** The limits of a step on `state` now: received, now, the agency's zone, and the step it follows if any. */
export const whenLimitsOf = (state: InquiryRecord, ctx: CommandContext, after?: WhenLimits['after']): WhenLimits => ({
  receivedAt: state.receivedAt,
  now: ctx.now,
  zone: ctx.config.timeZone,
  after,
});

/**
 * When the step happened: `input.happenedAt` when the person gave one and it fits the limits, else now. A time
 * within a minute of now is now. Refused with a DomainError on `happenedAt` (the form shows it beside the field).
 */
export function happenedOf(state: InquiryRecord, input: WhenInput, ctx: CommandContext, after?: WhenLimits['after']): Instant {
  const h = input.happenedAt;
  if (h === undefined) return ctx.now;
  const problem = whenProblem(h, whenLimitsOf(state, ctx, after));
  if (problem) throw new DomainError('validation', problem, 'happenedAt');
  return h >= ctx.now - NOW_TOLERANCE_MS ? ctx.now : h;
}
