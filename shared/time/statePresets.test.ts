import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, closedReason, createCalendar, officeHoursOn } from './calendar';
import { calendarConfigSchema } from './calendarConfig';
import { electionDay, STATE_PRESETS, type StatePresetId } from './statePresets';
import type { IsoDay } from './types';

/*
 * Each state's closed weekdays for 2025–2028, written down by hand from its statute or schedule
 * (docs/holidays.md) — the dates worked out on a paper calendar, not by the code under test: the
 * holiday's day, and for a Saturday the Friday before, for a Sunday the Monday after.
 */
const EXPECTED: Record<StatePresetId, Record<number, string[]>> = {
  // Iowa Code §1C.2: 9 holidays. 2027 holds ten closed days: New Year's Day 2028 is a Saturday (→ Fri 31 Dec 2027).
  IA: {
    2025: ['01-01', '01-20', '05-26', '07-04', '09-01', '11-11', '11-27', '11-28', '12-25'],
    2026: ['01-01', '01-19', '05-25', '07-03', '09-07', '11-11', '11-26', '11-27', '12-25'],
    2027: ['01-01', '01-18', '05-31', '07-05', '09-06', '11-11', '11-25', '11-26', '12-24', '12-31'],
    2028: ['01-17', '05-29', '07-04', '09-04', '11-10', '11-23', '11-24', '12-25'],
  },
  // SPP §9-201 with §9-204's weekend rule; general election day in even years (3 Nov 2026, 7 Nov 2028).
  MD: {
    2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '11-28', '12-25'],
    2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-03', '09-07', '10-12', '11-03', '11-11', '11-26', '11-27', '12-25'],
    2027: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '11-26', '12-24', '12-31'],
    2028: ['01-17', '02-21', '05-29', '06-19', '07-04', '09-04', '10-09', '11-07', '11-10', '11-23', '11-24', '12-25'],
  },
  // KRS 18A.190 with the usual extra days (New Year's Eve, Friday after Thanksgiving, Christmas Eve); presidential
  // election day 7 Nov 2028. 2027: Christmas Day (Sat) meets Christmas Eve (Fri) → Thu 23; New Year's Day 2028 (Sat)
  // meets New Year's Eve (Fri) → Thu 30. 2028: Christmas Eve (Sun) meets Christmas Day (Mon) → Tue 26.
  KY: {
    2025: ['01-01', '01-20', '05-26', '07-04', '09-01', '11-11', '11-27', '11-28', '12-24', '12-25', '12-31'],
    2026: ['01-01', '01-19', '05-25', '07-03', '09-07', '11-11', '11-26', '11-27', '12-24', '12-25', '12-31'],
    2027: ['01-01', '01-18', '05-31', '07-05', '09-06', '11-11', '11-25', '11-26', '12-23', '12-24', '12-30', '12-31'],
    2028: ['01-17', '05-29', '07-04', '09-04', '11-07', '11-10', '11-23', '11-24', '12-25', '12-26'],
  },
  // The Commonwealth's schedule: 12 holidays.
  PA: {
    2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '11-28', '12-25'],
    2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-03', '09-07', '10-12', '11-11', '11-26', '11-27', '12-25'],
    2027: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '11-26', '12-24', '12-31'],
    2028: ['01-17', '02-21', '05-29', '06-19', '07-04', '09-04', '10-09', '11-10', '11-23', '11-24', '12-25'],
  },
};

/** Kentucky's half day on Good Friday (Easter Sunday less two days): closed from noon. */
const KY_GOOD_FRIDAY: Record<number, string> = { 2025: '04-18', 2026: '04-03', 2027: '03-26', 2028: '04-14' };

const presetCalendar = (id: StatePresetId, extra: object = {}): BusinessCalendar =>
  createCalendar(
    calendarConfigSchema.parse({ timeZone: 'America/Chicago', holidayRegion: STATE_PRESETS[id].region, statePreset: id, ...extra }),
  );

/** Every weekday of a year closed all day for a holiday. */
function closedWeekdays(cal: BusinessCalendar, year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const day = new Date(t).toISOString().slice(0, 10) as IsoDay;
    const reason = closedReason(cal, day);
    if (reason?.kind === 'holiday') out.push(day.slice(5));
  }
  return out;
}

describe('state presets: closed days by statute, 2025–2028', () => {
  for (const id of Object.keys(EXPECTED) as StatePresetId[]) {
    for (const year of [2025, 2026, 2027, 2028]) {
      it(`${STATE_PRESETS[id].state} ${year}`, () => {
        expect(closedWeekdays(presetCalendar(id), year)).toEqual(EXPECTED[id][year]);
      });
    }
  }

  it('Iowa stays open on the library public days the statute does not list', () => {
    const cal = presetCalendar('IA');
    for (const d of ['2026-02-12', '2026-02-16', '2026-06-19', '2026-10-12']) expect(closedReason(cal, d as IsoDay)).toBeNull();
    expect(closedReason(cal, '2026-07-03' as IsoDay)).toEqual({ kind: 'holiday', name: 'Independence Day (observed)' });
  });

  it("Kentucky's Good Friday closes the office from noon, not all day", () => {
    const cal = presetCalendar('KY');
    for (const [year, md] of Object.entries(KY_GOOD_FRIDAY)) {
      const hours = officeHoursOn(cal, `${year}-${md}` as IsoDay);
      expect(hours).not.toBeNull();
      const close = new Date(hours?.close ?? 0).toLocaleTimeString('en-US', {
        timeZone: 'America/Chicago',
        hour: 'numeric',
        minute: '2-digit',
      });
      expect(close).toBe('12:00 PM');
    }
  });

  it('keeps the agency’s own choices on top of a preset: excluded names, added closures, removed days', () => {
    const cal = presetCalendar('IA', {
      holidayNamesExcluded: ['Veterans Day'],
      closures: [{ day: '2026-12-24', name: 'Christmas Eve (declared)' }],
      holidaysRemoved: ['2026-11-27'],
      holidayNamesIncluded: ["Lincoln's Birthday"],
    });
    expect(closedWeekdays(cal, 2026)).toEqual(['01-01', '01-19', '02-12', '05-25', '07-03', '09-07', '11-26', '12-25']);
    expect(closedReason(cal, '2026-12-24' as IsoDay)).toEqual({ kind: 'closure', name: 'Christmas Eve (declared)' });
  });

  it('general election day is the Tuesday after the first Monday in November', () => {
    expect(electionDay(2026)).toEqual({ month: 11, day: 3 });
    expect(electionDay(2028)).toEqual({ month: 11, day: 7 });
    expect(electionDay(2027)).toEqual({ month: 11, day: 2 });
    expect(electionDay(2022)).toEqual({ month: 11, day: 8 });
  });
});
