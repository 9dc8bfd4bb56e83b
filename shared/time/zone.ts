import { z } from 'zod';
import { addMs, asInstant, earlier, type Instant, type IsoDay, later, type TimeZone } from './types';

/** Wall-clock fields of an instant in a named time zone. `weekday` is 0 = Sunday … 6 = Saturday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): zone is TimeZone {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone named `name`; a name Intl does not know is a bug in the code that named it (typed or stored names are checked with isValidTimeZone) and throws. */
export function asTimeZone(name: string): TimeZone {
  if (!isValidTimeZone(name)) throw new RangeError(`not a known IANA time zone: ${name}`);
  return name;
}

/** America/Chicago: the zone of a calendar that names none. */
export const CENTRAL_TIME = asTimeZone('America/Chicago');

const DAY_MS = 86_400_000;
/** Per zone, per UTC day: the zone's offset (ms) for the whole day, or null when it changes that day. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 50_000;

/** The zone's offset at an instant, in ms (exact to the second, as the library reports the wall clock). */
function offsetMsAt(at: Instant, zone: TimeZone): number {
  const p = intlParts(at, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/**
 * Wall-clock fields of an instant in a zone. Asking Intl costs about 40 µs; a log of 100,000 rows asks
 * for each row's received time, so the zone's offset is kept per UTC day (a day whose offset is the
 * same at its first and last millisecond has no change inside: zones change at most once a day) and
 * the fields come from plain Date arithmetic. A day with a change asks Intl every time.
 */
export function zonedParts(at: Instant, zone: TimeZone): ZonedParts {
  let days = dayOffsets.get(zone);
  if (days === undefined) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(at / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const dayStart = asInstant(day * DAY_MS);
    const start = offsetMsAt(dayStart, zone);
    offset = start === offsetMsAt(addMs(dayStart, DAY_MS - 1), zone) ? start : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  if (offset === null) return intlParts(at, zone);
  const d = new Date(at + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** zonedParts straight from Intl: the reference the cached path is tested against. */
export function intlParts(at: Instant, zone: TimeZone): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatterFor(zone).formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (America/Chicago in winter: -360). */
export function zoneOffsetMinutes(at: Instant, zone: TimeZone): number {
  const p = zonedParts(at, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60000);
}

/**
 * The instant at which the zone's wall clock shows the given local time.
 * A time skipped by a spring-forward change resolves to the moment after the gap
 * (02:30 on the March change day becomes 03:30); an ambiguous fall-back time resolves
 * to its first occurrence.
 */
export function zonedToInstant(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  zone: TimeZone,
): Instant {
  // The wall-clock reading as if the zone were UTC: a guess one offset away from the answer.
  const wall = asInstant(Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0));
  // Two offset probes around the guess settle every real zone (offsets change at most once a day).
  const first = addMs(wall, -zoneOffsetMinutes(wall, zone) * 60000);
  const second = addMs(wall, -zoneOffsetMinutes(first, zone) * 60000);
  if (first === second) return first;
  // The offsets disagree: a DST change lies between. Prefer the earlier valid reading.
  const shows = (t: Instant): boolean => {
    const p = zonedParts(t, zone);
    return p.hour === (local.hour ?? 0) && p.minute === (local.minute ?? 0);
  };
  if (shows(first) && shows(second)) return earlier(first, second);
  if (shows(first)) return first;
  if (shows(second)) return second;
  return later(first, second);
}

export function isoDayOf(at: Instant, zone: TimeZone): IsoDay {
  const p = zonedParts(at, zone);
  return isoDayFromParts(p.year, p.month, p.day);
}

/**
 * The day of a date given by its parts, as `yyyy-MM-dd` (a year before 1000 zero-padded to four digits).
 *
 * The one place a day is built rather than parsed, so the one cast to IsoDay outside the tests: every other day
 * comes from here, from `isIsoDay` or from `isoDaySchema`. The parts are those of a real date (a Date's UTC
 * fields, Intl's wall clock, a reading already checked), so they are not checked again: isoDayOf runs for every
 * row of the log. A day counted past the end of its month belongs in isoDayFromUtcDate.
 */
export function isoDayFromParts(year: number, month: number, day: number): IsoDay {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as IsoDay;
}

/** The UTC calendar day of a Date: for day arithmetic (`Date.UTC(y, m - 1, d + 1)`, day numbers × 86,400,000 ms). */
export const isoDayFromUtcDate = (d: Date): IsoDay => isoDayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

export function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDay(text: string): text is IsoDay {
  return parseIsoDay(text) !== null;
}

/** A stored or received day: a plain string in, a real `yyyy-MM-dd` day out, branded (as instantSchema brands an instant). */
export const isoDaySchema = z.string().refine(isIsoDay, 'a day as yyyy-MM-dd').brand<'IsoDay'>();

export const pad2 = (n: number): string => String(n).padStart(2, '0');
