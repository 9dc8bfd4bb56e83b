import { describe, expect, it } from 'vitest';
import { dueItems } from '../due';
import { OUTREACH_METHODS } from '../events';
import { recordOutreach } from './recordOutreach';
import { resolveInquiry } from './resolveInquiry';
import { BEN, ct, Desk, oneEvent, refusal, testContext } from './testKit';

describe('recordOutreach', () => {
  it('emits one OutreachRecorded with the party, method, whether they were reached and the trimmed note', () => {
    const desk = new Desk();
    const now = ct(2026, 11, 25, 15, 40);
    expect(
      recordOutreach(
        desk.record,
        { party: 'member', method: 'call', reached: false, note: '  No answer, no voicemail set up. ' },
        testContext(now),
      ),
    ).toEqual(
      oneEvent(desk.record.id, now, 'OutreachRecorded', {
        party: 'member',
        method: 'call',
        reached: false,
        note: 'No answer, no voicemail set up.',
      }),
    );
  });

  it('stores an absent note as empty text', () => {
    const [e] = recordOutreach(
      new Desk().record,
      { party: 'originator', method: 'email', reached: true },
      testContext(ct(2026, 11, 25, 16, 0)),
    );
    expect(e.payload.note).toBe('');
  });

  it('counts every unanswered attempt, whatever the method, and keeps first contact due', () => {
    const desk = new Desk();
    OUTREACH_METHODS.forEach((method, i) => {
      desk.run(recordOutreach, { party: 'member', method, reached: false }, ct(2026, 11, 25, 15, 10 + i));
    });
    expect(desk.record.workflow).toMatchObject({ outreachAttempts: 4, firstContactAt: null });
    expect(dueItems(desk.record).map((i) => i.kind)).toEqual(['first_contact']);
  });

  it('stops the first-contact timer when the member is reached; attempts made before stay counted', () => {
    const desk = new Desk();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: false }, ct(2026, 11, 25, 15, 10));
    desk.run(
      recordOutreach,
      { party: 'member', method: 'call', reached: true, note: 'Spoke with the member.' },
      ct(2026, 11, 27, 8, 15),
      BEN,
    );
    expect(desk.record.workflow).toMatchObject({ outreachAttempts: 1, firstContactAt: ct(2026, 11, 27, 8, 15) });
    expect(dueItems(desk.record)).toEqual([]);
  });

  it('counts reaching the originator as the first contact (SPEC: "the member or originator")', () => {
    const desk = new Desk();
    desk.run(recordOutreach, { party: 'originator', method: 'call', reached: true }, ct(2026, 11, 25, 15, 30));
    expect(desk.record.workflow.firstContactAt).toBe(ct(2026, 11, 25, 15, 30));
  });

  it('keeps the first contact time when the member is reached again', () => {
    const desk = new Desk();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 25, 15, 30));
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 27, 9, 0));
    expect(desk.record.workflow).toMatchObject({ firstContactAt: ct(2026, 11, 25, 15, 30), outreachAttempts: 0 });
  });

  it('refuses a note over 4000 characters', () => {
    const desk = new Desk();
    expect(
      refusal(() =>
        recordOutreach(
          desk.record,
          { party: 'member', method: 'letter', reached: false, note: 'x'.repeat(4001) },
          testContext(ct(2026, 11, 25, 16, 0)),
        ),
      ),
    ).toEqual(['validation', 'Shorten the note to 4000 characters or fewer (now 4001).']);
  });

  it('refuses a resolved inquiry with invalid_step', () => {
    const desk = new Desk();
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Ride rebooked.' }, ct(2026, 11, 25, 15, 30));
    expect(
      refusal(() => recordOutreach(desk.record, { party: 'member', method: 'call', reached: true }, testContext(ct(2026, 11, 25, 16, 0)))),
    ).toEqual(['invalid_step', 'This inquiry is resolved: reopen it before you record a contact.']);
  });
});
