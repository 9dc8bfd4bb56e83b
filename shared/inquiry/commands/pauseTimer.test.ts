import { describe, expect, it } from 'vitest';
import { dueItems, dueState, dueSummary } from '../due';
import { pauseTimer, resumeTimer } from './pauseTimer';
import { recordOutreach } from './recordOutreach';
import { TEST_POLICY } from './testing';
import { ct, Desk, refusal, testContext } from './testKit';

/** Wall-clock time in Chicago on a November 2026 day. */
const cst = (day: number, hour: number, minute = 0) => ct(2026, 11, day, hour, minute);

/** The sample High inquiry received Mon 23 Nov 09:30, worked by `steps` one after another on one desk. */
function run(...steps: ((desk: Desk) => unknown)[]): { events: Desk['events']; state: Desk['record'] } {
  const desk = new Desk({ receivedAt: cst(23, 9, 30) });
  for (const step of steps) step(desk);
  return { events: desk.events, state: desk.record };
}

describe('pausing and resuming a timer', () => {
  it('leaves paused business time out: High 2/4 h from Mon 09:30, paused Mon 10:00 to Tue 10:00 → due Tue 11:30 / 13:30', () => {
    const { state, events } = run(
      (d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Member in hospital until Tuesday', waitingFor: 'person' }, cst(23, 10)),
      (d) => d.run(resumeTimer, { timer: 'first_contact' }, cst(24, 10)),
    );
    // 30 minutes counted Mon 09:30–10:00; 1 h 30 m of the target and 3 h 30 m of the deadline left on Tuesday from 10:00.
    expect(events.at(-1)?.payload).toEqual({
      timer: 'first_contact',
      target: cst(24, 11, 30),
      deadline: cst(24, 13, 30),
      automatic: false,
    });
    expect(state.workflow.targets).toMatchObject({ firstContactTarget: cst(24, 11, 30), firstContactDeadline: cst(24, 13, 30) });
    expect(state.workflow.pauses).toEqual([
      {
        timer: 'first_contact',
        start: cst(23, 10),
        end: cst(24, 10),
        reason: 'Member in hospital until Tuesday',
        waitingFor: 'person',
        by: { id: 'p-ana', name: 'Ana Ortiz' },
      },
    ]);
  });

  it('holds the item while paused: neither due soon nor overdue, out of the Due today and Overdue summary', () => {
    const { state } = run((d) =>
      d.run(pauseTimer, { timer: 'first_contact', reason: 'Documents requested', waitingFor: 'person' }, cst(23, 10)),
    );
    const [item] = dueItems(state);
    expect(item?.paused).toMatchObject({ reason: 'Documents requested', end: null });
    // Long past the original deadline (Mon 13:30), still paused, not overdue.
    expect(dueState(item as NonNullable<typeof item>, cst(25, 9))).toBe('paused');
    expect(dueSummary(state)).toEqual({ next: null, attentionAt: null, deadline: null, soonAt: null, deadlineKind: null, soonKind: null });
  });

  it('resumes by itself when the member is reached, if that is what the pause waited for', () => {
    const { events, state } = run(
      (d) =>
        d.run(
          pauseTimer,
          { timer: 'first_contact', reason: 'Waiting for the member to call back', waitingFor: 'member_contact' },
          cst(23, 10),
        ),
      (d) => d.run(recordOutreach, { party: 'member', method: 'call', reached: true, note: 'Member called back.' }, cst(23, 14)),
    );
    expect(events.slice(-2).map((e) => e.type)).toEqual(['OutreachRecorded', 'TimerResumed']);
    expect(events.at(-1)?.payload).toMatchObject({ timer: 'first_contact', automatic: true });
    expect(state.workflow.pauses[0]?.end).toBe(cst(23, 14));
    expect(dueItems(state)).toEqual([]);
  });

  it('does not resume on an unanswered attempt, nor a pause that waits for a person', () => {
    const { events } = run(
      (d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Waiting for the member', waitingFor: 'member_contact' }, cst(23, 10)),
      (d) => d.run(recordOutreach, { party: 'member', method: 'voicemail', reached: false }, cst(23, 11)),
    );
    expect(events.at(-1)?.type).toBe('OutreachRecorded');
  });

  it('refuses what does not fit, with the reason', () => {
    const { state } = run();
    expect(refusal(() => resumeTimer(state, { timer: 'first_contact' }, testContext(cst(23, 10))))).toEqual([
      'invalid_step',
      'The first-contact timer is not paused.',
    ]);
    expect(
      refusal(() => pauseTimer(state, { timer: 'mco_follow_up', reason: 'x', waitingFor: 'person' }, testContext(cst(23, 10)))),
    ).toEqual(['invalid_step', 'The MCO follow-up timer is not running on this inquiry.']);
    expect(
      refusal(() => pauseTimer(state, { timer: 'first_contact', reason: ' ', waitingFor: 'person' }, testContext(cst(23, 10)))),
    ).toEqual(['validation', 'Type why the timer is paused.']);
    const strict = { config: { ...TEST_POLICY.config, pausableTimers: [] } };
    expect(
      refusal(() =>
        pauseTimer(state, { timer: 'first_contact', reason: 'Waiting', waitingFor: 'person' }, testContext(cst(23, 10), strict)),
      ),
    ).toEqual(['invalid_step', "The agency's policy does not allow pausing the first-contact timer."]);
    const paused = run((d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Waiting', waitingFor: 'person' }, cst(23, 10))).state;
    expect(
      refusal(() => pauseTimer(paused, { timer: 'first_contact', reason: 'Again', waitingFor: 'person' }, testContext(cst(23, 11)))),
    ).toEqual(['invalid_step', 'The first-contact timer is paused already.']);
  });

  describe('the unit lead callback keeps its rule: the end of the Nth business day after receipt, pushed on by the pause', () => {
    /** A member with no MCO received Mon 23 Nov 09:30: the callback is due at the close of the next business day, Tue 16:30. */
    const callback = (...steps: ((desk: Desk) => unknown)[]) => {
      const desk = new Desk({ receivedAt: cst(23, 9, 30), mcoEnrollment: 'not_enrolled', mcoId: '', priority: '' });
      expect(desk.record.workflow.targets).toMatchObject({ priority: '', firstContactDeadline: cst(24, 16, 30) });
      for (const step of steps) step(desk);
      return { events: desk.events, state: desk.record };
    };

    it('paused four office hours (Mon 10:00–14:00): due Wed 12:00, four office hours after Tue’s close, target and deadline alike', () => {
      const { events, state } = callback(
        (d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Member in hospital', waitingFor: 'person' }, cst(23, 10)),
        (d) => d.run(resumeTimer, { timer: 'first_contact' }, cst(23, 14)),
      );
      // Counted: Mon 09:30–10:00 and 14:00–16:30 (3 h), Tue 08:00–16:30 (8 h 30 m): 4 h of the 15 h 30 m budget left
      // at Tue's close → Wed 08:00 + 4 h. (Counting "1 business day" from 09:30 instead gave Tue 13:30: earlier than
      // with no pause at all.)
      expect(events.at(-1)?.payload).toEqual({ timer: 'first_contact', target: cst(25, 12), deadline: cst(25, 12), automatic: false });
      expect(state.workflow.targets).toMatchObject({ firstContactTarget: cst(25, 12), firstContactDeadline: cst(25, 12) });
    });

    it('a pause that took no office time (overnight) leaves the callback due at Tue’s close, as before the pause', () => {
      const { events } = callback(
        (d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Waiting on the member’s daughter', waitingFor: 'person' }, cst(23, 17)),
        (d) => d.run(resumeTimer, { timer: 'first_contact' }, cst(24, 7, 30)),
      );
      expect(events.at(-1)?.payload).toMatchObject({ target: cst(24, 16, 30), deadline: cst(24, 16, 30) });
    });

    it('a whole business day paused (Tue 08:00–16:30): due at Wed’s close', () => {
      const { events } = callback(
        (d) => d.run(pauseTimer, { timer: 'first_contact', reason: 'Documents requested', waitingFor: 'person' }, cst(24, 8)),
        (d) => d.run(resumeTimer, { timer: 'first_contact' }, cst(24, 16, 30)),
      );
      // One business day (Tue) paused: the close of the next business day moves from Tue 16:30 to Wed 16:30.
      expect(events.at(-1)?.payload).toMatchObject({ target: cst(25, 16, 30), deadline: cst(25, 16, 30) });
    });
  });
});
