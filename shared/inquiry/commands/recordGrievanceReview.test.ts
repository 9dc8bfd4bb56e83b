import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events';
import { grievanceOf } from '../projection';
import { classifyAsInquiry } from './classifyAsInquiry';
import { recordGrievanceReview } from './recordGrievanceReview';
import { resolveInquiry } from './resolveInquiry';
import { BEN, complaintDesk, ct, Desk, refusal, testContext } from './testKit';

describe('recordGrievanceReview', () => {
  it('emits one GrievanceReviewed with the day and the trimmed note', () => {
    const desk = complaintDesk();
    const [event] = recordGrievanceReview(
      desk.record,
      { reviewedOn: '2026-11-30', note: ' Trip logs checked. ' },
      testContext(ct(2026, 12, 1, 9, 0)),
    );
    expect(event).toMatchObject({
      type: 'GrievanceReviewed',
      at: ct(2026, 12, 1, 9, 0),
      payload: { reviewedOn: '2026-11-30', note: 'Trip logs checked.' },
    });
  });

  it('is read back with its day (branded by the decoder); a day that does not exist did not come from this app', () => {
    const [event] = recordGrievanceReview(
      complaintDesk().record,
      { reviewedOn: '2026-11-30', note: 'ok' },
      testContext(ct(2026, 12, 1, 9, 0)),
    );
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
    const r = parseEvent({ ...event, payload: { ...event.payload, reviewedOn: '2026-02-30' } });
    expect(r.ok ? null : r.message).toBe('payload.reviewedOn: a day as yyyy-MM-dd');
  });

  it('keeps every review with its day, in the order recorded, also after the inquiry is resolved', () => {
    const desk = complaintDesk();
    desk.run(recordGrievanceReview, { reviewedOn: '2026-11-25', note: 'First look.' }, ct(2026, 11, 25, 16, 0));
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Ride rebooked.' }, ct(2026, 11, 25, 16, 10));
    desk.run(recordGrievanceReview, { reviewedOn: '2026-12-03', note: 'Review meeting with the MCO.' }, ct(2026, 12, 4, 9, 0), BEN);
    expect(grievanceOf(desk.record)?.reviews).toEqual([
      { on: '2026-11-25', note: 'First look.', at: ct(2026, 11, 25, 16, 0), by: { id: 'p-ana', name: 'Ana Ortiz' } },
      { on: '2026-12-03', note: 'Review meeting with the MCO.', at: ct(2026, 12, 4, 9, 0), by: { id: BEN.id, name: BEN.name } },
    ]);
  });

  it('takes the received day and today as the bounds, in the agency zone (23:30 Chicago is the next day in UTC)', () => {
    const desk = complaintDesk();
    const lateEvening = testContext(ct(2026, 11, 30, 23, 30));
    expect(recordGrievanceReview(desk.record, { reviewedOn: '2026-11-30', note: 'ok' }, lateEvening)[0].payload.reviewedOn).toBe(
      '2026-11-30',
    );
    expect(recordGrievanceReview(desk.record, { reviewedOn: '2026-11-25', note: 'ok' }, lateEvening)[0].payload.reviewedOn).toBe(
      '2026-11-25',
    );
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 12, 1, 9, 0));
    it('not a complaint', () => {
      expect(refusal(() => recordGrievanceReview(new Desk().record, { reviewedOn: '2026-11-30', note: 'x' }, now))).toEqual([
        'invalid_step',
        'Classify the inquiry as a complaint before recording a review.',
      ]);
    });
    it('reclassified as an inquiry', () => {
      const desk = complaintDesk();
      desk.run(classifyAsInquiry, { note: 'A question.' }, ct(2026, 11, 26, 9, 0));
      expect(refusal(() => recordGrievanceReview(desk.record, { reviewedOn: '2026-11-30', note: 'x' }, now))[0]).toBe('invalid_step');
    });
    it.each([
      ['not a day', '2026-02-30', 'x', 'Type the day of the review as mm/dd/yyyy, for example 11/24/2026.'],
      [
        'before the complaint was received',
        '2026-11-24',
        'x',
        'The review cannot be before the complaint was received (11/25/2026): check the day.',
      ],
      ['in the future', '2026-12-02', 'x', 'The review day is in the future: record a review once it has taken place.'],
      ['no note', '2026-11-30', '', 'Type who reviewed it and what the review found.'],
    ])('%s', (_, reviewedOn, note, message) => {
      expect(refusal(() => recordGrievanceReview(complaintDesk().record, { reviewedOn, note }, now))).toEqual(['validation', message]);
    });
  });
});
