import type { PolicyDuration } from '../config/agencyConfig';
import type { TimeRules } from '../inquiry/commands/context';
import { type BusinessCalendar, endOfBusinessDay, endOfNthBusinessDay, type Pause } from './calendar';
import { addPolicyDuration } from './policyTime';
import type { Instant } from './types';

/** The commands' view of time over one business calendar (shared/time/calendar.ts does the arithmetic). */
export function timeRulesOf(cal: BusinessCalendar): TimeRules {
  return {
    add: (t: Instant, d: PolicyDuration, pauses?: readonly Pause[]) => addPolicyDuration(cal, t, d, pauses) as Instant,
    endOfBusinessDay: (t: Instant, pauses?: readonly Pause[]) => endOfBusinessDay(cal, t, pauses) as Instant,
    endOfNthBusinessDay: (t: Instant, days: number, pauses?: readonly Pause[]) => endOfNthBusinessDay(cal, t, days, pauses) as Instant,
  };
}
