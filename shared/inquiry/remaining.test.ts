import { describe, expect, it } from 'vitest';
import { createCalendar } from '../time/calendar';
import type { Instant } from '../time/types';
import { businessTimeLeft } from './remaining';

const cal = createCalendar();
const cst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 6, minute) as Instant;

describe('businessTimeLeft', () => {
  it('counts office time only, to the minute', () => {
    expect(businessTimeLeft(cal, cst(23, 14), cst(23, 16, 15))).toBe('2 h 15 m business time left');
    // Wed 15:00 → Fri 08:30 across Thanksgiving: 1 h 30 m Wed + 30 m Fri.
    expect(businessTimeLeft(cal, cst(25, 15), cst(27, 8, 30))).toBe('2 h business time left');
    // Overnight counts nothing: due 16:30 yesterday, now 08:45 → 45 m of office time late (08:00–08:45).
    expect(businessTimeLeft(cal, cst(24, 8, 45), cst(23, 16, 30))).toBe('overdue by 45 m business time');
    expect(businessTimeLeft(cal, cst(23, 16, 30), cst(23, 16, 30))).toBe('overdue by 0 m business time');
  });
});
