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

/**
 * The unit lead's callback to a member with no MCO (SPEC.md "The process" 2): no priority is asked; the
 * callback is due at the close of `config.unitLeadCallbackDays` business days after receipt (1: the end of the
 * next business day). Recorded as the inquiry's first-contact timer, target and deadline alike, with no priority.
 */
export function unitLeadCallbackEvent(ctx: CommandContext, inquiryId: string, receivedAt: Instant): TargetsSet {
  const days = { amount: ctx.config.unitLeadCallbackDays, unit: 'businessDays' } as const;
  // The close of the day received (of the next business day when received outside office hours), then of each
  // following business day: 1 is the close of the next business day.
  const due = ctx.time.endOfNthBusinessDay(receivedAt, days.amount);
  return {
    ...envelopeOf(ctx, inquiryId),
    type: 'TargetsSet',
    payload: {
      priority: '',
      from: receivedAt,
      firstContactTarget: due,
      firstContactDeadline: due,
      policy: { target: days, deadline: days },
    },
  };
}

/** Whether the inquiry's first-contact timer is the unit lead's callback (a member with no MCO: its timer has no priority). */
export const isUnitLeadCallback = (r: { mcoEnrollment: string; workflow: { targets: { priority: string } | null } }): boolean =>
  r.mcoEnrollment === 'not_enrolled' && r.workflow.targets?.priority === '';

/** The MCO gate: a member not enrolled with an MCO goes to the unit lead callback queue. */
export function gateEvent(ctx: CommandContext, inquiryId: string, fields: Pick<InquiryFields, 'mcoEnrollment'>): RoutedToUnitLead | null {
  if (fields.mcoEnrollment !== 'not_enrolled') return null;
  return {
    ...envelopeOf(ctx, inquiryId),
    type: 'RoutedToUnitLead',
    payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
  };
}
