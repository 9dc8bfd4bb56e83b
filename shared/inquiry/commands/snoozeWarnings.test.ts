import { describe, expect, it } from 'vitest';
import type { Instant } from '../../time/types';
import { parseEvent, type WarningsSnoozed } from '../events';
import { projectInquiry, snoozeOf } from '../projection';
import { pauseTimer } from './pauseTimer';
import { resolveInquiry } from './resolveInquiry';
import { endSnooze, isSnoozed, snoozeTimeText, snoozeWarnings } from './snoozeWarnings';
import { BEN, CHICAGO, ct, Desk, refusal } from './testKit';

// The inquiry: High, received Wed 25 Nov 2026 15:00 CST, the day before Thanksgiving (testKit).

describe('snoozeWarnings', () => {
  it('records until when and why, and the projection keeps it with who snoozed', () => {
    const desk = new Desk();
    const e = desk.run(
      snoozeWarnings,
      { until: ct(2026, 11, 27, 10, 0), reason: '  waiting for callback ' },
      ct(2026, 11, 25, 15, 10),
    )[0] as WarningsSnoozed;
    expect(e.type).toBe('WarningsSnoozed');
    expect(e.payload).toEqual({ until: ct(2026, 11, 27, 10, 0), reason: 'waiting for callback' });
    expect(parseEvent(JSON.parse(JSON.stringify(e))).ok).toBe(true);
    expect(snoozeOf(desk.record)).toEqual({
      from: ct(2026, 11, 25, 15, 10),
      until: ct(2026, 11, 27, 10, 0),
      reason: 'waiting for callback',
      by: { id: 'p-ana', name: 'Ana Ortiz' },
      endedBy: null,
    });
    expect(isSnoozed(desk.record, ct(2026, 11, 27, 9, 59))).toBe(true);
    expect(isSnoozed(desk.record, ct(2026, 11, 27, 10, 0))).toBe(false);
    expect(isSnoozed(desk.record, ct(2026, 11, 25, 15, 9))).toBe(false);
  });

  it('a later snooze replaces the one in force', () => {
    const desk = new Desk();
    desk.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0) }, ct(2026, 11, 25, 15, 10));
    desk.run(snoozeWarnings, { until: ct(2026, 11, 25, 16, 0), reason: 'shorter' }, ct(2026, 11, 25, 15, 20), BEN);
    expect(snoozeOf(desk.record)).toMatchObject({
      from: ct(2026, 11, 25, 15, 20),
      until: ct(2026, 11, 25, 16, 0),
      by: { name: 'Ben Cho' },
    });
  });

  it('refuses a time that is not after now', () => {
    const desk = new Desk();
    expect(refusal(() => desk.run(snoozeWarnings, { until: ct(2026, 11, 25, 15, 10) }, ct(2026, 11, 25, 15, 10)))).toEqual([
      'validation',
      'Choose a time after now for the warnings to come back.',
    ]);
    expect(refusal(() => desk.run(snoozeWarnings, { until: Number.NaN as never }, ct(2026, 11, 25, 15, 10)))[0]).toBe('validation');
  });

  it('lasts at most 5 business days: Thanksgiving and the weekend do not count', () => {
    const desk = new Desk();
    // From Wed 25 Nov 15:00: 1.5 h on Wed, Thanksgiving closed, Fri, Mon, Tue, Wed, then 7 h on Thu 3 Dec.
    const latest = ct(2026, 12, 3, 15, 0);
    expect(desk.run(snoozeWarnings, { until: latest }, ct(2026, 11, 25, 15, 0))[0]?.payload.until).toBe(latest);
    expect(refusal(() => desk.run(snoozeWarnings, { until: (latest + 60_000) as Instant }, ct(2026, 11, 25, 15, 0)))).toEqual([
      'validation',
      'A snooze lasts at most 5 business days: choose Thu, Dec 3, 3:00 PM or earlier.',
    ]);
  });

  it('refuses a reason over 400 characters, a resolved inquiry, and one with nothing due that could warn', () => {
    const desk = new Desk();
    expect(
      refusal(() => desk.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0), reason: 'x'.repeat(401) }, ct(2026, 11, 25, 15, 10))),
    ).toEqual(['validation', 'Shorten the reason to 400 characters or fewer (now 401).']);
    const paused = new Desk();
    paused.run(pauseTimer, { timer: 'first_contact', reason: 'Member in hospital', waitingFor: 'person' }, ct(2026, 11, 25, 15, 5));
    expect(refusal(() => paused.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0) }, ct(2026, 11, 25, 15, 10)))).toEqual([
      'invalid_step',
      'Nothing is due on this inquiry that could warn, so there is nothing to snooze.',
    ]);
    desk.run(resolveInquiry, { resolution: 'withdrawn', text: 'Member withdrew.' }, ct(2026, 11, 25, 15, 20));
    expect(refusal(() => desk.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0) }, ct(2026, 11, 25, 15, 30)))).toEqual([
      'invalid_step',
      'This inquiry is resolved: reopen it before you snooze its warnings.',
    ]);
  });
});

describe('endSnooze', () => {
  it('ends the snooze now, keeping who snoozed and who ended it', () => {
    const desk = new Desk();
    desk.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0), reason: 'waiting for callback' }, ct(2026, 11, 25, 15, 10));
    const e = desk.run(endSnooze, { note: 'Member called back' }, ct(2026, 11, 25, 16, 0), BEN)[0];
    expect(e?.type).toBe('SnoozeEnded');
    expect(snoozeOf(desk.record)).toMatchObject({
      from: ct(2026, 11, 25, 15, 10),
      until: ct(2026, 11, 25, 16, 0),
      by: { name: 'Ana Ortiz' },
      endedBy: { id: 'p-ben', name: 'Ben Cho' },
    });
    expect(isSnoozed(desk.record, ct(2026, 11, 25, 16, 0))).toBe(false);
  });

  it('refuses when nothing is snoozed, or the snooze has run out', () => {
    const desk = new Desk();
    expect(refusal(() => desk.run(endSnooze, {}, ct(2026, 11, 25, 15, 10)))).toEqual([
      'invalid_step',
      'The warnings on this inquiry are not snoozed.',
    ]);
    desk.run(snoozeWarnings, { until: ct(2026, 11, 25, 16, 0) }, ct(2026, 11, 25, 15, 10));
    expect(refusal(() => desk.run(endSnooze, {}, ct(2026, 11, 25, 16, 0)))[1]).toBe('The warnings on this inquiry are not snoozed.');
  });

  it('folds the same in any order (an end from another desk arriving first changes nothing it should not)', () => {
    const desk = new Desk();
    desk.run(snoozeWarnings, { until: ct(2026, 11, 27, 10, 0) }, ct(2026, 11, 25, 15, 10));
    desk.run(endSnooze, {}, ct(2026, 11, 25, 16, 0));
    const shuffled = [...desk.events].reverse();
    expect(projectInquiry(shuffled)).toEqual(desk.record);
  });
});

describe('snoozeTimeText', () => {
  it('words a time in the agency zone', () => {
    expect(snoozeTimeText(ct(2026, 11, 24, 10, 0), CHICAGO)).toBe('Tue, Nov 24, 10:00 AM');
    expect(snoozeTimeText(ct(2026, 11, 24, 0, 5), CHICAGO)).toBe('Tue, Nov 24, 12:05 AM');
    expect(snoozeTimeText(ct(2026, 11, 24, 12, 30), CHICAGO)).toBe('Tue, Nov 24, 12:30 PM');
  });
});
