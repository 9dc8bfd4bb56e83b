import { describe, expect, it } from 'vitest';
import { readDate, readTime } from './dates';
import { dateCell } from './testing';

const o = { thisYear: 2026 };
const ok = (day: [number, number, number], time: [number, number] | null = null, exact: number | null = null) => ({
  ok: true,
  day: { year: day[0], month: day[1], day: day[2] },
  time: time && { hour: time[0], minute: time[1] },
  exact,
});

describe('readDate: the dates old logs hold', () => {
  it('reads Excel date cells, with and without a time', () => {
    expect(readDate(dateCell(2025, 3, 3), o)).toEqual(ok([2025, 3, 3]));
    expect(readDate(dateCell(2025, 3, 3, 9, 15), o)).toEqual(ok([2025, 3, 3], [9, 15]));
  });

  it('refuses a time-only cell in a date column', () => {
    expect(readDate(dateCell(1899, 12, 30, 9, 15), o)).toEqual({ ok: false, problem: 'the cell holds a time (9:15) but no date' });
  });

  it('reads Excel serial numbers, as numbers or as text, with the time in the fraction', () => {
    expect(readDate(45719, o)).toEqual(ok([2025, 3, 3]));
    expect(readDate(45719.385416666664, o)).toEqual(ok([2025, 3, 3], [9, 15]));
    expect(readDate('45719', o)).toEqual(ok([2025, 3, 3]));
    expect(readDate(12, o)).toMatchObject({ ok: false });
  });

  it('reads m/d/yy and m/d/yyyy (month first), with a time in the same cell', () => {
    expect(readDate('3/4/25', o)).toEqual(ok([2025, 3, 4]));
    expect(readDate('03/04/2025', o)).toEqual(ok([2025, 3, 4]));
    expect(readDate('3-4-2025', o)).toEqual(ok([2025, 3, 4]));
    expect(readDate('3/4/25 2:05 PM', o)).toEqual(ok([2025, 3, 4], [14, 5]));
    expect(readDate('3/4/2025 14:05', o)).toEqual(ok([2025, 3, 4], [14, 5]));
    expect(readDate('3/4/2025 9am', o)).toEqual(ok([2025, 3, 4], [9, 0]));
  });

  it('puts two-digit years up to next year in this century, and birth dates never in the future', () => {
    expect(readDate('1/2/27', o)).toEqual(ok([2027, 1, 2]));
    expect(readDate('1/2/28', o)).toEqual(ok([1928, 1, 2]));
    expect(readDate('5/12/61', { ...o, pastOnly: true })).toEqual(ok([1961, 5, 12]));
    expect(readDate('5/12/27', { ...o, pastOnly: true })).toEqual(ok([1927, 5, 12]));
  });

  it('reads ISO text; an explicit offset names the exact instant', () => {
    expect(readDate('2025-03-05', o)).toEqual(ok([2025, 3, 5]));
    expect(readDate('2025-03-05 08:40', o)).toEqual(ok([2025, 3, 5], [8, 40]));
    expect(readDate('2025-03-05T08:40:00-06:00', o)).toEqual(ok([2025, 3, 5], [8, 40], Date.parse('2025-03-05T14:40:00Z')));
    expect(readDate('2025-03-05T14:40:00Z', o)).toEqual(ok([2025, 3, 5], [14, 40], Date.parse('2025-03-05T14:40:00Z')));
  });

  it('reads month names both ways round', () => {
    expect(readDate('March 17, 2025', o)).toEqual(ok([2025, 3, 17]));
    expect(readDate('Mar 17 2025', o)).toEqual(ok([2025, 3, 17]));
    expect(readDate('Mon, Mar 17, 2025', o)).toEqual(ok([2025, 3, 17]));
    expect(readDate('18-Mar-25', o)).toEqual(ok([2025, 3, 18]));
    expect(readDate('02 Sept 2025', o)).toEqual(ok([2025, 9, 2]));
    expect(readDate('Marching 17, 2025', o)).toMatchObject({ ok: false });
  });

  it('says what is wrong with impossible or incomplete dates', () => {
    expect(readDate('3/32/2025', o)).toEqual({ ok: false, problem: '"3/32/2025" is not a real date' });
    expect(readDate('2/29/2025', o)).toEqual({ ok: false, problem: '"2/29/2025" is not a real date' });
    expect(readDate('13/01/2024', o)).toEqual({ ok: false, problem: '"13/01/2024" is not a real date' });
    expect(readDate('3/17', o)).toEqual({ ok: false, problem: '"3/17" has no year' });
    expect(readDate('next day', o)).toEqual({ ok: false, problem: '"next day" is not a date (use m/d/yyyy, for example 3/2/2024)' });
    expect(readDate('3/4/2025 25:00', o)).toEqual({ ok: false, problem: '"3/4/2025 25:00" has a time that cannot be read' });
  });

  it('treats blank cells as no date', () => {
    expect(readDate(null, o)).toBeNull();
    expect(readDate('   ', o)).toBeNull();
    expect(readDate(undefined, o)).toBeNull();
  });
});

describe('readTime: times in a column of their own', () => {
  it('reads Excel time cells and day fractions', () => {
    expect(readTime(dateCell(1899, 12, 30, 13, 30))).toEqual({ ok: true, time: { hour: 13, minute: 30 } });
    expect(readTime(0.3854166666678793)).toEqual({ ok: true, time: { hour: 9, minute: 15 } });
  });

  it('reads typed times, including military "0930" and a.m./p.m. spelled out', () => {
    expect(readTime('9:15 AM')).toEqual({ ok: true, time: { hour: 9, minute: 15 } });
    expect(readTime('8:40 a.m.')).toEqual({ ok: true, time: { hour: 8, minute: 40 } });
    expect(readTime('1:10 PM')).toEqual({ ok: true, time: { hour: 13, minute: 10 } });
    expect(readTime('14:05')).toEqual({ ok: true, time: { hour: 14, minute: 5 } });
    expect(readTime('0930')).toEqual({ ok: true, time: { hour: 9, minute: 30 } });
    expect(readTime(930)).toEqual({ ok: true, time: { hour: 9, minute: 30 } });
    expect(readTime('12 pm')).toEqual({ ok: true, time: { hour: 12, minute: 0 } });
    expect(readTime('12:30 am')).toEqual({ ok: true, time: { hour: 0, minute: 30 } });
  });

  it('refuses what is not a time', () => {
    expect(readTime('lunch')).toEqual({ ok: false, problem: '"lunch" is not a time of day (use 9:15 AM or 14:05)' });
    expect(readTime('9:75')).toMatchObject({ ok: false });
    expect(readTime('13:00 pm')).toMatchObject({ ok: false });
    expect(readTime('')).toBeNull();
  });
});
