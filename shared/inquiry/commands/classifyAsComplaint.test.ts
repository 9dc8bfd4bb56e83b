import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../config/agencyConfig';
import { parseEvent } from '../events';
import { grievanceOf, projectInquiry } from '../projection';
import { classifyAsComplaint } from './classifyAsComplaint';
import { classifyAsInquiry } from './classifyAsInquiry';
import { recordGrievanceOutcome } from './recordGrievanceOutcome';
import { recordGrievanceReview } from './recordGrievanceReview';
import { resolveInquiry } from './resolveInquiry';
import { ANA, ct, Desk, LEE, refusal, testContext } from './testKit';

const COMPLAINT = {
  responsibleEntity: 'mco' as const,
  reason: ' The MCO cancelled the dialysis ride twice without notice. ',
  reasonCategory: 'Transportation',
};

describe('classifyAsComplaint', () => {
  it('emits one ClassifiedAsComplaint with the trimmed reason; the event parses', () => {
    const desk = new Desk();
    const now = ct(2026, 11, 25, 15, 30);
    const [event] = classifyAsComplaint(desk.record, COMPLAINT, testContext(now));
    expect(event).toMatchObject({
      type: 'ClassifiedAsComplaint',
      inquiryId: desk.record.id,
      actor: ANA,
      at: now,
      payload: {
        responsibleEntity: 'mco',
        reason: 'The MCO cancelled the dialysis ride twice without notice.',
        reasonCategory: 'Transportation',
      },
    });
    expect(parseEvent(event).ok).toBe(true);
  });

  it('makes the inquiry a complaint with who classified it and when, no reviews and no outcome yet', () => {
    const desk = new Desk();
    expect(grievanceOf(desk.record)).toBeNull();
    desk.run(classifyAsComplaint, COMPLAINT, ct(2026, 11, 25, 15, 30), LEE);
    expect(grievanceOf(desk.record)).toEqual({
      classifiedAt: ct(2026, 11, 25, 15, 30),
      classifiedBy: { id: LEE.id, name: LEE.name },
      responsibleEntity: 'mco',
      reason: 'The MCO cancelled the dialysis ride twice without notice.',
      reasonCategory: 'Transportation',
      reviews: [],
      outcome: null,
    });
  });

  it('changes the details later and keeps the reviews, the finding and the first classification time', () => {
    const desk = new Desk();
    desk.run(classifyAsComplaint, COMPLAINT, ct(2026, 11, 25, 15, 30));
    desk.run(recordGrievanceReview, { reviewedOn: '2026-11-30', note: 'Trip logs checked.' }, ct(2026, 11, 30, 10, 0));
    desk.run(recordGrievanceOutcome, { outcome: 'substantiated', note: '' }, ct(2026, 11, 30, 11, 0));
    desk.run(classifyAsComplaint, { ...COMPLAINT, responsibleEntity: 'provider' }, ct(2026, 12, 1, 9, 0), LEE);
    expect(grievanceOf(desk.record)).toMatchObject({
      classifiedAt: ct(2026, 11, 25, 15, 30),
      classifiedBy: { id: ANA.id },
      responsibleEntity: 'provider',
      reviews: [{ on: '2026-11-30', note: 'Trip logs checked.' }],
      outcome: { outcome: 'substantiated' },
    });
  });

  it('is allowed on a resolved inquiry (a lead classifying after the fact), and the inquiry stays resolved', () => {
    const desk = new Desk();
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Ride rebooked.' }, ct(2026, 11, 25, 16, 0));
    desk.run(classifyAsComplaint, COMPLAINT, ct(2026, 12, 2, 9, 0), LEE);
    expect(desk.record.status).toBe('resolved');
    expect(grievanceOf(desk.record)?.reasonCategory).toBe('Transportation');
  });

  it('keeps a category since removed from Settings on a complaint that has it', () => {
    const desk = new Desk();
    desk.run(classifyAsComplaint, COMPLAINT, ct(2026, 11, 25, 15, 30));
    const config = { ...DEFAULT_AGENCY_CONFIG, grievanceReasons: ['Access to care'] };
    const [event] = classifyAsComplaint(
      desk.record,
      { ...COMPLAINT, responsibleEntity: 'agency' },
      testContext(ct(2026, 11, 26, 9, 0), { config }),
    );
    expect(event.payload.reasonCategory).toBe('Transportation');
  });

  it('two desks classifying concurrently end with the same record, whatever order the events arrive in', () => {
    const a = new Desk();
    const b = new Desk();
    const ea = classifyAsComplaint(a.record, COMPLAINT, testContext(ct(2026, 11, 25, 15, 30), { deviceId: 'DESKA' }));
    const eb = classifyAsInquiry(
      (() => {
        b.run(classifyAsComplaint, COMPLAINT, ct(2026, 11, 25, 15, 20));
        return b.record;
      })(),
      { note: 'A question about the ride, not a complaint.' },
      testContext(ct(2026, 11, 25, 15, 40), { deviceId: 'DESKB' }),
    );
    const all = [...b.events, ...ea, ...eb];
    const forward = projectInquiry(all);
    const backward = projectInquiry([...all].reverse());
    expect(forward).toEqual(backward);
    // The reclassification at 15:40 is the latest word.
    expect(forward && grievanceOf(forward)).toBeNull();
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 11, 25, 15, 30));

    it('no reason', () => {
      expect(refusal(() => classifyAsComplaint(new Desk().record, { ...COMPLAINT, reason: '  ' }, now))).toEqual([
        'validation',
        'Type the general description of the reason for the complaint.',
      ]);
    });

    it('no category', () => {
      expect(refusal(() => classifyAsComplaint(new Desk().record, { ...COMPLAINT, reasonCategory: '' }, now))).toEqual([
        'validation',
        'Choose the reason category the annual report counts the complaint under.',
      ]);
    });

    it('a category not in Settings', () => {
      expect(refusal(() => classifyAsComplaint(new Desk().record, { ...COMPLAINT, reasonCategory: 'Weather' }, now))).toEqual([
        'validation',
        '"Weather" is not one of the grievance reasons in Settings: choose one from the list.',
      ]);
    });

    it('nothing changed', () => {
      const desk = new Desk();
      desk.run(classifyAsComplaint, COMPLAINT, ct(2026, 11, 25, 15, 30));
      expect(refusal(() => classifyAsComplaint(desk.record, COMPLAINT, now))).toEqual([
        'no_change',
        'It is already a complaint with these details: change something, or cancel.',
      ]);
    });
  });
});
