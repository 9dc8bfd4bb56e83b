import type { CaseNumber } from '../caseNumber';
import type { InquiryEvent, InquiryLogged } from '../events';
import type { InquiryFields } from '../fields';
import { type CommandContext, envelopeOf } from './context';
import { gateEvent, targetsEvent, unitLeadCallbackEvent } from './targets';

/**
 * Logs a new inquiry from validated intake fields (see `validateIntake`): the logged fact, its
 * first-contact targets under the policy in force, and the MCO gate's routing when the member has no MCO.
 */
export function logInquiry(
  input: { fields: InquiryFields; caseNumber: CaseNumber },
  ctx: CommandContext,
): [InquiryLogged, ...InquiryEvent[]] {
  const inquiryId = ctx.newId();
  const logged: InquiryLogged = {
    ...envelopeOf(ctx, inquiryId),
    type: 'InquiryLogged',
    payload: { caseNumber: input.caseNumber, fields: input.fields },
  };
  const { fields } = input;
  // The MCO gate: a member with no MCO is the unit lead's callback, with its own timer and no priority.
  const follow =
    fields.mcoEnrollment === 'not_enrolled'
      ? [unitLeadCallbackEvent(ctx, inquiryId, fields.receivedAt), gateEvent(ctx, inquiryId, fields)]
      : [targetsEvent(ctx, inquiryId, fields.priority, fields.receivedAt)];
  return [logged, ...follow.filter((e) => e !== null)];
}
