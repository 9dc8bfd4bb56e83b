import Holidays from 'date-holidays';
import type { IsoDay } from './types';

/**
 * The one place that talks to the holiday library (date-holidays). Everything else in shared/
 * sees plain days and names, so the library can be swapped or trimmed without touching the calendar.
 */

/** Holiday types as date-holidays classifies them. */
export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** One holiday the library reports, as a calendar day in the region. */
export interface LibraryHoliday {
  day: IsoDay;
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

/**
 * A function returning every holiday the library knows for a region in a year (all types; the calendar
 * decides which count). Calls the library once per call: the calendar caches per year.
 */
export function holidaySource(code: string): (year: number) => LibraryHoliday[] {
  const parts = splitRegion(code);
  if (!parts || !isKnownHolidayRegion(code)) throw new RangeError(`No holiday data for region "${code}"`);
  const lib = new Holidays(parts, { languages: ['en'], types: [...HOLIDAY_TYPES] });
  return (year) =>
    lib.getHolidays(year, 'en').map((h) => {
      const substitute = h.substitute === true;
      return {
        // `date` is the local day in the region ("2026-07-03 00:00:00"), independent of the machine's zone.
        day: h.date.slice(0, 10) as IsoDay,
        name: h.name,
        baseName: substitute ? h.name.replace(SUBSTITUTE_SUFFIX, '') : h.name,
        type: h.type,
        substitute,
      };
    });
}
