import { describe, expect, it } from 'vitest';
import type { Instant } from '../../time/types';
import { dueItems } from '../due';
import { parseEvent } from '../events';
import { type InquiryRecord, projectInquiry } from '../projection';
import { editFields } from './editFields';
import { recordMcoReportBack } from './recordMcoReportBack';
import { type ReferralInput, referToMco } from './referToMco';
import { resolveInquiry } from './resolveInquiry';
import { BEN, ct, Desk, envelope, refusal, testContext } from './testKit';

const REFERRAL: ReferralInput = { mcoId: 'itc', department: 'Member Services', contact: 'Member Services escalations' };

/** A High or Escalated inquiry received Mon 23 Nov 2026 09:00 CST. */
const inquiry = (priority: 'high' | 'escalated') => new Desk({ priority, receivedAt: ct(2026, 11, 23, 9, 0) });

/** [MCO contact due, follow-up due] of a referral made at `at`. */
function dues(priority: 'high' | 'escalated', at: Instant): [number, number] {
  const [e] = referToMco(inquiry(priority).record, REFERRAL, testContext(at));
  return [e.payload.mcoContactDue, e.payload.followUpDue];
}

describe('referToMco', () => {
  it('emits one McoReferred with the MCO, the trimmed department, contact and note, and both due times', () => {
    const desk = inquiry('high');
    const now = ct(2026, 11, 23, 16, 0);
    expect(
      referToMco(
        desk.record,
        { mcoId: 'itc', department: '  Member Services ', contact: ' Jo at escalations ', note: ' Asked for a ride by Friday. ' },
        testContext(now),
      ),
    ).toEqual([
      {
        ...envelope(desk.record.id, now),
        type: 'McoReferred',
        payload: {
          mcoId: 'itc',
          department: 'Member Services',
          contact: 'Jo at escalations',
          note: 'Asked for a ride by Friday.',
          mcoContactDue: ct(2026, 11, 23, 16, 30),
          followUpDue: ct(2026, 11, 23, 16, 30),
        },
      },
    ]);
  });

  describe('High path: the MCO contacts the member, and the liaison follows up, by end of day', () => {
    it.each([
      ['Mon 16:00, in office hours', ct(2026, 11, 23, 16, 0), ct(2026, 11, 23, 16, 30)],
      ['Mon 08:00, at opening', ct(2026, 11, 23, 8, 0), ct(2026, 11, 23, 16, 30)],
      ['Mon 07:15, before opening', ct(2026, 11, 23, 7, 15), ct(2026, 11, 23, 16, 30)],
      ['Mon 16:30, exactly at closing', ct(2026, 11, 23, 16, 30), ct(2026, 11, 24, 16, 30)],
      ['Mon 17:00, after hours', ct(2026, 11, 23, 17, 0), ct(2026, 11, 24, 16, 30)],
      ['Wed 25 Nov 16:45, before Thanksgiving', ct(2026, 11, 25, 16, 45), ct(2026, 11, 27, 16, 30)],
      ['Thanksgiving Day', ct(2026, 11, 26, 10, 0), ct(2026, 11, 27, 16, 30)],
      ['Saturday', ct(2026, 11, 28, 11, 0), ct(2026, 11, 30, 16, 30)],
    ])('referred %s → both due %s', (_when, at, eod) => {
      expect(dues('high', at as Instant)).toEqual([eod, eod]);
    });
  });

  describe('Escalated path: the MCO contacts the member by end of day; the ESR follows up 1 business day after the referral', () => {
    it.each([
      // 30 m Mon + 8 h Tue.
      ['Mon 16:00', ct(2026, 11, 23, 16, 0), ct(2026, 11, 23, 16, 30), ct(2026, 11, 24, 16, 0)],
      // Counting starts Tue 08:00: 8 h 30 m → Tue 16:30, the same moment as end of day.
      ['Mon 17:00, after hours', ct(2026, 11, 23, 17, 0), ct(2026, 11, 24, 16, 30), ct(2026, 11, 24, 16, 30)],
      // 6 h 30 m Wed, Thanksgiving skipped, 2 h Fri.
      ['Wed 25 Nov 10:00', ct(2026, 11, 25, 10, 0), ct(2026, 11, 25, 16, 30), ct(2026, 11, 27, 10, 0)],
      ['Fri 27 Nov 12:00', ct(2026, 11, 27, 12, 0), ct(2026, 11, 27, 16, 30), ct(2026, 11, 30, 12, 0)],
    ])('referred %s → MCO contact %s, follow-up %s', (_when, at, eod, followUp) => {
      expect(dues('escalated', at as Instant)).toEqual([eod, followUp]);
    });
  });

  it('follows the path of the priority the inquiry has now', () => {
    const desk = inquiry('high');
    desk.run(editFields, { priority: 'escalated' }, ct(2026, 11, 23, 10, 0));
    const [e] = desk.run(referToMco, REFERRAL, ct(2026, 11, 23, 16, 0));
    expect(e?.payload.followUpDue).toBe(ct(2026, 11, 24, 16, 0));
  });

  it('follows the priority field when concurrent edits on two desks left the targets of the other priority', () => {
    const desk = inquiry('high');
    const base = desk.record;
    // Desk A makes it Escalated while desk B, not yet synced, corrects the received time (and re-times it as High).
    const a = editFields(base, { priority: 'escalated' }, testContext(ct(2026, 11, 23, 10, 0), { deviceId: 'DESKA' }));
    const b = editFields(base, { receivedAt: ct(2026, 11, 23, 8, 30) }, testContext(ct(2026, 11, 23, 10, 5), { deviceId: 'DESKB' }));
    const merged = projectInquiry([...desk.events, ...a, ...b]) as InquiryRecord;
    expect([merged.priority, merged.workflow.targets?.priority]).toEqual(['escalated', 'high']);
    const [e] = referToMco(merged, REFERRAL, testContext(ct(2026, 11, 23, 16, 0)));
    expect(e.payload.followUpDue).toBe(ct(2026, 11, 24, 16, 0));
  });

  it('follows the level of the targets when the priority is one the configuration does not know', () => {
    const desk = inquiry('escalated');
    desk.run(editFields, { priority: 'legacy' }, ct(2026, 11, 23, 10, 0));
    const [e] = referToMco(desk.record, REFERRAL, testContext(ct(2026, 11, 23, 16, 0)));
    expect(e.payload.followUpDue).toBe(ct(2026, 11, 24, 16, 0));
  });

  it('puts the referral on the record and the MCO contact and follow-up in the due items', () => {
    const desk = inquiry('escalated');
    desk.run(referToMco, REFERRAL, ct(2026, 11, 23, 16, 0), BEN);
    expect(desk.record.workflow.referral).toEqual({
      at: ct(2026, 11, 23, 16, 0),
      mcoId: 'itc',
      department: 'Member Services',
      contact: 'Member Services escalations',
      mcoContactDue: ct(2026, 11, 23, 16, 30),
      followUpDue: ct(2026, 11, 24, 16, 0),
      reportedBackAt: null,
      memberContactedByMco: null,
      followUps: 0,
      lastFollowUpAt: null,
    });
    // Soonest first: by target when the item has one, else by deadline.
    expect(dueItems(desk.record).map((i) => [i.kind, i.target, i.deadline])).toEqual([
      ['mco_contact', null, ct(2026, 11, 23, 16, 30)],
      ['first_contact', ct(2026, 11, 24, 9, 0), ct(2026, 11, 27, 9, 0)],
      ['mco_follow_up', null, ct(2026, 11, 24, 16, 0)],
    ]);
  });

  it('replaces an earlier referral with a new one, report-back and follow-ups starting over', () => {
    const desk = inquiry('high');
    desk.run(referToMco, REFERRAL, ct(2026, 11, 23, 10, 0));
    desk.run(recordMcoReportBack, { memberContacted: false, note: 'Wrong department.' }, ct(2026, 11, 23, 11, 0));
    desk.run(referToMco, { mcoId: 'itc', department: 'Care Management', contact: '' }, ct(2026, 11, 23, 11, 30));
    expect(desk.record.workflow.referral).toMatchObject({
      at: ct(2026, 11, 23, 11, 30),
      department: 'Care Management',
      reportedBackAt: null,
      memberContactedByMco: null,
    });
  });

  it('accepts a member whose enrollment is not known yet', () => {
    const desk = new Desk({ mcoEnrollment: 'unknown' });
    expect(desk.run(referToMco, REFERRAL, ct(2026, 11, 25, 15, 30)).map((e) => e.type)).toEqual(['McoReferred']);
  });

  it('emits an event that parses as it would arriving from another desk', () => {
    const [e] = referToMco(inquiry('high').record, { ...REFERRAL, note: 'n'.repeat(4000) }, testContext(ct(2026, 11, 23, 16, 0)));
    expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 11, 25, 15, 30));

    it('a member not enrolled with an MCO', () => {
      const desk = new Desk({ mcoEnrollment: 'not_enrolled', mcoId: '' });
      expect(refusal(() => referToMco(desk.record, REFERRAL, now))).toEqual([
        'invalid_step',
        'The member is recorded as not enrolled with an MCO, so there is no MCO to refer to. Correct the enrollment first, or leave it with the unit lead.',
      ]);
    });

    it('an MCO the directory does not list', () => {
      for (const mcoId of ['', 'acme'])
        expect(refusal(() => referToMco(new Desk().record, { ...REFERRAL, mcoId }, now))).toEqual([
          'validation',
          'Choose the MCO to refer to.',
        ]);
    });

    it('an empty department, naming the MCO', () => {
      for (const department of ['', '   '])
        expect(refusal(() => referToMco(new Desk().record, { ...REFERRAL, mcoId: 'molina', department }, now))).toEqual([
          'validation',
          'Choose or type the department at Molina Healthcare of Iowa you contacted.',
        ]);
    });

    it('a department or contact too long to store', () => {
      expect(refusal(() => referToMco(new Desk().record, { ...REFERRAL, department: 'd'.repeat(121) }, now))).toEqual([
        'validation',
        'Shorten the department to 120 characters or fewer (now 121).',
      ]);
      expect(refusal(() => referToMco(new Desk().record, { ...REFERRAL, contact: 'c'.repeat(161) }, now))).toEqual([
        'validation',
        'Shorten the MCO contact to 160 characters or fewer (now 161).',
      ]);
      expect(
        referToMco(new Desk().record, { ...REFERRAL, department: ` ${'d'.repeat(120)} `, contact: 'c'.repeat(160) }, now),
      ).toHaveLength(1);
    });

    it('a note over 4000 characters', () => {
      expect(refusal(() => referToMco(new Desk().record, { ...REFERRAL, note: 'x'.repeat(4001) }, now))).toEqual([
        'validation',
        'Shorten the note to 4000 characters or fewer (now 4001).',
      ]);
    });

    it('a resolved inquiry, before anything else', () => {
      const desk = new Desk({ mcoEnrollment: 'not_enrolled', mcoId: '' });
      desk.run(resolveInquiry, { resolution: 'unit_lead', text: 'Unit lead called the member.' }, ct(2026, 11, 25, 15, 20));
      expect(refusal(() => referToMco(desk.record, { ...REFERRAL, mcoId: 'acme' }, now))).toEqual([
        'invalid_step',
        'This inquiry is resolved: reopen it before you refer it to the MCO.',
      ]);
    });
  });
});
