import { DomainError } from '../../errors';
import type { InquiryRecord } from '../projection';

export const NOTE_LIMIT = 4000;

/** Process steps happen on open inquiries; a resolved one is reopened first. */
export function requireOpen(state: InquiryRecord, step: string): void {
  if (state.status === 'resolved') throw new DomainError('invalid_step', `This inquiry is resolved: reopen it before you ${step}.`);
}

/** A step's note, trimmed; `required` names what the note must say when it may not be empty. */
export function noteOf(text: string | undefined, required?: string): string {
  const note = (text ?? '').trim();
  if (required && !note) throw new DomainError('validation', `Type ${required}.`);
  if (note.length > NOTE_LIMIT)
    throw new DomainError('validation', `Shorten the note to ${NOTE_LIMIT} characters or fewer (now ${note.length}).`);
  return note;
}
