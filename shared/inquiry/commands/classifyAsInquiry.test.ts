import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../sync/hlc';
import { grievanceOf } from '../projection';
import { classifyAsComplaint } from './classifyAsComplaint';
import { classifyAsInquiry } from './classifyAsInquiry';
import { recordGrievanceReview } from './recordGrievanceReview';
import { ct, Desk, LEE, refusal, testContext } from './testKit';

function complaint(): Desk {
  const desk = new Desk();
  desk.run(
    classifyAsComplaint,
    { responsibleEntity: 'mco', reason: 'Ride missed twice.', reasonCategory: 'Transportation' },
    ct(2026, 11, 25, 15, 30),
  );
  return desk;
}

describe('classifyAsInquiry', () => {
  it('emits one ClassifiedAsInquiry with the trimmed note', () => {
    const desk = complaint();
    const now = ct(2026, 11, 26, 9, 0);
    expect(classifyAsInquiry(desk.record, { note: ' Only a question. ' }, testContext(now, { actor: LEE }))).toEqual([
      {
        id: '01JDESKA000000000000000001',
        inquiryId: desk.record.id,
        actor: LEE,
        deviceId: 'DESKA',
        hlc: encodeHlc({ wall: now, counter: 0, deviceId: 'DESKA' }),
        at: now,
        v: 1,
        type: 'ClassifiedAsInquiry',
        payload: { note: 'Only a question.' },
      },
    ]);
  });

  it('takes the inquiry out of the grievance record; the timeline keeps what was recorded', () => {
    const desk = complaint();
    desk.run(recordGrievanceReview, { reviewedOn: '2026-11-25', note: 'First look.' }, ct(2026, 11, 25, 16, 0));
    desk.run(classifyAsInquiry, { note: 'Only a question.' }, ct(2026, 11, 26, 9, 0));
    expect(grievanceOf(desk.record)).toBeNull();
    expect(desk.events.map((e) => e.type)).toEqual([
      'InquiryLogged',
      'TargetsSet',
      'ClassifiedAsComplaint',
      'GrievanceReviewed',
      'ClassifiedAsInquiry',
    ]);
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 11, 26, 9, 0));
    it('not a complaint', () => {
      expect(refusal(() => classifyAsInquiry(new Desk().record, { note: 'x' }, now))).toEqual([
        'invalid_step',
        'This is already an inquiry, not a complaint.',
      ]);
    });
    it('no note', () => {
      expect(refusal(() => classifyAsInquiry(complaint().record, { note: ' ' }, now))).toEqual([
        'validation',
        'Type why it is not a complaint.',
      ]);
    });
  });
});
