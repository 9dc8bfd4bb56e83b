import { describe, expect, it } from 'vitest';
import { closeCallback } from '../inquiry/commands/closeCallback';
import { editFields } from '../inquiry/commands/editFields';
import { recordMcoReportBack } from '../inquiry/commands/recordMcoReportBack';
import { recordOutreach } from '../inquiry/commands/recordOutreach';
import { referToMco } from '../inquiry/commands/referToMco';
import { reopenInquiry } from '../inquiry/commands/reopenInquiry';
import { resolveInquiry } from '../inquiry/commands/resolveInquiry';
import { TEST_POLICY } from '../inquiry/commands/testing';
import { BEN, CHICAGO, ct, Desk, LEE } from '../inquiry/commands/testKit';
import type { Instant } from '../time/types';
import { inQueue, type Queue, queueTimeAt } from './logQuery';
import { stageOf, toLogRow } from './logRow';

const TIME_QUEUES: Queue[] = ['due_today', 'overdue', 'awaiting_mco', 'unit_lead', 'mine'];

/** The time-dependent queues the desk's inquiry is in at `now`, read by `me`. */
const queuesAt = (desk: Desk, now: Instant, me = 'p-ben') => {
  const row = toLogRow(desk.record, TEST_POLICY.config);
  const at = queueTimeAt(now, CHICAGO);
  return TIME_QUEUES.filter((q) => inQueue(row, q, me, at));
};

/** A High inquiry received Fri 20 Nov 2026 16:00 CST, Ben's: first contact target Mon 23 Nov 09:30, deadline 11:30. */
const fridayLate = () => new Desk({ receivedAt: ct(2026, 11, 20, 16, 0), assignee: { id: 'p-ben', name: 'Ben Cho' } });

describe('queueTimeAt', () => {
  it('ends today at the last millisecond before the next midnight in Chicago', () => {
    expect(queueTimeAt(ct(2026, 11, 23, 12, 0), CHICAGO)).toEqual({ now: ct(2026, 11, 23, 12, 0), endOfToday: ct(2026, 11, 24) - 1 });
    expect(queueTimeAt(ct(2026, 11, 23, 0, 0), CHICAGO).endOfToday).toBe(ct(2026, 11, 24) - 1);
    expect(queueTimeAt((ct(2026, 11, 24) - 1) as Instant, CHICAGO).endOfToday).toBe(ct(2026, 11, 24) - 1);
    // 23:30 in Chicago is already the next day in UTC: the agency's day counts.
    expect(queueTimeAt(ct(2026, 11, 23, 23, 30), CHICAGO).endOfToday).toBe(ct(2026, 11, 24) - 1);
  });

  it('has a 25-hour day on the fall-back Sunday and a 23-hour day on the spring-forward Sunday', () => {
    const fallBack = queueTimeAt(ct(2026, 11, 1, 0, 30), CHICAGO);
    expect(fallBack.endOfToday + 1 - ct(2026, 11, 1)).toBe(25 * 3_600_000);
    const springForward = queueTimeAt(ct(2026, 3, 8, 12, 0), CHICAGO);
    expect(springForward.endOfToday + 1 - ct(2026, 3, 8)).toBe(23 * 3_600_000);
  });
});

describe('Due today and Overdue', () => {
  it('follow the first-contact timer across a weekend: not today on Friday, due today on Monday, overdue at the deadline', () => {
    const desk = fridayLate();
    expect(queuesAt(desk, ct(2026, 11, 20, 16, 5))).toEqual(['mine']);
    expect(queuesAt(desk, ct(2026, 11, 21, 12, 0))).toEqual(['mine']);
    expect(queuesAt(desk, ct(2026, 11, 23, 0, 0))).toEqual(['due_today', 'mine']);
    expect(queuesAt(desk, (ct(2026, 11, 23, 11, 30) - 1) as Instant)).toEqual(['due_today', 'mine']);
    expect(queuesAt(desk, ct(2026, 11, 23, 11, 30))).toEqual(['due_today', 'overdue', 'mine']);
    // Still overdue, and still on the day's list, the day after.
    expect(queuesAt(desk, ct(2026, 11, 24, 9, 0))).toEqual(['due_today', 'overdue', 'mine']);
  });

  it('leave an inquiry once nothing is due', () => {
    const desk = fridayLate();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 0), BEN);
    expect(queuesAt(desk, ct(2026, 11, 24, 9, 0))).toEqual(['mine']);
  });

  it('hold a callback on its day, not the day before', () => {
    const desk = fridayLate();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 0), BEN);
    desk.callback('member', ct(2026, 11, 24, 14, 0), LEE, ct(2026, 11, 23, 9, 5));
    expect(queuesAt(desk, ct(2026, 11, 23, 15, 0))).toEqual(['mine']);
    expect(queuesAt(desk, ct(2026, 11, 24, 8, 0))).toEqual(['due_today', 'mine']);
    expect(queuesAt(desk, ct(2026, 11, 24, 14, 15))).toEqual(['due_today', 'overdue', 'mine']);
  });

  it('count a callback whose deadline falls today even when its time is late in the evening', () => {
    const desk = fridayLate();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 0), BEN);
    desk.callback('member', ct(2026, 11, 23, 23, 50), BEN, ct(2026, 11, 23, 9, 5));
    const row = toLogRow(desk.record, TEST_POLICY.config);
    expect([row.nextDueAt, row.dueDeadline]).toEqual([ct(2026, 11, 23, 23, 50), ct(2026, 11, 24, 0, 5)]);
    expect(queuesAt(desk, ct(2026, 11, 23, 10, 0))).toEqual(['due_today', 'mine']);
  });
});

describe('Awaiting MCO, Unit lead callbacks and My inquiries', () => {
  it('Awaiting MCO runs from the referral to the report-back', () => {
    const desk = fridayLate();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 0), BEN);
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0), BEN);
    expect(queuesAt(desk, ct(2026, 11, 23, 11, 0))).toEqual(['due_today', 'awaiting_mco', 'mine']);
    expect(queuesAt(desk, ct(2026, 11, 23, 16, 30))).toEqual(['due_today', 'overdue', 'awaiting_mco', 'mine']);
    desk.run(recordMcoReportBack, { memberContacted: true, note: 'Member reached.' }, ct(2026, 11, 23, 16, 45));
    expect(queuesAt(desk, ct(2026, 11, 23, 17, 0))).toEqual(['mine']);
  });

  it('Unit lead callbacks hold an open not-enrolled inquiry until it is resolved or the enrollment is corrected', () => {
    const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 0), mcoEnrollment: 'not_enrolled', mcoId: '', assignee: null });
    // The unit lead's callback is due at the end of the next business day (Tue 16:30): not due today.
    expect(queuesAt(desk, ct(2026, 11, 23, 9, 5), 'p-lee')).toEqual(['unit_lead']);
    desk.callback('member', ct(2026, 11, 23, 10, 0), LEE, ct(2026, 11, 23, 9, 10), LEE);
    expect(queuesAt(desk, ct(2026, 11, 23, 9, 15), 'p-lee')).toEqual(['due_today', 'unit_lead', 'mine']);
    desk.run(editFields, { mcoEnrollment: 'enrolled', mcoId: 'molina' }, ct(2026, 11, 23, 9, 20));
    expect(queuesAt(desk, ct(2026, 11, 23, 9, 25), 'p-lee')).toEqual(['due_today', 'mine']);
    desk.run(editFields, { mcoEnrollment: 'not_enrolled', mcoId: '' }, ct(2026, 11, 23, 9, 30));
    desk.run(resolveInquiry, { resolution: 'unit_lead', text: 'Unit lead helped the member enroll.' }, ct(2026, 11, 23, 10, 5), LEE);
    expect(queuesAt(desk, ct(2026, 11, 23, 10, 10), 'p-lee')).toEqual([]);
  });

  it('My inquiries holds what I am assigned and the callbacks I am to make, while they are scheduled', () => {
    const desk = fridayLate();
    desk.callback('originator', ct(2026, 11, 23, 9, 0), LEE, ct(2026, 11, 20, 16, 10));
    expect(queuesAt(desk, ct(2026, 11, 20, 16, 15), 'p-lee')).toEqual(['mine']);
    desk.run(
      closeCallback,
      { callbackId: desk.record.workflow.callbacks[0]?.id as string, outcome: 'no_answer' },
      ct(2026, 11, 23, 9, 1),
      LEE,
    );
    expect(queuesAt(desk, ct(2026, 11, 23, 9, 2), 'p-lee')).toEqual(['due_today']);
    expect(queuesAt(desk, ct(2026, 11, 23, 9, 2), 'p-ben')).toEqual(['due_today', 'mine']);
  });

  it('a resolved inquiry is in none of them; reopened, it is back', () => {
    const desk = fridayLate();
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0), BEN);
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Done.' }, ct(2026, 11, 23, 10, 30), BEN);
    expect(queuesAt(desk, ct(2026, 11, 23, 12, 0))).toEqual([]);
    desk.run(reopenInquiry, { reason: 'Member called back.' }, ct(2026, 11, 23, 13, 0), BEN);
    expect(queuesAt(desk, ct(2026, 11, 23, 13, 5))).toEqual(['due_today', 'overdue', 'awaiting_mco', 'mine']);
  });
});

describe('stageOf and the due fields of the row', () => {
  it('names each stage of the process in turn', () => {
    const desk = fridayLate();
    const stages = [stageOf(desk.record)];
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: false }, ct(2026, 11, 23, 8, 5), BEN);
    stages.push(stageOf(desk.record));
    desk.run(recordOutreach, { party: 'member', method: 'voicemail', reached: false }, ct(2026, 11, 23, 8, 10), BEN);
    stages.push(stageOf(desk.record));
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 0), BEN);
    stages.push(stageOf(desk.record));
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0), BEN);
    stages.push(stageOf(desk.record));
    desk.run(recordMcoReportBack, { memberContacted: true, note: 'Ride booked.' }, ct(2026, 11, 23, 15, 0));
    stages.push(stageOf(desk.record));
    desk.run(resolveInquiry, { resolution: 'mco', text: 'Ride booked by ITC.' }, ct(2026, 11, 23, 15, 30), BEN);
    stages.push(stageOf(desk.record));
    expect(stages).toEqual(['New', 'Trying to reach (1)', 'Trying to reach (2)', 'Contacted', 'With MCO', 'MCO reported back', 'Resolved']);
  });

  it('shows "Unit lead callback" for an open not-enrolled inquiry, whatever else happened', () => {
    const desk = new Desk({ mcoEnrollment: 'not_enrolled', mcoId: '' });
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 25, 15, 30), LEE);
    expect(stageOf(desk.record)).toBe('Unit lead callback');
  });

  it('carries the next due item, its attention time, the earliest deadline and due-soon moment', () => {
    const desk = fridayLate();
    desk.callback('member', ct(2026, 11, 23, 11, 0), BEN, ct(2026, 11, 20, 16, 10));
    expect(toLogRow(desk.record, TEST_POLICY.config)).toMatchObject({
      stage: 'New',
      nextDueLabel: 'First contact',
      nextDueAt: ct(2026, 11, 23, 9, 30),
      // The callback's (11:00 + 15 min), before first contact's 11:30.
      dueDeadline: ct(2026, 11, 23, 11, 15),
      // First contact's first warning: 50 % of the 2 business hours from Fri 16:00 to Mon 09:30 → Mon 08:30, not on Sunday.
      dueSoonAt: ct(2026, 11, 23, 8, 30),
      awaitingMco: false,
      unitLeadCallback: false,
      callerIds: ['p-ben'],
    });
  });
});
