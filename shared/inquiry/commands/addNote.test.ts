import { describe, expect, it } from 'vitest';
import { applyEvent } from '../projection';
import { addNote, NOTE_MAX_LENGTH } from './addNote';
import { BEN, briefFields, ct, Desk, oneEvent, refusal, testContext } from './testKit';

/** Mon 23 Nov 2026 14:00 CST. */
const NOW = ct(2026, 11, 23, 14, 0);

/** Ben's context on his desk: ids 01JDESKB…001, …002 and stamps counting up in the same millisecond. */
const bens = () => testContext(NOW, { actor: BEN, deviceId: 'DESKB' });

/** The brief inquiry, logged by Ana at 09:20. */
const inquiry = () => new Desk(briefFields(), { at: ct(2026, 11, 23, 9, 20) }).record;

describe('addNote', () => {
  it('emits one NoteAdded with the envelope and the trimmed text', () => {
    const state = inquiry();
    expect(addNote(state, { text: '  Called member; left voicemail.\n' }, bens())).toEqual(
      oneEvent(state.id, NOW, 'NoteAdded', { text: 'Called member; left voicemail.' }, { deviceId: 'DESKB', actor: BEN }),
    );
  });

  it('keeps line breaks inside the note', () => {
    expect(addNote(inquiry(), { text: 'Line one\n\nLine two' }, bens())[0].payload.text).toBe('Line one\n\nLine two');
  });

  it.each(['', '   ', '\n\t '])('refuses an empty note %j with a validation error', (text) => {
    expect(refusal(() => addNote(inquiry(), { text }, bens()))).toEqual(['validation', 'Type the note before adding it.']);
  });

  it('accepts exactly 8000 characters (after trimming) and refuses 8001', () => {
    expect(NOTE_MAX_LENGTH).toBe(8000);
    expect(addNote(inquiry(), { text: ` ${'n'.repeat(8000)} ` }, bens())[0].payload.text).toHaveLength(8000);
    expect(refusal(() => addNote(inquiry(), { text: 'n'.repeat(8001) }, bens()))).toEqual([
      'validation',
      'Shorten the note to 8000 characters or fewer (now 8001), or split it in two.',
    ]);
  });

  it('counts the note on the record once folded', () => {
    const state = inquiry();
    const [event] = addNote(state, { text: 'Ride rebooked for Thursday.' }, bens());
    expect(applyEvent(state, event)).toMatchObject({ noteCount: 1, eventCount: state.eventCount + 1, updatedAt: NOW, lastHlc: event.hlc });
  });
});
