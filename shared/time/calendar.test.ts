import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  addBusinessMinutesExplained,
  addClockMinutes,
  businessDayLength,
  businessMinutesBetween,
  clockMinutesBetween,
  closedReason,
  createCalendar,
  endOfBusinessDay,
  endOfBusinessDayExplained,
  endOfNthBusinessDay,
  endOfNthBusinessDayExplained,
  isOpenAt,
  officeHoursOn,
  type Pause,
} from './calendar';
import { type CalendarConfigInput, calendarConfigSchema, DEFAULT_CALENDAR_CONFIG, IOWA_STATE_OFFICE_HOLIDAYS } from './calendarConfig';
import { at, calendar, iowa } from './testing';
import type { Instant, IsoDay, TimeZone } from './types';
import { zonedToInstant } from './zone';

const HOUR = 3_600_000;

const iso = (t: Instant | null): string | null => (t === null ? null : new Date(t).toISOString());
const day = (text: string): IsoDay => text as IsoDay;

describe('configuration', () => {
  it('defaults to Mon–Fri 08:00–16:30 America/Chicago with US-IA public holidays', () => {
    const parsed = calendarConfigSchema.parse({});
    expect(parsed).toEqual(DEFAULT_CALENDAR_CONFIG);
    expect(iowa.businessDayMinutes).toBe(510);
  });

  it('rejects what it cannot use, saying what is wrong', () => {
    const issues = (input: unknown) => calendarConfigSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ holidayRegion: 'XX-YY' })).toEqual(['the holiday library has no such region']);
    expect(issues({ timeZone: 'America/Nowhere' })).toEqual(['not a known IANA time zone']);
    expect(issues({ officeHours: [null, { open: '16:30', close: '08:00' }, null, null, null, null, null] })).toEqual([
      'opening must be before closing, on the same day',
    ]);
    expect(issues({ officeHours: [null, null, null, null, null, null, null] })).toEqual(['at least one weekday needs office hours']);
    expect(issues({ closures: [{ day: '2026-02-30', name: 'Snow' }] })).toEqual(['a day as yyyy-MM-dd']);
    expect(() => createCalendar({ ...DEFAULT_CALENDAR_CONFIG, holidayRegion: 'ZZ' })).toThrow(RangeError);
  });

  it('measures a business day as the most common day length, ties to the longer', () => {
    const h = (open: string, close: string) => ({ open, close });
    expect(
      businessDayLength([
        null,
        h('07:00', '17:30'),
        h('07:00', '17:30'),
        h('07:00', '17:30'),
        h('07:00', '17:30'),
        h('07:00', '12:00'),
        null,
      ]),
    ).toBe(630);
    expect(businessDayLength([null, h('08:00', '12:00'), h('08:00', '17:00'), null, null, null, null])).toBe(540);
  });
});

describe('holidays, weekends and closures (US-IA, America/Chicago)', () => {
  it('skips Thanksgiving 2026 (Thu 26 Nov): Wed 15:00 + 2 business hours is Fri 08:30', () => {
    expect(closedReason(iowa, day('2026-11-26'))).toEqual({ kind: 'holiday', name: 'Thanksgiving Day' });
    expect(iso(addBusinessHours(iowa, at('2026-11-25 15:00'), 2))).toBe(iso(at('2026-11-27 08:30')));
    expect(iso(addBusinessDays(iowa, at('2026-11-25 10:00'), 1))).toBe(iso(at('2026-11-27 10:00')));
  });

  it('counts only the configured holiday types: the day after Thanksgiving is an observance in the library', () => {
    expect(closedReason(iowa, day('2026-11-27'))).toBeNull();
    const withObservances = calendar({ holidayTypes: ['public', 'observance'] });
    expect(closedReason(withObservances, day('2026-11-27'))).toEqual({ kind: 'holiday', name: 'Day after Thanksgiving Day' });
    expect(iso(addBusinessHours(withObservances, at('2026-11-25 15:00'), 2))).toBe(iso(at('2026-11-30 08:30')));
  });

  it('counts substitute (observed) days: Independence Day 2026 falls on a Saturday, observed Fri 3 Jul', () => {
    expect(closedReason(iowa, day('2026-07-03'))).toEqual({ kind: 'holiday', name: 'Independence Day (substitute day)' });
    expect(closedReason(iowa, day('2026-07-04'))).toEqual({ kind: 'holiday', name: 'Independence Day' });
    expect(iso(addBusinessHours(iowa, at('2026-07-02 16:00'), 1))).toBe(iso(at('2026-07-06 08:30')));
    // New Year's Day 2028 is a Saturday: observed on Fri 31 Dec 2027, in the year before.
    expect(closedReason(iowa, day('2027-12-31'))).toEqual({ kind: 'holiday', name: "New Year's Day (substitute day)" });
  });

  it('the Iowa Code 1C.2 preset closes on state paid holidays only', () => {
    const state = calendar(IOWA_STATE_OFFICE_HOLIDAYS);
    expect(closedReason(state, day('2026-11-27'))).toEqual({ kind: 'holiday', name: 'Friday after Thanksgiving' });
    expect(closedReason(state, day('2026-02-12'))).toBeNull(); // Lincoln's Birthday: public in the library, open in Iowa
    expect(closedReason(iowa, day('2026-02-12'))).toEqual({ kind: 'holiday', name: "Lincoln's Birthday" });
    expect(closedReason(state, day('2026-06-19'))).toBeNull(); // Juneteenth
    expect(closedReason(state, day('2026-11-11'))).toEqual({ kind: 'holiday', name: 'Veterans Day' });
  });

  it('skips weekends: Fri 16:00 + 1 business hour is Mon 08:30; a Saturday start counts from Monday', () => {
    expect(closedReason(iowa, day('2026-11-21'))).toEqual({ kind: 'weekend', name: 'Saturday' });
    expect(iso(addBusinessHours(iowa, at('2026-11-20 16:00'), 1))).toBe(iso(at('2026-11-23 08:30')));
    expect(iso(addBusinessHours(iowa, at('2026-11-21 11:00'), 1))).toBe(iso(at('2026-11-23 09:00')));
  });

  it('adds and removes closure days', () => {
    const cal = calendar({ closures: [{ day: '2026-12-07', name: 'Staff training' }], holidaysRemoved: ['2026-11-26'] });
    expect(closedReason(cal, day('2026-12-07'))).toEqual({ kind: 'closure', name: 'Staff training' });
    expect(closedReason(cal, day('2026-11-26'))).toBeNull();
    expect(iso(addBusinessHours(cal, at('2026-11-25 15:00'), 2))).toBe(iso(at('2026-11-26 08:30')));
    expect(iso(addBusinessHours(cal, at('2026-12-04 16:00'), 1))).toBe(iso(at('2026-12-08 08:30')));
    // A closure wins over a holiday on the same day, and names the day.
    const both = calendar({ closures: [{ day: '2026-11-26', name: 'Office move' }] });
    expect(closedReason(both, day('2026-11-26'))).toEqual({ kind: 'closure', name: 'Office move' });
  });

  it('another region: GB-ENG in Europe/London, with its Boxing Day substitute and Easter Monday', () => {
    const london = 'Europe/London' as TimeZone;
    const cal = calendar({ holidayRegion: 'GB-ENG', timeZone: london });
    expect(closedReason(cal, day('2026-12-28'))).toEqual({ kind: 'holiday', name: 'Boxing Day (substitute day)' });
    expect(closedReason(cal, day('2026-04-06'))).toEqual({ kind: 'holiday', name: 'Easter Monday' });
    expect(closedReason(cal, day('2026-11-26'))).toBeNull();
    // Thu 2 Apr 16:00 + 1 h: Good Friday, the weekend and Easter Monday skipped; 29 Mar (BST) already past.
    expect(iso(addBusinessHours(cal, at('2026-04-02 16:00', london), 1))).toBe('2026-04-07T07:30:00.000Z');
  });

  it('another region: US-TX closes on the day after Thanksgiving (public there)', () => {
    const cal = calendar({ holidayRegion: 'US-TX' });
    expect(closedReason(cal, day('2026-11-27'))).toEqual({ kind: 'holiday', name: 'Day after Thanksgiving' });
  });

  it('a holiday starting mid-day closes the office from then (AT: Christmas Eve from 14:00, a bank holiday)', () => {
    const vienna = 'Europe/Vienna' as TimeZone;
    const cal = calendar({ holidayRegion: 'AT', timeZone: vienna, holidayTypes: ['public', 'bank'] });
    expect(closedReason(cal, day('2026-12-24'))).toBeNull();
    expect(iso(officeHoursOn(cal, day('2026-12-24'))?.close ?? null)).toBe(iso(at('2026-12-24 14:00', vienna)));
    // Thu 24 Dec 13:00 + 2 h: 1 h until 14:00; Fri 25, Sat 26 (holidays, weekend), Sun 27 skipped; 1 h Mon.
    expect(iso(addBusinessHours(cal, at('2026-12-24 13:00', vienna), 2))).toBe(iso(at('2026-12-28 09:00', vienna)));
    const e = addBusinessMinutesExplained(cal, at('2026-12-24 13:00', vienna), 120);
    expect(e.earlyCloses).toEqual([
      { day: '2026-12-24', at: at('2026-12-24 14:00', vienna), reason: { kind: 'holiday', name: 'Christmas Eve' } },
    ]);
  });

  it('a holiday starting after closing changes nothing (Halloween from 18:00, an observance)', () => {
    const cal = calendar({ holidayTypes: ['public', 'observance'] });
    expect(closedReason(cal, day('2025-10-31'))).toBeNull(); // a Friday
    expect(officeHoursOn(cal, day('2025-10-31'))).toEqual({ open: at('2025-10-31 08:00'), close: at('2025-10-31 16:30') });
    expect(closedReason(cal, day('2026-10-31'))).toEqual({ kind: 'weekend', name: 'Saturday' });
  });

  it('a holiday the library spreads over days closes each (AM: New Year 48 h)', () => {
    const cal = calendar({ holidayRegion: 'AM', timeZone: 'Asia/Yerevan' as TimeZone });
    expect(closedReason(cal, day('2026-01-01'))?.kind).toBe('holiday');
    expect(closedReason(cal, day('2026-01-02'))?.name).toContain("New Year's Day");
  });
});

describe('the SPEC rules', () => {
  it('an inquiry logged after hours starts counting at the next opening', () => {
    expect(iso(addBusinessHours(iowa, at('2026-11-24 18:00'), 2))).toBe(iso(at('2026-11-25 10:00')));
    expect(iso(addBusinessHours(iowa, at('2026-11-24 07:00'), 2))).toBe(iso(at('2026-11-24 10:00')));
    expect(iso(addBusinessMinutes(iowa, at('2026-11-24 18:00'), 0))).toBe(iso(at('2026-11-25 08:00')));
  });

  it('a deadline landing exactly at closing is the closing instant, not the next opening', () => {
    expect(iso(addBusinessHours(iowa, at('2026-11-24 14:30'), 2))).toBe(iso(at('2026-11-24 16:30')));
    expect(iso(addBusinessMinutes(iowa, at('2026-11-24 16:30'), 0))).toBe(iso(at('2026-11-24 16:30')));
    expect(iso(addBusinessMinutes(iowa, at('2026-11-24 16:30'), 1))).toBe(iso(at('2026-11-25 08:01')));
    expect(iso(addBusinessDays(iowa, at('2026-11-20 16:30'), 1))).toBe(iso(at('2026-11-23 16:30')));
    expect(isOpenAt(iowa, at('2026-11-24 16:30'))).toBe(false);
    expect(isOpenAt(iowa, at('2026-11-24 08:00'))).toBe(true);
  });

  it('N business days are N × 8 h 30 m of office time: Mon 10:00 + 1 → Tue 10:00, + 3 → Thu 10:00', () => {
    expect(iso(addBusinessDays(iowa, at('2026-11-16 10:00'), 1))).toBe(iso(at('2026-11-17 10:00')));
    expect(iso(addBusinessDays(iowa, at('2026-11-16 10:00'), 3))).toBe(iso(at('2026-11-19 10:00')));
    expect(iso(addBusinessDays(iowa, at('2026-11-21 09:00'), 1))).toBe(iso(at('2026-11-23 16:30')));
  });

  it('end of day: the close of the business day containing t, or of the next business day outside hours', () => {
    expect(iso(endOfBusinessDay(iowa, at('2026-11-24 10:00')))).toBe(iso(at('2026-11-24 16:30')));
    expect(iso(endOfBusinessDay(iowa, at('2026-11-24 07:00')))).toBe(iso(at('2026-11-24 16:30')));
    expect(iso(endOfBusinessDay(iowa, at('2026-11-25 16:30')))).toBe(iso(at('2026-11-27 16:30')));
    expect(iso(endOfBusinessDay(iowa, at('2026-11-25 19:00')))).toBe(iso(at('2026-11-27 16:30')));
    expect(iso(endOfBusinessDay(iowa, at('2026-11-28 12:00')))).toBe(iso(at('2026-11-30 16:30')));
  });

  it('the end of the Nth business day: over Thanksgiving, and pushed on by the office time a pause took', () => {
    expect(iso(endOfNthBusinessDay(iowa, at('2026-11-24 10:00'), 0))).toBe(iso(at('2026-11-24 16:30')));
    expect(iso(endOfNthBusinessDay(iowa, at('2026-11-24 10:00'), 1))).toBe(iso(at('2026-11-25 16:30')));
    // Thanksgiving (Thursday) is closed: the next business day after Wednesday is Friday. After Wednesday's close,
    // day 0 is Friday's close, and the next business day's is Monday's.
    expect(iso(endOfNthBusinessDay(iowa, at('2026-11-25 10:00'), 1))).toBe(iso(at('2026-11-27 16:30')));
    expect(iso(endOfNthBusinessDay(iowa, at('2026-11-25 19:00'), 1))).toBe(iso(at('2026-11-30 16:30')));
    const pause = (from: string, to: string | null): Pause => ({ start: at(from), end: to === null ? null : at(to), reason: 'x' });
    // Two office hours paused on Tue: due two office hours into the next business day after Wed's close (Friday).
    expect(iso(endOfNthBusinessDay(iowa, at('2026-11-24 10:00'), 1, [pause('2026-11-24 11:00', '2026-11-24 13:00')]) as Instant)).toBe(
      iso(at('2026-11-27 10:00')),
    );
    // A pause outside office hours takes nothing; an open one holds the due time (null).
    expect(endOfNthBusinessDay(iowa, at('2026-11-24 10:00'), 1, [pause('2026-11-24 17:00', '2026-11-25 07:00')])).toBe(
      at('2026-11-25 16:30'),
    );
    expect(endOfNthBusinessDay(iowa, at('2026-11-24 10:00'), 1, [pause('2026-11-24 11:00', null)])).toBeNull();
  });

  it('the end of the Nth business day is what its explanation says it is, for any moment, N and pause', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01 00:00'), max: at('2027-12-31 00:00') }),
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 5 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), { nil: undefined }),
        (t, days, span) => {
          const pauses: Pause[] | undefined = span && [
            { start: (t + span[0] * 60_000) as Instant, end: (t + (span[0] + span[1]) * 60_000) as Instant, reason: 'x' },
          ];
          expect(endOfNthBusinessDay(iowa, t as Instant, days, pauses)).toBe(
            endOfNthBusinessDayExplained(iowa, t as Instant, days, pauses).due,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('business time elapsed between two moments', () => {
    expect(businessMinutesBetween(iowa, at('2026-11-25 15:00'), at('2026-11-27 08:30'))).toBe(120);
    expect(businessMinutesBetween(iowa, at('2026-11-27 08:30'), at('2026-11-25 15:00'))).toBe(0);
    expect(businessMinutesBetween(iowa, at('2026-11-20 18:00'), at('2026-11-23 07:59'))).toBe(0);
    expect(businessMinutesBetween(iowa, at('2026-11-16 08:00'), at('2026-11-21 08:00'))).toBe(5 * 510);
  });

  it('works on both sides of 1970 (day numbers below zero)', () => {
    // Wed 31 Dec 1969 16:00 + 1 h: New Year's Day 1970 (Thu) skipped.
    expect(iso(addBusinessHours(iowa, at('1969-12-31 16:00'), 1))).toBe(iso(at('1970-01-02 08:30')));
    expect(businessMinutesBetween(iowa, at('1969-12-31 16:00'), at('1970-01-02 08:30'))).toBe(60);
  });

  it('rejects negative, NaN and unusable inputs with a RangeError', () => {
    expect(() => addBusinessMinutes(iowa, at('2026-11-24 10:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(iowa, at('2026-11-24 10:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(iowa, Number.NaN as Instant, 1)).toThrow(RangeError);
    expect(() => closedReason(iowa, day('2026-13-01'))).toThrow(RangeError);
  });
});

describe('DST changes in America/Chicago', () => {
  it('Sun 8 Mar 2026 (spring forward): office hours stay 08:00–16:30 local, so UTC moves an hour', () => {
    expect(iso(at('2026-03-06 08:00'))).toBe('2026-03-06T14:00:00.000Z');
    expect(iso(at('2026-03-09 08:00'))).toBe('2026-03-09T13:00:00.000Z');
    expect(iso(addBusinessDays(iowa, at('2026-03-06 15:00'), 1))).toBe(iso(at('2026-03-09 15:00')));
    expect(iso(addBusinessHours(iowa, at('2026-03-06 16:00'), 1))).toBe('2026-03-09T13:30:00.000Z');
    expect(businessMinutesBetween(iowa, at('2026-03-06 16:00'), at('2026-03-09 08:30'))).toBe(60);
    const e = addBusinessMinutesExplained(iowa, at('2026-03-06 16:00'), 60);
    expect(e.dstChanges).toEqual([{ day: '2026-03-08', at: at('2026-03-08 00:00'), offsetBeforeMinutes: -360, offsetAfterMinutes: -300 }]);
  });

  it('Sun 1 Nov 2026 (fall back): the weekend is 1 h longer in real time, office time unchanged', () => {
    expect(iso(addBusinessHours(iowa, at('2026-10-30 16:00'), 1))).toBe('2026-11-02T14:30:00.000Z');
    expect(iso(addBusinessDays(iowa, at('2026-10-30 09:00'), 1))).toBe(iso(at('2026-11-02 09:00')));
    const e = addBusinessMinutesExplained(iowa, at('2026-10-30 16:00'), 60);
    expect(e.dstChanges).toEqual([{ day: '2026-11-01', at: at('2026-11-01 00:00'), offsetBeforeMinutes: -300, offsetAfterMinutes: -360 }]);
  });

  it('office hours spanning the change count real time: 01:00–04:00 is 2 h in March and 4 h in November', () => {
    const sundayNights = calendar({ officeHours: [{ open: '01:00', close: '04:00' }, null, null, null, null, null, null] });
    const march = officeHoursOn(sundayNights, day('2026-03-08'));
    const november = officeHoursOn(sundayNights, day('2026-11-01'));
    expect(march && (march.close - march.open) / HOUR).toBe(2);
    expect(november && (november.close - november.open) / HOUR).toBe(4);
    // 3 office hours from the March change day's opening: 2 h that night, 1 h the next Sunday.
    expect(iso(addBusinessHours(sundayNights, at('2026-03-08 01:00'), 3))).toBe(iso(at('2026-03-15 02:00')));
    expect(iso(addBusinessHours(sundayNights, at('2026-11-01 01:00'), 3))).toBe(iso((at('2026-11-01 01:00') + 3 * HOUR) as Instant));
  });
});

describe('office windows in any zone', () => {
  it('open and close are the wall-clock times in the zone on every day of 2025–2027, change days included', () => {
    const zones = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'America/St_Johns'];
    const mismatches: string[] = [];
    for (const zone of zones as TimeZone[]) {
      const cal = calendar({
        timeZone: zone,
        holidayRegion: 'US',
        holidayTypes: [],
        officeHours: Array.from({ length: 7 }, () => ({ open: '01:30', close: '23:30' })) as CalendarConfigInput['officeHours'],
      });
      for (let n = Date.UTC(2025, 0, 1) / 86_400_000; n < Date.UTC(2028, 0, 1) / 86_400_000; n++) {
        const d = new Date(n * 86_400_000);
        const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const window = officeHoursOn(cal, d.toISOString().slice(0, 10) as IsoDay);
        const open = zonedToInstant({ ...date, hour: 1, minute: 30 }, zone);
        const close = Math.max(open, zonedToInstant({ ...date, hour: 23, minute: 30 }, zone));
        const expected = close > open ? { open, close } : null;
        if (JSON.stringify(window) !== JSON.stringify(expected)) mismatches.push(`${zone} ${d.toISOString().slice(0, 10)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});

describe('pauses', () => {
  const pause = (start: string, end: string | null, reason = 'documents requested'): Pause => ({
    start: at(start),
    end: end === null ? null : at(end),
    reason,
  });

  it('paused office time does not count: Wed 10:00 + 2 h, paused 11:00–14:00, is due 15:00', () => {
    expect(iso(addBusinessHours(iowa, at('2026-11-18 10:00'), 2, [pause('2026-11-18 11:00', '2026-11-18 14:00')]))).toBe(
      iso(at('2026-11-18 15:00')),
    );
    expect(
      businessMinutesBetween(iowa, at('2026-11-18 10:00'), at('2026-11-18 15:00'), [pause('2026-11-18 11:00', '2026-11-18 14:00')]),
    ).toBe(120);
  });

  it('a pause entirely outside office hours changes nothing', () => {
    const p = [pause('2026-11-18 17:00', '2026-11-19 07:30')];
    expect(iso(addBusinessHours(iowa, at('2026-11-18 16:00'), 2, p))).toBe(iso(addBusinessHours(iowa, at('2026-11-18 16:00'), 2)));
  });

  it('a pause over days skips them: paused Thu 10:00–Fri 09:00', () => {
    const p = [pause('2026-11-19 10:00', '2026-11-20 09:00')];
    // Thu 09:00 + 2 h: 1 h Thu, then from Fri 09:00 another hour.
    expect(iso(addBusinessHours(iowa, at('2026-11-19 09:00'), 2, p))).toBe(iso(at('2026-11-20 10:00')));
  });

  it('a deadline reached exactly when a pause starts is that instant', () => {
    expect(iso(addBusinessHours(iowa, at('2026-11-18 09:00'), 2, [pause('2026-11-18 11:00', null)]))).toBe(iso(at('2026-11-18 11:00')));
  });

  it('a still-open pause leaves the deadline unknown (null) unless it was reached before the pause', () => {
    const open = [pause('2026-11-18 11:00', null, 'waiting on the member')];
    expect(addBusinessHours(iowa, at('2026-11-18 10:00'), 2, open)).toBeNull();
    expect(iso(addBusinessHours(iowa, at('2026-11-18 08:00'), 2, open))).toBe(iso(at('2026-11-18 10:00')));
    expect(endOfBusinessDay(iowa, at('2026-11-18 10:00'), open)).toBeNull();
    const e = addBusinessMinutesExplained(iowa, at('2026-11-18 10:00'), 120, open);
    expect(e.due).toBeNull();
    expect(e.waitingOn).toEqual({ pause: open[0], since: at('2026-11-18 11:00'), countedMinutes: 60, remainingMinutes: 60 });
    expect(e.segments.map((s) => s.minutes)).toEqual([60]);
  });

  it('an open pause reached over a closed pause running straight into it reports when time stopped', () => {
    const p = [pause('2026-11-18 11:00', '2026-11-18 12:00', 'first'), pause('2026-11-18 12:00', null, 'second')];
    const e = addBusinessMinutesExplained(iowa, at('2026-11-18 10:00'), 120, p);
    expect(e.waitingOn?.since).toBe(at('2026-11-18 11:00'));
    expect(e.waitingOn?.pause.reason).toBe('second');
  });

  it('overlapping pauses count once; a pause ending before it starts is empty', () => {
    const p = [
      pause('2026-11-18 11:00', '2026-11-18 13:00'),
      pause('2026-11-18 12:00', '2026-11-18 14:00'),
      pause('2026-11-18 15:00', '2026-11-18 09:00'),
    ];
    expect(iso(addBusinessHours(iowa, at('2026-11-18 10:00'), 2, p))).toBe(iso(at('2026-11-18 15:00')));
  });

  it('a timer started inside a pause starts when the pause ends', () => {
    expect(iso(addBusinessMinutes(iowa, at('2026-11-18 10:00'), 0, [pause('2026-11-18 09:00', '2026-11-18 12:00')]))).toBe(
      iso(at('2026-11-18 12:00')),
    );
  });

  it('end of day with a pause: the office time left that day is still owed after the pause', () => {
    const p = [pause('2026-11-18 14:00', '2026-11-19 10:00')];
    // Wed 10:00: 6 h 30 m left in the day; 4 h counted before the pause, 2 h 30 m after it.
    expect(iso(endOfBusinessDay(iowa, at('2026-11-18 10:00'), p))).toBe(iso(at('2026-11-19 12:30')));
    expect(endOfBusinessDayExplained(iowa, at('2026-11-18 10:00'), p).due).toBe(at('2026-11-19 12:30'));
    expect(endOfBusinessDayExplained(iowa, at('2026-11-18 10:00')).due).toBe(at('2026-11-18 16:30'));
  });

  it('clock hours: plain elapsed time, also across the fall-back change, pushed back by pauses', () => {
    expect(iso(addClockMinutes(iowa, at('2026-10-31 12:00'), 24 * 60))).toBe(iso(at('2026-11-01 11:00')));
    const p = [pause('2026-11-18 12:00', '2026-11-18 15:00')];
    expect(iso(addClockMinutes(iowa, at('2026-11-18 10:00'), 24 * 60, p))).toBe(iso(at('2026-11-19 13:00')));
    expect(addClockMinutes(iowa, at('2026-11-18 10:00'), 24 * 60, [pause('2026-11-18 12:00', null)])).toBeNull();
    expect(clockMinutesBetween(at('2026-11-18 10:00'), at('2026-11-19 13:00'), p)).toBe(24 * 60);
  });
});
