import { DomainError } from '../../errors';
import type { McoFollowedUp } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { happenedOf, type WhenInput } from './when';

/** Followed up with the MCO because it had not reported back; the next follow-up falls due one business day after it. */
export function recordMcoFollowUp(state: InquiryRecord, input: { note: string } & WhenInput, ctx: CommandContext): [McoFollowedUp] {
  requireOpen(state, 'record a follow-up with the MCO');
  if (!state.workflow.referral) throw new DomainError('invalid_step', 'Refer the inquiry to the MCO before following up with it.');
  const happened = happenedOf(state, input, ctx, { at: state.workflow.referral.at, what: 'the referral to the MCO' });
  const payload = {
    note: noteOf(input.note, 'whom you reached at the MCO and what they said'),
    nextFollowUpDue: ctx.time.add(happened, { amount: 1, unit: 'businessDays' }),
  };
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'McoFollowedUp', payload }];
}
