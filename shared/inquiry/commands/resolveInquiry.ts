import { DomainError } from '../../errors';
import type { InquiryResolved, Resolution } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { happenedOf, type WhenInput } from './when';

/** How an inquiry ended, in the words the log uses. */
export const RESOLUTION_LABELS: Record<Resolution, string> = {
  agency: 'Resolved by the agency',
  mco: 'Resolved by the MCO',
  unit_lead: 'Routed to the unit lead',
  unable_to_reach: 'Unable to reach the member',
  withdrawn: 'Withdrawn',
};

/** Why a resolution cannot be chosen now, or null when it can. */
export function resolutionBlocked(state: InquiryRecord, resolution: Resolution, maxAttempts: number): string | null {
  const w = state.workflow;
  if (resolution === 'unable_to_reach' && w.outreachAttempts < maxAttempts)
    return `"Unable to reach" needs ${maxAttempts} unanswered outreach attempts; ${w.outreachAttempts} ${w.outreachAttempts === 1 ? 'is' : 'are'} recorded.`;
  if (resolution === 'mco' && !w.referral) return '"Resolved by the MCO" needs a referral to the MCO first.';
  return null;
}

/** Resolves the inquiry: how it ended, what was done, who and when. A resolved inquiry can be reopened. */
export function resolveInquiry(
  state: InquiryRecord,
  input: { resolution: Resolution; text: string } & WhenInput,
  ctx: CommandContext,
): [InquiryResolved] {
  requireOpen(state, 'resolve it again');
  const blocked = resolutionBlocked(state, input.resolution, ctx.config.outreachMaxAttempts);
  if (blocked) throw new DomainError('invalid_step', blocked);
  const happened = happenedOf(state, input, ctx);
  const payload = { resolution: input.resolution, text: noteOf(input.text, 'what was done to resolve it') };
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'InquiryResolved', payload }];
}
