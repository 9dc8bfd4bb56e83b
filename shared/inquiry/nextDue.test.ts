import { describe, expect, it } from 'vitest';
import { createCalendar } from '../time/calendar';
import type { Instant } from '../time/types';
import { countdown, type DueTimes, formatSpan, governingDue, nextDueWords } from './nextDue';

const cal = createCalendar();
/** Central time in November 2026 (UTC−6). */
const cst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 6, minute) as Instant;

// The case: High, received Mon 12/07 09:21 (here Mon 11/23): target 11:21, deadline 13:21.
const firstContact: DueTimes = {
  kind: 'first_contact',
  label: 'First contact',
  target: cst(23, 11, 21),
  deadline: cst(23, 13, 21),
  soonAt: cst(23, 10, 51),
};

describe('countdown', () => {
  it('counts office time only, to the minute, "left" before the instant and "late by" after', () => {
    expect(countdown('first_contact', cst(23, 16, 15), cst(23, 14), cal)).toBe('2 h 15 m left');
    // Wed 15:00 → Fri 08:30 across Thanksgiving: 1 h 30 m Wed + 30 m Fri.
    expect(countdown('first_contact', cst(27, 8, 30), cst(25, 15), cal)).toBe('2 h left');
    // Overnight counts nothing: due 16:30 yesterday, now 08:45 → 45 m of office time late (08:00–08:45).
    expect(countdown('first_contact', cst(23, 16, 30), cst(24, 8, 45), cal)).toBe('late by 45 m');
    expect(countdown('first_contact', cst(23, 16, 30), cst(23, 16, 30), cal)).toBe('late by 0 m');
  });

  it('says lateness of a business day or more in business days and hours, never "147 h"', () => {
    // Due Mon 11/23 13:21, now Wed 11/25 16:21: 189 m Monday + 510 Tuesday + 501 Wednesday = 1,200 m of office time,
    // with a business day of 08:00–16:30 (510 m).
    expect(countdown('first_contact', cst(23, 13, 21), cst(25, 16, 21), cal)).toBe('late by 2 business days 3 h');
    expect(countdown('first_contact', cst(23, 13, 21), cst(24, 13, 21), cal)).toBe('late by 1 business day');
    expect(countdown('first_contact', cst(16, 13, 0), cst(23, 11, 0), cal)).toMatch(/^late by 4 business days \d h$/);
    expect(formatSpan(147 * 60, 510)).toBe('17 business days 2 h');
    expect(formatSpan(3 * 510 + 200, 510)).toBe('3 business days 3 h');
  });

  it('counts a callback on the clock (the time the person chose)', () => {
    expect(countdown('callback', cst(23, 19), cst(23, 17, 40), cal)).toBe('1 h 20 m left');
    expect(countdown('callback', cst(23, 19), cst(24, 19, 5), cal)).toBe('late by 24 h 5 m');
  });
});

describe('the instant that governs', () => {
  it('is the target until it has passed, then the deadline, with the countdown to that same instant', () => {
    const at = (now: Instant) => {
      const g = governingDue([firstContact], now);
      if (!g) throw new Error('nothing due');
      return nextDueWords(g, now, cal);
    };
    expect(at(cst(23, 9, 31))).toMatchObject({
      which: 'Target',
      at: firstContact.target,
      countdown: '1 h 50 m left',
      state: 'on_track',
      note: '',
    });
    // The 13:45: the deadline governs, 24 m late (never "11:21 (24 m late)").
    expect(at(cst(23, 13, 45))).toMatchObject({
      which: 'Deadline',
      at: firstContact.deadline,
      countdown: 'late by 24 m',
      state: 'overdue',
    });
    expect(at(cst(23, 12))).toMatchObject({
      which: 'Deadline',
      at: firstContact.deadline,
      countdown: '1 h 21 m left',
      note: 'target missed',
    });
  });

  it('picks the item whose governing instant comes first, so a missed target does not hide an earlier callback', () => {
    const callback: DueTimes = {
      kind: 'callback',
      label: 'Callback to member',
      target: cst(23, 12, 30),
      deadline: cst(23, 12, 45),
      soonAt: cst(23, 12),
    };
    // At 11:00 first contact's target (11:21) comes first; at 11:30 its deadline (13:21) governs, after the callback.
    expect(governingDue([firstContact, callback], cst(23, 11))?.item).toBe(firstContact);
    const later = governingDue([firstContact, callback], cst(23, 11, 30));
    expect(later?.item).toBe(callback);
    expect(later && nextDueWords(later, cst(23, 11, 30), cal)).toMatchObject({ which: 'Call at', countdown: '1 h left' });
    expect(governingDue([], cst(23, 11))).toBeNull();
  });
});
