import type { Instant, TimeZone } from '../../shared/time/types';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: TimeZone, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Mon, Nov 23, 2026, 2:05 PM CST": for details and the timeline. */
export function formatLong(at: Instant, zone: TimeZone): string {
  return fmt(zone, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** "2:05 PM": the time of day alone, for a second time on the same day as one shown in full. */
export function formatTime(at: Instant, zone: TimeZone): string {
  return fmt(zone, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** "11/23/2026" for a calendar day stored as yyyy-MM-dd. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : day;
}

/** The parts of a compact 12-hour time with its day: weekday, month, day and year as `day` asks. */
function compactParts(at: Instant, zone: TimeZone, day: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = fmt(zone, { ...day, month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit', hour12: true }).formatToParts(at);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** "11/23/2026 9:15 AM": a day and time, compact, for table cells. */
export function formatDayTime(at: Instant, zone: TimeZone): string {
  const get = compactParts(at, zone, { year: 'numeric' });
  return `${get('month')}/${get('day')}/${get('year')} ${get('hour')}:${get('minute')} ${get('dayPeriod')}`;
}

/** "Tue 11/24 9:15 AM": compact, for table cells (12-hour, like every time shown, the Received column too). */
export function formatShort(at: Instant, zone: TimeZone): string {
  const get = compactParts(at, zone, { weekday: 'short' });
  return `${get('weekday')} ${get('month')}/${get('day')} ${get('hour')}:${get('minute')} ${get('dayPeriod')}`;
}

/** A label inside a sentence: its first letter lower case unless it starts an acronym ("Follow up with MCO" → "follow up with MCO", "MCO contacts member" kept). */
export const inSentence = (label: string): string => label.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
