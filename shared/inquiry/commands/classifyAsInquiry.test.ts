import { describe, expect, it } from 'vitest';
import { grievanceOf } from '../projection';
import { classifyAsInquiry } from './classifyAsInquiry';
import { recordGrievanceReview } from './recordGrievanceReview';
import { itRefuses } from './testCases';
import { complaintDesk, ct, Desk, LEE, oneEvent, testContext } from './testKit';

describe('classifyAsInquiry', () => {
  it('emits one ClassifiedAsInquiry with the trimmed note', () => {
    const desk = complaintDesk();
    const now = ct(2026, 11, 26, 9, 0);
    expect(classifyAsInquiry(desk.record, { note: ' Only a question. ' }, testContext(now, { actor: LEE }))).toEqual(
      oneEvent(desk.record.id, now, 'ClassifiedAsInquiry', { note: 'Only a question.' }, { actor: LEE }),
    );
  });

  it('takes the inquiry out of the grievance record; the timeline keeps what was recorded', () => {
    const desk = complaintDesk();
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
    itRefuses(classifyAsInquiry, testContext(ct(2026, 11, 26, 9, 0)), [
      ['not a complaint', () => new Desk().record, { note: 'x' }, ['invalid_step', 'This is already an inquiry, not a complaint.']],
      ['no note', () => complaintDesk().record, { note: ' ' }, ['validation', 'Type why it is not a complaint.']],
    ]);
  });
});
