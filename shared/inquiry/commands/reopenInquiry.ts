import { DomainError } from '../../errors';
import type { InquiryReopened } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf } from './guards';

/** Reopens a resolved inquiry; its resolution stays in the timeline. */
export function reopenInquiry(state: InquiryRecord, input: { reason: string }, ctx: CommandContext): [InquiryReopened] {
  if (state.status !== 'resolved') throw new DomainError('invalid_step', 'This inquiry is open already.');
  return [{ ...envelopeOf(ctx, state.id), type: 'InquiryReopened', payload: { reason: noteOf(input.reason, 'why it is reopened') } }];
}
