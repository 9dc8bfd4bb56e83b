import type { PolicyDuration } from '../config/agencyConfig';
import type { TimeRules } from '../inquiry/commands/context';
import { type BusinessCalendar, endOfBusinessDay, endOfNthBusinessDay, type Pause } from './calendar';
import { addPolicyDuration } from './policyTime';
import type { Instant } from './types';

/** A due time the count reached: a command passes closed pauses only, so an open one holding the count is a bug. */
function reached(due: Instant | null): Instant {
  if (due === null) throw new Error('a due time was asked for while a pause holds the timer');
  return due;
}

/** The commands' view of time over one business calendar (shared/time/calendar.ts does the arithmetic). */
export function timeRulesOf(cal: BusinessCalendar): TimeRules {
  return {
    add: (t: Instant, d: PolicyDuration, pauses?: readonly Pause[]) => reached(addPolicyDuration(cal, t, d, pauses)),
    endOfBusinessDay: (t: Instant, pauses?: readonly Pause[]) => reached(endOfBusinessDay(cal, t, pauses)),
    endOfNthBusinessDay: (t: Instant, days: number, pauses?: readonly Pause[]) => reached(endOfNthBusinessDay(cal, t, days, pauses)),
  };
}
