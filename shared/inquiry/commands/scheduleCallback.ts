import { DomainError } from '../../errors';
import type { PersonRef } from '../../people';
import type { Instant } from '../../time/types';
import type { CallbackScheduled, PARTIES } from '../events';
import { normalisePhone } from '../phone';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';

export interface CallbackInput {
  party: (typeof PARTIES)[number];
  number: string;
  at: Instant;
  /** Who will make the call (the unit lead for the callback queue, the assignee otherwise). */
  caller: PersonRef;
  note?: string;
}

/** Grace before a scheduled time counts as in the past (a form filled in over a minute or two). */
const PAST_GRACE_MS = 5 * 60_000;

/** Schedules a callback: due at its time, it reminds the caller, shows in Due today, and is overdue when missed. */
export function scheduleCallback(state: InquiryRecord, input: CallbackInput, ctx: CommandContext): [CallbackScheduled] {
  requireOpen(state, 'schedule a callback');
  const number = normalisePhone(input.number);
  if (!number)
    throw new DomainError(
      'validation',
      'Enter the callback number as a 10-digit phone number, for example 515-555-0123 (an extension may follow: x12).',
    );
  if (input.at < ctx.now - PAST_GRACE_MS) throw new DomainError('validation', 'Choose a callback time that has not passed yet.');
  const payload = {
    callbackId: ctx.newId(),
    party: input.party,
    number,
    at: input.at,
    caller: { id: input.caller.id, name: input.caller.name },
    note: noteOf(input.note),
  };
  return [{ ...envelopeOf(ctx, state.id), type: 'CallbackScheduled', payload }];
}
