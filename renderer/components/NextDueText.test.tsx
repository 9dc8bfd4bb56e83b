import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type DueTimes, governingDue, nextDueWords } from '../../shared/inquiry/nextDue';
import { createCalendar } from '../../shared/time/calendar';
import type { Instant, TimeZone } from '../../shared/time/types';
import { NextDueText } from './NextDueText';

const cal = createCalendar();
const zone = 'America/Chicago' as TimeZone;
const cst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour + 6, minute) as Instant;
// The inquiry: High, received Mon 12/07 09:21: target 11:21, deadline 13:21.
const firstContact: DueTimes = {
  kind: 'first_contact',
  label: 'First contact',
  target: cst(7, 11, 21),
  deadline: cst(7, 13, 21),
  soonAt: cst(7, 10, 21),
};

function wordsAt(now: Instant, compact = false): string {
  const g = governingDue([firstContact], now);
  if (!g) throw new Error('nothing due');
  const { container } = render(<NextDueText words={nextDueWords(g, now, cal)} zone={zone} compact={compact} />);
  return container.textContent ?? '';
}

describe('the next-due words', () => {
  it('name the target while it is ahead and count to it', () => {
    expect(wordsAt(cst(7, 9, 31))).toBe('On track First contact · Target Mon 12/07 11:21 AM · 1 h 50 m left');
    expect(wordsAt(cst(7, 9, 31), true)).toBe('On track First contact Target Mon 12/07 11:21 AM · 1 h 50 m left');
    expect(wordsAt(cst(7, 10, 45))).toBe('Due soon First contact · Target Mon 12/07 11:21 AM · 36 m left');
  });

  it('name the deadline once the target has passed, say so, and count to the deadline', () => {
    expect(wordsAt(cst(7, 12))).toBe('Due soon First contact · Deadline Mon 12/07 1:21 PM (target missed) · 1 h 21 m left');
  });

  it('say "late by" past the deadline, from the deadline, in business days and hours beyond a day', () => {
    // The 13:45: never "11:21 (24 m late)".
    expect(wordsAt(cst(7, 13, 45))).toBe('Overdue First contact · Deadline Mon 12/07 1:21 PM · late by 24 m');
    expect(wordsAt(cst(9, 16, 21))).toBe('Overdue First contact · Deadline Mon 12/07 1:21 PM · late by 2 business days 3 h');
  });
});
