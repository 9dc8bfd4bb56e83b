import { describe, expect, it } from 'vitest';
import { stageOf } from '../../log/logRow';
import { dueItems } from '../due';
import { recordMcoReportBack } from './recordMcoReportBack';
import { referToMco } from './referToMco';
import { resolveInquiry } from './resolveInquiry';
import { ct, Desk, oneEvent, refusal, testContext } from './testKit';

/** A High inquiry received Mon 23 Nov 09:00, referred to Iowa Total Care at 10:00. */
function referred(): Desk {
  const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 0) });
  desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0));
  return desk;
}

describe('recordMcoReportBack', () => {
  it('emits one McoReportedBack with whether the MCO contacted the member and the trimmed note', () => {
    const desk = referred();
    const now = ct(2026, 11, 23, 14, 0);
    expect(recordMcoReportBack(desk.record, { memberContacted: true, note: ' Ride booked for Tuesday. ' }, testContext(now))).toEqual(
      oneEvent(desk.record.id, now, 'McoReportedBack', { memberContacted: true, note: 'Ride booked for Tuesday.' }),
    );
  });

  it('ends the MCO contact and follow-up timers and moves the stage on', () => {
    const desk = referred();
    expect(stageOf(desk.record)).toBe('With MCO');
    desk.run(recordMcoReportBack, { memberContacted: false, note: 'Will call the member tomorrow.' }, ct(2026, 11, 23, 14, 0));
    expect(desk.record.workflow.referral).toMatchObject({ reportedBackAt: ct(2026, 11, 23, 14, 0), memberContactedByMco: false });
    expect(dueItems(desk.record).map((i) => i.kind)).toEqual(['first_contact']);
    expect(stageOf(desk.record)).toBe('MCO reported back');
  });

  it('takes a later report-back as the latest word from the MCO', () => {
    const desk = referred();
    desk.run(recordMcoReportBack, { memberContacted: false, note: 'Trying the member.' }, ct(2026, 11, 23, 14, 0));
    desk.run(recordMcoReportBack, { memberContacted: true, note: 'Reached the member.' }, ct(2026, 11, 23, 15, 0));
    expect(desk.record.workflow.referral).toMatchObject({ reportedBackAt: ct(2026, 11, 23, 15, 0), memberContactedByMco: true });
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 11, 23, 14, 0));

    it('no referral yet', () => {
      expect(refusal(() => recordMcoReportBack(new Desk().record, { memberContacted: true, note: 'Done.' }, now))).toEqual([
        'invalid_step',
        'Refer the inquiry to the MCO before recording its report-back.',
      ]);
    });

    it('an empty note', () => {
      expect(refusal(() => recordMcoReportBack(referred().record, { memberContacted: true, note: '  ' }, now))).toEqual([
        'validation',
        'Type what the MCO reported.',
      ]);
    });

    it('a resolved inquiry', () => {
      const desk = referred();
      desk.run(resolveInquiry, { resolution: 'mco', text: 'MCO booked the ride.' }, ct(2026, 11, 23, 13, 0));
      expect(refusal(() => recordMcoReportBack(desk.record, { memberContacted: true, note: 'Done.' }, now))).toEqual([
        'invalid_step',
        'This inquiry is resolved: reopen it before you record an MCO report-back.',
      ]);
    });
  });
});
