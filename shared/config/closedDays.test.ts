import { describe, expect, it } from 'vitest';
import { type CalendarConfig, DEFAULT_CALENDAR_CONFIG } from '../time/calendarConfig';
import type { IsoDay } from '../time/types';
import { calendarDifference, closedDaysPreview, daysFrom } from './closedDays';
import { uniqueSlug } from './slug';

const day = (d: string) => d as IsoDay;
const config = (over: Partial<CalendarConfig>): CalendarConfig => ({ ...DEFAULT_CALENDAR_CONFIG, ...over });

describe('daysFrom', () => {
  it('steps through calendar days across a month, a year and a DST change', () => {
    expect(daysFrom(day('2026-10-31'), 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(daysFrom(day('2026-12-31'), 2)).toEqual(['2026-12-31', '2027-01-01']);
    expect(daysFrom(day('2026-11-23'), 365).at(-1)).toBe('2027-11-22');
  });
});

describe('closedDaysPreview (US-IA, public holidays, Mon–Fri)', () => {
  it('lists the holidays and closures that close the office, in order, with names', () => {
    const p = closedDaysPreview(config({ closures: [{ day: day('2026-12-24'), name: 'Christmas Eve' }] }), day('2026-11-23'), 40);
    expect(p.closed).toEqual([
      { day: '2026-11-26', kind: 'holiday', name: 'Thanksgiving Day', holidayNames: ['Thanksgiving Day'], officeDay: true },
      { day: '2026-12-24', kind: 'closure', name: 'Christmas Eve', holidayNames: [], officeDay: true },
      { day: '2026-12-25', kind: 'holiday', name: 'Christmas Day', holidayNames: ['Christmas Day'], officeDay: true },
      { day: '2027-01-01', kind: 'holiday', name: "New Year's Day", holidayNames: ["New Year's Day"], officeDay: true },
    ]);
    // The library knows these but their type (observance, optional) does not close the office.
    expect(p.notCounted.map((h) => [h.day, h.name, h.type, h.why])).toEqual([
      ['2026-11-27', 'Day after Thanksgiving Day', 'observance', 'type'],
      ['2026-12-24', 'Christmas Eve', 'optional', 'type'],
      ['2026-12-31', "New Year's Eve", 'observance', 'type'],
    ]);
    expect(p.openedByException).toEqual([]);
  });

  it('names a substitute day by the holiday it stands for', () => {
    const p = closedDaysPreview(DEFAULT_CALENDAR_CONFIG, day('2027-07-01'), 7);
    expect(p.closed).toEqual([
      // A Sunday: closed anyway.
      { day: '2027-07-04', kind: 'holiday', name: 'Independence Day', holidayNames: ['Independence Day'], officeDay: false },
      {
        day: '2027-07-05',
        kind: 'holiday',
        name: 'Independence Day (substitute day)',
        holidayNames: ['Independence Day'],
        officeDay: true,
      },
    ]);
  });

  it('follows names included and excluded, and days opened by exception', () => {
    const p = closedDaysPreview(
      config({
        holidayNamesIncluded: ['Day after Thanksgiving Day'],
        holidayNamesExcluded: ["Lincoln's Birthday"],
        holidaysRemoved: [day('2026-12-25')],
      }),
      day('2026-11-23'),
      90,
    );
    expect(p.closed.map((c) => [c.day, c.name])).toEqual([
      ['2026-11-26', 'Thanksgiving Day'],
      ['2026-11-27', 'Day after Thanksgiving Day'],
      ['2027-01-01', "New Year's Day"],
      ['2027-01-18', 'Martin Luther King Jr. Day'],
      ['2027-02-15', "Washington's Birthday"],
    ]);
    expect(p.openedByException).toEqual([{ day: '2026-12-25', name: 'Christmas Day' }]);
    expect(p.notCounted.find((h) => h.baseName === "Lincoln's Birthday")).toEqual({
      day: '2027-02-12',
      name: "Lincoln's Birthday",
      baseName: "Lincoln's Birthday",
      type: 'public',
      why: 'excluded',
    });
  });

  it('counts more holiday types when asked', () => {
    const p = closedDaysPreview(config({ holidayTypes: ['public', 'optional'] }), day('2026-12-20'), 7);
    expect(p.closed.map((c) => c.name)).toEqual(['Christmas Eve', 'Christmas Day']);
  });

  it('refuses a region the library lacks', () => {
    expect(() => closedDaysPreview(config({ holidayRegion: 'ZZ' }), day('2026-11-23'), 10)).toThrow(RangeError);
  });
});

describe('uniqueSlug', () => {
  const opts = { max: 32, fallback: 'level' };
  it('makes an id from a name', () => {
    expect(uniqueSlug('Dire need', [], opts)).toBe('dire-need');
    expect(uniqueSlug('  Très urgent!! ', [], opts)).toBe('tres-urgent');
    expect(uniqueSlug('24-hour', [], opts)).toBe('level-24-hour');
    expect(uniqueSlug('!!!', [], opts)).toBe('level');
    expect(uniqueSlug('a'.repeat(40), [], opts)).toBe('a'.repeat(32));
  });
  it('never repeats a taken id', () => {
    expect(uniqueSlug('High', ['high'], opts)).toBe('high-2');
    expect(uniqueSlug('High', ['high', 'high-2'], opts)).toBe('high-3');
    expect(uniqueSlug('b'.repeat(40), ['b'.repeat(32)], opts)).toBe(`${'b'.repeat(30)}-2`);
  });
});

describe('calendarDifference: the old default against the Iowa Code 1C.2 preset', () => {
  it('names the days that would open and close in the next 12 months', () => {
    const before = config({});
    const after = config({ statePreset: 'IA' });
    const d = calendarDifference(before, after, day('2026-12-07'), 365);
    expect(d.closes.map((c) => [c.day, c.name])).toEqual([['2027-11-26', 'Friday after Thanksgiving']]);
    expect(d.opens.map((c) => [c.day, c.name])).toEqual([
      ['2027-02-12', "Lincoln's Birthday"],
      ['2027-02-15', "Washington's Birthday"],
      ['2027-06-18', 'Juneteenth (substitute day)'],
      ['2027-10-11', "Indigenous Peoples' Day"],
    ]);
  });
});
