import fc from 'fast-check';
import type { PersonRef } from '../people';
import { addMs } from '../time/types';
import { ct, Desk } from './commands/testKit';
import { PAUSABLE_TIMERS } from './events';
import type { Callback, CallbackStatus, InquiryRecord, Referral, TimerPause, WorkflowState } from './projection';

/*
 * Random inquiry records for property tests of what is due (due.property.test.ts, nextDue.property.test.ts): every
 * step's times on a coarse grid over six hours from BASE, so equal times and ties come up often. Test code only.
 */

export const HALF_HOUR = 30 * 60_000;
export const BASE = ct(2026, 11, 23, 8, 0);
const BEN: PersonRef = { id: 'p-ben', name: 'Ben Cho' };

/** Instants on a coarse grid over six hours, so equal times (and ties in the sort) come up often. */
export const instant = fc.integer({ min: 0, max: 12 }).map((n) => addMs(BASE, n * HALF_HOUR));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

const targets: fc.Arbitrary<NonNullable<WorkflowState['targets']>> = fc.record({
  priority: fc.constantFrom('high', 'escalated'),
  from: instant,
  firstContactTarget: instant,
  firstContactDeadline: instant,
  policy: fc.constant({ target: { amount: 2, unit: 'businessHours' as const }, deadline: { amount: 4, unit: 'businessHours' as const } }),
});

const referral: fc.Arbitrary<Referral> = fc.record({
  at: instant,
  mcoId: fc.constant('itc'),
  department: fc.constant('Escalations'),
  contact: fc.constant('Desk'),
  mcoContactDue: instant,
  followUpDue: instant,
  reportedBackAt: maybe(instant),
  memberContactedByMco: maybe(fc.boolean()),
  followUps: fc.integer({ min: 0, max: 3 }),
  lastFollowUpAt: maybe(instant),
});

const callback: fc.Arbitrary<Callback> = fc.record({
  id: fc.stringMatching(/^cb-[a-z]{1,3}$/),
  party: fc.constantFrom('member' as const, 'originator' as const),
  number: fc.constant('(515) 555-0142'),
  at: instant,
  caller: fc.constant(BEN),
  note: fc.constant(''),
  status: fc.constantFrom<CallbackStatus>('scheduled', 'reached', 'no_answer', 'voicemail', 'cancelled'),
  scheduledAt: instant,
});

const pause: fc.Arbitrary<TimerPause> = fc
  .record({ timer: fc.constantFrom(...PAUSABLE_TIMERS), start: instant, length: maybe(fc.integer({ min: 1, max: 20 })) })
  .map(({ timer, start, length }) => ({
    timer,
    start,
    end: length === null ? null : addMs(start, length * HALF_HOUR),
    reason: 'Waiting on the member',
    waitingFor: 'member_contact' as const,
    by: BEN,
  }));

const base = new Desk().record;
export const record: fc.Arbitrary<InquiryRecord> = fc
  .record({
    status: fc.constantFrom('open' as const, 'open' as const, 'resolved' as const),
    assignee: maybe(fc.constant(BEN)),
    targets: maybe(targets),
    firstContactAt: maybe(instant),
    referral: maybe(referral),
    callbacks: fc.array(callback, { maxLength: 3 }),
    pauses: fc.array(pause, { maxLength: 3 }),
  })
  .map(({ status, assignee, ...w }) => ({ ...base, status, assignee, workflow: { ...base.workflow, ...w } }));
