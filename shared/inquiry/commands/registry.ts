import type { InquiryEvent } from '../events';
import type { InquiryRecord } from '../projection';
import { addNote } from './addNote';
import { classifyAsComplaint } from './classifyAsComplaint';
import { classifyAsInquiry } from './classifyAsInquiry';
import { closeCallback } from './closeCallback';
import type { CommandContext } from './context';
import { editFields } from './editFields';
import { pauseTimer, resumeTimer } from './pauseTimer';
import { recordGrievanceOutcome } from './recordGrievanceOutcome';
import { recordGrievanceReview } from './recordGrievanceReview';
import { recordMcoFollowUp } from './recordMcoFollowUp';
import { recordMcoReportBack } from './recordMcoReportBack';
import { recordMessageSent } from './recordMessageSent';
import { recordOutreach } from './recordOutreach';
import { referToMco } from './referToMco';
import { reopenInquiry } from './reopenInquiry';
import { resolveInquiry } from './resolveInquiry';
import { reviewImported } from './reviewImported';
import { scheduleCallback } from './scheduleCallback';
import { endSnooze, snoozeWarnings } from './snoozeWarnings';

/**
 * The commands on an inquiry that stands in the log, by name: what the storage adapter runs
 * (`Repo.execute(name, inquiryId, input)`). A new step is a command file here, one line in this list,
 * and the form that gathers its input. (Logging a new inquiry is not here: it has no inquiry to run on,
 * and takes a case number the adapter gives.)
 */
export const COMMANDS = {
  addNote,
  editFields,
  recordOutreach,
  referToMco,
  recordMcoReportBack,
  recordMcoFollowUp,
  scheduleCallback,
  closeCallback,
  resolveInquiry,
  pauseTimer,
  resumeTimer,
  snoozeWarnings,
  endSnooze,
  reopenInquiry,
  classifyAsComplaint,
  classifyAsInquiry,
  recordGrievanceReview,
  recordGrievanceOutcome,
  reviewImported,
  recordMessageSent,
} satisfies Record<string, (state: InquiryRecord, input: never, ctx: CommandContext) => InquiryEvent[]>;

export type CommandName = keyof typeof COMMANDS;
export type CommandInput<N extends CommandName> = Parameters<(typeof COMMANDS)[N]>[1];

/** Runs the named command: the events it decides on, or a DomainError when the step does not fit. */
export function runCommand<N extends CommandName>(
  name: N,
  state: InquiryRecord,
  input: CommandInput<N>,
  ctx: CommandContext,
): InquiryEvent[] {
  const command = COMMANDS[name] as (state: InquiryRecord, input: CommandInput<N>, ctx: CommandContext) => InquiryEvent[];
  return command(state, input, ctx);
}
