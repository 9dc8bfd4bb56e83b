import { type BusinessCalendar, createCalendar } from './calendar';
import { type CalendarConfigInput, calendarConfigSchema, DEFAULT_CALENDAR_CONFIG } from './calendarConfig';
import type { Instant, TimeZone } from './types';
import { CENTRAL_TIME, zonedToInstant } from './zone';

/* The business-time tests' shared words (calendar, explain): test code only. */

/** A calendar from a configuration as it may be stored or typed (defaults filled in). */
export const calendar = (input: CalendarConfigInput = {}): BusinessCalendar => createCalendar(calendarConfigSchema.parse(input));

/** The default calendar: Mon–Fri 08:00–16:30 America/Chicago, US-IA public holidays. */
export const iowa = createCalendar(DEFAULT_CALENDAR_CONFIG);

/** A wall-clock time in a zone (Chicago unless named): at('2026-11-25 15:00'). */
export const at = (text: string, zone: TimeZone = CENTRAL_TIME): Instant => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(text);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedToInstant({ year, month, day, hour, minute }, zone);
};
