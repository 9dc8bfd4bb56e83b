import { DomainError } from '../../errors';
import type { CallbackClosed, TimerResumed } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { resumeWaitingFor } from './pauseTimer';
import { happenedOf, type WhenInput } from './when';

export type CallbackOutcome = CallbackClosed['payload']['outcome'];

/** Records how a scheduled callback went. Reaching the person is a first contact; no answer or voicemail is an outreach attempt. */
export function closeCallback(
  state: InquiryRecord,
  input: { callbackId: string; outcome: CallbackOutcome; note?: string } & WhenInput,
  ctx: CommandContext,
): [CallbackClosed, ...TimerResumed[]] {
  requireOpen(state, 'record a callback');
  const callback = state.workflow.callbacks.find((c) => c.id === input.callbackId);
  if (!callback) throw new DomainError('not_found', 'That callback is not on this inquiry.');
  if (callback.status !== 'scheduled') throw new DomainError('invalid_step', 'That callback has already been recorded.');
  const happened = happenedOf(state, input, ctx, { at: callback.scheduledAt, what: 'the callback was scheduled' });
  const payload = { callbackId: callback.id, outcome: input.outcome, note: noteOf(input.note) };
  const event: CallbackClosed = { ...envelopeOf(ctx, state.id, happened), type: 'CallbackClosed', payload };
  return [event, ...(input.outcome === 'reached' ? resumeWaitingFor(state, 'member_contact', ctx, happened) : [])];
}
