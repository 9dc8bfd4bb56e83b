import Holidays from 'date-holidays';
import type { IsoDay } from './types';
import { isoDayFromUtcDate } from './zone';

/**
 * The one place that talks to the holiday library (date-holidays). Everything else in shared/
 * sees plain days and names, so the library can be swapped or trimmed without touching the calendar.
 */

/** Holiday types as date-holidays classifies them. */
export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/**
 * One calendar day of a holiday the library reports, in the region. A holiday the library gives as several
 * days (Eid al-Fitr in AE: 72 h) appears once per day; one starting in the afternoon (Christmas Eve from
 * 14:00 in AT) has `fromMinutes` > 0 on its first day.
 */
export interface LibraryHoliday {
  day: IsoDay;
  /** Local minutes after midnight at which the holiday begins on this day: 0 for the whole day. */
  fromMinutes: number;
  /** English name as the library gives it, e.g. "Independence Day (substitute day)". */
  name: string;
  /** The name without the " (substitute day)" suffix, so a rule about a holiday also covers its observed day. */
  baseName: string;
  type: HolidayType;
  /** True for an observed day standing in for a holiday on a weekend (e.g. Friday 3 July 2026 for Saturday 4 July). */
  substitute: boolean;
}

interface RegionParts {
  country: string;
  state?: string;
  region?: string;
}

/** "US-IA" → { country: 'US', state: 'IA' }; "US" → { country: 'US' }; a third part is a region inside the state. */
function splitRegion(code: string): RegionParts | null {
  const m = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,4})(?:-([A-Za-z0-9]{1,8}))?)?$/.exec(code);
  if (!m) return null;
  const parts: RegionParts = { country: (m[1] as string).toUpperCase() };
  if (m[2] !== undefined) parts.state = m[2].toUpperCase();
  if (m[3] !== undefined) parts.region = m[3];
  return parts;
}

const known = new Map<string, boolean>();

/** Whether the library has holidays for a region code such as `US-IA`. (date-holidays accepts unknown codes silently.) */
export function isKnownHolidayRegion(code: string): boolean {
  let answer = known.get(code);
  if (answer === undefined) {
    const parts = splitRegion(code);
    answer = false;
    if (parts) {
      const lookup = new Holidays();
      const countries = lookup.getCountries('en') ?? {};
      if (parts.country in countries) {
        if (parts.state === undefined) answer = true;
        else if (parts.state in (lookup.getStates(parts.country, 'en') ?? {})) {
          answer = parts.region === undefined || parts.region in (lookup.getRegions(parts.country, parts.state, 'en') ?? {});
        }
      }
    }
    known.set(code, answer);
  }
  return answer;
}

const SUBSTITUTE_SUFFIX = / \(substitute day\)$/;

/** Each region's holidays per year, computed once per process: the library's answer never changes. */
const computed = new Map<string, Map<number, readonly LibraryHoliday[]>>();

/**
 * A function returning every holiday the library knows for a region in a year (all types; the calendar
 * decides which count). The library is asked once per region and year for the life of the process:
 * building a year's holidays (Easter, moon phases, rule parsing) takes milliseconds, and every new
 * calendar (a settings change, a report, a save) would otherwise ask again.
 */
export function holidaySource(code: string): (year: number) => LibraryHoliday[] {
  const parts = splitRegion(code);
  if (!parts || !isKnownHolidayRegion(code)) throw new RangeError(`No holiday data for region "${code}"`);
  let years = computed.get(code);
  if (years === undefined) {
    years = new Map();
    computed.set(code, years);
  }
  const cache = years;
  let library: ((year: number) => LibraryHoliday[]) | null = null;
  return (year) => {
    let found = cache.get(year);
    if (found === undefined) {
      library ??= libraryYears(parts);
      found = Object.freeze(library(year));
      cache.set(year, found);
    }
    // A copy: callers may sort or filter what they get.
    return [...found];
  };
}

function libraryYears(parts: RegionParts): (year: number) => LibraryHoliday[] {
  const lib = new Holidays(parts, { languages: ['en'], types: [...HOLIDAY_TYPES] });
  return (year) => {
    const out: LibraryHoliday[] = [];
    for (const h of lib.getHolidays(year, 'en')) {
      const substitute = h.substitute === true;
      const base = { name: h.name, baseName: substitute ? h.name.replace(SUBSTITUTE_SUFFIX, '') : h.name, type: h.type, substitute };
      // `date` is the local day and time in the region ("2026-07-03 00:00:00", "2026-12-24 14:00:00",
      // sometimes with an offset after it), independent of the machine's zone.
      const first = Date.UTC(Number(h.date.slice(0, 4)), Number(h.date.slice(5, 7)) - 1, Number(h.date.slice(8, 10)));
      const fromMinutes = Number(h.date.slice(11, 13)) * 60 + Number(h.date.slice(14, 16)) || 0;
      // Whole days covered: a DST change inside makes a day 23 h or 25 h, hence the slack.
      const lengthMinutes = (h.end.getTime() - h.start.getTime()) / 60_000;
      const days = Math.max(1, Math.ceil((fromMinutes + lengthMinutes - 90) / 1440));
      for (let i = 0; i < days; i++) {
        out.push({ ...base, day: isoDayFromUtcDate(new Date(first + i * 86_400_000)), fromMinutes: i === 0 ? fromMinutes : 0 });
      }
    }
    return out;
  };
}
