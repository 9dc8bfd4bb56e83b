import { DomainError } from '../../errors';
import { asInstant, type Instant, type TimeZone } from '../../time/types';
import { pad2, zonedParts } from '../../time/zone';
import { dueItems } from '../due';
import type { SnoozeEnded, WarningsSnoozed } from '../events';
import { type InquiryRecord, snoozeOf } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { requireOpen } from './guards';

/** A snooze lasts at most this many business days from when it is set (a week of office time on a standard week). */
export const MAX_SNOOZE_BUSINESS_DAYS = 5;
export const SNOOZE_REASON_LIMIT = 400;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue, Nov 24, 9:05 AM" in the agency's zone: how a snooze's end is worded in messages and the timeline, in the
 * 12-hour form the inquiry page gives every other time (issue 16: no "09:05" beside "9:05 AM").
 */
export function snoozeTimeText(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  const hour = ((p.hour + 11) % 12) + 1;
  return `${WEEKDAYS[p.weekday]}, ${MONTHS[p.month - 1]} ${p.day}, ${hour}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** True while the inquiry's warnings are snoozed at `now`. */
export const isSnoozed = (r: InquiryRecord, now: Instant): boolean => {
  const s = snoozeOf(r);
  return s !== null && s.from <= now && now < s.until;
};

/**
 * Quiets the inquiry's warning notifications until `until` (SPEC issue 8): for a person who knows the step is in
 * hand ("waiting for the member's callback at 2"). Only warnings and "due" notices wait; overdue still notifies and
 * the queues do not change. At most MAX_SNOOZE_BUSINESS_DAYS business days ahead, so nothing is forgotten for long.
 * A new snooze replaces one in force.
 */
export function snoozeWarnings(state: InquiryRecord, input: { until: Instant; reason?: string }, ctx: CommandContext): [WarningsSnoozed] {
  requireOpen(state, 'snooze its warnings');
  if (!dueItems(state).some((i) => i.paused === null))
    throw new DomainError('invalid_step', 'Nothing is due on this inquiry that could warn, so there is nothing to snooze.');
  if (!Number.isFinite(input.until) || input.until <= ctx.now)
    throw new DomainError('validation', 'Choose a time after now for the warnings to come back.');
  const latest = ctx.time.add(ctx.now, { amount: MAX_SNOOZE_BUSINESS_DAYS, unit: 'businessDays' });
  if (input.until > latest)
    throw new DomainError(
      'validation',
      `A snooze lasts at most ${MAX_SNOOZE_BUSINESS_DAYS} business days: choose ${snoozeTimeText(latest, ctx.config.timeZone)} or earlier.`,
    );
  const reason = (input.reason ?? '').trim();
  if (reason.length > SNOOZE_REASON_LIMIT)
    throw new DomainError('validation', `Shorten the reason to ${SNOOZE_REASON_LIMIT} characters or fewer (now ${reason.length}).`);
  return [{ ...envelopeOf(ctx, state.id), type: 'WarningsSnoozed', payload: { until: asInstant(Math.floor(input.until)), reason } }];
}

/** Ends a snooze in force: warnings notify again from now. */
export function endSnooze(state: InquiryRecord, input: { note?: string }, ctx: CommandContext): [SnoozeEnded] {
  if (!isSnoozed(state, ctx.now)) throw new DomainError('invalid_step', 'The warnings on this inquiry are not snoozed.');
  const note = (input.note ?? '').trim();
  if (note.length > SNOOZE_REASON_LIMIT)
    throw new DomainError('validation', `Shorten the note to ${SNOOZE_REASON_LIMIT} characters or fewer (now ${note.length}).`);
  return [{ ...envelopeOf(ctx, state.id), type: 'SnoozeEnded', payload: { note } }];
}
