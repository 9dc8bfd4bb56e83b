import { DomainError } from '../../errors';
import type { Pause } from '../../time/calendar';
import { type Instant, later } from '../../time/types';
import { dueItems } from '../due';
import type { PAUSE_WAITS, PausableTimer, TimerPaused, TimerResumed } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { isUnitLeadCallback } from './targets';

export const TIMER_LABELS: Record<PausableTimer, string> = {
  first_contact: 'first-contact timer',
  mco_follow_up: 'MCO follow-up timer',
};

/**
 * Pauses a timer while the agency waits on someone else (the member asked to be called after a
 * hospital stay; documents were requested). Paused time does not count toward its target or deadline.
 */
export function pauseTimer(
  state: InquiryRecord,
  input: { timer: PausableTimer; reason: string; waitingFor: (typeof PAUSE_WAITS)[number] },
  ctx: CommandContext,
): [TimerPaused] {
  requireOpen(state, 'pause a timer');
  const label = TIMER_LABELS[input.timer];
  if (!ctx.config.pausableTimers.includes(input.timer))
    throw new DomainError('invalid_step', `The agency's policy does not allow pausing the ${label}.`);
  const item = dueItems(state).find((i) => i.kind === input.timer);
  if (!item) throw new DomainError('invalid_step', `The ${label} is not running on this inquiry.`);
  if (item.paused) throw new DomainError('invalid_step', `The ${label} is paused already.`);
  const payload = { timer: input.timer, reason: noteOf(input.reason, 'why the timer is paused'), waitingFor: input.waitingFor };
  return [{ ...envelopeOf(ctx, state.id), type: 'TimerPaused', payload }];
}

/** Resumes a paused timer: its due times are recomputed from its start with every one of its pauses left out. */
export function resumeTimer(state: InquiryRecord, input: { timer: PausableTimer }, ctx: CommandContext): [TimerResumed] {
  requireOpen(state, 'resume a timer');
  const open = state.workflow.pauses.find((p) => p.timer === input.timer && p.end === null);
  if (!open) throw new DomainError('invalid_step', `The ${TIMER_LABELS[input.timer]} is not paused.`);
  return [resumedEvent(state, input.timer, false, ctx)];
}

/**
 * Resumes the open pauses that waited for `what` (the command recording it calls this). `happened`: when the
 * awaited step happened; the pause ends then (not before it began), and the resumption says so.
 */
export function resumeWaitingFor(
  state: InquiryRecord,
  what: 'member_contact' | 'mco_report',
  ctx: CommandContext,
  happened: Instant = ctx.now,
): TimerResumed[] {
  return state.workflow.pauses
    .filter((p) => p.end === null && p.waitingFor === what)
    .map((p) => resumedEvent(state, p.timer, true, ctx, later(p.start, happened)));
}

function resumedEvent(state: InquiryRecord, timer: PausableTimer, automatic: boolean, ctx: CommandContext, end = ctx.now): TimerResumed {
  const w = state.workflow;
  const pauses: Pause[] = w.pauses.filter((p) => p.timer === timer).map((p) => ({ start: p.start, end: p.end ?? end, reason: p.reason }));
  let target: Instant | null = null;
  let deadline: Instant;
  if (timer === 'first_contact') {
    const t = w.targets;
    if (!t) throw new DomainError('invalid_step', 'This inquiry has no first-contact timer.');
    if (isUnitLeadCallback(state)) {
      // The unit lead's callback keeps its rule: the close of the Nth business day after receipt (as recorded),
      // pushed on by the office time the pauses took; not N business days counted from the received time.
      target = deadline = ctx.time.endOfNthBusinessDay(t.from, t.policy.deadline.amount, pauses);
    } else {
      target = ctx.time.add(t.from, t.policy.target, pauses);
      deadline = ctx.time.add(t.from, t.policy.deadline, pauses);
    }
  } else {
    const ref = w.referral;
    if (!ref) throw new DomainError('invalid_step', 'This inquiry has no MCO follow-up timer.');
    const start = ref.lastFollowUpAt ?? ref.at;
    const path = ctx.config.priorityLevels.find((l) => l.id === (w.targets?.priority ?? state.priority))?.path;
    // After a follow-up the next one is a business day later on either path (recordMcoFollowUp).
    const oneDay = path === 'escalated' || ref.lastFollowUpAt !== null;
    deadline = oneDay ? ctx.time.add(start, { amount: 1, unit: 'businessDays' }, pauses) : ctx.time.endOfBusinessDay(start, pauses);
  }
  return { ...envelopeOf(ctx, state.id, end), type: 'TimerResumed', payload: { timer, target, deadline, automatic } };
}
