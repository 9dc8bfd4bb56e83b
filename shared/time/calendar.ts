import { type CalendarConfig, DEFAULT_CALENDAR_CONFIG, type WeekHours } from './calendarConfig';
import { holidaySource, type LibraryHoliday } from './holidays';
import { presetHolidaySource, presetNames } from './statePresets';
import {
  addMs,
  asBusinessMinutes,
  asInstant,
  type BusinessMinutes,
  type Instant,
  type IsoDay,
  isInstant,
  later,
  type TimeZone,
} from './types';
import { isoDayFromParts, parseIsoDay, zonedToInstant, zoneOffsetMinutes } from './zone';

/*
 * Business time (SPEC.md "Timing: business time").
 *
 * One module of this size on purpose: every function below works on the same cached table of office
 * windows and the one rule of "add" stated here; split, the cache's internals would have to be exported.
 *
 * Office time is the union of half-open windows [open, close) — one per business day, opening and
 * closing at wall-clock times in the agency's zone, each turned into an instant as zonedToInstant does,
 * so a window keeps its local hours across DST and its length is the real time between them
 * (01:00–04:00 on the March change day is 2 h of office time; on the November change day 4 h).
 * Each day is built once per calendar (holidays a year at a time from the library, Intl only there) and
 * cached, so adding business time costs a few array lookups: see scripts/bench-calendar.mjs.
 *
 * The one rule behind every "add": addBusinessMinutes(t, d) is the earliest instant u ≥ t that is in
 * office time or exactly at a closing instant, with d minutes of office time in [t, u].
 *  - A deadline landing exactly at closing is the closing instant (16:30), not the next opening.
 *  - Time before an opening, after a closing, on weekends, holidays and closures does not count,
 *    so work logged after hours starts counting at the next opening.
 *  - Adding 0 gives the moment the business clock starts: t itself when t is in office hours or exactly
 *    at a closing instant, otherwise the next opening. This keeps the laws true for every d ≥ 0:
 *    monotonic, add(add(t, a), b) = add(t, a + b), never in closed time except at a closing instant,
 *    and businessMinutesBetween(t, add(t, d)) = d.
 *  - Pauses (the agency waiting on someone) count as closed: the office time they cover is not counted, and a
 *    pause starting during office hours ends the stretch like a closing (a deadline can land exactly on it).
 *    A still-open pause reached with time left to count makes the deadline unknown: null (see Pause).
 *  - Clock-time targets (addClockMinutes) use the same rule with every instant open, pauses aside.
 *  - Holidays come from the library per the config; one starting mid-day (e.g. from 12:00) closes the office
 *    from then; a holiday the library spreads over several days closes each of them.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** An "add" that finds no office time for this many consecutive days stops with an error instead of looping. */
const MAX_DAYS_WITHOUT_OFFICE_TIME = 3_700;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

// ---------------------------------------------------------------------------------------------
// The calendar object

export interface ClosedReason {
  /** 'weekend': a weekday with no office hours in the config; 'holiday': from the library; 'closure': added by the agency. */
  kind: 'weekend' | 'holiday' | 'closure';
  /** "Saturday", "Thanksgiving Day", "Independence Day (substitute day)", or the closure's name. */
  name: string;
}

interface DayInfo {
  /** Days since 1970-01-01 of this civil day. */
  readonly n: number;
  readonly day: IsoDay;
  /** Local midnight, and the next local midnight (not always 24 h later). */
  readonly start: Instant;
  readonly end: Instant;
  /** Why the office is closed all day, or null on a business day. */
  readonly closed: ClosedReason | null;
  /** A holiday starting during office hours (Christmas Eve from 12:00 in some regions): `close` is its start. */
  readonly early: ClosedReason | null;
  /** Office window [open, close) on a business day; both equal `start` on a closed day. */
  readonly open: Instant;
  readonly close: Instant;
}

interface CountedHoliday {
  name: string;
  /** Local minutes after midnight at which it begins; 0 = all day. */
  fromMinutes: number;
}

interface YearTotals {
  readonly firstN: number;
  readonly running: Float64Array;
}

interface CalendarState {
  readonly zone: TimeZone;
  /** Per weekday: [open, close] as local minutes after midnight, or null. */
  readonly week: ReadonlyArray<readonly [number, number] | null>;
  readonly holidaysOfYear: (year: number) => LibraryHoliday[];
  readonly countedTypes: ReadonlySet<string>;
  readonly namesIncluded: ReadonlySet<string>;
  readonly namesExcluded: ReadonlySet<string>;
  readonly closures: ReadonlyMap<string, string>;
  readonly removed: ReadonlySet<string>;
  /** Counted holidays by day, filled a year at a time. */
  readonly holidays: Map<string, CountedHoliday>;
  readonly yearsLoaded: Set<number>;
  /** Built days in blocks by day number: each day is built once (holiday lookup and zone arithmetic), then only looked up. */
  readonly days: Map<number, Array<DayInfo | undefined>>;
  /** The block used last (consecutive lookups nearly always hit it). */
  lastBlockKey: number;
  lastBlock: Array<DayInfo | undefined> | undefined;
  /** Running totals of office time per calendar year, for long spans (reports' ageing). */
  readonly yearTotals: Map<number, YearTotals>;
  /** The zone's offset near the last lookup, so the first guess of an instant's day is almost always right. */
  offsetGuessMs: number;
}

const STATE: unique symbol = Symbol('BusinessCalendar.state');
/** Blocks of built days kept per calendar before the cache starts over (about 280 years of days). */
const MAX_CACHED_BLOCKS = 200;

/**
 * A business calendar built from a configuration. Holds caches (holidays per year, office windows per
 * day) so repeated questions cost a map lookup; treat it as immutable and build a new one when the
 * configuration changes (deadlines already recorded keep the calendar they were computed with).
 */
export interface BusinessCalendar {
  readonly config: CalendarConfig;
  readonly timeZone: TimeZone;
  /** Office minutes in one business day, the unit of addBusinessDays (see businessDayLength). */
  readonly businessDayMinutes: number;
  readonly [STATE]: CalendarState;
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Length of "a business day" from weekly hours: the most common length among days with office hours,
 * ties going to the longer (Mon–Fri 08:00–16:30 → 510; Mon–Thu 07:00–17:30 + Fri 07:00–12:00 → 630).
 * Wall-clock minutes: a day of DST change still counts as one standard day.
 */
export function businessDayLength(week: WeekHours): number {
  const counts = new Map<number, number>();
  for (const h of week) {
    if (!h) continue;
    const length = toMinutes(h.close) - toMinutes(h.open);
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [length, count] of counts) {
    if (count > bestCount || (count === bestCount && length > best)) {
      best = length;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Where a calendar's holidays come from and which of them close the office: with a state preset, its days
 * (by name) and the holidays named as included; without, the library's holidays of the counted types and those named.
 */
export function holidayRulesOf(
  config: CalendarConfig,
): Pick<CalendarState, 'holidaysOfYear' | 'countedTypes' | 'namesIncluded'> & { counts: (h: LibraryHoliday) => boolean } {
  const preset = config.statePreset ?? null;
  const holidaysOfYear = preset ? presetHolidaySource(preset, config.holidayRegion) : holidaySource(config.holidayRegion);
  const countedTypes = new Set<string>(preset ? [] : config.holidayTypes);
  const namesIncluded = new Set([...(preset ? presetNames(preset) : []), ...config.holidayNamesIncluded]);
  const excluded = new Set(config.holidayNamesExcluded);
  const counts = (h: LibraryHoliday) => !excluded.has(h.baseName) && (countedTypes.has(h.type) || namesIncluded.has(h.baseName));
  return { holidaysOfYear, countedTypes, namesIncluded, counts };
}

/** Builds a calendar. Takes a parsed config (calendarConfigSchema); throws RangeError for a region the library lacks. */
export function createCalendar(config: CalendarConfig = DEFAULT_CALENDAR_CONFIG): BusinessCalendar {
  const state: CalendarState = {
    zone: config.timeZone,
    week: config.officeHours.map((h) => (h ? ([toMinutes(h.open), toMinutes(h.close)] as const) : null)),
    ...holidayRulesOf(config),
    namesExcluded: new Set(config.holidayNamesExcluded),
    closures: new Map(config.closures.map((c) => [c.day, c.name])),
    removed: new Set(config.holidaysRemoved),
    holidays: new Map(),
    yearsLoaded: new Set(),
    days: new Map(),
    lastBlockKey: Number.NaN,
    lastBlock: undefined,
    yearTotals: new Map(),
    offsetGuessMs: 0,
  };
  return { config, timeZone: config.timeZone, businessDayMinutes: businessDayLength(config.officeHours), [STATE]: state };
}

// ---------------------------------------------------------------------------------------------
// Days: built once, then looked up

function loadHolidayYear(st: CalendarState, year: number): void {
  if (st.yearsLoaded.has(year)) return;
  st.yearsLoaded.add(year);
  for (const h of st.holidaysOfYear(year)) {
    if (st.namesExcluded.has(h.baseName)) continue;
    if (!st.countedTypes.has(h.type) && !st.namesIncluded.has(h.baseName)) continue;
    const existing = st.holidays.get(h.day);
    if (existing === undefined) st.holidays.set(h.day, { name: h.name, fromMinutes: h.fromMinutes });
    else {
      if (!existing.name.split(', ').includes(h.name)) existing.name = `${existing.name}, ${h.name}`;
      existing.fromMinutes = Math.min(existing.fromMinutes, h.fromMinutes);
    }
  }
}

function holidayOn(st: CalendarState, day: IsoDay, year: number): CountedHoliday | undefined {
  // An observed day can sit in the neighbouring year (1 Jan 2028 is a Saturday: observed 31 Dec 2027).
  loadHolidayYear(st, year - 1);
  loadHolidayYear(st, year);
  loadHolidayYear(st, year + 1);
  return st.removed.has(day) ? undefined : st.holidays.get(day);
}

function civil(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function buildDay(st: CalendarState, n: number): DayInfo {
  const c = civil(n);
  const next = civil(n + 1);
  const day = isoDayFromParts(c.year, c.month, c.day);
  const start = zonedToInstant({ year: c.year, month: c.month, day: c.day }, st.zone);
  const end = zonedToInstant({ year: next.year, month: next.month, day: next.day }, st.zone);
  const hours = st.week[c.weekday] ?? null;
  const closure = st.closures.get(day);
  const holiday = closure === undefined ? holidayOn(st, day, c.year) : undefined;
  const holidayReason = holiday && { kind: 'holiday' as const, name: holiday.name };
  const allDayHoliday = holiday !== undefined && hours !== null && holiday.fromMinutes <= hours[0];
  const closed: ClosedReason | null =
    closure !== undefined
      ? { kind: 'closure', name: closure }
      : holidayReason && (hours === null ? holiday?.fromMinutes === 0 : allDayHoliday)
        ? holidayReason
        : hours === null
          ? { kind: 'weekend', name: WEEKDAY_NAMES[c.weekday] as string }
          : null;
  if (closed || !hours) return { n, day, start, end, closed, early: null, open: start, close: start };
  // Same offset at both midnights (every day but a change day): local times are plain arithmetic from midnight.
  const uniform = n * DAY_MS - start === (n + 1) * DAY_MS - end;
  const at = (minutes: number) =>
    uniform
      ? addMs(start, minutes * MINUTE_MS)
      : zonedToInstant({ year: c.year, month: c.month, day: c.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, st.zone);
  const open = at(hours[0]);
  const early = holidayReason !== undefined && holiday !== undefined && holiday.fromMinutes < hours[1] ? holidayReason : null;
  // A window whose opening falls in a spring-forward gap can resolve past its closing: it is then empty.
  const close = later(open, at(early && holiday ? holiday.fromMinutes : hours[1]));
  return { n, day, start, end, closed, early, open, close };
}

/** Days are cached in blocks of 2^DAY_BLOCK_BITS consecutive days: an array index instead of a hash lookup per day. */
const DAY_BLOCK_BITS = 9;
const DAY_BLOCK_MASK = (1 << DAY_BLOCK_BITS) - 1;

function dayNumber(st: CalendarState, n: number): DayInfo {
  const key = Math.floor(n / (DAY_BLOCK_MASK + 1));
  let block = st.lastBlockKey === key ? st.lastBlock : st.days.get(key);
  if (block === undefined) {
    if (st.days.size >= MAX_CACHED_BLOCKS) st.days.clear();
    block = new Array<DayInfo | undefined>(DAY_BLOCK_MASK + 1);
    st.days.set(key, block);
  }
  st.lastBlockKey = key;
  st.lastBlock = block;
  const i = n & DAY_BLOCK_MASK;
  let info = block[i];
  if (info === undefined) {
    info = buildDay(st, n);
    block[i] = info;
  }
  return info;
}

function checkInstant(t: number): void {
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15 - 2 * DAY_MS) throw new RangeError(`Not a usable instant: ${t}`);
}

/** The local day containing instant t. */
function dayAt(st: CalendarState, t: number): DayInfo {
  checkInstant(t);
  let n = Math.floor((t + st.offsetGuessMs) / DAY_MS);
  let info = dayNumber(st, n);
  while (t < info.start) info = dayNumber(st, --n);
  while (t >= info.end) info = dayNumber(st, ++n);
  st.offsetGuessMs = n * DAY_MS - info.start;
  return info;
}

function dayOf(st: CalendarState, day: IsoDay): DayInfo {
  const p = parseIsoDay(day);
  if (!p) throw new RangeError(`Not a day (yyyy-MM-dd): ${day}`);
  return dayNumber(st, Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);
}

const isBusinessDay = (info: DayInfo): boolean => info.closed === null && info.close > info.open;

// ---------------------------------------------------------------------------------------------
// Questions about a day or a moment

/** Why the office is closed all day on `day`, or null on a business day. Priority: closure, holiday, weekend. */
export function closedReason(cal: BusinessCalendar, day: IsoDay): ClosedReason | null {
  return dayOf(cal[STATE], day).closed;
}

/** The office window of `day` as instants [open, close), or null when closed all day. `close` is early on a day a holiday starts mid-day. */
export function officeHoursOn(cal: BusinessCalendar, day: IsoDay): { open: Instant; close: Instant } | null {
  const info = dayOf(cal[STATE], day);
  return isBusinessDay(info) ? { open: info.open, close: info.close } : null;
}

/** The calendar day (in the agency zone) containing t. Cached: no Intl formatting after the first lookup of a day. */
export function businessDayOf(cal: BusinessCalendar, t: Instant): IsoDay {
  return dayAt(cal[STATE], t).day;
}

/** True when t is inside office hours: opening instant included, closing instant excluded. */
export function isOpenAt(cal: BusinessCalendar, t: Instant): boolean {
  const info = dayAt(cal[STATE], t);
  return info.closed === null && t >= info.open && t < info.close;
}

// ---------------------------------------------------------------------------------------------
// Pauses

/**
 * A stretch of time in which a timer does not run (the agency is waiting on someone). Paused time counts
 * as closed: office time inside a pause is not counted. `end: null` means still paused, and then a
 * deadline the count has not reached by the pause's start is unknown (the functions return null).
 * A pause whose end is not after its start (e.g. desks' clocks disagreeing) is empty and ignored.
 */
export interface Pause {
  start: Instant;
  end: Instant | null;
  reason: string;
}

/** A merged, sorted pause: [start, end), end = Infinity while still paused. */
interface Span {
  start: Instant;
  end: number;
}

const NO_SPANS: readonly Span[] = [];

/** The pauses that matter after `from`, sorted and merged (overlapping or touching pauses become one). */
function pauseSpans(pauses: readonly Pause[] | undefined, from: number): readonly Span[] {
  if (pauses === undefined || pauses.length === 0) return NO_SPANS;
  const spans: Span[] = [];
  for (const p of pauses) {
    checkInstant(p.start);
    if (p.end !== null) checkInstant(p.end);
    const end = p.end ?? Number.POSITIVE_INFINITY;
    if (end > p.start && end > from) spans.push({ start: p.start, end });
  }
  spans.sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The given pauses that overlap [from, to) (to = Infinity when the count is stopped), non-empty ones only, by start. */
function pausesOverlapping(pauses: readonly Pause[] | undefined, from: number, to: number): Pause[] {
  if (!pauses) return [];
  return pauses
    .filter((p) => {
      const end = p.end ?? Number.POSITIVE_INFINITY;
      return end > p.start && p.start < to && end > from;
    })
    .sort((x, y) => x.start - y.start);
}

// ---------------------------------------------------------------------------------------------
// Adding business time: one stepping routine, with or without a record of its steps

export interface DeadlineSegment {
  day: IsoDay;
  from: Instant;
  to: Instant;
  /** Minutes counted in this segment: (to − from) / 60 000. */
  minutes: number;
  /** True when the segment is the day's whole office window. */
  wholeDay: boolean;
}

export interface SkippedDay {
  day: IsoDay;
  /** Local midnight starting the day. */
  at: Instant;
  reason: ClosedReason;
}

export interface EarlyClose {
  day: IsoDay;
  /** The instant the office closed, earlier than its usual hours. */
  at: Instant;
  reason: ClosedReason;
}

export interface DstChange {
  day: IsoDay;
  /** Local midnight starting the day. */
  at: Instant;
  /** Offset from UTC at the start and end of the day, in minutes (Chicago: −360 → −300 in March). */
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/** What stopped a count: an open-ended pause reached before the time was all counted. */
export interface WaitingOnPause {
  /** The still-open pause (the earliest, if several). */
  pause: Pause;
  /** When the time stopped running (the pause's start, or an earlier pause running straight into it). */
  since: Instant;
  /** Minutes counted before it, and still to count once it ends. */
  countedMinutes: number;
  remainingMinutes: number;
}

export interface DeadlineExplanation {
  /** 'business': office time only; 'clock': all elapsed time (pauses aside). */
  basis: 'business' | 'clock';
  /** The instant asked about. */
  from: Instant;
  /** Minutes added. */
  minutes: number;
  /** Same value the matching add function returns: null while an open-ended pause stops the count. */
  due: Instant | null;
  /** Where time was counted, in order; their minutes add up to `minutes` (when due is known), the last ends at `due`. */
  segments: DeadlineSegment[];
  /** Whole days passed over closed, from the day of `from` to the day of `due` (days inside a pause are not listed). */
  skipped: SkippedDay[];
  /** Days on which a holiday closed the office early and the count reached that day. */
  earlyCloses: EarlyClose[];
  /** Days between the day of `from` and the day of `due` on which the zone's clocks changed. */
  dstChanges: DstChange[];
  /** The pauses given that overlap [from, due), by start, as given (not clipped or merged). */
  pauses: Pause[];
  /** Set exactly when due is null. */
  waitingOn: WaitingOnPause | null;
}

interface Trace {
  segments: DeadlineSegment[];
  skipped: SkippedDay[];
  earlyCloses: EarlyClose[];
  dstChanges: DstChange[];
  stoppedAt: Span | null;
  remainingMs: number;
}

const newTrace = (): Trace => ({ segments: [], skipped: [], earlyCloses: [], dstChanges: [], stoppedAt: null, remainingMs: 0 });

const noOfficeTime = (day: IsoDay) =>
  new RangeError(`No office hours for ${MAX_DAYS_WITHOUT_OFFICE_TIME} days from ${day}: check the calendar configuration`);

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Time to add must be a finite number of minutes ≥ 0, not ${minutes}`);
  return Math.round(minutes * MINUTE_MS);
}

function dstChange(st: CalendarState, info: DayInfo): DstChange {
  return {
    day: info.day,
    at: info.start,
    offsetBeforeMinutes: zoneOffsetMinutes(info.start, st.zone),
    offsetAfterMinutes: zoneOffsetMinutes(info.end, st.zone),
  };
}

// The count walks plain numbers (a stopped count is NaN, an open pause's end Infinity); a segment's ends are real times.
const segment = (day: IsoDay, from: number, to: number, wholeDay: boolean): DeadlineSegment => ({
  day,
  from: asInstant(from),
  to: asInstant(to),
  minutes: (to - from) / MINUTE_MS,
  wholeDay,
});

/** An open-ended pause stops the count: NaN stands for "unknown" (callers turn it into null). */
function stopped(trace: Trace | null, span: Span, remaining: number): number {
  if (trace) {
    trace.stoppedAt = span;
    trace.remainingMs = remaining;
  }
  return Number.NaN;
}

/**
 * The stepping code behind every business-time "add" (see the rule at the top of this file). Office time is
 * each day's window minus the pauses; the count runs window by window. `trace` records the steps when given.
 * Returns NaN when an open-ended pause is reached with time still to count.
 */
function step(st: CalendarState, t: number, ms: number, spans: readonly Span[], trace: Trace | null): number {
  let info = dayAt(st, t);
  let pos = t;
  let remaining = ms;
  let p = 0;
  const n = spans.length;
  for (let idle = 0; ; ) {
    if (trace && info.end - info.start !== DAY_MS) trace.dstChanges.push(dstChange(st, info));
    let progressed = false;
    /** Set when a pause runs past this day: the count goes on from its end. */
    let resumeAt = -1;
    if (info.closed) {
      trace?.skipped.push({ day: info.day, at: info.start, reason: info.closed });
    } else if (pos <= info.close) {
      if (trace && info.early) trace.earlyCloses.push({ day: info.day, at: info.close, reason: info.early });
      let from = Math.max(pos, info.open);
      for (;;) {
        while (p < n && (spans[p] as Span).end <= from) p++;
        const pause = p < n ? (spans[p] as Span) : undefined;
        if (pause !== undefined && pause.start <= from && (pause.start < from || remaining > 0)) {
          // Inside a pause, or at its start with time still to count: the count resumes when it ends.
          if (pause.end === Number.POSITIVE_INFINITY) return stopped(trace, pause, remaining);
          from = pause.end;
          if (from > info.close) {
            if (from >= info.end) resumeAt = from;
            break;
          }
          continue;
        }
        // A pause starting in this window ends the stretch of office time, like a closing.
        const limit = pause !== undefined && pause.start < info.close ? pause.start : info.close;
        const available = limit - from;
        if (remaining <= available) {
          const due = from + remaining;
          if (trace && remaining > 0) trace.segments.push(segment(info.day, from, due, from === info.open && due === info.close));
          return due;
        }
        if (available > 0) {
          trace?.segments.push(segment(info.day, from, limit, from === info.open && limit === info.close));
          remaining -= available;
          progressed = true;
        }
        if (limit === info.close) break;
        from = limit;
      }
    }
    if (resumeAt >= 0) {
      pos = resumeAt;
      info = dayAt(st, pos);
      idle = 0;
      continue;
    }
    idle = progressed ? 0 : idle + 1;
    if (idle > MAX_DAYS_WITHOUT_OFFICE_TIME) throw noOfficeTime(info.day);
    info = dayNumber(st, info.n + 1);
  }
}

/** The same stepping for clock time: every instant counts except paused ones. */
function stepClock(st: CalendarState, t: number, ms: number, spans: readonly Span[], trace: Trace | null): number {
  checkInstant(t);
  let from = t;
  let remaining = ms;
  let p = 0;
  const n = spans.length;
  for (;;) {
    while (p < n && (spans[p] as Span).end <= from) p++;
    const pause = p < n ? (spans[p] as Span) : undefined;
    if (pause !== undefined && pause.start <= from && (pause.start < from || remaining > 0)) {
      if (pause.end === Number.POSITIVE_INFINITY) return stopped(trace, pause, remaining);
      from = pause.end;
      continue;
    }
    const limit = pause !== undefined ? pause.start : Number.POSITIVE_INFINITY;
    const available = limit - from;
    if (remaining <= available) {
      const due = from + remaining;
      checkInstant(due);
      if (trace && remaining > 0) trace.segments.push(segment(dayAt(st, from).day, from, due, false));
      return due;
    }
    if (available > 0) trace?.segments.push(segment(dayAt(st, from).day, from, limit, false));
    remaining -= available;
    from = limit;
  }
}

function explanation(
  st: CalendarState,
  basis: DeadlineExplanation['basis'],
  t: Instant,
  minutes: number,
  result: number,
  trace: Trace,
  pauses: readonly Pause[] | undefined,
): DeadlineExplanation {
  const due = orNull(result);
  let waitingOn: WaitingOnPause | null = null;
  if (due === null && trace.stoppedAt) {
    const open = pausesOverlapping(pauses, t, Number.POSITIVE_INFINITY).find((p) => p.end === null) as Pause;
    const remainingMinutes = trace.remainingMs / MINUTE_MS;
    waitingOn = { pause: open, since: trace.stoppedAt.start, countedMinutes: minutes - remainingMinutes, remainingMinutes };
  }
  const stopAt = due ?? waitingOn?.since ?? t;
  if (basis === 'clock') {
    // The clock count does not walk days; list the clock changes between start and due for the reader.
    for (let info = dayAt(st, t); info.start <= stopAt; info = dayNumber(st, info.n + 1)) {
      if (info.end - info.start !== DAY_MS) trace.dstChanges.push(dstChange(st, info));
      if (info.end > stopAt) break;
    }
  }
  return {
    basis,
    from: t,
    minutes,
    due,
    segments: trace.segments,
    skipped: trace.skipped,
    earlyCloses: trace.earlyCloses,
    dstChanges: trace.dstChanges,
    pauses: pausesOverlapping(pauses, t, due ?? Number.POSITIVE_INFINITY),
    waitingOn,
  };
}

/** `ms` counted from t (office time, or clock time), with the record of the count. */
function explained(
  cal: BusinessCalendar,
  basis: DeadlineExplanation['basis'],
  t: Instant,
  ms: number,
  pauses: readonly Pause[] | undefined,
  minutes = ms / MINUTE_MS,
): DeadlineExplanation {
  const st = cal[STATE];
  const trace = newTrace();
  const result = (basis === 'clock' ? stepClock : step)(st, t, ms, pauseSpans(pauses, t), trace);
  return explanation(st, basis, t, minutes, result, trace, pauses);
}

/** The count's result as an instant; NaN (stopped by an open pause) is null. */
const orNull = (result: number): Instant | null => (isInstant(result) ? result : null);

/**
 * The instant at which `minutes` of office time have elapsed since t. Outside office hours nothing counts;
 * a deadline landing exactly at closing is the closing instant; adding 0 gives t when t is in office hours or
 * at a closing instant, otherwise the next opening. Fractions of a minute are kept to the millisecond.
 * With pauses, paused time counts as closed, and the result is null while an open-ended pause holds the
 * count (the deadline is unknown until it ends; a deadline reached before the pause began is still returned).
 */
export function addBusinessMinutes(cal: BusinessCalendar, t: Instant, minutes: number): Instant;
export function addBusinessMinutes(
  cal: BusinessCalendar,
  t: Instant,
  minutes: number,
  pauses: readonly Pause[] | undefined,
): Instant | null;
export function addBusinessMinutes(cal: BusinessCalendar, t: Instant, minutes: number, pauses?: readonly Pause[]): Instant | null {
  return orNull(step(cal[STATE], t, toMs(minutes), pauseSpans(pauses, t), null));
}

/** addBusinessMinutes with a record of where the time was counted and what was skipped; `due` is the same instant. */
export function addBusinessMinutesExplained(
  cal: BusinessCalendar,
  t: Instant,
  minutes: number,
  pauses?: readonly Pause[],
): DeadlineExplanation {
  return explained(cal, 'business', t, toMs(minutes), pauses, minutes);
}

/** addBusinessMinutes(cal, t, hours × 60). */
export function addBusinessHours(cal: BusinessCalendar, t: Instant, hours: number): Instant;
export function addBusinessHours(cal: BusinessCalendar, t: Instant, hours: number, pauses: readonly Pause[] | undefined): Instant | null;
export function addBusinessHours(cal: BusinessCalendar, t: Instant, hours: number, pauses?: readonly Pause[]): Instant | null {
  return addBusinessMinutes(cal, t, hours * 60, pauses);
}

/** addBusinessMinutes(cal, t, days × cal.businessDayMinutes): Mon 10:00 + 1 day → Tue 10:00 on a standard week. */
export function addBusinessDays(cal: BusinessCalendar, t: Instant, days: number): Instant;
export function addBusinessDays(cal: BusinessCalendar, t: Instant, days: number, pauses: readonly Pause[] | undefined): Instant | null;
export function addBusinessDays(cal: BusinessCalendar, t: Instant, days: number, pauses?: readonly Pause[]): Instant | null {
  return addBusinessMinutes(cal, t, days * cal.businessDayMinutes, pauses);
}

/** Plain elapsed time: t + minutes, pushed back by any paused time; null while an open-ended pause holds the count. */
export function addClockMinutes(cal: BusinessCalendar, t: Instant, minutes: number): Instant;
export function addClockMinutes(cal: BusinessCalendar, t: Instant, minutes: number, pauses: readonly Pause[] | undefined): Instant | null;
export function addClockMinutes(cal: BusinessCalendar, t: Instant, minutes: number, pauses?: readonly Pause[]): Instant | null {
  return orNull(stepClock(cal[STATE], t, toMs(minutes), pauseSpans(pauses, t), null));
}

/** addClockMinutes with its record (segments split only by pauses; DST changes crossed are listed). */
export function addClockMinutesExplained(
  cal: BusinessCalendar,
  t: Instant,
  minutes: number,
  pauses?: readonly Pause[],
): DeadlineExplanation {
  return explained(cal, 'clock', t, toMs(minutes), pauses, minutes);
}

/** The close of the business day containing t, or of the next business day when t is outside office hours. */
function closeOfDay(st: CalendarState, t: number): DayInfo {
  let info = dayAt(st, t);
  for (let idle = 0; !(isBusinessDay(info) && t < info.close); idle++) {
    if (idle > MAX_DAYS_WITHOUT_OFFICE_TIME) throw noOfficeTime(info.day);
    info = dayNumber(st, info.n + 1);
  }
  return info;
}

/**
 * SPEC "end of day": the close of the business day containing t; when t is outside office hours, of the next
 * business day (before opening on a business day: that day's close; at or after closing: the next business
 * day's close). With pauses: the office time from t to that close is the budget, and paused time does not use
 * it up, so a pause pushes the deadline on by the office time it took (null while an open-ended pause holds it).
 */
export function endOfBusinessDay(cal: BusinessCalendar, t: Instant): Instant;
export function endOfBusinessDay(cal: BusinessCalendar, t: Instant, pauses: readonly Pause[] | undefined): Instant | null;
export function endOfBusinessDay(cal: BusinessCalendar, t: Instant, pauses?: readonly Pause[]): Instant | null {
  const st = cal[STATE];
  const close = closeOfDay(st, t).close;
  if (pauses === undefined || pauses.length === 0) return close;
  return orNull(step(st, t, officeMs(st, t, close), pauseSpans(pauses, t), null));
}

/** endOfBusinessDay with its record: the budget (office minutes from t to that close) counted as in addBusinessMinutesExplained. */
export function endOfBusinessDayExplained(cal: BusinessCalendar, t: Instant, pauses?: readonly Pause[]): DeadlineExplanation {
  return endOfNthBusinessDayExplained(cal, t, 0, pauses);
}

/**
 * The close of the `days`-th business day after the day of `t` (0: that day's own close, as endOfBusinessDay). With
 * pauses: the office time from t to that close is the budget and paused time does not use it up, so a pause pushes
 * the due time on by the office time it took (null while an open-ended pause holds it), as endOfBusinessDay does.
 */
export function endOfNthBusinessDay(cal: BusinessCalendar, t: Instant, days: number): Instant;
export function endOfNthBusinessDay(cal: BusinessCalendar, t: Instant, days: number, pauses: readonly Pause[] | undefined): Instant | null;
export function endOfNthBusinessDay(cal: BusinessCalendar, t: Instant, days: number, pauses?: readonly Pause[]): Instant | null {
  const st = cal[STATE];
  const close = nthClose(st, t, days);
  if (pauses === undefined || pauses.length === 0) return asInstant(close);
  return orNull(step(st, t, officeMs(st, t, close), pauseSpans(pauses, t), null));
}

/** The close of the day of `t` (of the next business day outside office hours), then of each of `days` business days after. */
function nthClose(st: CalendarState, t: number, days: number): number {
  let close = closeOfDay(st, t).close;
  for (let i = 0; i < days; i++) close = closeOfDay(st, close + 1).close;
  return close;
}

/**
 * endOfNthBusinessDay with its record: the unit lead's callback (shared/inquiry/commands/targets.ts) is due at the close of the Nth business day.
 */
export function endOfNthBusinessDayExplained(
  cal: BusinessCalendar,
  t: Instant,
  days: number,
  pauses?: readonly Pause[],
): DeadlineExplanation {
  const st = cal[STATE];
  return explained(cal, 'business', t, officeMs(st, t, nthClose(st, t, days)), pauses);
}

// ---------------------------------------------------------------------------------------------
// Elapsed business time (reports): a separate walk, so tests can check it against the stepping code

/** Spans of more days than this sum whole days from per-year running totals instead of walking them. */
const LONG_SPAN_DAYS = 21;

/** Office milliseconds in [a, b]. */
function officeMs(st: CalendarState, a: number, b: number): number {
  checkInstant(b);
  if (!(b > a)) return 0;
  let info = dayAt(st, a);
  if (b - a > LONG_SPAN_DAYS * DAY_MS) {
    // a's day, then whole days from running totals, then b's day.
    const last = dayAt(st, b);
    return officeInDay(info, a, b) + wholeDaysMs(st, info.n + 1, last.n) + officeInDay(last, a, b);
  }
  let total = 0;
  for (;;) {
    total += officeInDay(info, a, b);
    if (b <= info.end) break;
    info = dayNumber(st, info.n + 1);
  }
  return total;
}

/** Office milliseconds of one day's window inside [a, b]. */
function officeInDay(info: DayInfo, a: number, b: number): number {
  if (info.closed !== null) return 0;
  const lo = Math.max(a, info.open);
  const hi = Math.min(b, info.close);
  return hi > lo ? hi - lo : 0;
}

/** Office milliseconds of the whole days numbered first … end − 1. */
function wholeDaysMs(st: CalendarState, first: number, end: number): number {
  let total = 0;
  for (let n = first; n < end; ) {
    const year = yearTotals(st, n);
    const stop = Math.min(end, year.firstN + year.running.length - 1);
    total += (year.running[stop - year.firstN] as number) - (year.running[n - year.firstN] as number);
    n = stop;
  }
  return total;
}

/** Running totals of office time through the calendar year containing day n: running[k] = days firstN … firstN + k − 1. */
function yearTotals(st: CalendarState, n: number): YearTotals {
  const year = civil(n).year;
  let totals = st.yearTotals.get(year);
  if (totals === undefined) {
    const firstN = Date.UTC(year, 0, 1) / DAY_MS;
    const endN = Date.UTC(year + 1, 0, 1) / DAY_MS;
    const running = new Float64Array(endN - firstN + 1);
    for (let k = firstN; k < endN; k++) {
      const info = dayNumber(st, k);
      running[k - firstN + 1] = (running[k - firstN] as number) + (isBusinessDay(info) ? info.close - info.open : 0);
    }
    totals = { firstN, running };
    st.yearTotals.set(year, totals);
  }
  return totals;
}

/**
 * Office minutes elapsed from a to b (0 when b ≤ a), to the millisecond: for reports and "time to first contact".
 * Office time inside pauses is left out; a still-open pause counts as paused up to b.
 */
export function businessMinutesBetween(cal: BusinessCalendar, a: Instant, b: Instant, pauses?: readonly Pause[]): BusinessMinutes {
  const st = cal[STATE];
  let total = officeMs(st, a, b);
  if (total > 0) for (const s of pauseSpans(pauses, a)) total -= officeMs(st, Math.max(a, s.start), Math.min(b, s.end));
  return asBusinessMinutes(total / MINUTE_MS);
}

/** Clock minutes elapsed from a to b (0 when b ≤ a), less any paused time. */
export function clockMinutesBetween(a: Instant, b: Instant, pauses?: readonly Pause[]): number {
  checkInstant(a);
  checkInstant(b);
  if (!(b > a)) return 0;
  let total = b - a;
  for (const s of pauseSpans(pauses, a)) total -= Math.max(0, Math.min(b, s.end) - Math.max(a, s.start));
  return total / MINUTE_MS;
}
