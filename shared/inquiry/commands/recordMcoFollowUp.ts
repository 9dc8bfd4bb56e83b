import { DomainError } from '../../errors';
import type { McoFollowedUp } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';

/** Followed up with the MCO because it had not reported back; the next follow-up falls due one business day later. */
export function recordMcoFollowUp(state: InquiryRecord, input: { note: string }, ctx: CommandContext): [McoFollowedUp] {
  requireOpen(state, 'record a follow-up with the MCO');
  if (!state.workflow.referral) throw new DomainError('invalid_step', 'Refer the inquiry to the MCO before following up with it.');
  const payload = {
    note: noteOf(input.note, 'whom you reached at the MCO and what they said'),
    nextFollowUpDue: ctx.time.add(ctx.now, { amount: 1, unit: 'businessDays' }),
  };
  return [{ ...envelopeOf(ctx, state.id), type: 'McoFollowedUp', payload }];
}
