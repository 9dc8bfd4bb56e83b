import { useMemo } from 'react';
import { type AgencyConfig, calendarConfigOf } from '../../shared/config/agencyConfig';
import { type BusinessCalendar, createCalendar } from '../../shared/time/calendar';

/** The agency's business calendar, rebuilt only when its settings change. */
export function useBusinessCalendar(config: AgencyConfig): BusinessCalendar {
  const key = JSON.stringify(calendarConfigOf(config));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the calendar depends on the settings' content, named by `key`.
  return useMemo(() => createCalendar(calendarConfigOf(config)), [key]);
}
