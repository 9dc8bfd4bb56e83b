import type { IsoDay } from './types';
import { isIsoDay, pad2 } from './zone';

/**
 * Dates and times as people type them at a US agency desk: "11/23/2026", "11/23/26" (20xx), "2026-11-23";
 * "14:05", "2:05 pm", "2pm". Returns null for anything else, including impossible dates (02/30/2026).
 * `pastOnlyBefore` (a year) reads two-digit years of birth dates into the past.
 */
export function parseTypedDay(text: string, options: { pastOnlyBefore?: number } = {}): IsoDay | null {
  const t = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  let iso = t;
  if (us) {
    let year = Number(us[3]);
    if ((us[3] as string).length === 2) {
      // A two-digit year is this century, unless the day must be in the past (a birth date)
      // and that would put it after the reference year: then it is last century ("84" → 1984).
      year += 2000;
      if (options.pastOnlyBefore !== undefined && year > options.pastOnlyBefore) year -= 100;
    }
    iso = `${year}-${pad2(Number(us[1]))}-${pad2(Number(us[2]))}`;
  }
  return isIsoDay(iso) ? iso : null;
}

/** Minutes after midnight, or null. */
export function parseTypedTime(text: string): { hour: number; minute: number } | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?::(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3]?.[0];
  if (m[2] === undefined && !meridiem) return null; // "14" alone is ambiguous
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

/** The form a day is shown in for typing: mm/dd/yyyy. */
export function formatTypedDay(day: IsoDay | ''): string {
  return day ? `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}` : '';
}
