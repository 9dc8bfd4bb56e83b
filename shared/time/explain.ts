import type { ClosedReason, DeadlineExplanation, DeadlineSegment, Pause } from './calendar';
import { type Instant, later, type TimeZone } from './types';
import { zonedParts } from './zone';

/*
 * A due time in plain words, written from the record the stepping code kept while computing it
 * (addBusinessMinutesExplained & co. in calendar.ts), so the words and the deadline cannot disagree:
 *
 *   Received Wed 25 Nov 15:00. High: first contact within 2 business hours. 1 h 30 m counted Wed until 16:30;
 *   Thu 26 Nov skipped (Thanksgiving Day); 30 m counted Fri from 08:00 → due Fri 27 Nov 08:30.
 *
 * Not for the hot path: it formats with Intl. Times are wall-clock times in the agency zone.
 */

export interface ExplainDeadlineInput {
  /** What started the timer, as a verb: "Received", "Referred to MCO". */
  startLabel: string;
  /** When it started (normally explanation.from). */
  start: Instant;
  /** The policy level and target: "High: first contact within 2 business hours". */
  policyLabel: string;
  explanation: DeadlineExplanation;
  zone: TimeZone;
}

export interface DeadlineWords {
  /** "Received Wed 25 Nov 15:00.", "High: first contact within 2 business hours.", then the count ending "→ due …". */
  lines: string[];
  /** The lines joined with spaces. */
  text: string;
  /** The count's steps in order, as in the last line ("1 h 30 m counted Wed until 16:30", …). */
  steps: string[];
  /** The due time as written ("Fri 27 Nov 08:30"), or null when a pause holds it. */
  due: string | null;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "1 h 30 m", "30 m", "2 h", "8 h 30 m", to the nearest minute; "0 m" for nothing. */
export function formatDuration(minutes: number): string {
  // To the minute: seconds say nothing to a person reading why a time is due (issue 16).
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} m`);
  return parts.length > 0 ? parts.join(' ') : '0 m';
}

interface Local {
  weekday: string;
  /** "25 Nov" */
  date: string;
  year: number;
  /** "15:00", or "15:00:27" when the instant is not on a whole minute. */
  time: string;
  /** Days since 1970-01-01 of the local day. */
  dayIndex: number;
}

function local(t: Instant, zone: TimeZone): Local {
  const p = zonedParts(t, zone);
  const wholeMinute = ((t % 60_000) + 60_000) % 60_000 === 0;
  const time = wholeMinute ? `${pad2(p.hour)}:${pad2(p.minute)}` : `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
  return {
    weekday: WEEKDAYS[p.weekday] as string,
    date: `${p.day} ${MONTHS[p.month - 1]}`,
    year: p.year,
    time,
    dayIndex: Date.UTC(p.year, p.month - 1, p.day) / DAY_MS,
  };
}

/** Words for closed days: consecutive weekend days are one step ("Sat 28–Sun 29 Nov skipped (weekend)"). */
function reasonWords(reason: ClosedReason): string {
  switch (reason.kind) {
    case 'weekend':
      return 'weekend';
    case 'holiday':
      return reason.name.replace(/ \(substitute day\)/g, ' observed');
    case 'closure':
      return `office closed: ${reason.name}`;
  }
}

type Item =
  | { kind: 'segment'; at: Instant; order: 3; segment: DeadlineSegment }
  | { kind: 'skipped'; at: Instant; order: 0; reason: ClosedReason }
  | { kind: 'dst'; at: Instant; order: 1; before: number; after: number }
  | { kind: 'pause'; at: Instant; order: 2; pause: Pause }
  | { kind: 'early'; at: Instant; order: 4; reason: ClosedReason };

/** The explanation in plain words. Pure apart from Intl date formatting; one call per due time a person opens. */
export function explainDeadline(input: ExplainDeadlineInput): DeadlineWords {
  const { explanation: e, zone } = input;
  const startLocal = local(input.start, zone);
  const end = e.due ?? e.waitingOn?.since ?? e.from;
  // Weekday names alone are unambiguous while everything sits within a week of the start.
  const shortSpan = local(end, zone).dayIndex - startLocal.dayIndex <= 6;
  const withYear = (l: Local): string => (l.year === startLocal.year ? l.date : `${l.date} ${l.year}`);
  const fullDay = (l: Local): string => `${l.weekday} ${withYear(l)}`;
  const dayWord = (t: Instant): string => {
    const l = local(t, zone);
    return shortSpan && l.dayIndex >= startLocal.dayIndex ? l.weekday : fullDay(l);
  };
  /** "Sat 28–Sun 29 Nov", "Mon 30 Nov–Tue 1 Dec"; weekday names alone when `short`. */
  const dayRange = (a: Instant, b: Instant, short: boolean): string => {
    if (short) return `${dayWord(a)}–${dayWord(b)}`;
    const x = local(a, zone);
    const y = local(b, zone);
    const [xDay, xMonth] = x.date.split(' ');
    const sameMonth = x.year === y.year && xMonth === y.date.split(' ')[1];
    return `${sameMonth ? `${x.weekday} ${xDay}` : fullDay(x)}–${fullDay(y)}`;
  };
  const dayTime = (t: Instant): string => `${dayWord(t)} ${local(t, zone).time}`;
  const stamp = (t: Instant): string => {
    const l = local(t, zone);
    return `${fullDay(l)} ${l.time}`;
  };

  const items: Item[] = [
    ...e.segments.map((segment): Item => ({ kind: 'segment', at: segment.from, order: 3, segment })),
    ...e.skipped.map((s): Item => ({ kind: 'skipped', at: s.at, order: 0, reason: s.reason })),
    ...e.dstChanges.map((d): Item => ({ kind: 'dst', at: d.at, order: 1, before: d.offsetBeforeMinutes, after: d.offsetAfterMinutes })),
    ...e.pauses.map((pause): Item => ({ kind: 'pause', at: later(pause.start, e.from), order: 2, pause })),
    ...e.earlyCloses.map((x): Item => ({ kind: 'early', at: x.at, order: 4, reason: x.reason })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order);

  const steps: string[] = [];
  let clockNoted = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    switch (item.kind) {
      case 'segment': {
        // A run of whole office days in a row reads as one step.
        let j = i;
        while (item.segment.wholeDay && items[j + 1]?.kind === 'segment') {
          const next = items[j + 1] as Extract<Item, { kind: 'segment' }>;
          if (!next.segment.wholeDay) break;
          j++;
        }
        if (j > i) {
          const run = items.slice(i, j + 1) as Extract<Item, { kind: 'segment' }>[];
          const minutes = run.reduce((sum, r) => sum + r.segment.minutes, 0);
          const last = (run[run.length - 1] as Extract<Item, { kind: 'segment' }>).segment;
          steps.push(`${formatDuration(minutes)} counted ${dayRange(item.segment.from, last.from, shortSpan)} (${run.length} full days)`);
          i = j;
          break;
        }
        const s = item.segment;
        const isFirst = s.from === e.from;
        const isLast = e.due !== null && s.to === e.due;
        const counted = `${formatDuration(s.minutes)} counted`;
        let words: string;
        if (e.basis === 'clock') {
          if (isFirst && isLast) words = counted;
          else if (isFirst) words = `${counted} until ${dayTime(s.to)}`;
          else if (isLast) words = `${counted} from ${dayTime(s.from)}`;
          else words = `${counted} ${dayTime(s.from)}–${dayTime(s.to)}`;
          if (!clockNoted) words = words.replace(' counted', ' counted (clock hours)');
          clockNoted = true;
        } else {
          const day = dayWord(s.from);
          const to = local(s.to, zone).time;
          const from = local(s.from, zone).time;
          if (isFirst && isLast) words = `${counted} ${day}`;
          else if (isFirst) words = `${counted} ${day} until ${to}`;
          else if (isLast) words = `${counted} ${day} from ${from}`;
          else words = `${counted} ${day} ${from}–${to}`;
        }
        steps.push(words);
        break;
      }
      case 'skipped': {
        let j = i;
        if (item.reason.kind === 'weekend') {
          while (items[j + 1]?.kind === 'skipped' && (items[j + 1] as Extract<Item, { kind: 'skipped' }>).reason.kind === 'weekend') j++;
        }
        if (j > i) {
          steps.push(`${dayRange(item.at, items[j]?.at ?? item.at, false)} skipped (weekend)`);
          i = j;
        } else {
          steps.push(`${fullDay(local(item.at, zone))} skipped (${reasonWords(item.reason)})`);
        }
        break;
      }
      case 'dst': {
        const shift = item.after - item.before;
        const direction = shift > 0 ? 'forward' : 'back';
        steps.push(`clocks went ${direction} ${formatDuration(Math.abs(shift))} on ${fullDay(local(item.at, zone))}`);
        break;
      }
      case 'pause': {
        const p = item.pause;
        const reason = p.reason.trim() === '' ? '' : ` (${p.reason.trim()})`;
        if (p.end === null) {
          steps.push(`paused since ${dayTime(p.start)}${reason}`);
        } else {
          const sameDay = local(p.start, zone).dayIndex === local(p.end, zone).dayIndex;
          steps.push(`paused ${dayTime(p.start)}–${sameDay ? local(p.end, zone).time : dayTime(p.end)}${reason}`);
        }
        break;
      }
      case 'early':
        steps.push(`${fullDay(local(item.at, zone))} closed from ${local(item.at, zone).time} (${reasonWords(item.reason)})`);
        break;
    }
  }

  const due = e.due === null ? null : stamp(e.due);
  const ending =
    due !== null
      ? `→ due ${due}.`
      : (e.waitingOn?.remainingMinutes ?? 0) > 0
        ? `→ due unknown until the pause ends (${formatDuration(e.waitingOn?.remainingMinutes ?? 0)} still to count).`
        : '→ due unknown until the pause ends.';
  const count = steps.length > 0 ? `${steps.join('; ')} ${ending}` : `Nothing to count ${ending}`;
  const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  const lines = [sentence(`${input.startLabel} ${stamp(input.start)}`), sentence(input.policyLabel), capitalize(count)];
  return { lines, text: lines.join(' '), steps, due };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
