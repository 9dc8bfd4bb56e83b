import { describe, expect, it } from 'vitest';
import { toLogRow } from '../../log/logRow';
import type { Instant } from '../../time/types';
import { dueItems, dueState } from '../due';
import { parseEvent } from '../events';
import { resolveInquiry } from './resolveInquiry';
import { type CallbackInput, scheduleCallback } from './scheduleCallback';
import { TEST_POLICY } from './testing';
import { BEN, ct, Desk, envelope, LEE, refusal, testContext } from './testKit';

const NOW = ct(2026, 11, 23, 10, 0);
const CALLBACK: CallbackInput = { party: 'member', number: '515.555.0188', at: ct(2026, 11, 23, 15, 30), caller: BEN };

/** A High inquiry received Mon 23 Nov 09:00. */
const inquiry = () => new Desk({ receivedAt: ct(2026, 11, 23, 9, 0) });

describe('scheduleCallback', () => {
  it('emits one CallbackScheduled with a new callback id, the number formatted, the time and the caller as a person', () => {
    const desk = inquiry();
    expect(scheduleCallback(desk.record, { ...CALLBACK, note: ' She is free after 3 pm. ' }, testContext(NOW))).toEqual([
      {
        ...envelope(desk.record.id, NOW, { n: 2, counter: 0 }),
        type: 'CallbackScheduled',
        payload: {
          callbackId: '01JDESKA000000000000000001',
          party: 'member',
          number: '(515) 555-0188',
          at: ct(2026, 11, 23, 15, 30),
          // Only the person reference is kept, not the caller's role.
          caller: { id: 'p-ben', name: 'Ben Cho' },
          note: 'She is free after 3 pm.',
        },
      },
    ]);
  });

  it('emits an event that parses as it would arriving from another desk, extension included', () => {
    const [e] = scheduleCallback(inquiry().record, { ...CALLBACK, number: '+1 (515) 555-0188 ext. 123456' }, testContext(NOW));
    expect(e.payload.number).toBe('(515) 555-0188 x123456');
    expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
  });

  it('is due at its time: due soon 30 minutes before, overdue 15 minutes after, owned by the caller', () => {
    const desk = inquiry();
    desk.run(scheduleCallback, CALLBACK, NOW);
    const item = dueItems(desk.record).find((i) => i.kind === 'callback');
    expect(item).toEqual({
      kind: 'callback',
      label: 'Callback to member',
      startedAt: NOW,
      target: ct(2026, 11, 23, 15, 30),
      deadline: ct(2026, 11, 23, 15, 45),
      soonAt: ct(2026, 11, 23, 15, 0),
      owner: { id: 'p-ben', name: 'Ben Cho' },
      callbackId: desk.record.workflow.callbacks[0]?.id,
      paused: null,
    });
    expect(desk.record.workflow.callbacks).toEqual([
      {
        id: item?.callbackId,
        party: 'member',
        number: '(515) 555-0188',
        at: ct(2026, 11, 23, 15, 30),
        caller: { id: 'p-ben', name: 'Ben Cho' },
        note: '',
        status: 'scheduled',
        scheduledAt: NOW,
      },
    ]);
  });

  it('labels a callback to the originator', () => {
    const desk = inquiry();
    desk.run(scheduleCallback, { ...CALLBACK, party: 'originator' }, NOW);
    expect(dueItems(desk.record).find((i) => i.kind === 'callback')?.label).toBe('Callback to originator');
  });

  it('serves the unit lead callback queue the same way: the unit lead is the caller and sees it as theirs', () => {
    const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 0), mcoEnrollment: 'not_enrolled', mcoId: '' });
    desk.run(scheduleCallback, { ...CALLBACK, caller: LEE }, NOW, LEE);
    const row = toLogRow(desk.record, TEST_POLICY.config);
    expect([row.unitLeadCallback, row.callerIds, row.stage]).toEqual([true, ['p-lee'], 'Unit lead callback']);
    const callback = dueItems(desk.record).find((i) => i.kind === 'callback');
    expect(callback?.owner).toEqual({ id: 'p-lee', name: 'Lee Park' });
    expect(dueState(callback as NonNullable<typeof callback>, ct(2026, 11, 23, 15, 45))).toBe('overdue');
  });

  it('accepts a time up to 5 minutes past (a form filled in slowly), and one after office hours', () => {
    const desk = inquiry();
    expect(scheduleCallback(desk.record, { ...CALLBACK, at: (NOW - 5 * 60_000) as Instant }, testContext(NOW))).toHaveLength(1);
    expect(scheduleCallback(desk.record, { ...CALLBACK, at: ct(2026, 11, 23, 18, 30) }, testContext(NOW))).toHaveLength(1);
  });

  describe('refusals', () => {
    it('a time more than 5 minutes past', () => {
      expect(
        refusal(() => scheduleCallback(inquiry().record, { ...CALLBACK, at: (NOW - 5 * 60_000 - 1) as Instant }, testContext(NOW))),
      ).toEqual(['validation', 'Choose a callback time that has not passed yet.']);
    });

    it.each(['', '555-0188', '015-555-0188', '515-555-018', 'call the front desk'])('the number %j', (number) => {
      expect(refusal(() => scheduleCallback(inquiry().record, { ...CALLBACK, number }, testContext(NOW)))).toEqual([
        'validation',
        'Enter the callback number as a 10-digit phone number, for example 515-555-0123 (an extension may follow: x12).',
      ]);
    });

    it('a note over 4000 characters', () => {
      expect(refusal(() => scheduleCallback(inquiry().record, { ...CALLBACK, note: 'x'.repeat(4001) }, testContext(NOW)))).toEqual([
        'validation',
        'Shorten the note to 4000 characters or fewer (now 4001).',
      ]);
    });

    it('a resolved inquiry', () => {
      const desk = inquiry();
      desk.run(resolveInquiry, { resolution: 'agency', text: 'Resolved on the first call.' }, ct(2026, 11, 23, 9, 30));
      expect(refusal(() => scheduleCallback(desk.record, CALLBACK, testContext(NOW)))).toEqual([
        'invalid_step',
        'This inquiry is resolved: reopen it before you schedule a callback.',
      ]);
    });
  });
});
