import { priorityLevel } from '../../config/agencyConfig';
import { DomainError } from '../../errors';
import type { McoReferred } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { happenedOf, type WhenInput } from './when';

const DEPARTMENT_LIMIT = 120;
const CONTACT_LIMIT = 160;

export interface ReferralInput extends WhenInput {
  mcoId: string;
  department: string;
  contact: string;
  note?: string;
}

/**
 * Refers the inquiry to the member's MCO. The MCO is expected to contact the member by end of day;
 * if it has not reported back, the follow-up falls due at end of day on the High path and one
 * business day after the referral on the Escalated path (SPEC.md "Timing"), counted from when the referral was made.
 */
export function referToMco(state: InquiryRecord, input: ReferralInput, ctx: CommandContext): [McoReferred] {
  requireOpen(state, 'refer it to the MCO');
  if (state.mcoEnrollment === 'not_enrolled')
    throw new DomainError(
      'invalid_step',
      'The member is recorded as not enrolled with an MCO, so there is no MCO to refer to. Correct the enrollment first, or leave it with the unit lead.',
    );
  const happened = happenedOf(state, input, ctx);
  const mco = ctx.config.mcos.find((m) => m.id === input.mcoId);
  if (!mco) throw new DomainError('validation', 'Choose the MCO to refer to.');
  const department = input.department.trim();
  if (!department) throw new DomainError('validation', `Choose or type the department at ${mco.name} you contacted.`);
  const contact = input.contact.trim();
  // The limits of the McoReferred payload: a longer value would be stored here and refused by every other desk.
  if (department.length > DEPARTMENT_LIMIT)
    throw new DomainError('validation', `Shorten the department to ${DEPARTMENT_LIMIT} characters or fewer (now ${department.length}).`);
  if (contact.length > CONTACT_LIMIT)
    throw new DomainError('validation', `Shorten the MCO contact to ${CONTACT_LIMIT} characters or fewer (now ${contact.length}).`);
  // The inquiry's priority decides the path; the targets' priority only when the level is not configured (an imported one).
  // They differ after concurrent edits on two desks, where the priority field (last writer wins) is the truth.
  const level = priorityLevel(ctx.config, state.priority) ?? priorityLevel(ctx.config, state.workflow.targets?.priority ?? '');
  const mcoContactDue = ctx.time.endOfBusinessDay(happened);
  const followUpDue = level?.path === 'escalated' ? ctx.time.add(happened, { amount: 1, unit: 'businessDays' }) : mcoContactDue;
  const payload = { mcoId: mco.id, department, contact, note: noteOf(input.note), mcoContactDue, followUpDue };
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'McoReferred', payload }];
}
