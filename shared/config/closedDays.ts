import { closedReason, createCalendar, holidayRulesOf } from '../time/calendar';
import type { CalendarConfig } from '../time/calendarConfig';
import { type HolidayType, holidaySource, type LibraryHoliday } from '../time/holidays';
import type { IsoDay } from '../time/types';
import { isoDayFromUtcDate, parseIsoDay } from '../time/zone';

/*
 * The Settings preview of a calendar configuration: which days in a stretch (the next 12 months) the office
 * is closed all day and why, which holiday days the agency opens on by exception, and which holidays the
 * library knows that do not close the office — so a lead sees the effect of a setting before saving it.
 */

export interface ClosedDay {
  day: IsoDay;
  kind: 'holiday' | 'closure';
  /** The holiday's name(s) as the calendar gives them, or the closure's name. */
  name: string;
  /** The library names (without "(substitute day)") that close this day, for "never close for it". */
  holidayNames: string[];
  /** Whether the office would be open this weekday at all (a holiday on a Saturday changes nothing). */
  officeDay: boolean;
}

export interface OtherHoliday {
  day: IsoDay;
  name: string;
  baseName: string;
  type: HolidayType;
  /** Why it does not close the office. */
  why: 'type' | 'excluded';
}

export interface ClosedDaysPreview {
  closed: ClosedDay[];
  /** Holidays that would close the office but the agency opens on that day (holidaysRemoved). */
  openedByException: { day: IsoDay; name: string }[];
  /** Holidays in the stretch that do not close the office (type not counted, or excluded by name). */
  notCounted: OtherHoliday[];
}

const DAY_MS = 86_400_000;

const dayNumber = (day: IsoDay): number => {
  const p = parseIsoDay(day);
  if (!p) throw new RangeError(`Not a day (yyyy-MM-dd): ${day}`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
};
const isoOf = (n: number): IsoDay => isoDayFromUtcDate(new Date(n * DAY_MS));

/** Library holidays by region and year: the library is slow to ask, and a preview is redrawn as settings are typed. */
const libraryCache = new Map<string, { source: (year: number) => LibraryHoliday[]; years: Map<number, LibraryHoliday[]> }>();

function libraryYear(region: string, year: number): LibraryHoliday[] {
  let entry = libraryCache.get(region);
  if (!entry) {
    entry = { source: holidaySource(region), years: new Map() };
    libraryCache.set(region, entry);
  }
  let list = entry.years.get(year);
  if (!list) {
    list = entry.source(year);
    entry.years.set(year, list);
  }
  return list;
}

/** The `count` days from `from` on. */
export function daysFrom(from: IsoDay, count: number): IsoDay[] {
  const start = dayNumber(from);
  return Array.from({ length: count }, (_, i) => isoOf(start + i));
}

/** Closed days, opened-by-exception days and other holidays in [from, from + count days). Throws RangeError for a region the library lacks. */
export function closedDaysPreview(config: CalendarConfig, from: IsoDay, count: number): ClosedDaysPreview {
  const cal = createCalendar(config);
  const days = daysFrom(from, count);
  const last = days[days.length - 1] ?? from;
  const firstYear = Number(from.slice(0, 4));
  const rules = holidayRulesOf(config);
  const library: LibraryHoliday[] = [];
  for (let y = firstYear; y <= Number(last.slice(0, 4)); y++) {
    const holidays = config.statePreset ? rules.holidaysOfYear(y) : libraryYear(config.holidayRegion, y);
    library.push(...holidays.filter((h) => h.day >= from && h.day <= last));
  }
  const excluded = new Set(config.holidayNamesExcluded);
  const counts = rules.counts;
  const countedOn = new Map<IsoDay, LibraryHoliday[]>();
  for (const h of library) if (counts(h)) countedOn.set(h.day, [...(countedOn.get(h.day) ?? []), h]);

  const closed: ClosedDay[] = [];
  for (const day of days) {
    const reason = closedReason(cal, day);
    if (reason === null || reason.kind === 'weekend') continue;
    const holidayNames = reason.kind === 'holiday' ? [...new Set((countedOn.get(day) ?? []).map((h) => h.baseName))] : [];
    const officeDay = config.officeHours[new Date(`${day}T12:00:00Z`).getUTCDay()] !== null;
    closed.push({ day, kind: reason.kind, name: reason.name, holidayNames, officeDay });
  }

  const removed = new Set<string>(config.holidaysRemoved);
  const closures = new Set<string>(config.closures.map((c) => c.day));
  const openedByException = [...countedOn]
    .filter(([day]) => removed.has(day) && !closures.has(day))
    .map(([day, hs]) => ({ day, name: hs.map((h) => h.name).join(', ') }))
    .sort((a, b) => a.day.localeCompare(b.day));

  const seen = new Set<string>();
  const notCounted: OtherHoliday[] = [];
  for (const h of library) {
    if (counts(h) || seen.has(`${h.day}|${h.name}`)) continue;
    seen.add(`${h.day}|${h.name}`);
    notCounted.push({ day: h.day, name: h.name, baseName: h.baseName, type: h.type, why: excluded.has(h.baseName) ? 'excluded' : 'type' });
  }
  notCounted.sort((a, b) => a.day.localeCompare(b.day) || a.name.localeCompare(b.name));
  return { closed, openedByException, notCounted };
}

/** How two calendars differ over a stretch: the days one closes and the other does not, each with why. */
export interface CalendarDifference {
  /** Closed under `after`, open (a business day) under `before`. */
  closes: ClosedDay[];
  /** Closed under `before`, open under `after`. */
  opens: ClosedDay[];
}

/** The office days in [from, from + count days) that `after` closes or opens compared with `before` (weekdays off in both are left out). */
export function calendarDifference(before: CalendarConfig, after: CalendarConfig, from: IsoDay, count: number): CalendarDifference {
  const was = closedDaysPreview(before, from, count).closed.filter((c) => c.officeDay);
  const will = closedDaysPreview(after, from, count).closed.filter((c) => c.officeDay);
  const wasDays = new Set(was.map((c) => c.day));
  const willDays = new Set(will.map((c) => c.day));
  return { closes: will.filter((c) => !wasDays.has(c.day)), opens: was.filter((c) => !willDays.has(c.day)) };
}
