import { DomainError } from '../../errors';
import type { GrievanceOutcome, GrievanceOutcomeRecorded } from '../events';
import { grievanceOf, type InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf } from './guards';
import { happenedOf, type WhenInput } from './when';

/** The finding on a complaint, in the words the record and the report use. */
export const GRIEVANCE_OUTCOME_LABELS: Record<GrievanceOutcome, string> = {
  substantiated: 'Substantiated',
  unsubstantiated: 'Unsubstantiated',
  unable_to_substantiate: 'Unable to substantiate',
};

/**
 * Records the finding on a complaint: substantiated, unsubstantiated, or unable to substantiate.
 * A later finding replaces an earlier one (both stay in the timeline). Allowed on a resolved inquiry:
 * the finding is often written up after the resolution.
 */
export function recordGrievanceOutcome(
  state: InquiryRecord,
  input: { outcome: GrievanceOutcome; note: string } & WhenInput,
  ctx: CommandContext,
): [GrievanceOutcomeRecorded] {
  const g = grievanceOf(state);
  if (!g) throw new DomainError('invalid_step', 'Classify the inquiry as a complaint before recording its outcome.');
  const note = noteOf(input.note);
  if (g.outcome && g.outcome.outcome === input.outcome && g.outcome.note === note)
    throw new DomainError('no_change', `The outcome is already "${GRIEVANCE_OUTCOME_LABELS[input.outcome]}" with this note.`);
  const happened = happenedOf(state, input, ctx);
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'GrievanceOutcomeRecorded', payload: { outcome: input.outcome, note } }];
}
