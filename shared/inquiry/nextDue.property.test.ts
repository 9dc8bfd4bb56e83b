import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { EXPORT_COLUMNS } from '../export/columns';
import { sortKeysAt } from '../log/logQuery';
import { toLogRow } from '../log/logRow';
import { businessMinutesBetween, createCalendar } from '../time/calendar';
import type { Instant } from '../time/types';
import { dueItems } from './due';
import { BASE, HALF_HOUR, record } from './dueArbitraries';
import { countdown, formatSpan, governingDue, nextDueWords } from './nextDue';

/*
 * Issue 16: wherever one time is shown with a countdown, both refer to the same instant. For any inquiry and any
 * moment: the log row's Next due (shown and counted), its sort key, the inquiry page's item line and the export's
 * "Current item due at" all name the one instant that governs (the target until it has passed, then the deadline),
 * and the countdown is the office time between the moment and that instant, "left" before it, "late by" after.
 */

const cal = createCalendar();
const config = DEFAULT_AGENCY_CONFIG;
/** Moments from an hour before the records' times to several days after, on any minute. */
const moment = fc
  .integer({ min: -2, max: 5 * 48 })
  .chain((halfHours) => fc.integer({ min: 0, max: 29 }).map((m) => (BASE + halfHours * HALF_HOUR + m * 60_000) as Instant));
const exportColumn = (id: string) => {
  const c = EXPORT_COLUMNS.find((col) => col.id === id);
  if (!c) throw new Error(`no export column ${id}`);
  return c;
};

describe('the one next-due rule', () => {
  it('shows, counts to, sorts by and exports the same instant, for any inquiry and moment', () => {
    fc.assert(
      fc.property(record, moment, (r, now) => {
        const row = toLogRow(r, config);
        const g = governingDue(row.dueTimes, now);
        const ctx = { config, zone: config.timeZone, now, calendar: cal, includeIdentifiers: false };
        expect(exportColumn('currentDueAt').value(r, ctx)).toBe(g?.at ?? null);
        expect(sortKeysAt(now).nextDueAt(row)).toBe(g?.at ?? '');
        if (g === null) return;
        // The instant is the target while it is ahead, then the deadline, and says which.
        const ahead = g.item.target !== null && now < g.item.target;
        expect(g.which).toBe(ahead ? 'target' : 'deadline');
        expect(g.at).toBe(ahead ? g.item.target : g.item.deadline);
        // No running item has an earlier governing instant.
        for (const d of row.dueTimes) expect(d.target !== null && now < d.target ? d.target : d.deadline).toBeGreaterThanOrEqual(g.at);
        // The countdown counts to that instant.
        const words = nextDueWords(g, now, cal);
        expect(words.at).toBe(g.at);
        const early = now < g.at;
        expect(words.countdown.endsWith(' left')).toBe(early);
        expect(words.countdown.startsWith('late by ')).toBe(!early);
        const [from, to] = early ? [now, g.at] : [g.at, now];
        const minutes = g.item.kind === 'callback' ? (to - from) / 60_000 : businessMinutesBetween(cal, from as Instant, to as Instant);
        const span = formatSpan(minutes, g.item.kind === 'callback' ? 0 : cal.businessDayMinutes);
        expect(words.countdown).toBe(early ? `${span} left` : `late by ${span}`);
        // The inquiry page reads each item by the same rule: the governing item's own line names the same instant.
        const item = dueItems(r).find((i) => i.kind === g.item.kind && i.paused === null && i.deadline === g.item.deadline);
        expect(item).toBeDefined();
        if (item) expect(governingDue([item], now)?.at).toBe(g.at);
      }),
      { numRuns: 400 },
    );
  });

  it('never says "late" with time left nor "left" past the instant, around the target and the deadline', () => {
    const item = {
      kind: 'first_contact' as const,
      label: 'First contact',
      target: (BASE + 2 * HALF_HOUR) as Instant,
      deadline: (BASE + 4 * HALF_HOUR) as Instant,
      soonAt: (BASE + HALF_HOUR) as Instant,
    };
    for (const [now, which, text] of [
      [BASE + 2 * HALF_HOUR - 60_000, 'target', '1 m left'],
      [BASE + 2 * HALF_HOUR, 'deadline', '1 h left'],
      [BASE + 4 * HALF_HOUR, 'deadline', 'late by 0 m'],
    ] as const) {
      const g = governingDue([item], now);
      expect(g?.which).toBe(which);
      expect(g && countdown(g.item.kind, g.at, now as Instant, cal)).toBe(text);
    }
  });
});
