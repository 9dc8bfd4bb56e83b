import type { OUTREACH_METHODS, OutreachRecorded, PARTIES, TimerResumed } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { noteOf, requireOpen } from './guards';
import { resumeWaitingFor } from './pauseTimer';
import { happenedOf, type WhenInput } from './when';

export interface OutreachInput extends WhenInput {
  party: (typeof PARTIES)[number];
  method: (typeof OUTREACH_METHODS)[number];
  /** True when the person was reached: the first such contact stops the first-contact timer. */
  reached: boolean;
  note?: string;
}

/**
 * Records a contact attempt with the member or the originator; unanswered attempts are counted
 * (SPEC.md "Outreach limit"). Reaching the person resumes timers paused until the member was reached.
 */
export function recordOutreach(state: InquiryRecord, input: OutreachInput, ctx: CommandContext): [OutreachRecorded, ...TimerResumed[]] {
  requireOpen(state, 'record a contact');
  const happened = happenedOf(state, input, ctx);
  const payload = { party: input.party, method: input.method, reached: input.reached, note: noteOf(input.note) };
  const event: OutreachRecorded = { ...envelopeOf(ctx, state.id, happened), type: 'OutreachRecorded', payload };
  return [event, ...(input.reached ? resumeWaitingFor(state, 'member_contact', ctx, happened) : [])];
}
