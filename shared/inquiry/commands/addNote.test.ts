import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors';
import type { Actor } from '../../people';
import { encodeHlc } from '../../sync/hlc';
import type { Instant } from '../../time/types';
import type { CaseNumber } from '../caseNumber';
import { applyEvent, type InquiryRecord, projectInquiry } from '../projection';
import { sampleInquiry } from '../testInquiry';
import { addNote, NOTE_MAX_LENGTH } from './addNote';
import type { CommandContext } from './context';
import { logInquiry } from './logInquiry';
import { TEST_POLICY } from './testing';

const LOGGED_AT = Date.UTC(2026, 10, 23, 15, 20) as Instant;
const NOW = Date.UTC(2026, 10, 23, 20, 0) as Instant;
const BEN: Actor = { id: 'p-ben', name: 'Ben Cho', role: 'esr' };

/** A context with ids 01JTEST…001, …002 and stamps counting up in the same millisecond. */
function testContext(now: Instant = NOW, actor: Actor = BEN, deviceId = 'DESKB'): CommandContext {
  let ids = 0;
  let counter = 0;
  return {
    actor,
    deviceId,
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId }),
    newId: () => `01J${deviceId}${String(++ids).padStart(18, '0')}`,
    ...TEST_POLICY,
  };
}

const FIELDS = sampleInquiry({
  receivedAt: Date.UTC(2026, 10, 23, 15, 15) as Instant,
  originatorContact: '',
  callbackPhone: '',
  callbackAvailability: '',
  expectedOutcome: '',
});

const inquiry = (): InquiryRecord => {
  const events = logInquiry(
    { fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber },
    testContext(LOGGED_AT, { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' }, 'DESKA'),
  );
  return projectInquiry(events) as InquiryRecord;
};

/** The DomainError a call throws, or a failure when it does not. */
function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('addNote', () => {
  it('emits one NoteAdded with the envelope and the trimmed text', () => {
    const state = inquiry();
    expect(addNote(state, { text: '  Called member; left voicemail.\n' }, testContext())).toEqual([
      {
        id: '01JDESKB000000000000000001',
        inquiryId: state.id,
        actor: { id: 'p-ben', name: 'Ben Cho', role: 'esr' },
        deviceId: 'DESKB',
        hlc: encodeHlc({ wall: NOW, counter: 0, deviceId: 'DESKB' }),
        at: NOW,
        v: 1,
        type: 'NoteAdded',
        payload: { text: 'Called member; left voicemail.' },
      },
    ]);
  });

  it('keeps line breaks inside the note', () => {
    expect(addNote(inquiry(), { text: 'Line one\n\nLine two' }, testContext())[0].payload.text).toBe('Line one\n\nLine two');
  });

  it.each(['', '   ', '\n\t '])('refuses an empty note %j with a validation error', (text) => {
    const e = thrown(() => addNote(inquiry(), { text }, testContext()));
    expect([e.code, e.message]).toEqual(['validation', 'Type the note before adding it.']);
  });

  it('accepts exactly 8000 characters (after trimming) and refuses 8001', () => {
    expect(NOTE_MAX_LENGTH).toBe(8000);
    expect(addNote(inquiry(), { text: ` ${'n'.repeat(8000)} ` }, testContext())[0].payload.text).toHaveLength(8000);
    const e = thrown(() => addNote(inquiry(), { text: 'n'.repeat(8001) }, testContext()));
    expect([e.code, e.message]).toEqual(['validation', 'Shorten the note to 8000 characters or fewer (now 8001), or split it in two.']);
  });

  it('counts the note on the record once folded', () => {
    const state = inquiry();
    const [event] = addNote(state, { text: 'Ride rebooked for Thursday.' }, testContext());
    expect(applyEvent(state, event)).toMatchObject({ noteCount: 1, eventCount: state.eventCount + 1, updatedAt: NOW, lastHlc: event.hlc });
  });
});
