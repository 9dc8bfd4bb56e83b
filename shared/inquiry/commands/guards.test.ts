import { describe, expect, it } from 'vitest';
import { NOTE_LIMIT, noteOf, requireOpen } from './guards';
import { resolveInquiry } from './resolveInquiry';
import { ct, Desk, refusal } from './testKit';

describe('requireOpen', () => {
  it('lets a step happen on an open inquiry', () => {
    expect(() => requireOpen(new Desk().record, 'record a contact')).not.toThrow();
  });

  it('refuses a step on a resolved inquiry with invalid_step, naming the step', () => {
    const desk = new Desk();
    desk.run(resolveInquiry, { resolution: 'withdrawn', text: 'Member withdrew it.' }, ct(2026, 11, 25, 15, 30));
    expect(refusal(() => requireOpen(desk.record, 'record a contact'))).toEqual([
      'invalid_step',
      'This inquiry is resolved: reopen it before you record a contact.',
    ]);
  });
});

describe('noteOf', () => {
  it('trims the note and allows an empty one when none is required', () => {
    expect(noteOf('  Left a message.  ')).toBe('Left a message.');
    expect(noteOf(undefined)).toBe('');
    expect(noteOf(' \n\t ')).toBe('');
  });

  it('refuses a blank note when one is required, saying what to type', () => {
    expect(refusal(() => noteOf('   ', 'what the MCO reported'))).toEqual(['validation', 'Type what the MCO reported.']);
    expect(refusal(() => noteOf(undefined, 'why it is reopened'))).toEqual(['validation', 'Type why it is reopened.']);
  });

  it(`accepts ${NOTE_LIMIT} characters after trimming and refuses one more, with the count`, () => {
    expect(noteOf(` ${'a'.repeat(NOTE_LIMIT)} `)).toHaveLength(NOTE_LIMIT);
    expect(refusal(() => noteOf('a'.repeat(NOTE_LIMIT + 1)))).toEqual([
      'validation',
      `Shorten the note to 4000 characters or fewer (now ${NOTE_LIMIT + 1}).`,
    ]);
  });
});
