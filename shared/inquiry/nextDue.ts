import { type BusinessCalendar, businessMinutesBetween } from '../time/calendar';
import type { Instant } from '../time/types';
import type { DueKind } from './due';

/*
 * The one next-due rule (SPEC.md "Timing", issue 16): of an item's two instants, the one that
 * governs now is its target until the target has passed, then its deadline. The time shown, the
 * words beside it ("Target", "Deadline") and the countdown all come from that one instant, in the
 * log, the inquiry page, the queues' order, the export and the reminders. Pure: a function of the
 * item's recorded times and a moment.
 */

/** What the rule needs of a due item (a DueItem, or the copy a log row keeps). */
export interface DueTimes {
  readonly kind: DueKind;
  readonly label: string;
  readonly target: Instant | null;
  readonly deadline: Instant;
  readonly soonAt: Instant;
}

export type DueWhich = 'target' | 'deadline';
/** The state shown with the governing instant (a paused item is left out before the rule runs). */
export type RunningDueState = 'on_track' | 'due_soon' | 'overdue';

export interface GoverningDue<T extends DueTimes = DueTimes> {
  item: T;
  /** The instant that governs now: shown, counted to, sorted by. */
  at: Instant;
  which: DueWhich;
  /** The target has passed (the deadline governs; it may not have passed yet). */
  targetMissed: boolean;
  state: RunningDueState;
}

/** The instant of one item that governs at `now`: its target until the target has passed, then its deadline. */
export function governingInstant(item: DueTimes, now: number): { at: Instant; which: DueWhich } {
  return item.target !== null && now < item.target ? { at: item.target, which: 'target' } : { at: item.deadline, which: 'deadline' };
}

/** On track, due soon (from the item's due-soon moment), overdue (from its deadline). */
export function runningDueState(item: DueTimes, now: number): RunningDueState {
  if (now >= item.deadline) return 'overdue';
  if (now >= item.soonAt) return 'due_soon';
  return 'on_track';
}

/**
 * The item that governs now and its instant: of the (running) items, the one whose governing instant comes first;
 * equal instants keep the items' order. Null when there is none.
 */
export function governingDue<T extends DueTimes>(items: readonly T[], now: number): GoverningDue<T> | null {
  let best: T | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const at = item.target !== null && now < item.target ? item.target : item.deadline;
    if (at < bestAt) {
      best = item;
      bestAt = at;
    }
  }
  if (best === null) return null;
  const { at, which } = governingInstant(best, now);
  return { item: best, at, which, targetMissed: best.target !== null && now >= best.target, state: runningDueState(best, now) };
}

/** The sort key of "Next due" at `now`: the governing instant, or null when nothing is due. */
export function governingAt(items: readonly DueTimes[], now: number): Instant | null {
  let best: Instant | null = null;
  for (const item of items) {
    const at = item.target !== null && now < item.target ? item.target : item.deadline;
    if (best === null || at < best) best = at;
  }
  return best;
}

/** The first target after `now` over the items (when the governing instants next change), or +Infinity. */
export function nextTargetAfter(items: readonly DueTimes[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const item of items) if (item.target !== null && item.target > now && item.target < next) next = item.target;
  return next;
}

/** What the instant is called beside the time: "Target", "Deadline"; a callback's "Call at", then "Call by" (its grace). */
export function whichLabel(g: Pick<GoverningDue, 'item' | 'which'>): string {
  if (g.item.kind === 'callback') return g.which === 'target' ? 'Call at' : 'Call by';
  return g.which === 'target' ? 'Target' : 'Deadline';
}

/**
 * A span of minutes in the words of a countdown: "45 m", "3 h 20 m"; from one business day on, business days and
 * hours ("2 business days 3 h", "1 business day"). `dayMinutes`: the length of one business day (0: none).
 */
export function formatSpan(minutes: number, dayMinutes: number): string {
  const total = Math.max(0, Math.floor(minutes));
  if (dayMinutes > 0 && total >= dayMinutes) {
    const days = Math.floor(total / dayMinutes);
    const hours = Math.floor((total - days * dayMinutes) / 60);
    const dayText = `${days} business ${days === 1 ? 'day' : 'days'}`;
    return hours > 0 ? `${dayText} ${hours} h` : dayText;
  }
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} m`;
  return m === 0 ? `${h} h` : `${h} h ${m} m`;
}

/**
 * The countdown to `at` from `now`: "1 h 50 m left", or past it "late by 2 business days 3 h". Office time for the
 * policy's timers; a callback counts on the clock (its time is a time of day the person chose).
 */
export function countdown(kind: DueKind, at: Instant, now: Instant, cal: BusinessCalendar): string {
  const early = now < at;
  const from = early ? now : at;
  const to = early ? at : now;
  const minutes = kind === 'callback' ? (to - from) / 60_000 : businessMinutesBetween(cal, from, to);
  // A callback late by days still reads in days and hours, but of the clock (24 h).
  const text = formatSpan(minutes, kind === 'callback' ? 0 : cal.businessDayMinutes);
  return early ? `${text} left` : `late by ${text}`;
}

/** Everything a screen says of the governing item: the state, what is due, which instant, when, and the countdown to it. */
export interface NextDueWords {
  state: RunningDueState;
  label: string;
  which: string;
  at: Instant;
  /** "(target missed)" when the deadline governs because the target passed, else ''. */
  note: string;
  countdown: string;
}

export function nextDueWords(g: GoverningDue, now: Instant, cal: BusinessCalendar): NextDueWords {
  return {
    state: g.state,
    label: g.item.label,
    which: whichLabel(g),
    at: g.at,
    note: g.targetMissed && g.which === 'deadline' && g.state !== 'overdue' && g.item.kind !== 'callback' ? 'target missed' : '',
    countdown: countdown(g.item.kind, g.at, now, cal),
  };
}
