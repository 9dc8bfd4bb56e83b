import { holidaySource, type LibraryHoliday } from './holidays';
import type { IsoDay } from './types';
import { isoDayFromUtcDate } from './zone';

/*
 * Closed days by statute: for each seed state, the paid holidays of its state employees (the days its
 * offices close) and its Saturday/Sunday rule, on top of the holiday library's dates. Sources, and what
 * could not be checked, are in docs/holidays.md. A preset names each holiday by the library's English
 * name (the library supplies the date); the few days the library does not know (Maryland's statewide
 * general election day in a gubernatorial year) have a date rule here.
 *
 * Observance: a holiday on a Saturday is kept on the Friday before, one on a Sunday on the Monday after;
 * when that day already holds another holiday of the list (Kentucky's Christmas Eve and Christmas Day), it
 * moves one more weekday the same way (Friday → Thursday, Monday → Tuesday).
 */

export const STATE_PRESET_IDS = ['IA', 'MD', 'KY', 'PA'] as const;
export type StatePresetId = (typeof STATE_PRESET_IDS)[number];

export interface PresetHoliday {
  /** The name the statute or schedule gives it, as the calendar shows it. */
  name: string;
  /** The library's English name for the day it supplies the date of (region `StatePreset.region`). */
  library: string;
  /** A date rule where the library has none for a year (month 1–12, day); null: not a holiday that year. */
  rule?: (year: number) => { month: number; day: number } | null;
  /** Local minutes after midnight the closure starts (Kentucky's half day on Good Friday: 12:00). */
  fromMinutes?: number;
  /** Only in some years (Kentucky's presidential election day). */
  inYear?: (year: number) => boolean;
}

export interface StatePreset {
  id: StatePresetId;
  state: string;
  /** The holiday library region its dates come from. */
  region: string;
  /** "Iowa Code §1C.2" */
  citation: string;
  /** Shown under the choice: the weekend rule in words, with its source. */
  weekendRule: string;
  holidays: readonly PresetHoliday[];
}

/** The first Tuesday after the first Monday in November (general election day). */
export function electionDay(year: number): { month: number; day: number } {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - firstWeekday) % 7);
  return { month: 11, day: firstMonday + 1 };
}

const SAT_FRI_SUN_MON = 'On a Saturday the Friday before is the holiday; on a Sunday, the Monday after.';

export const STATE_PRESETS: Readonly<Record<StatePresetId, StatePreset>> = {
  IA: {
    id: 'IA',
    state: 'Iowa',
    region: 'US-IA',
    citation: 'Iowa Code §1C.2',
    weekendRule: `${SAT_FRI_SUN_MON} (Iowa Code §1C.2(3))`,
    holidays: [
      { name: "New Year's Day", library: "New Year's Day" },
      { name: 'Martin Luther King, Jr. Day', library: 'Martin Luther King Jr. Day' },
      { name: 'Memorial Day', library: 'Memorial Day' },
      { name: 'Independence Day', library: 'Independence Day' },
      { name: 'Labor Day', library: 'Labour Day' },
      { name: 'Veterans Day', library: 'Veterans Day' },
      { name: 'Thanksgiving Day', library: 'Thanksgiving Day' },
      { name: 'Friday after Thanksgiving', library: 'Day after Thanksgiving Day' },
      { name: 'Christmas Day', library: 'Christmas Day' },
    ],
  },
  MD: {
    id: 'MD',
    state: 'Maryland',
    region: 'US-MD',
    citation: 'Md. Code, State Personnel and Pensions §9-201',
    weekendRule: `${SAT_FRI_SUN_MON} (State Personnel and Pensions §9-204)`,
    holidays: [
      { name: "New Year's Day", library: "New Year's Day" },
      { name: 'Martin Luther King, Jr. Day', library: 'Martin Luther King Jr. Day' },
      { name: "Washington's Birthday (Presidents' Day)", library: "President's Day" },
      { name: 'Memorial Day', library: 'Memorial Day' },
      { name: 'Juneteenth', library: 'Juneteenth' },
      { name: 'Independence Day', library: 'Independence Day' },
      { name: 'Labor Day', library: 'Labour Day' },
      { name: 'Columbus Day', library: 'Columbus Day' },
      {
        name: 'General Election Day',
        library: 'Election Day',
        // Statewide general elections: every even year (gubernatorial and presidential).
        rule: (year) => (year % 2 === 0 ? electionDay(year) : null),
        inYear: (year) => year % 2 === 0,
      },
      { name: 'Veterans Day', library: 'Veterans Day' },
      { name: 'Thanksgiving Day', library: 'Thanksgiving Day' },
      { name: 'American Indian Heritage Day', library: 'Native American Heritage Day' },
      { name: 'Christmas Day', library: 'Christmas Day' },
    ],
  },
  KY: {
    id: 'KY',
    state: 'Kentucky',
    region: 'US-KY',
    citation: 'Kentucky Revised Statutes §18A.190',
    weekendRule: `${SAT_FRI_SUN_MON} (KRS 18A.190(2)); a day already a holiday moves one more weekday.`,
    holidays: [
      // The statute's "plus one extra day" for New Year's, Thanksgiving and Christmas is designated by the Governor;
      // the usual designations are New Year's Eve, the Friday after Thanksgiving and Christmas Eve.
      { name: "New Year's Eve (extra day)", library: "New Year's Eve", rule: () => ({ month: 12, day: 31 }) },
      { name: "New Year's Day", library: "New Year's Day" },
      { name: 'Martin Luther King, Jr. Day', library: 'Martin Luther King Jr. Day' },
      { name: 'Good Friday (half day, from noon)', library: 'Good Friday', fromMinutes: 12 * 60 },
      { name: 'Memorial Day', library: 'Memorial Day' },
      { name: 'Independence Day', library: 'Independence Day' },
      { name: 'Labor Day', library: 'Labour Day' },
      { name: 'Veterans Day', library: 'Veterans Day' },
      {
        name: 'Presidential Election Day',
        library: 'Election Day',
        rule: (year) => (year % 4 === 0 ? electionDay(year) : null),
        inYear: (year) => year % 4 === 0,
      },
      { name: 'Thanksgiving Day', library: 'Thanksgiving Day' },
      { name: 'Friday after Thanksgiving (extra day)', library: 'Day after Thanksgiving Day' },
      { name: 'Christmas Eve (extra day)', library: 'Christmas Eve', rule: () => ({ month: 12, day: 24 }) },
      { name: 'Christmas Day', library: 'Christmas Day' },
    ],
  },
  PA: {
    id: 'PA',
    state: 'Pennsylvania',
    region: 'US-PA',
    citation: 'Commonwealth of Pennsylvania state employee holiday schedule (Management Directive 530.17)',
    weekendRule: `${SAT_FRI_SUN_MON} (the Commonwealth's holiday schedule)`,
    holidays: [
      { name: "New Year's Day", library: "New Year's Day" },
      { name: 'Martin Luther King, Jr. Day', library: 'Martin Luther King Jr. Day' },
      { name: "Presidents' Day", library: "Presidents' Day" },
      { name: 'Memorial Day', library: 'Memorial Day' },
      { name: 'Juneteenth', library: 'Juneteenth' },
      { name: 'Independence Day', library: 'Independence Day' },
      { name: 'Labor Day', library: 'Labour Day' },
      { name: "Columbus Day (Indigenous Peoples' Day)", library: 'Columbus Day' },
      { name: 'Veterans Day', library: 'Veterans Day' },
      { name: 'Thanksgiving Day', library: 'Thanksgiving Day' },
      { name: 'Day after Thanksgiving', library: 'Day after Thanksgiving Day' },
      { name: 'Christmas Day', library: 'Christmas Day' },
    ],
  },
};

export const isStatePresetId = (v: unknown): v is StatePresetId =>
  typeof v === 'string' && (STATE_PRESET_IDS as readonly string[]).includes(v);

/** "Iowa state offices (Iowa Code §1C.2)" */
export const presetLabel = (id: StatePresetId): string => `${STATE_PRESETS[id].state} state offices (${STATE_PRESETS[id].citation})`;

const DAY_MS = 86_400_000;
const dayNumberOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
const isoOfNumber = (n: number): IsoDay => isoDayFromUtcDate(new Date(n * DAY_MS));
const weekdayOf = (n: number): number => new Date(n * DAY_MS).getUTCDay();

interface Dated {
  holiday: PresetHoliday;
  /** The day number the holiday falls on, and the year it belongs to. */
  n: number;
  year: number;
}

/** The holidays of a preset that fall in `year`, dated by the library (or the preset's rule where the library has none). */
function datedHolidays(preset: StatePreset, year: number, library: (year: number) => LibraryHoliday[]): Dated[] {
  const lib = library(year).filter((h) => !h.substitute);
  const out: Dated[] = [];
  for (const holiday of preset.holidays) {
    if (holiday.inYear && !holiday.inYear(year)) continue;
    const found = lib.find((h) => h.baseName === holiday.library);
    let n: number | null = null;
    if (found) {
      const [y, m, d] = found.day.split('-').map(Number) as [number, number, number];
      n = dayNumberOf(y, m, d);
    } else if (holiday.rule) {
      const r = holiday.rule(year);
      if (r) n = dayNumberOf(year, r.month, r.day);
    }
    if (n !== null) out.push({ holiday, n, year });
  }
  return out;
}

/**
 * The preset's closed days whose holiday belongs to `year` (an observed day may sit in the year before:
 * New Year's Day on a Saturday is kept on 31 December), as library-shaped holidays: the day itself and,
 * for a weekend day, its observed weekday (`substitute`, named "… (observed)"). `baseName` is the
 * preset's name for the holiday, so a lead can still say "never close for it" by name.
 */
export function presetHolidaysOfYear(id: StatePresetId, year: number, library = holidaySource(STATE_PRESETS[id].region)): LibraryHoliday[] {
  const preset = STATE_PRESETS[id];
  // Neighbouring years take part: an observed day must not land on another year's holiday (31 Dec / 1 Jan).
  const all = [year - 1, year, year + 1].flatMap((y) => datedHolidays(preset, y, library)).sort((a, b) => a.n - b.n);
  const taken = new Set(all.filter((d) => weekdayOf(d.n) !== 0 && weekdayOf(d.n) !== 6).map((d) => d.n));
  const out: LibraryHoliday[] = [];
  for (const d of all) {
    const wd = weekdayOf(d.n);
    const base = {
      baseName: d.holiday.name,
      type: 'public' as const,
      fromMinutes: d.holiday.fromMinutes ?? 0,
    };
    if (wd !== 0 && wd !== 6) {
      if (d.year === year) out.push({ ...base, day: isoOfNumber(d.n), name: d.holiday.name, substitute: false });
      continue;
    }
    const step = wd === 6 ? -1 : 1;
    let observed = d.n + step;
    while (taken.has(observed) || weekdayOf(observed) === 0 || weekdayOf(observed) === 6) observed += step;
    taken.add(observed);
    if (d.year !== year) continue;
    out.push({ ...base, day: isoOfNumber(d.n), name: d.holiday.name, substitute: false });
    out.push({ ...base, day: isoOfNumber(observed), name: `${d.holiday.name} (observed)`, substitute: true });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * A holiday source for a calendar with a state preset: the preset's days, then every other holiday the
 * library knows for the region (with the library's own names and types), so the agency can still add
 * one by name. Computed once per preset and year.
 */
const presetCache = new Map<string, readonly LibraryHoliday[]>();
export function presetHolidaySource(id: StatePresetId, region: string): (year: number) => LibraryHoliday[] {
  const library = holidaySource(region);
  const ownRegion = region === STATE_PRESETS[id].region ? library : holidaySource(STATE_PRESETS[id].region);
  const presetNames = new Set(STATE_PRESETS[id].holidays.map((h) => h.library));
  return (year) => {
    const key = `${id}|${region}|${year}`;
    let found = presetCache.get(key);
    if (found === undefined) {
      const others = library(year).filter((h) => !presetNames.has(h.baseName));
      found = Object.freeze([...presetHolidaysOfYear(id, year, ownRegion), ...others]);
      presetCache.set(key, found);
    }
    return [...found];
  };
}

/** The names of a preset's holidays: with a preset, these close the office (and no library type does). */
export const presetNames = (id: StatePresetId): string[] => STATE_PRESETS[id].holidays.map((h) => h.name);
