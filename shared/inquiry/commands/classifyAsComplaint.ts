import { DomainError } from '../../errors';
import type { ClassifiedAsComplaint, ResponsibleEntity } from '../events';
import { grievanceOf, type InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf } from './guards';

/** Who a complaint is about, in the words the record and the report use. */
export const RESPONSIBLE_ENTITY_LABELS: Record<ResponsibleEntity, string> = {
  mco: 'MCO',
  agency: 'Agency',
  provider: 'Provider',
  other: 'Other',
};

export interface ComplaintInput {
  responsibleEntity: ResponsibleEntity;
  /** The general description of the reason for the complaint (42 CFR 438.416(b)(1)). */
  reason: string;
  /** One of config.grievanceReasons. */
  reasonCategory: string;
}

/**
 * Classifies the inquiry as a complaint (a grievance), or changes the details of its classification:
 * who is responsible, the reason in general words, and the reason category the annual report counts.
 * A record-keeping step, so it is allowed on a resolved inquiry too (a lead classifying after the fact).
 */
export function classifyAsComplaint(state: InquiryRecord, input: ComplaintInput, ctx: CommandContext): [ClassifiedAsComplaint] {
  const current = grievanceOf(state);
  const reason = noteOf(input.reason, 'the general description of the reason for the complaint');
  const reasonCategory = input.reasonCategory.trim();
  if (!reasonCategory) throw new DomainError('validation', 'Choose the reason category the annual report counts the complaint under.');
  // A category since removed from Settings may stay on a complaint that already has it.
  if (!ctx.config.grievanceReasons.includes(reasonCategory) && reasonCategory !== current?.reasonCategory)
    throw new DomainError('validation', `"${reasonCategory}" is not one of the grievance reasons in Settings: choose one from the list.`);
  if (
    current &&
    current.responsibleEntity === input.responsibleEntity &&
    current.reason === reason &&
    current.reasonCategory === reasonCategory
  )
    throw new DomainError('no_change', 'It is already a complaint with these details: change something, or cancel.');
  const payload = { responsibleEntity: input.responsibleEntity, reason, reasonCategory };
  return [{ ...envelopeOf(ctx, state.id), type: 'ClassifiedAsComplaint', payload }];
}
