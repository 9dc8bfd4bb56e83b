import { asInstant, type Instant } from '../time/types';
import { type Cell, isDateCell, isTimeOnlyCell } from './cells';

/*
 * Dates and times as old logs hold them: Excel date cells, Excel serial numbers, "3/2/24",
 * "03/02/2024 9:15 AM", "2024-03-02", "2024-03-02T09:15:00-06:00", "March 2, 2024", "2-Mar-24",
 * and times in a column of their own ("9:15", "9:15a", "0915", Excel time cells). US order
 * (month first): the agency is in the US. Everything is a wall-clock reading in the agency's zone,
 * except ISO text with an explicit offset, which names an exact instant — unless it is midnight: a
 * midnight in a date column (an instant with any offset, Z or none, an Excel serial with no fraction,
 * "12:00:00 AM" text) is a date-only cell, the civil day it names, and the time comes from the time column.
 */

export interface WallDay {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

export type DateReading =
  | { ok: true; day: WallDay; time: WallTime | null /** Set when the text named its UTC offset. */; exact: Instant | null }
  | { ok: false; problem: string };

export interface DateOptions {
  /** The current year: two-digit years up to next year's are this century, later ones the last ("98" → 1998). */
  thisYear: number;
  /** Birth dates: a two-digit year is never in the future. */
  pastOnly?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Excel's serial day 0 is 1899-12-30 (the 1900 leap-year bug already folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serial numbers read as dates: 1 Jan 1960 to 31 Dec 2099. Other numbers in a date column are not dates. */
const SERIAL_MIN = 21916;
const SERIAL_MAX = 73415;

export function isRealDay(d: WallDay): boolean {
  if (!Number.isInteger(d.year) || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

function fullYear(text: string, o: DateOptions): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  const pivot = o.pastOnly ? o.thisYear % 100 : (o.thisYear % 100) + 1;
  return y <= pivot ? 2000 + y : 1900 + y;
}

/** Reads a time of day from text: "9:15", "09:15:30", "9:15 AM", "9:15a", "9am", "9 p.m.", "noon"; "0915" when `compact`. */
export function parseTimeText(text: string, compact = false): WallTime | null {
  const t = text.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  if (t === 'noon') return { hour: 12, minute: 0 };
  if (t === 'midnight') return { hour: 0, minute: 0 };
  let m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s?(am|pm|a|p)?$/.exec(t);
  if (!m && compact) {
    const c = /^(\d{1,2})(\d{2})\s?(am|pm|a|p)?$/.exec(t);
    if (c) m = [c[0], c[1], c[2], undefined, c[3]] as unknown as RegExpExecArray;
  }
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[4]?.[0];
  if (m[2] === undefined && !meridiem) return null; // "9" alone is not a time
  if (minute > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

function fromSerial(serial: number): { day: WallDay; time: WallTime | null } {
  // Round to the minute: Excel stores 9:15 as 0.3854166…, which floating point puts a hair either side.
  const minutes = Math.round(serial * 1440);
  const at = new Date(EXCEL_EPOCH + minutes * 60_000);
  const day = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
  const minuteOfDay = minutes - Math.floor(minutes / 1440) * 1440;
  return { day, time: minuteOfDay === 0 ? null : { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 } };
}

const notADate = (text: string): DateReading => ({
  ok: false,
  problem: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a date (use m/d/yyyy, for example 3/2/2024)`,
});

function checked(day: WallDay, time: WallTime | null, text: string, exact: Instant | null = null): DateReading {
  if (!isRealDay(day)) return { ok: false, problem: `"${text}" is not a real date` };
  return { ok: true, day, time, exact };
}

/** Reads a date (and any time with it) from a cell; null when the cell is blank. */
export function readDate(cell: Cell | undefined, o: DateOptions): DateReading | null {
  if (cell === undefined || cell === null) return null;
  if (isDateCell(cell)) {
    if (isTimeOnlyCell(cell))
      return { ok: false, problem: `the cell holds a time (${cell.hour}:${String(cell.minute).padStart(2, '0')}) but no date` };
    const time = cell.hour === 0 && cell.minute === 0 && cell.second === 0 ? null : { hour: cell.hour, minute: cell.minute };
    return checked({ year: cell.year, month: cell.month, day: cell.day }, time, `${cell.month}/${cell.day}/${cell.year}`);
  }
  if (typeof cell === 'boolean') return notADate(String(cell));
  if (typeof cell === 'number') {
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      const r = fromSerial(cell);
      return { ok: true, day: r.day, time: r.time, exact: null };
    }
    return notADate(String(cell));
  }
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return readDateText(text, o);
}

function readDateText(text: string, o: DateOptions): DateReading {
  const lower = text.toLowerCase();
  // ISO: 2024-03-02, 2024-03-02 09:15, 2024-03-02T09:15:00Z, 2024-03-02T09:15:00-06:00
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(z|[+-]\d{2}:?\d{2})?)?$/.exec(lower);
  if (m) {
    const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const time = m[4] === undefined ? null : { hour: Number(m[4]), minute: Number(m[5]) };
    if (time && (time.hour > 23 || time.minute > 59)) return notADate(text);
    // A midnight instant ("2025-07-01T00:00:00+00:00", as SharePoint and many exports write a date-only cell)
    // names the civil day it is written on, whatever its offset: the time, if any, is in its own column.
    if (time && time.hour === 0 && time.minute === 0 && Number(m[6] ?? 0) === 0) return checked(day, null, text);
    let exact: Instant | null = null;
    if (time && m[7]) {
      const offset = m[7] === 'z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
      exact = asInstant(Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, Number(m[6] ?? 0)) - offset * 60_000);
    }
    return checked(day, time, text, exact);
  }
  // Compact ISO: 20240302
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(lower);
  if (m && Number(m[1]) >= 1900) return checked({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, null, text);
  // A serial number typed or exported as text: 45352 or 45352.385
  if (/^\d{5}(\.\d+)?$/.test(lower)) return readDate(Number(lower), o) ?? notADate(text);

  const { datePart, time: timeRead, bad } = splitTime(lower);
  // "7/1/2025 12:00:00 AM" is how spreadsheet programs write a date-only cell as text: the day, no time.
  const time = timeRead && timeRead.hour === 0 && timeRead.minute === 0 ? null : timeRead;
  if (bad) return { ok: false, problem: `"${text}" has a time that cannot be read` };
  // US: 3/2/24, 03/02/2024, 3-2-2024, 3.2.2024
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(datePart);
  if (m) return checked({ year: fullYear(m[4] as string, o), month: Number(m[1]), day: Number(m[3]) }, time, text);
  if (/^\d{1,2}\/\d{1,2}$/.test(datePart)) return { ok: false, problem: `"${text}" has no year` };
  // March 2, 2024 / Mar 2 2024 / Sat, Mar 2, 2024
  m = /^(?:[a-z]{3,9},? )?([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}|\d{2})$/.exec(datePart);
  if (m) {
    const month = monthOf(m[1] as string);
    if (month) return checked({ year: fullYear(m[3] as string, o), month, day: Number(m[2]) }, time, text);
  }
  // 2-Mar-24 / 02 Mar 2024
  m = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4}|\d{2})$/.exec(datePart);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month) return checked({ year: fullYear(m[3] as string, o), month, day: Number(m[1]) }, time, text);
  }
  return notADate(text);
}

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3));
  if (i < 0) return null;
  // "mar" and "march" both fine; "marching" is not a month.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][
    i
  ] as string;
  return full.startsWith(word) || word === 'sept' ? i + 1 : null;
}

/** Splits "3/2/2024 9:15 am" into its date and its time ("3/2/2024", 9:15). */
function splitTime(text: string): { datePart: string; time: WallTime | null; bad: boolean } {
  const m = /^(.*?)[ ,]+(?:at )?(\d{1,2}(?::\d{2}){0,2} ?(?:[ap]\.?m?\.?)?)$/.exec(text);
  if (!m || !/[:ap]/.test(m[2] as string) || /^\d{1,2}(st|nd|rd|th)?$/.test(m[2] as string))
    return { datePart: text, time: null, bad: false };
  const time = parseTimeText(m[2] as string);
  if (!time) return { datePart: m[1] as string, time: null, bad: true };
  return { datePart: (m[1] as string).replace(/,$/, ''), time, bad: false };
}

export type TimeReading = { ok: true; time: WallTime } | { ok: false; problem: string };

/** Reads a time of day from a cell of a time column; null when blank. */
export function readTime(cell: Cell | undefined): TimeReading | null {
  if (cell === undefined || cell === null) return null;
  if (isDateCell(cell)) return { ok: true, time: { hour: cell.hour, minute: cell.minute } };
  if (typeof cell === 'number') {
    // An Excel time is a fraction of a day; a date-time serial carries its time in the fraction too.
    if (cell >= 0 && (cell < 1 || (cell >= SERIAL_MIN && cell <= SERIAL_MAX))) {
      const minutes = Math.round((cell - Math.floor(cell)) * 1440) % 1440;
      return { ok: true, time: { hour: Math.floor(minutes / 60), minute: minutes % 60 } };
    }
    if (Number.isInteger(cell) && cell >= 0 && cell <= 2359 && cell % 100 < 60)
      return { ok: true, time: { hour: Math.floor(cell / 100), minute: cell % 100 } };
    return { ok: false, problem: `${cell} is not a time of day` };
  }
  if (typeof cell === 'boolean') return { ok: false, problem: `${String(cell)} is not a time of day` };
  const text = cell.trim();
  if (!text) return null;
  const time = parseTimeText(text, true);
  return time ? { ok: true, time } : { ok: false, problem: `"${text}" is not a time of day (use 9:15 AM or 14:05)` };
}
