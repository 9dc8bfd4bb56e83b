import type { Instant, IsoDay, TimeZone } from '../time/types';
import { isIsoDay, isoDayFromUtcDate, zonedParts, zonedToInstant } from '../time/zone';

/** Periods a lead reports on, and the days they cover in the agency's zone (both ends included). */
export const PERIOD_PRESETS = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'year_to_date',
  'last_year',
  'last_30_days',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  last_quarter: 'Last quarter',
  year_to_date: 'Year to date',
  last_year: 'Last year',
  last_30_days: 'Last 30 days',
  custom: 'Custom dates',
};

export interface DayRange {
  from: IsoDay;
  /** Included. */
  to: IsoDay;
}

/** The day `d` of month `m` of year `y`, counted on past the month's ends (month 0 is last December, day 0 the month's eve). */
const iso = (y: number, m: number, d: number): IsoDay => isoDayFromUtcDate(new Date(Date.UTC(y, m - 1, d)));

/** The days of a preset period as of `now` (custom: this month, for the form to start from). */
export function periodDays(preset: PeriodPreset, now: Instant, zone: TimeZone): DayRange {
  const p = zonedParts(now, zone);
  const today = iso(p.year, p.month, p.day);
  const quarterStart = Math.floor((p.month - 1) / 3) * 3 + 1;
  switch (preset) {
    case 'this_month':
    case 'custom':
      return { from: iso(p.year, p.month, 1), to: today };
    case 'last_month':
      return { from: iso(p.year, p.month - 1, 1), to: iso(p.year, p.month, 0) };
    case 'this_quarter':
      return { from: iso(p.year, quarterStart, 1), to: today };
    case 'last_quarter':
      return { from: iso(p.year, quarterStart - 3, 1), to: iso(p.year, quarterStart, 0) };
    case 'year_to_date':
      return { from: iso(p.year, 1, 1), to: today };
    case 'last_year':
      return { from: iso(p.year - 1, 1, 1), to: iso(p.year - 1, 12, 31) };
    case 'last_30_days':
      return { from: iso(p.year, p.month, p.day - 29), to: today };
  }
}

/** The instants a day range covers: from local midnight of the first day to local midnight after the last. */
export function rangeInstants(range: DayRange, zone: TimeZone): { from: Instant; to: Instant } {
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
  const after = new Date(Date.UTC(ty, tm - 1, td + 1));
  return {
    from: zonedToInstant({ year: fy, month: fm, day: fd }, zone),
    to: zonedToInstant({ year: after.getUTCFullYear(), month: after.getUTCMonth() + 1, day: after.getUTCDate() }, zone),
  };
}

/** Reads a typed range: both real days, in order, as a DayRange; else what is wrong with it. */
export function readRange(typed: { from: string; to: string }): { range: DayRange; problem: null } | { range: null; problem: string } {
  const { from, to } = typed;
  if (!isIsoDay(from)) return { range: null, problem: 'Enter the first day of the period as mm/dd/yyyy.' };
  if (!isIsoDay(to)) return { range: null, problem: 'Enter the last day of the period as mm/dd/yyyy.' };
  if (to < from) return { range: null, problem: 'The period ends before it starts: swap the dates.' };
  return { range: { from, to }, problem: null };
}
