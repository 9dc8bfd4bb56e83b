import { DomainError } from '../../errors';
import type { McoReportedBack, TimerResumed } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { resumeWaitingFor } from './pauseTimer';
import { happenedOf, type WhenInput } from './when';

/** The MCO reported back (it stops the follow-up timer); says whether it has contacted the member. */
export function recordMcoReportBack(
  state: InquiryRecord,
  input: { memberContacted: boolean; note: string } & WhenInput,
  ctx: CommandContext,
): [McoReportedBack, ...TimerResumed[]] {
  requireOpen(state, 'record an MCO report-back');
  if (!state.workflow.referral) throw new DomainError('invalid_step', 'Refer the inquiry to the MCO before recording its report-back.');
  const happened = happenedOf(state, input, ctx, { at: state.workflow.referral.at, what: 'the referral to the MCO' });
  const payload = { memberContacted: input.memberContacted, note: noteOf(input.note, 'what the MCO reported') };
  const event: McoReportedBack = { ...envelopeOf(ctx, state.id, happened), type: 'McoReportedBack', payload };
  return [event, ...resumeWaitingFor(state, 'mco_report', ctx, happened)];
}
