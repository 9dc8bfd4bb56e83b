import { DomainError } from '../../errors';
import type { ClassifiedAsInquiry } from '../events';
import { grievanceOf, type InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf } from './guards';

/**
 * Not a complaint after all: the inquiry leaves the grievance record (its classification, reviews and
 * finding stay in the timeline). Says why.
 */
export function classifyAsInquiry(state: InquiryRecord, input: { note: string }, ctx: CommandContext): [ClassifiedAsInquiry] {
  if (!grievanceOf(state)) throw new DomainError('invalid_step', 'This is already an inquiry, not a complaint.');
  const note = noteOf(input.note, 'why it is not a complaint');
  return [{ ...envelopeOf(ctx, state.id), type: 'ClassifiedAsInquiry', payload: { note } }];
}
