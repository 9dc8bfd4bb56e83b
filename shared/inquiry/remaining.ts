import { type BusinessCalendar, businessMinutesBetween } from '../time/calendar';
import type { Instant } from '../time/types';

/** "2 h 15 m business time left", "overdue by 45 m business time": office time between now and a deadline, to the minute. */
export function businessTimeLeft(cal: BusinessCalendar, now: Instant, deadline: Instant): string {
  const early = now < deadline;
  const minutes = Math.floor(early ? businessMinutesBetween(cal, now, deadline) : businessMinutesBetween(cal, deadline, now));
  const text = formatMinutes(minutes);
  return early ? `${text} business time left` : `overdue by ${text} business time`;
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} m`;
  return m === 0 ? `${h} h` : `${h} h ${m} m`;
}
