import { DomainError } from '../../errors';
import type { ImportReviewed, InquiryEvent, Resolution } from '../events';
import { awaitingImportReview, type InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { resolveInquiry } from './resolveInquiry';
import { targetsEvent } from './targets';

/** A unit lead's decision on an open inquiry from the old log: keep it open from today, or close it. */
export type ImportReviewInput =
  | { decision: 'kept_open'; note?: string }
  | { decision: 'closed'; resolution: Resolution; text: string; note?: string };

/**
 * Confirms an imported open inquiry ("Imported — to review"). Kept open: its first-contact timer starts
 * again from now under the policy in force (fresh targets; the old log's are history). Closed: resolved
 * with the lead's resolution, as `resolveInquiry` allows. Only a unit lead reviews, once.
 */
export function reviewImported(state: InquiryRecord, input: ImportReviewInput, ctx: CommandContext): InquiryEvent[] {
  if (ctx.actor.role !== 'lead') throw new DomainError('invalid_step', 'A unit lead reviews inquiries imported from the old log.');
  if (!awaitingImportReview(state))
    throw new DomainError('invalid_step', 'This inquiry is not waiting for review: it was reviewed already, or it is not open.');
  const reviewed: ImportReviewed = {
    ...envelopeOf(ctx, state.id),
    type: 'ImportReviewed',
    payload: { decision: input.decision, note: (input.note ?? '').trim().slice(0, 400) },
  };
  if (input.decision === 'closed') return [reviewed, ...resolveInquiry(state, { resolution: input.resolution, text: input.text }, ctx)];
  const targets = targetsEvent(ctx, state.id, state.priority, ctx.now);
  return targets ? [reviewed, targets] : [reviewed];
}
