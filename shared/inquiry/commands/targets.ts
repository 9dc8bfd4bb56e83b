import { priorityLevel } from '../../config/agencyConfig';
import type { Instant } from '../../time/types';
import type { RoutedToUnitLead, TargetsSet } from '../events';
import type { InquiryFields } from '../fields';
import { type CommandContext, envelopeOf } from './context';

/**
 * The first-contact target and deadline of a priority, counted from when the inquiry was received,
 * under the policy in force now. Recorded as an event, so history keeps what was due when.
 * No event for a priority the configuration does not know (an imported or retired level).
 */
export function targetsEvent(ctx: CommandContext, inquiryId: string, priority: string, receivedAt: Instant): TargetsSet | null {
  const level = priorityLevel(ctx.config, priority);
  if (!level) return null;
  return {
    ...envelopeOf(ctx, inquiryId),
    type: 'TargetsSet',
    payload: {
      priority,
      from: receivedAt,
      firstContactTarget: ctx.time.add(receivedAt, level.firstContactTarget),
      firstContactDeadline: ctx.time.add(receivedAt, level.firstContactDeadline),
      policy: { target: level.firstContactTarget, deadline: level.firstContactDeadline },
    },
  };
}

/** The MCO gate: a member not enrolled with an MCO goes to the unit lead callback queue. */
export function gateEvent(ctx: CommandContext, inquiryId: string, fields: Pick<InquiryFields, 'mcoEnrollment'>): RoutedToUnitLead | null {
  if (fields.mcoEnrollment !== 'not_enrolled') return null;
  return {
    ...envelopeOf(ctx, inquiryId),
    type: 'RoutedToUnitLead',
    payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
  };
}
