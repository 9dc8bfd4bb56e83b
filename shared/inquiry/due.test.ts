import { describe, expect, it } from 'vitest';
import type { Instant } from '../time/types';
import { closeCallback } from './commands/closeCallback';
import { editFields } from './commands/editFields';
import { recordMcoFollowUp } from './commands/recordMcoFollowUp';
import { recordMcoReportBack } from './commands/recordMcoReportBack';
import { recordOutreach } from './commands/recordOutreach';
import { referToMco } from './commands/referToMco';
import { reopenInquiry } from './commands/reopenInquiry';
import { resolveInquiry } from './commands/resolveInquiry';
import { BEN, ct, Desk, LEE } from './commands/testKit';
import {
  attentionAt,
  CALLBACK_GRACE_MS,
  DUE_STATE_LABELS,
  type DueItem,
  dueItems,
  dueState,
  dueSummary,
  nextDue,
  targetMissed,
} from './due';

const MS = 1;
/** A High inquiry received Mon 23 Nov 2026 09:00 CST, Ben's: first contact target 11:00, deadline 13:00. */
const monday = () => new Desk({ receivedAt: ct(2026, 11, 23, 9, 0), assignee: { id: 'p-ben', name: 'Ben Cho' } });
const only = (desk: Desk, kind: DueItem['kind']): DueItem => {
  const items = dueItems(desk.record).filter((i) => i.kind === kind);
  if (items.length !== 1) throw new Error(`expected one ${kind} item, found ${items.length}`);
  return items[0] as DueItem;
};
/** [state, target missed] at each moment. */
const timeline = (item: DueItem, moments: Instant[]) => moments.map((t) => [dueState(item, t), targetMissed(item, t)]);

describe('first contact', () => {
  it('is due from the received time, with the recorded target and deadline, owned by the assignee', () => {
    expect(dueItems(monday().record)).toEqual([
      {
        kind: 'first_contact',
        label: 'First contact',
        startedAt: ct(2026, 11, 23, 9, 0),
        target: ct(2026, 11, 23, 11, 0),
        deadline: ct(2026, 11, 23, 13, 0),
        // Three quarters of the way from receipt to the target.
        soonAt: ct(2026, 11, 23, 10, 30),
        owner: { id: 'p-ben', name: 'Ben Cho' },
        paused: null,
      },
    ]);
  });

  it('goes on track → due soon at 75 % of the span to target → target missed → overdue at the deadline', () => {
    const item = only(monday(), 'first_contact');
    expect(
      timeline(item, [
        ct(2026, 11, 23, 9, 0),
        (ct(2026, 11, 23, 10, 30) - MS) as Instant,
        ct(2026, 11, 23, 10, 30),
        (ct(2026, 11, 23, 11, 0) - MS) as Instant,
        ct(2026, 11, 23, 11, 0),
        (ct(2026, 11, 23, 13, 0) - MS) as Instant,
        ct(2026, 11, 23, 13, 0),
        ct(2026, 11, 30, 9, 0),
      ]),
    ).toEqual([
      ['on_track', false],
      ['on_track', false],
      ['due_soon', false],
      ['due_soon', false],
      ['due_soon', true],
      ['due_soon', true],
      ['overdue', true],
      ['overdue', true],
    ]);
  });

  it('across Thanksgiving: received Wed 15:00, target Fri 08:30, due soon from Thu 22:07:30 (wall-clock span), overdue Fri 10:30', () => {
    const item = only(new Desk(), 'first_contact');
    expect([item.target, item.deadline, item.soonAt]).toEqual([
      ct(2026, 11, 27, 8, 30),
      ct(2026, 11, 27, 10, 30),
      // 41 h 30 m from Wed 15:00 to Fri 08:30; three quarters is 31 h 7 m 30 s.
      (ct(2026, 11, 26, 22, 7) + 30_000) as Instant,
    ]);
    expect(timeline(item, [ct(2026, 11, 26, 12, 0), ct(2026, 11, 27, 8, 0), ct(2026, 11, 27, 9, 0), ct(2026, 11, 27, 10, 30)])).toEqual([
      ['on_track', false],
      ['due_soon', false],
      ['due_soon', true],
      ['overdue', true],
    ]);
  });

  it('ends with a reached outreach', () => {
    const desk = monday();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 12, 0), BEN);
    expect(dueItems(desk.record)).toEqual([]);
  });

  it('ends with a reached callback; a no-answer or voicemail callback is an attempt and it stays due', () => {
    const desk = monday();
    for (const hour of [10, 11, 12]) desk.callback('member', ct(2026, 11, 23, hour, 0), BEN, ct(2026, 11, 23, 9, hour));
    const [a, b, c] = desk.record.workflow.callbacks.map((x) => x.id) as [string, string, string];
    desk.run(closeCallback, { callbackId: a, outcome: 'no_answer' }, ct(2026, 11, 23, 10, 1), BEN);
    desk.run(closeCallback, { callbackId: b, outcome: 'voicemail' }, ct(2026, 11, 23, 11, 1), BEN);
    expect(desk.record.workflow.outreachAttempts).toBe(2);
    expect(dueItems(desk.record).map((i) => i.kind)).toEqual(['first_contact', 'callback']);
    desk.run(closeCallback, { callbackId: c, outcome: 'reached' }, ct(2026, 11, 23, 12, 2), BEN);
    expect(dueItems(desk.record)).toEqual([]);
  });

  it('is not due for a priority the configuration does not know', () => {
    expect(dueItems(new Desk({ priority: 'legacy' }).record)).toEqual([]);
  });

  it('moves with a priority change: Escalated gives 1/3 business days from the same receipt', () => {
    const desk = monday();
    desk.run(editFields, { priority: 'escalated' }, ct(2026, 11, 23, 9, 30));
    expect(only(desk, 'first_contact')).toMatchObject({
      target: ct(2026, 11, 24, 9, 0),
      // Thanksgiving skipped.
      deadline: ct(2026, 11, 27, 9, 0),
      soonAt: ct(2026, 11, 24, 3, 0),
    });
  });
});

describe('callbacks', () => {
  it('are due soon 30 minutes before their time and overdue 15 minutes after, owned by the caller', () => {
    const desk = monday();
    desk.callback('originator', ct(2026, 11, 23, 14, 0), LEE, ct(2026, 11, 23, 9, 5));
    const item = only(desk, 'callback');
    expect(item).toMatchObject({
      label: 'Callback to originator',
      startedAt: ct(2026, 11, 23, 9, 5),
      target: ct(2026, 11, 23, 14, 0),
      deadline: ct(2026, 11, 23, 14, 15),
      soonAt: ct(2026, 11, 23, 13, 30),
      owner: { id: 'p-lee', name: 'Lee Park' },
    });
    expect(CALLBACK_GRACE_MS).toBe(15 * 60_000);
    expect(
      timeline(item, [
        (ct(2026, 11, 23, 13, 30) - MS) as Instant,
        ct(2026, 11, 23, 13, 30),
        ct(2026, 11, 23, 14, 0),
        (ct(2026, 11, 23, 14, 15) - MS) as Instant,
        ct(2026, 11, 23, 14, 15),
      ]),
    ).toEqual([
      ['on_track', false],
      ['due_soon', false],
      ['due_soon', true],
      ['due_soon', true],
      ['overdue', true],
    ]);
  });

  it('leave the list once recorded, cancelled included', () => {
    const desk = monday();
    desk.callback('member', ct(2026, 11, 23, 14, 0), BEN, ct(2026, 11, 23, 9, 5));
    desk.run(closeCallback, { callbackId: desk.record.workflow.callbacks[0]?.id as string, outcome: 'cancelled' }, ct(2026, 11, 23, 9, 10));
    expect(dueItems(desk.record).map((i) => i.kind)).toEqual(['first_contact']);
  });
});

describe('MCO items', () => {
  it('run from the referral to the report-back: the MCO contact by end of day, the follow-up by end of day on the High path', () => {
    const desk = monday();
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 9, 30), BEN);
    desk.run(referToMco, { mcoId: 'wellpoint', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0), BEN);
    expect(dueItems(desk.record)).toEqual([
      {
        kind: 'mco_contact',
        label: 'MCO contacts member',
        startedAt: ct(2026, 11, 23, 10, 0),
        target: null,
        deadline: ct(2026, 11, 23, 16, 30),
        // 6 h 30 m × 0.75 = 4 h 52 m 30 s.
        soonAt: (ct(2026, 11, 23, 14, 52) + 30_000) as Instant,
        owner: null,
        paused: null,
      },
      {
        kind: 'mco_follow_up',
        label: 'Follow up with MCO if no report-back',
        startedAt: ct(2026, 11, 23, 10, 0),
        target: null,
        deadline: ct(2026, 11, 23, 16, 30),
        soonAt: (ct(2026, 11, 23, 14, 52) + 30_000) as Instant,
        owner: { id: 'p-ben', name: 'Ben Cho' },
        paused: null,
      },
    ]);
    const followUp = only(desk, 'mco_follow_up');
    expect(timeline(followUp, [ct(2026, 11, 23, 12, 0), ct(2026, 11, 23, 15, 0), ct(2026, 11, 23, 16, 30)])).toEqual([
      ['on_track', false],
      ['due_soon', false],
      ['overdue', false],
    ]);
    desk.run(recordMcoReportBack, { memberContacted: true, note: 'Member called.' }, ct(2026, 11, 23, 15, 0));
    expect(dueItems(desk.record)).toEqual([]);
  });

  it('Escalated path: the follow-up falls due 1 business day after the referral, the next one a business day after each follow-up', () => {
    const desk = new Desk({ priority: 'escalated', receivedAt: ct(2026, 11, 23, 9, 0) });
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 23, 11, 0), BEN);
    desk.run(referToMco, { mcoId: 'molina', department: 'Pharmacy', contact: '' }, ct(2026, 11, 24, 14, 0), BEN);
    expect(dueItems(desk.record).map((i) => [i.kind, i.deadline])).toEqual([
      ['mco_contact', ct(2026, 11, 24, 16, 30)],
      // 2 h 30 m Tue + 6 h Wed.
      ['mco_follow_up', ct(2026, 11, 25, 14, 0)],
    ]);
    desk.run(recordMcoFollowUp, { note: 'Left a message with Pharmacy.' }, ct(2026, 11, 25, 14, 30), BEN);
    expect(only(desk, 'mco_follow_up')).toMatchObject({
      label: 'Follow up with MCO again',
      startedAt: ct(2026, 11, 25, 14, 30),
      // 2 h Wed, Thanksgiving, 6 h 30 m Fri.
      deadline: ct(2026, 11, 27, 14, 30),
    });
  });
});

describe('resolved and reopened', () => {
  it('a resolved inquiry has nothing due; reopened, it has again', () => {
    const desk = monday();
    desk.callback('member', ct(2026, 11, 23, 14, 0), BEN, ct(2026, 11, 23, 9, 5));
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 10, 0));
    const before = dueItems(desk.record);
    expect(before.map((i) => i.kind)).toEqual(['first_contact', 'callback', 'mco_contact', 'mco_follow_up']);
    desk.run(resolveInquiry, { resolution: 'withdrawn', text: 'Originator withdrew it.' }, ct(2026, 11, 23, 10, 30));
    expect([dueItems(desk.record), nextDue(desk.record), dueSummary(desk.record)]).toEqual([
      [],
      null,
      { next: null, attentionAt: null, deadline: null, soonAt: null, deadlineKind: null, soonKind: null },
    ]);
    desk.run(reopenInquiry, { reason: 'Originator asked again.' }, ct(2026, 11, 23, 10, 45));
    expect(dueItems(desk.record)).toEqual(before);
  });
});

describe('nextDue and dueSummary', () => {
  it('the next item is the one wanting attention first (target, else deadline); the summary takes the earliest deadline and due-soon moment', () => {
    const desk = monday();
    // Referral at 09:30: MCO contact and follow-up at 16:30 (no target), first contact target 11:00, deadline 13:00.
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 9, 30));
    // A callback at 10:50: target 10:50, deadline 11:05, due soon 10:20.
    desk.callback('member', ct(2026, 11, 23, 10, 50), BEN, ct(2026, 11, 23, 9, 35));
    const items = dueItems(desk.record);
    expect(items.map((i) => [i.kind, attentionAt(i)])).toEqual([
      ['callback', ct(2026, 11, 23, 10, 50)],
      ['first_contact', ct(2026, 11, 23, 11, 0)],
      ['mco_contact', ct(2026, 11, 23, 16, 30)],
      ['mco_follow_up', ct(2026, 11, 23, 16, 30)],
    ]);
    expect(nextDue(desk.record)).toEqual(items[0]);
    expect(dueSummary(desk.record)).toEqual({
      next: items[0],
      attentionAt: ct(2026, 11, 23, 10, 50),
      deadline: ct(2026, 11, 23, 11, 5),
      soonAt: ct(2026, 11, 23, 10, 20),
      // The callback's deadline (10:50 + 15 min grace) and due-soon moment (30 min before) come first.
      deadlineKind: 'callback',
      soonKind: 'callback',
    });
  });

  it('the summary’s deadline can belong to another item than the next one', () => {
    const desk = monday();
    // A callback at 12:55: attention 12:55 (after the first-contact target 11:00), deadline 13:10 (after 13:00).
    desk.callback('member', ct(2026, 11, 23, 12, 55), BEN, ct(2026, 11, 23, 9, 5));
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 9, 10));
    expect(dueSummary(desk.record)).toMatchObject({
      next: { kind: 'first_contact' },
      attentionAt: ct(2026, 11, 23, 11, 0),
      deadline: ct(2026, 11, 23, 13, 0),
      soonAt: ct(2026, 11, 23, 10, 30),
      deadlineKind: 'first_contact',
      soonKind: 'first_contact',
    });
  });

  it('labels the states in the log’s words', () => {
    expect(DUE_STATE_LABELS).toEqual({ on_track: 'On track', due_soon: 'Due soon', overdue: 'Overdue', paused: 'Paused' });
  });
});
