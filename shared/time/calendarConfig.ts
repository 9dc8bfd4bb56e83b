import { z } from 'zod';
import { HOLIDAY_TYPES, type HolidayType, isKnownHolidayRegion } from './holidays';
import { STATE_PRESET_IDS } from './statePresets';
import { CENTRAL_TIME, isoDaySchema, isValidTimeZone } from './zone';

/*
 * A business calendar's configuration (SPEC.md "Timing: business time"): office hours per weekday, the zone,
 * which holidays close the office, one-off closures. Parsed here, so what is stored or typed comes out branded
 * and complete; shared/time/calendar.ts builds the calendar from it.
 */

const clockTimeSchema = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time as HH:MM on a 24-hour clock');

/** Office hours on one weekday, wall-clock in the agency zone. `close` may be "24:00"; hours may not run past midnight. */
export const officeHoursSchema = z
  .object({ open: clockTimeSchema, close: clockTimeSchema })
  .refine((h) => h.open < h.close, 'opening must be before closing, on the same day');
export type OfficeHours = z.infer<typeof officeHoursSchema>;

const dayHoursSchema = officeHoursSchema.nullable();
// Plain strings in, branded strings out (days: isoDaySchema), so stored or typed configs need no casts.
const timeZoneSchema = z.string().refine(isValidTimeZone, 'not a known IANA time zone').brand<'TimeZone'>();

const STANDARD_DAY: OfficeHours = { open: '08:00', close: '16:30' };
const defaultWeek = (): WeekHours => [null, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, null];

/** Office hours per weekday, index 0 = Sunday … 6 = Saturday; null = no office hours that weekday. */
export const weekHoursSchema = z
  .tuple([dayHoursSchema, dayHoursSchema, dayHoursSchema, dayHoursSchema, dayHoursSchema, dayHoursSchema, dayHoursSchema])
  .refine((week) => week.some((h) => h !== null), 'at least one weekday needs office hours');
export type WeekHours = z.infer<typeof weekHoursSchema>;

export const calendarConfigSchema = z.object({
  /** The agency's IANA zone; office hours are wall-clock hours there. */
  timeZone: timeZoneSchema.default(CENTRAL_TIME),
  officeHours: weekHoursSchema.default(defaultWeek),
  /** date-holidays region: country, optionally "-STATE" (and "-REGION"), e.g. "US-IA". */
  holidayRegion: z.string().refine(isKnownHolidayRegion, 'the holiday library has no such region').default('US-IA'),
  /** Library holiday types that close the office. Observed (substitute) days count with their own type. */
  holidayTypes: z.array(z.enum(HOLIDAY_TYPES)).default((): HolidayType[] => ['public']),
  /** Library holidays (English name, e.g. "Day after Thanksgiving Day") that close the office whatever their type, with their observed days. */
  holidayNamesIncluded: z.array(z.string().min(1).max(120)).default(() => []),
  /** Library holidays (English name, e.g. "Lincoln's Birthday") that never close the office, nor their observed days. */
  holidayNamesExcluded: z.array(z.string().min(1).max(120)).default(() => []),
  /** One-off days the agency closes (weather, staff training, a declared day off). */
  closures: z.array(z.object({ day: isoDaySchema, name: z.string().trim().min(1).max(120) })).default(() => []),
  /** Days the library calls a holiday on which the agency is open after all. */
  holidaysRemoved: z.array(isoDaySchema).default(() => []),
  /**
   * The state whose statute says which days its offices close (shared/time/statePresets.ts, docs/holidays.md):
   * its holidays close the office with its weekend rule, and `holidayTypes` is not used. null: the library's
   * holidays of the types in `holidayTypes` (a calendar stored before presets existed has none).
   */
  statePreset: z.enum(STATE_PRESET_IDS).nullable().default(null),
});
/** A parsed calendar configuration (every field present). */
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;
/** What may be stored or typed: any field may be left out and takes its default. */
export type CalendarConfigInput = z.input<typeof calendarConfigSchema>;

/**
 * Mon–Fri 08:00–16:30 America/Chicago, closed on the library's *public* holidays for US-IA (with their
 * observed days): the calendar of a desk set up before state presets, and of a stored calendar that names
 * none. Note what the library calls public for US-IA: it includes Lincoln's Birthday, Washington's Birthday,
 * Indigenous Peoples' Day and Juneteenth and types the Friday after Thanksgiving as an observance, which is
 * not Iowa Code 1C.2: a new desk picks its state at set-up (PRESET_CALENDAR_CONFIG), and a desk on this
 * calendar is offered the change once (renderer/app/CalendarNotice.tsx).
 */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  timeZone: CENTRAL_TIME,
  officeHours: defaultWeek(),
  holidayRegion: 'US-IA',
  holidayTypes: ['public'],
  holidayNamesIncluded: [],
  holidayNamesExcluded: [],
  closures: [],
  holidaysRemoved: [],
  statePreset: null,
};

/** Spread over a config to close on exactly the state-employee paid holidays of Iowa Code 1C.2 (see statePresets.ts). */
export const IOWA_STATE_OFFICE_HOLIDAYS = { statePreset: 'IA', holidayRegion: 'US-IA' } satisfies Partial<CalendarConfig>;
