import { describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from '../../config/agencyConfig';
import type { Instant } from '../../time/types';
import { dueItems } from '../due';
import { projectInquiry } from '../projection';
import { editFields } from './editFields';
import { logInquiry } from './logInquiry';
import { gateEvent, targetsEvent, unitLeadCallbackEvent } from './targets';
import { CASE, ct, Desk, envelope, FIELDS, testContext } from './testKit';

const HIGH_POLICY = { target: { amount: 2, unit: 'businessHours' }, deadline: { amount: 4, unit: 'businessHours' } };
const ESCALATED_POLICY = { target: { amount: 1, unit: 'businessDays' }, deadline: { amount: 3, unit: 'businessDays' } };

/** First-contact target and deadline of a priority for an inquiry received at `receivedAt`. */
function times(priority: string, receivedAt: Instant, config?: AgencyConfig): [Instant, Instant] | null {
  const e = targetsEvent(testContext(receivedAt, config ? { config } : {}), '01JINQ0000000000000000001', priority, receivedAt);
  return e ? [e.payload.firstContactTarget as Instant, e.payload.firstContactDeadline as Instant] : null;
}

describe('targetsEvent', () => {
  it('High received Wed 25 Nov 2026 15:00 CST: 2 business hours skip Thanksgiving → Fri 08:30, 4 → Fri 10:30', () => {
    const receivedAt = ct(2026, 11, 25, 15, 0);
    const now = ct(2026, 11, 25, 15, 5);
    expect(targetsEvent(testContext(now), '01JINQ0000000000000000001', 'high', receivedAt)).toEqual({
      ...envelope('01JINQ0000000000000000001', now),
      type: 'TargetsSet',
      payload: {
        priority: 'high',
        // The clock starts when the inquiry was received, not when it was typed in.
        from: receivedAt,
        // 1 h 30 m Wed until 16:30; Thu 26 Nov is Thanksgiving; 30 m from Fri 08:00.
        firstContactTarget: ct(2026, 11, 27, 8, 30),
        // 1 h 30 m Wed; 2 h 30 m Fri.
        firstContactDeadline: ct(2026, 11, 27, 10, 30),
        policy: HIGH_POLICY,
      },
    });
  });

  it('Escalated received Wed 25 Nov 15:00: 1 business day (8 h 30 m) → Fri 15:00, 3 → Tue 1 Dec 15:00', () => {
    expect(times('escalated', ct(2026, 11, 25, 15, 0))).toEqual([ct(2026, 11, 27, 15, 0), ct(2026, 12, 1, 15, 0)]);
  });

  it('Escalated received Mon 23 Nov 09:15: Tue 09:15 and, across Thanksgiving, Fri 27 Nov 09:15', () => {
    expect(times('escalated', ct(2026, 11, 23, 9, 15))).toEqual([ct(2026, 11, 24, 9, 15), ct(2026, 11, 27, 9, 15)]);
  });

  it.each([
    ['Monday evening', ct(2026, 11, 23, 18, 0), ct(2026, 11, 24, 10, 0), ct(2026, 11, 24, 12, 0)],
    ['Monday before opening', ct(2026, 11, 23, 7, 0), ct(2026, 11, 23, 10, 0), ct(2026, 11, 23, 12, 0)],
    ['Saturday', ct(2026, 11, 28, 10, 0), ct(2026, 11, 30, 10, 0), ct(2026, 11, 30, 12, 0)],
    ['Thanksgiving Day', ct(2026, 11, 26, 11, 0), ct(2026, 11, 27, 10, 0), ct(2026, 11, 27, 12, 0)],
    ['exactly at closing, 16:30', ct(2026, 11, 24, 16, 30), ct(2026, 11, 25, 10, 0), ct(2026, 11, 25, 12, 0)],
  ])('High received after hours (%s) starts counting at the next opening', (_when, receivedAt, target, deadline) => {
    expect(times('high', receivedAt)).toEqual([target, deadline]);
  });

  it('Escalated received Friday 27 Nov after hours: Mon 30 Nov 16:30 and Wed 2 Dec 16:30', () => {
    expect(times('escalated', ct(2026, 11, 27, 17, 0))).toEqual([ct(2026, 11, 30, 16, 30), ct(2026, 12, 2, 16, 30)]);
  });

  it('a target landing exactly at closing is the closing instant, not the next opening', () => {
    // High received Tue 24 Nov 14:30: 2 h → Tue 16:30; 4 h → 2 h Tue + 2 h Wed → Wed 10:00.
    expect(times('high', ct(2026, 11, 24, 14, 30))).toEqual([ct(2026, 11, 24, 16, 30), ct(2026, 11, 25, 10, 0)]);
  });

  it('counts business days in office time across the fall-back DST change (Sun 1 Nov 2026)', () => {
    // Fri 30 Oct 15:00 CDT: 1 h 30 m Fri, 7 h Mon 2 Nov → Mon 15:00 CST (an extra wall hour went by, none of it office time).
    const [target, deadline] = times('escalated', ct(2026, 10, 30, 15, 0)) as [Instant, Instant];
    expect([target, deadline]).toEqual([ct(2026, 11, 2, 15, 0), ct(2026, 11, 4, 15, 0)]);
    expect(target - ct(2026, 10, 30, 15, 0)).toBe((3 * 24 + 1) * 3_600_000);
  });

  it('counts clock hours straight through nights and holidays for an agency level like "Dire need"', () => {
    const config: AgencyConfig = {
      ...DEFAULT_AGENCY_CONFIG,
      priorityLevels: [
        ...DEFAULT_AGENCY_CONFIG.priorityLevels,
        {
          id: 'dire',
          label: 'Dire need',
          path: 'high',
          firstContactTarget: { amount: 24, unit: 'clockHours' },
          firstContactDeadline: { amount: 48, unit: 'clockHours' },
        },
      ],
    };
    expect(times('dire', ct(2026, 11, 25, 15, 0), config)).toEqual([ct(2026, 11, 26, 15, 0), ct(2026, 11, 27, 15, 0)]);
  });

  it('sets no targets for a priority the configuration does not know (an imported or retired level)', () => {
    expect(times('urgent', ct(2026, 11, 25, 15, 0))).toBeNull();
    expect(times('', ct(2026, 11, 25, 15, 0))).toBeNull();
  });
});

describe('gateEvent', () => {
  it('routes a member not enrolled with an MCO to the unit lead callback queue', () => {
    const now = ct(2026, 11, 25, 15, 5);
    expect(gateEvent(testContext(now), '01JINQ0000000000000000001', { mcoEnrollment: 'not_enrolled' })).toEqual({
      ...envelope('01JINQ0000000000000000001', now),
      type: 'RoutedToUnitLead',
      payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
    });
  });

  it('lets an enrolled member, or one whose enrollment is not known yet, through', () => {
    const ctx = testContext(ct(2026, 11, 25, 15, 5));
    expect(gateEvent(ctx, '01JINQ0000000000000000001', { mcoEnrollment: 'enrolled' })).toBeNull();
    expect(gateEvent(ctx, '01JINQ0000000000000000001', { mcoEnrollment: 'unknown' })).toBeNull();
  });
});

describe('logInquiry: targets and the MCO gate', () => {
  it('logs, sets the unit lead callback timer (no priority) and passes the gate in that order, with stamps counting up', () => {
    const events = logInquiry(
      { fields: { ...FIELDS, mcoEnrollment: 'not_enrolled', mcoId: '' }, caseNumber: CASE },
      testContext(ct(2026, 11, 25, 15, 5)),
    );
    expect(events.map((e) => e.type)).toEqual(['InquiryLogged', 'TargetsSet', 'RoutedToUnitLead']);
    expect(new Set(events.map((e) => e.inquiryId)).size).toBe(1);
    expect(events.map((e) => e.hlc)).toEqual([...events.map((e) => e.hlc)].sort());
    const record = projectInquiry(events);
    expect(record?.workflow).toMatchObject({
      // Received Wed 25 Nov 15:00; Thanksgiving Thursday is closed: the end of the next business day is Fri 16:30.
      targets: {
        priority: '',
        from: FIELDS.receivedAt,
        firstContactTarget: ct(2026, 11, 27, 16, 30),
        firstContactDeadline: ct(2026, 11, 27, 16, 30),
      },
      routedToUnitLeadAt: ct(2026, 11, 25, 15, 5),
    });
  });

  it('an enrolled High inquiry: no routing, first contact due', () => {
    const desk = new Desk();
    expect(desk.events.map((e) => e.type)).toEqual(['InquiryLogged', 'TargetsSet']);
    expect(desk.record.workflow.routedToUnitLeadAt).toBeNull();
    expect(dueItems(desk.record).map((i) => [i.kind, i.target, i.deadline])).toEqual([
      ['first_contact', ct(2026, 11, 27, 8, 30), ct(2026, 11, 27, 10, 30)],
    ]);
  });

  it('logs an inquiry of an unknown priority with no first-contact timer', () => {
    const desk = new Desk({ priority: 'legacy' });
    expect(desk.events.map((e) => e.type)).toEqual(['InquiryLogged']);
    expect(dueItems(desk.record)).toEqual([]);
  });
});

describe('editFields: new targets and the MCO gate again', () => {
  it('re-times first contact from the received time (not from the edit) when the priority changes', () => {
    const desk = new Desk();
    const events = desk.run(editFields, { priority: 'escalated' }, ct(2026, 11, 30, 9, 0));
    expect(events.map((e) => e.type)).toEqual(['FieldEdited', 'TargetsSet']);
    expect(events[1]?.payload).toEqual({
      priority: 'escalated',
      from: ct(2026, 11, 25, 15, 0),
      firstContactTarget: ct(2026, 11, 27, 15, 0),
      firstContactDeadline: ct(2026, 12, 1, 15, 0),
      policy: ESCALATED_POLICY,
    });
    expect(desk.record.workflow.targets).toEqual({
      priority: 'escalated',
      from: ct(2026, 11, 25, 15, 0),
      firstContactTarget: ct(2026, 11, 27, 15, 0),
      firstContactDeadline: ct(2026, 12, 1, 15, 0),
      policy: ESCALATED_POLICY,
    });
  });

  it('re-times first contact from a corrected received time', () => {
    const desk = new Desk();
    desk.run(editFields, { receivedAt: ct(2026, 11, 25, 9, 0) }, ct(2026, 11, 25, 15, 30));
    expect(desk.record.workflow.targets).toMatchObject({
      from: ct(2026, 11, 25, 9, 0),
      firstContactTarget: ct(2026, 11, 25, 11, 0),
      firstContactDeadline: ct(2026, 11, 25, 13, 0),
    });
  });

  it('uses the policy in force at the edit; the earlier TargetsSet keeps what was due then', () => {
    const desk = new Desk();
    const stricter: AgencyConfig = {
      ...DEFAULT_AGENCY_CONFIG,
      priorityLevels: DEFAULT_AGENCY_CONFIG.priorityLevels.map((p) =>
        p.id === 'escalated' ? { ...p, firstContactTarget: { amount: 4, unit: 'businessHours' as const } } : p,
      ),
    };
    const events = editFields(desk.record, { priority: 'escalated' }, testContext(ct(2026, 11, 25, 15, 30), { config: stricter }));
    expect(events[1]?.payload).toMatchObject({
      firstContactTarget: ct(2026, 11, 27, 10, 30),
      policy: { target: { amount: 4, unit: 'businessHours' }, deadline: { amount: 3, unit: 'businessDays' } },
    });
    expect(desk.events[1]?.payload).toMatchObject({ firstContactTarget: ct(2026, 11, 27, 8, 30), policy: HIGH_POLICY });
  });

  it('keeps the old targets when the priority changes to a level the configuration does not know', () => {
    const desk = new Desk();
    const events = desk.run(editFields, { priority: 'legacy' }, ct(2026, 11, 25, 15, 30));
    expect(events.map((e) => e.type)).toEqual(['FieldEdited']);
    expect(desk.record.workflow.targets?.priority).toBe('high');
  });

  it('routes to the unit lead when the enrollment changes to "not enrolled", and only then', () => {
    const desk = new Desk({ mcoEnrollment: 'unknown', mcoId: '' });
    expect(desk.run(editFields, { mcoEnrollment: 'enrolled', mcoId: 'itc' }, ct(2026, 11, 25, 15, 10)).map((e) => e.type)).toEqual([
      'FieldEdited',
      'FieldEdited',
    ]);
    // Not enrolled: the unit lead's callback timer replaces the priority's, and the gate routes it.
    expect(desk.run(editFields, { mcoEnrollment: 'not_enrolled', mcoId: '' }, ct(2026, 11, 25, 15, 20)).map((e) => e.type)).toEqual([
      'FieldEdited',
      'FieldEdited',
      'TargetsSet',
      'RoutedToUnitLead',
    ]);
    expect(desk.record.workflow.targets).toMatchObject({ priority: '', firstContactDeadline: ct(2026, 11, 27, 16, 30) });
    expect(desk.record.workflow.routedToUnitLeadAt).toBe(ct(2026, 11, 25, 15, 20));
    // Editing another field of a not-enrolled inquiry does not route it again.
    expect(desk.run(editFields, { description: 'Ride did not come twice.' }, ct(2026, 11, 25, 15, 30)).map((e) => e.type)).toEqual([
      'FieldEdited',
    ]);
  });

  it('keeps the first routing time when an inquiry is routed again after a correction', () => {
    const desk = new Desk({ mcoEnrollment: 'not_enrolled', mcoId: '' }, { at: ct(2026, 11, 25, 15, 5) });
    desk.run(editFields, { mcoEnrollment: 'enrolled', mcoId: 'itc' }, ct(2026, 11, 25, 15, 10));
    desk.run(editFields, { mcoEnrollment: 'not_enrolled', mcoId: '' }, ct(2026, 11, 25, 15, 20));
    expect(desk.events.filter((e) => e.type === 'RoutedToUnitLead').length).toBe(2);
    expect(desk.record.workflow.routedToUnitLeadAt).toBe(ct(2026, 11, 25, 15, 5));
  });
});

describe('the unit lead callback timer (a member with no MCO)', () => {
  const due = (receivedAt: Instant, days = 1) =>
    unitLeadCallbackEvent(
      testContext(receivedAt, { config: { ...DEFAULT_AGENCY_CONFIG, unitLeadCallbackDays: days } }),
      '01JINQ0000000000000000001',
      receivedAt,
    ).payload;

  it('is due at the close of the next business day, target and deadline alike, with no priority', () => {
    expect(due(ct(2026, 11, 23, 9, 15))).toMatchObject({
      priority: '',
      firstContactTarget: ct(2026, 11, 24, 16, 30),
      firstContactDeadline: ct(2026, 11, 24, 16, 30),
    });
  });

  it('counts from the next opening when received after hours, skips closed days, and follows the policy’s number of days', () => {
    // Mon 18:00: counted from Tue, so the next business day is Wed.
    expect(due(ct(2026, 11, 23, 18, 0)).firstContactDeadline).toBe(ct(2026, 11, 25, 16, 30));
    // Wed before Thanksgiving: Thursday is closed, so the next business day is Friday.
    expect(due(ct(2026, 11, 25, 10, 0)).firstContactDeadline).toBe(ct(2026, 11, 27, 16, 30));
    expect(due(ct(2026, 11, 23, 9, 15), 2).firstContactDeadline).toBe(ct(2026, 11, 25, 16, 30));
  });
});
