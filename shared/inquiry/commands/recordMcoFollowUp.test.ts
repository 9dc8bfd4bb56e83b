import { describe, expect, it } from 'vitest';
import { dueItems } from '../due';
import { recordMcoFollowUp } from './recordMcoFollowUp';
import { recordMcoReportBack } from './recordMcoReportBack';
import { referToMco } from './referToMco';
import { resolveInquiry } from './resolveInquiry';
import { itRefuses } from './testCases';
import { BEN, ct, Desk, envelope, recordAfter, testContext } from './testKit';

/** A High inquiry received Mon 23 Nov 09:00, referred to Iowa Total Care at 10:00 (follow-up due Mon 16:30). */
function referred(): Desk {
  const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 0) });
  desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0));
  return desk;
}

/** Referred, then withdrawn by the originator at 13:00. */
const withdrawn = recordAfter(
  referred,
  resolveInquiry,
  { resolution: 'withdrawn', text: 'Originator withdrew it.' },
  ct(2026, 11, 23, 13, 0),
);

const followUp = (desk: Desk) => dueItems(desk.record).find((i) => i.kind === 'mco_follow_up');

describe('recordMcoFollowUp', () => {
  it('emits one McoFollowedUp with the note and the next follow-up one business day later', () => {
    const desk = referred();
    const now = ct(2026, 11, 23, 16, 15);
    expect(recordMcoFollowUp(desk.record, { note: ' Called Jo; no update yet. ' }, testContext(now, { actor: BEN }))).toEqual([
      {
        ...envelope(desk.record.id, now, { actor: BEN }),
        // 15 m Mon + 8 h 15 m Tue.
        type: 'McoFollowedUp',
        payload: { note: 'Called Jo; no update yet.', nextFollowUpDue: ct(2026, 11, 24, 16, 15) },
      },
    ]);
  });

  it.each([
    ['Mon 16:45, after hours', ct(2026, 11, 23, 16, 45), ct(2026, 11, 24, 16, 30)],
    ['Wed 25 Nov 14:00, across Thanksgiving', ct(2026, 11, 25, 14, 0), ct(2026, 11, 27, 14, 0)],
    ['Fri 27 Nov 09:00, across the weekend', ct(2026, 11, 27, 9, 0), ct(2026, 11, 30, 9, 0)],
  ])('followed up %s → next follow-up %s', (_when, at, next) => {
    const [e] = recordMcoFollowUp(referred().record, { note: 'No answer at the MCO.' }, testContext(at));
    expect(e.payload.nextFollowUpDue).toBe(next);
  });

  it('restarts the follow-up item from the follow-up and counts follow-ups', () => {
    const desk = referred();
    expect(followUp(desk)).toMatchObject({
      label: 'Follow up with MCO if no report-back',
      startedAt: ct(2026, 11, 23, 10, 0),
      deadline: ct(2026, 11, 23, 16, 30),
    });
    desk.run(recordMcoFollowUp, { note: 'Left a message for Jo.' }, ct(2026, 11, 23, 16, 45));
    desk.run(recordMcoFollowUp, { note: 'Jo is out; spoke with Sam.' }, ct(2026, 11, 24, 16, 0));
    expect(desk.record.workflow.referral).toMatchObject({
      followUps: 2,
      lastFollowUpAt: ct(2026, 11, 24, 16, 0),
      followUpDue: ct(2026, 11, 25, 16, 0),
    });
    expect(followUp(desk)).toMatchObject({
      label: 'Follow up with MCO again',
      startedAt: ct(2026, 11, 24, 16, 0),
      deadline: ct(2026, 11, 25, 16, 0),
    });
    // The MCO contact item keeps its end-of-day deadline from the referral.
    expect(dueItems(desk.record).find((i) => i.kind === 'mco_contact')?.deadline).toBe(ct(2026, 11, 23, 16, 30));
  });

  it('has nothing left to follow up once the MCO reports back', () => {
    const desk = referred();
    desk.run(recordMcoFollowUp, { note: 'Left a message.' }, ct(2026, 11, 23, 16, 45));
    desk.run(recordMcoReportBack, { memberContacted: true, note: 'Member reached.' }, ct(2026, 11, 24, 9, 0));
    expect(followUp(desk)).toBeUndefined();
  });

  describe('refusals', () => {
    itRefuses(recordMcoFollowUp, testContext(ct(2026, 11, 23, 16, 45)), [
      [
        'no referral yet',
        () => new Desk().record,
        { note: 'Called.' },
        ['invalid_step', 'Refer the inquiry to the MCO before following up with it.'],
      ],
      ['an empty note', () => referred().record, { note: '' }, ['validation', 'Type whom you reached at the MCO and what they said.']],
      [
        'a resolved inquiry',
        withdrawn,
        { note: 'Called.' },
        ['invalid_step', 'This inquiry is resolved: reopen it before you record a follow-up with the MCO.'],
      ],
    ]);
  });
});
