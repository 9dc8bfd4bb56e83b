import type { CaseNumber } from '../caseNumber';
import type { InquiryLogged } from '../events';
import type { InquiryFields } from '../fields';
import { type CommandContext, envelopeOf } from './context';

/** Logs a new inquiry from validated intake fields (see `validateIntake`). */
export function logInquiry(input: { fields: InquiryFields; caseNumber: CaseNumber }, ctx: CommandContext): [InquiryLogged] {
  const inquiryId = ctx.newId();
  return [{ ...envelopeOf(ctx, inquiryId), type: 'InquiryLogged', payload: { caseNumber: input.caseNumber, fields: input.fields } }];
}
