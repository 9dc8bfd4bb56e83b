import type { PolicyDuration } from '../config/agencyConfig';
import type { TimeRules } from '../inquiry/commands/context';
import { addBusinessDays, addBusinessMinutes, type BusinessCalendar, endOfBusinessDay } from './calendar';
import { asInstant, type Instant } from './types';

const HOUR_MS = 3_600_000;

/** The commands' view of time over one business calendar. */
export function timeRulesOf(cal: BusinessCalendar): TimeRules {
  return {
    add(t: Instant, d: PolicyDuration): Instant {
      switch (d.unit) {
        case 'businessHours':
          return addBusinessMinutes(cal, t, Math.round(d.amount * 60));
        case 'businessDays':
          return addBusinessDays(cal, t, d.amount);
        case 'clockHours':
          return asInstant(t + Math.round(d.amount * HOUR_MS));
      }
    },
    endOfBusinessDay: (t) => endOfBusinessDay(cal, t),
  };
}
