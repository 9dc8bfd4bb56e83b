import { DomainError } from '../../errors';
import type { NoteAdded } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { happenedOf, type WhenInput } from './when';

export const NOTE_MAX_LENGTH = 8000;

/** Adds a note to the inquiry's timeline (optionally saying when what it tells happened). Notes are never edited or removed; a correction is a new note. */
export function addNote(state: InquiryRecord, input: { text: string } & WhenInput, ctx: CommandContext): [NoteAdded] {
  const text = input.text.trim();
  if (!text) throw new DomainError('validation', 'Type the note before adding it.');
  if (text.length > NOTE_MAX_LENGTH)
    throw new DomainError(
      'validation',
      `Shorten the note to ${NOTE_MAX_LENGTH} characters or fewer (now ${text.length}), or split it in two.`,
    );
  const happened = happenedOf(state, input, ctx);
  return [{ ...envelopeOf(ctx, state.id, happened), type: 'NoteAdded', payload: { text } }];
}
