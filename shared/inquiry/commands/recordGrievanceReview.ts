import { DomainError } from '../../errors';
import { formatTypedDay } from '../../time/typedInput';
import type { IsoDay } from '../../time/types';
import { isIsoDay, isoDayOf } from '../../time/zone';
import type { GrievanceReviewed } from '../events';
import { grievanceOf, type InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf } from './guards';
import { happenedOf, type WhenInput } from './when';

/**
 * Records a review of a complaint (or a review meeting) on the day it took place: the grievance record keeps the
 * date of each review (42 CFR 438.416(b)(3)). Said either as when it happened (the step forms' When; the day is
 * its day in the agency's zone) or, from older callers, as the day alone; neither: today. The day is between the
 * day the complaint was received and today.
 */
export function recordGrievanceReview(
  state: InquiryRecord,
  input: { reviewedOn?: IsoDay | string | undefined; note: string } & WhenInput,
  ctx: CommandContext,
): [GrievanceReviewed] {
  if (!grievanceOf(state)) throw new DomainError('invalid_step', 'Classify the inquiry as a complaint before recording a review.');
  const zone = ctx.config.timeZone;
  const happened = happenedOf(state, input, ctx);
  const day = input.happenedAt !== undefined ? isoDayOf(happened, zone) : (input.reviewedOn ?? isoDayOf(ctx.now, zone)).trim();
  if (!isIsoDay(day)) throw new DomainError('validation', 'Type the day of the review as mm/dd/yyyy, for example 11/24/2026.');
  const received = isoDayOf(state.receivedAt, zone);
  if (day < received)
    throw new DomainError(
      'validation',
      `The review cannot be before the complaint was received (${formatTypedDay(received)}): check the day.`,
    );
  if (day > isoDayOf(ctx.now, zone))
    throw new DomainError('validation', 'The review day is in the future: record a review once it has taken place.');
  const note = noteOf(input.note, 'who reviewed it and what the review found');
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'GrievanceReviewed', payload: { reviewedOn: day, note } }];
}
