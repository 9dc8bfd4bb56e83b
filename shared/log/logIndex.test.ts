import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { Instant, TimeZone } from '../time/types';
import { LogIndex } from './logIndex';
import { comparatorOf, filterLogRows, LOG_COLUMNS, type LogQuery, type LogSort, type Queue, queueTimeAt } from './logQuery';
import { type LogRow, toLogRow } from './logRow';
import { runLogQuery, sortLogRows, testRecord } from './testing';

const AT = queueTimeAt(Date.UTC(2026, 10, 23, 18, 0) as Instant, 'America/Chicago' as TimeZone);
const ME = 'p-ana';
const DAY = 86_400_000;

const BASE: LogRow = toLogRow(testRecord(), DEFAULT_AGENCY_CONFIG);

/** Text from a few letters, so that words are often found, often not, and sometimes across rows. */
const letters = (extra: string[], maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ...extra), maxLength });
const instant = (min: number, max: number) => fc.integer({ min, max }).map((t) => t as Instant);
const when = fc.option(instant(AT.now - 3 * DAY, AT.now + 3 * DAY), { nil: null });

const row = fc
  .record({
    n: fc.integer({ min: 0, max: 9999 }),
    // Whole hours, so that rows received together are ordered by case number.
    receivedAt: instant(AT.now - 5 * DAY, AT.now).map((t) => (t - (t % 3_600_000)) as Instant),
    source: fc.constantFrom('Other', 'Legislative Liaison', 'Call Center CSR'),
    memberName: letters(['A', ' '], 5),
    mcoName: fc.constantFrom('', 'Iowa Total Care', 'Molina Healthcare of Iowa'),
    status: fc.constantFrom<LogRow['status']>('open', 'resolved'),
    assigneeId: fc.constantFrom('', ME, 'p-ben'),
    nextDueAt: when,
    dueDeadline: when,
    dueTimes: fc.array(
      fc.record({
        kind: fc.constantFrom('first_contact' as const, 'callback' as const),
        label: fc.constantFrom('First contact', 'Callback to member'),
        target: when,
        deadline: instant(AT.now - 3 * DAY, AT.now + 3 * DAY),
        soonAt: instant(AT.now - 3 * DAY, AT.now + 3 * DAY),
      }),
      { maxLength: 2 },
    ),
    searchText: letters([' ', '\n', '\u0001'], 10),
  })
  .map(
    ({ n, assigneeId, ...over }): LogRow => ({
      ...BASE,
      ...over,
      caseNumber: `261122-ZX9P4-${String(n).padStart(3, '0')}`,
      assigneeId,
      assigneeName: assigneeId === '' ? '' : assigneeId === ME ? 'Ana Ortiz' : 'ben Cho',
    }),
  );
const sortArb = fc.array(fc.record({ column: fc.constantFrom(...LOG_COLUMNS), desc: fc.boolean() }), { maxLength: 3 });
const queryArb = fc.record({
  queue: fc.constantFrom<Queue>('all', 'open', 'mine', 'resolved', 'overdue', 'due_today', 'unassigned'),
  search: fc.array(letters(['A'], 3), { maxLength: 3 }).map((words) => words.join(' ')),
  filters: fc.record({ source: fc.constantFrom('Other', 'Call Center CSR'), memberName: letters([], 1) }, { requiredKeys: [] }),
});

/** What the query means: the definitions in logQuery.ts, row by row. */
function expected(rows: readonly LogRow[], sort: readonly LogSort[], query: Omit<LogQuery, 'sort'>): LogRow[] {
  return filterLogRows([...rows].sort(comparatorOf(sort, AT.now)), query, ME, AT);
}

describe('LogIndex', () => {
  // More rows than one search block (512), so words are looked for across blocks and in the rows left.
  const rows = fc.array(row, { maxLength: 1300, size: 'max' });

  it('orders Next due by the instant that governs at each moment asked, as comparatorOf does then', () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(instant(AT.now - 3 * DAY, AT.now + 3 * DAY), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (rows, moments, desc) => {
          const index = new LogIndex(rows);
          const sort = [{ column: 'nextDueAt' as const, desc }];
          // Moments in order, as the clock runs: the index keeps its order until a target passes.
          for (const now of [...moments].sort((a, b) => a - b)) {
            const shown = Array.from(index.order(sort, now), (i) => rows[i]);
            const want = [...rows].sort(comparatorOf(sort, now));
            expect(shown.every((r, i) => r === want[i])).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('shows the rows filterLogRows gives, in the order of comparatorOf, for any rows, sort and query', () => {
    fc.assert(
      fc.property(rows, sortArb, queryArb, (rows, sort, query) => {
        const index = new LogIndex(rows);
        const shown = index.select(index.order(sort, AT.now), query, ME, AT);
        // The same row objects, in the same order.
        const want = expected(rows, sort, query);
        expect(shown.length).toBe(want.length);
        expect(shown.every((r, i) => r === want[i])).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('answers for a new version of the rows, reusing what it can of the last, exactly as from scratch', () => {
    const edit = fc.record({
      replace: fc.array(fc.tuple(fc.nat(), row), { maxLength: 20 }),
      remove: fc.array(fc.nat(), { maxLength: 3 }),
      add: fc.array(row, { maxLength: 600, size: 'max' }),
    });
    fc.assert(
      fc.property(rows, edit, sortArb, queryArb, (before, { replace, remove, add }, sort, query) => {
        const old = new LogIndex(before);
        // The old version searched first, so its search text exists to be reused.
        old.select(old.order(sort, AT.now), query, ME, AT);
        const after = [...before];
        for (const [at, r] of replace) if (after.length > 0) after[at % after.length] = r;
        for (const at of remove) if (after.length > 0) after.splice(at % after.length, 1);
        after.push(...add);
        const index = new LogIndex(after, old);
        expect(index.select(index.order(sort, AT.now), query, ME, AT)).toEqual(expected(after, sort, query));
      }),
      { numRuns: 60 },
    );
  });

  it('answers each search typed on from the last (or not) exactly as from scratch', () => {
    const searches = fc.array(fc.oneof(letters(['A', ' '], 4), letters([' '], 2)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, queryArb, searches, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (rows, query, parts, typeOn) => {
        const index = new LogIndex(rows);
        const order = index.order([], AT.now);
        let search = '';
        parts.forEach((part, i) => {
          // Mostly typing on; sometimes starting again.
          search = typeOn[i] ? search + part : part;
          expect(index.select(order, { ...query, search }, ME, AT)).toEqual(expected(rows, [], { ...query, search }));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('finds the same before and after its search text is prepared ahead', () => {
    const rows = fc.sample(row, { numRuns: 1200, seed: 3 });
    const lazy = new LogIndex(rows);
    const ready = new LogIndex(rows);
    let calls = 0;
    // A little time per call: it stops part way, then finishes.
    expect(ready.prepare(() => (calls++ < 1 ? 1 : 0))).toBe(false);
    expect(ready.prepare(() => 1)).toBe(true);
    for (const search of ['a', 'ab', 'b c', 'cab']) {
      const query = { queue: 'all' as const, search, filters: {} };
      expect(ready.select(ready.order([], AT.now), query, ME, AT)).toEqual(lazy.select(lazy.order([], AT.now), query, ME, AT));
    }
  });

  it('never finds a word across the end of one row and the start of the next', () => {
    const rows = [
      { ...BASE, searchText: 'xxab' },
      { ...BASE, searchText: 'cdyy' },
    ];
    expect(runLogQuery(rows, { queue: 'all', search: 'bc', filters: {}, sort: [] }, ME, AT)).toEqual([]);
    expect(runLogQuery(rows, { queue: 'all', search: 'ab cd', filters: {}, sort: [] }, ME, AT)).toEqual([]);
    expect(runLogQuery(rows, { queue: 'all', search: 'cd yy', filters: {}, sort: [] }, ME, AT)).toEqual([rows[1]]);
  });

  it('finds a row once whatever how often a word is in it, and needs every word', () => {
    const rows = [
      { ...BASE, searchText: 'of office of the senator' },
      { ...BASE, searchText: 'office' },
    ];
    expect(runLogQuery(rows, { queue: 'all', search: 'of', filters: {}, sort: [] }, ME, AT)).toEqual(rows);
    expect(runLogQuery(rows, { queue: 'all', search: 'office of sen', filters: {}, sort: [] }, ME, AT)).toEqual([rows[0]]);
    expect(runLogQuery(rows, { queue: 'all', search: 'OF of', filters: {}, sort: [] }, ME, AT)).toEqual(rows);
  });

  it('gives the same order for the same sort asked again, and does not touch the rows', () => {
    const rows = Object.freeze(fc.sample(row, { numRuns: 700, seed: 7 }));
    const index = new LogIndex(rows);
    const sort: LogSort[] = [{ column: 'memberName', desc: true }];
    expect(index.order(sort, AT.now)).toBe(index.order([{ column: 'memberName', desc: true }], AT.now));
    expect(sortLogRows(rows, sort, AT.now)).toEqual([...rows].sort(comparatorOf(sort, AT.now)));
  });
});
