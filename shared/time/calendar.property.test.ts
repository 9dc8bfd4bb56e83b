import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  addClockMinutes,
  type BusinessCalendar,
  businessDayOf,
  businessMinutesBetween,
  clockMinutesBetween,
  endOfBusinessDay,
  isOpenAt,
  officeHoursOn,
  type Pause,
} from './calendar';
import { IOWA_STATE_OFFICE_HOLIDAYS } from './calendarConfig';
import { at, calendar, iowa } from './testing';
import type { Instant, TimeZone } from './types';

// The laws of business time, for random moments, durations, pauses and calendars (calendar.test.ts: the cases).

const MINUTE = 60_000;

const CALENDARS: BusinessCalendar[] = [
  iowa,
  calendar({ ...IOWA_STATE_OFFICE_HOLIDAYS, closures: [{ day: '2026-12-24', name: 'Christmas Eve' }], holidaysRemoved: ['2026-11-11'] }),
  // Office hours through the 01:00–03:00 DST changes, and a short Friday.
  calendar({
    officeHours: [
      { open: '00:00', close: '04:00' },
      { open: '07:00', close: '17:30' },
      null,
      { open: '07:00', close: '17:30' },
      { open: '07:00', close: '17:30' },
      { open: '07:00', close: '12:00' },
      { open: '20:00', close: '24:00' },
    ],
  }),
  calendar({ holidayRegion: 'GB-ENG', timeZone: 'Europe/London' as TimeZone }),
];

const FROM = Date.UTC(2025, 9, 1);
const TO = Date.UTC(2027, 3, 1);
/** Calendars by name, so a failing case prints a name rather than the whole calendar. */
const calArb = fc.constantFrom(...CALENDARS.keys()).map(
  (i) => CALENDARS[i] as BusinessCalendar,
  (cal) => CALENDARS.indexOf(cal as BusinessCalendar),
);
/** Moments: mostly on whole minutes (as people type them), some to the millisecond, some right at a boundary. */
const instantArb = fc.oneof(
  fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => (m * MINUTE) as Instant),
  fc.integer({ min: FROM, max: TO }).map((t) => t as Instant),
  fc.tuple(fc.integer({ min: FROM / (15 * MINUTE), max: TO / (15 * MINUTE) })).map(([q]) => (q * 15 * MINUTE) as Instant),
);
const minutesArb = fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.constantFrom(0, 60, 120, 240, 510, 1020, 1530));
const pausesArb = (base: Instant) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -3 * 24 * 60, max: 10 * 24 * 60 }),
        length: fc.option(fc.integer({ min: 0, max: 4 * 24 * 60 }), { freq: 5, nil: null }),
        reason: fc.constantFrom('documents requested', 'waiting on MCO', ''),
      }),
      { maxLength: 3 },
    )
    .map((ps) =>
      ps.map(
        (p): Pause => ({
          start: (base + p.offset * MINUTE) as Instant,
          end: p.length === null ? null : ((base + (p.offset + p.length) * MINUTE) as Instant),
          reason: p.reason,
        }),
      ),
    );
const withPauses = fc
  .tuple(fc.constantFrom(...CALENDARS.keys()), instantArb)
  .chain(([i, t]) => fc.tuple(fc.constant(i), fc.constant(t), pausesArb(t)))
  .map(([i, t, pauses]) => [CALENDARS[i] as BusinessCalendar, t, pauses] as const);

/** u is in office time, or exactly a closing instant (of u's day, or of the day before for a 24:00 close). */
function landsWhereAllowed(cal: BusinessCalendar, u: Instant): boolean {
  if (isOpenAt(cal, u)) return true;
  const closes = [businessDayOf(cal, u), businessDayOf(cal, (u - 1) as Instant)].map((d) => officeHoursOn(cal, d)?.close);
  return closes.includes(u);
}

const paused = (pauses: readonly Pause[], u: number): boolean =>
  pauses.some((p) => p.start <= u && u < (p.end ?? Number.POSITIVE_INFINITY) && p.start < (p.end ?? Number.POSITIVE_INFINITY));
const pauseStarts = (pauses: readonly Pause[], u: number): boolean =>
  pauses.some((p) => p.start === u && (p.end === null || p.end > p.start));

describe('laws of addBusinessMinutes (fast-check)', () => {
  it('is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(calArb, instantArb, instantArb, minutesArb, minutesArb, (cal, a, b, d1, d2) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(cal, t1, d1)).toBeLessThanOrEqual(addBusinessMinutes(cal, t2, d1));
        const [m1, m2] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessMinutes(cal, t1, m1)).toBeLessThanOrEqual(addBusinessMinutes(cal, t1, m2));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('is additive: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, minutesArb, (cal, t, a, b) => {
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, t, a), b)).toBe(addBusinessMinutes(cal, t, a + b));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never lands in closed time except exactly at a closing instant, and never before t', () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, (cal, t, d) => {
        const u = addBusinessMinutes(cal, t, d);
        expect(u).toBeGreaterThanOrEqual(t);
        expect(landsWhereAllowed(cal, u)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('elapsed(t, add(t, d)) = d, and it is the earliest such moment', () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, (cal, t, d) => {
        const u = addBusinessMinutes(cal, t, d);
        expect(businessMinutesBetween(cal, t, u)).toBeCloseTo(d, 9);
        if (d > 0) expect(businessMinutesBetween(cal, t, (u - 1) as Instant)).toBeLessThan(d);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('addBusinessDays is N × the business day length; addBusinessHours is N × 60 minutes', () => {
    fc.assert(
      fc.property(calArb, instantArb, fc.integer({ min: 0, max: 10 }), (cal, t, n) => {
        expect(addBusinessDays(cal, t, n)).toBe(addBusinessMinutes(cal, t, n * cal.businessDayMinutes));
        expect(addBusinessHours(cal, t, n)).toBe(addBusinessMinutes(cal, t, n * 60));
      }),
    );
  }, 60_000);

  it('end of day is a closing instant after t with no other closing between, equal to t + the office time left that day', () => {
    fc.assert(
      fc.property(calArb, instantArb, (cal, t) => {
        const e = endOfBusinessDay(cal, t);
        expect(e).toBeGreaterThan(t);
        expect(landsWhereAllowed(cal, e)).toBe(true);
        const left = businessMinutesBetween(cal, t, e);
        expect(left).toBeGreaterThan(0);
        expect(addBusinessMinutes(cal, t, left)).toBe(e);
        // No earlier close: the office time left fits inside one business day's window.
        const window = officeHoursOn(cal, businessDayOf(cal, (e - 1) as Instant));
        expect(window?.close).toBe(e);
        expect(t >= (window?.open ?? 0) || businessMinutesBetween(cal, t, window?.open as Instant) === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('elapsed business time over long spans (fast-check)', () => {
  it('summing whole days from running totals agrees with counting forward', () => {
    fc.assert(
      fc.property(calArb, instantArb, fc.integer({ min: 0, max: 400 * 24 * 60 }), (cal, a, spanMinutes) => {
        const b = (a + spanMinutes * MINUTE) as Instant;
        const elapsed = businessMinutesBetween(cal, a, b);
        // The moment that much office time after a is at or before b, with no office time left between them.
        const u = addBusinessMinutes(cal, a, elapsed);
        expect(u).toBeLessThanOrEqual(elapsed > 0 ? b : addBusinessMinutes(cal, b, 0));
        expect(businessMinutesBetween(cal, u, b)).toBe(0);
        // And elapsed time splits at any point in between.
        const m = (a + Math.floor((b - a) / 3)) as Instant;
        expect(businessMinutesBetween(cal, a, m) + businessMinutesBetween(cal, m, b)).toBeCloseTo(elapsed, 6);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a year of office hours in 2026 (US-IA public holidays)', () => {
    // 261 weekdays, 12 of them library public holidays (4 Jul is a Saturday; its observed day 3 Jul is counted instead).
    expect(businessMinutesBetween(iowa, at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe((261 - 12) * 510);
  });
});

describe('laws with pauses (fast-check)', () => {
  it('paused time counts as closed: elapsed(t, add(t, d, P), P) = d, and the due is not inside a pause', () => {
    fc.assert(
      fc.property(withPauses, minutesArb, ([cal, t, pauses], d) => {
        const u = addBusinessMinutes(cal, t, d, pauses);
        if (u === null) {
          // Unknown only when an open pause holds the count before d was reached.
          expect(pauses.some((p) => p.end === null)).toBe(true);
          const longAfter = (t + 400 * 86_400_000) as Instant;
          expect(businessMinutesBetween(cal, t, longAfter, pauses)).toBeLessThan(d === 0 ? Number.POSITIVE_INFINITY : d);
          return;
        }
        expect(u).toBeGreaterThanOrEqual(t);
        expect(businessMinutesBetween(cal, t, u, pauses)).toBeCloseTo(d, 9);
        if (d > 0) expect(businessMinutesBetween(cal, t, (u - 1) as Instant, pauses)).toBeLessThan(d);
        expect(!paused(pauses, u) || pauseStarts(pauses, u)).toBe(true);
        expect(landsWhereAllowed(cal, u) || pauseStarts(pauses, u)).toBe(true);
        // Never earlier than without the pauses.
        expect(u).toBeGreaterThanOrEqual(addBusinessMinutes(cal, t, d));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('is monotonic in the duration and additive, with the same pauses', () => {
    fc.assert(
      fc.property(withPauses, minutesArb, minutesArb, ([cal, t, pauses], a, b) => {
        const ua = addBusinessMinutes(cal, t, a, pauses);
        const uab = addBusinessMinutes(cal, t, a + b, pauses);
        if (ua === null) {
          expect(uab).toBeNull();
          return;
        }
        if (uab !== null) expect(ua).toBeLessThanOrEqual(uab);
        expect(addBusinessMinutes(cal, ua, b, pauses)).toBe(uab);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('without pauses, or with an empty list, the answer is the plain one', () => {
    fc.assert(
      fc.property(calArb, instantArb, minutesArb, (cal, t, d) => {
        expect(addBusinessMinutes(cal, t, d, [])).toBe(addBusinessMinutes(cal, t, d));
        expect(addBusinessMinutes(cal, t, d, undefined)).toBe(addBusinessMinutes(cal, t, d));
      }),
    );
  }, 60_000);

  it('clock time: elapsed(t, add(t, d, P), P) = d, and t + d without pauses', () => {
    fc.assert(
      fc.property(withPauses, minutesArb, ([cal, t, pauses], d) => {
        expect(addClockMinutes(cal, t, d)).toBe(t + d * MINUTE);
        const u = addClockMinutes(cal, t, d, pauses);
        if (u === null) {
          expect(pauses.some((p) => p.end === null)).toBe(true);
          return;
        }
        expect(clockMinutesBetween(t, u, pauses)).toBeCloseTo(d, 9);
        expect(!paused(pauses, u) || pauseStarts(pauses, u)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('end of day with pauses owes the same office time as without', () => {
    fc.assert(
      fc.property(withPauses, ([cal, t, pauses]) => {
        const plain = endOfBusinessDay(cal, t);
        const left = businessMinutesBetween(cal, t, plain);
        expect(endOfBusinessDay(cal, t, pauses)).toBe(addBusinessMinutes(cal, t, left, pauses));
      }),
    );
  }, 60_000);
});
