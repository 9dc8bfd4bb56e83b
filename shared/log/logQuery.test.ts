import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { CaseNumber } from '../inquiry/caseNumber';
import type { InquiryFields } from '../inquiry/fields';
import { EMPTY_WORKFLOW, type InquiryRecord, type InquiryStatus } from '../inquiry/projection';
import type { PersonRef } from '../people';
import type { HlcStamp } from '../sync/hlc';
import type { Instant, TimeZone } from '../time/types';
import {
  choicesOf,
  comparatorOf,
  DEFAULT_LOG_QUERY,
  inQueue,
  LOG_COLUMNS,
  type LogColumn,
  type LogQuery,
  type LogSort,
  QUEUES,
  type Queue,
  queryForQueue,
  queueCounts,
  queueCountsOfOpen,
  queueTimeAt,
} from './logQuery';
import { type LogRow, toLogRow } from './logRow';
import { runLogQuery, sortLogRows, testRecord } from './testing';

/** Queues read at noon on Mon 23 Nov 2026 in Chicago. */
const AT = queueTimeAt(Date.UTC(2026, 10, 23, 18, 0) as Instant, 'America/Chicago' as TimeZone);

const ANA: PersonRef = { id: 'p-ana', name: 'Ana Ortiz' };
const BEN: PersonRef = { id: 'p-ben', name: 'Ben Cho' };
const ME = 'p-ana';

interface Spec {
  caseNumber: string;
  receivedAt: number;
  source: InquiryFields['source'];
  memberName: string;
  mcoId: string;
  priority: string;
  status: InquiryStatus;
  assignee: PersonRef | null;
  category: string;
  subcategory: string;
  description: string;
}

/** An inquiry record as the projection would hold it, from the few fields a test cares about. */
function inquiry(s: Spec): InquiryRecord {
  return {
    id: `01JINQ${s.caseNumber.replace(/-/g, '').padEnd(20, '0')}`,
    caseNumber: s.caseNumber as CaseNumber,
    status: s.status,
    loggedAt: s.receivedAt as Instant,
    loggedBy: ANA,
    updatedAt: s.receivedAt as Instant,
    lastHlc: '0mwteq6g0-0000-DESKA' as HlcStamp,
    fieldHlc: {},
    workflow: EMPTY_WORKFLOW,
    noteCount: 0,
    eventCount: 1,
    receivedAt: s.receivedAt as Instant,
    source: s.source,
    originatorName: 'Dana Ruiz',
    originatorContact: '',
    memberName: s.memberName,
    medicaidId: '',
    memberDob: '',
    memberPhone: '',
    callbackPhone: '',
    callbackAvailability: '',
    mcoEnrollment: s.mcoId ? 'enrolled' : 'not_enrolled',
    mcoId: s.mcoId,
    priority: s.priority,
    category: s.category,
    subcategory: s.subcategory,
    description: s.description,
    expectedOutcome: '',
    rootCause: '',
    assignee: s.assignee,
  };
}

// Received times are Chicago wall times: A and B at the same minute, D late on 21 November (22nd in UTC).
const RECORDS = {
  A: inquiry({
    caseNumber: '261120-K7QM2-009',
    receivedAt: Date.UTC(2026, 10, 20, 15, 0), // 20 Nov 09:00 CST
    source: 'Call Center CSR',
    memberName: 'Pat Lee',
    mcoId: 'itc',
    priority: 'high',
    status: 'open',
    assignee: ANA,
    category: 'Pharmacy',
    subcategory: 'Formulary',
    description: 'Refill denied at the counter',
  }),
  B: inquiry({
    caseNumber: '261120-K7QM2-999',
    receivedAt: Date.UTC(2026, 10, 20, 15, 0), // 20 Nov 09:00 CST
    source: 'Legislative Liaison',
    memberName: 'ana Brook',
    mcoId: 'molina',
    priority: 'escalated',
    status: 'open',
    assignee: null,
    category: 'Transportation',
    subcategory: 'Missed ride',
    description: 'Ride never came for DIALYSIS',
  }),
  C: inquiry({
    caseNumber: '261120-K7QM2-1000',
    receivedAt: Date.UTC(2026, 9, 23, 18, 30), // 23 Oct 13:30 CDT
    source: 'Other',
    memberName: '',
    mcoId: '',
    priority: 'escalated',
    status: 'resolved',
    assignee: BEN,
    category: 'Other',
    subcategory: '',
    description: 'Asked about dental coverage',
  }),
  D: inquiry({
    caseNumber: '261122-ZX9P4-002',
    receivedAt: Date.UTC(2026, 10, 22, 5, 30), // 21 Nov 23:30 CST
    source: 'Managed Care Ombudsman',
    memberName: 'Chris Diaz',
    mcoId: 'wellpoint',
    priority: 'high',
    status: 'open',
    assignee: ANA,
    category: 'Durable medical equipment',
    subcategory: 'Repair',
    description: 'Wheelchair repair delayed, pharmacy not involved',
  }),
  E: inquiry({
    caseNumber: '261123-K7QM2-001',
    receivedAt: Date.UTC(2026, 10, 23, 14, 10), // 23 Nov 08:10 CST
    source: 'Call Center CSR',
    memberName: 'Zoe Ng',
    mcoId: 'itc',
    priority: 'high',
    status: 'resolved',
    assignee: null,
    category: 'Pharmacy',
    subcategory: 'Prior authorization',
    description: 'PA for insulin',
  }),
};
type Name = keyof typeof RECORDS;
const ROWS: readonly LogRow[] = Object.values(RECORDS).map((r) => toLogRow(r, DEFAULT_AGENCY_CONFIG));
const NAME_OF = new Map(Object.entries(RECORDS).map(([name, r]) => [r.id, name as Name]));

/** The rows a query returns, by their letters. */
function run(query: Partial<LogQuery>, rows: readonly LogRow[] = ROWS): Name[] {
  return runLogQuery(rows, { queue: 'all', search: '', filters: {}, sort: [], ...query }, ME, AT).map((r) => NAME_OF.get(r.id) as Name);
}

describe('queues', () => {
  it.each<[Queue, Name[]]>([
    ['all', ['E', 'D', 'A', 'B', 'C']],
    ['mine', ['D', 'A']],
    ['unassigned', ['B']],
    ['open', ['D', 'A', 'B']],
    ['resolved', ['E', 'C']],
  ])('%s holds %j, newest received first', (queue, expected) => {
    expect(run({ queue })).toEqual(expected);
  });

  it('keeps resolved inquiries out of My inquiries and Unassigned', () => {
    const resolvedRow = ROWS[4] as LogRow;
    expect([
      inQueue(resolvedRow, 'unassigned', ME, AT),
      inQueue(resolvedRow, 'all', ME, AT),
      inQueue(resolvedRow, 'resolved', ME, AT),
    ]).toEqual([false, true, true]);
    expect(run({ queue: 'mine' }).includes('C')).toBe(false);
  });

  it('is someone else’s queue for another person', () => {
    expect(runLogQuery(ROWS, { ...DEFAULT_LOG_QUERY, queue: 'mine' }, 'p-ben', AT)).toEqual([]);
    expect(runLogQuery(ROWS, { ...DEFAULT_LOG_QUERY, queue: 'resolved' }, 'p-ben', AT).map((r) => r.caseNumber)).toEqual([
      '261123-K7QM2-001',
      '261120-K7QM2-1000',
    ]);
  });

  it('defaults to the open queue, newest received first', () => {
    expect(runLogQuery(ROWS, DEFAULT_LOG_QUERY, ME, AT).map((r) => NAME_OF.get(r.id))).toEqual(['D', 'A', 'B']);
  });
});

describe('search', () => {
  it('finds a word in any searched column, whatever its case', () => {
    expect(run({ search: 'PHARMACY' })).toEqual(['E', 'D', 'A']);
    expect(run({ search: 'dialysis' })).toEqual(['B']);
    expect(run({ search: 'zx9p4' })).toEqual(['D']);
    expect(run({ search: 'molina' })).toEqual(['B']);
    expect(run({ search: '11/21/2026' })).toEqual(['D']);
  });

  it('requires every word (AND, not OR), in any order', () => {
    expect(run({ search: 'pharmacy refill' })).toEqual(['A']);
    expect(run({ search: '  insulin   PHARMACY ' })).toEqual(['E']);
    expect(run({ search: 'refill dialysis' })).toEqual([]);
  });

  it('treats a blank search as no search', () => {
    expect(run({ search: '   ' })).toEqual(['E', 'D', 'A', 'B', 'C']);
  });
});

describe('column filters', () => {
  it.each<[LogColumn, string, Name[]]>([
    ['memberName', 'LEE', ['A']],
    ['memberName', ' diaz ', ['D']],
    ['caseNumber', 'k7qm2-9', ['B']],
    ['category', 'pharmacy', ['E', 'A']],
    ['category', 'missed', ['B']],
  ])('text column %s contains %j', (column, text, expected) => {
    expect(run({ filters: { [column]: text } })).toEqual(expected);
  });

  it.each<[LogColumn, string, Name[]]>([
    ['source', 'Call Center CSR', ['E', 'A']],
    ['source', 'Call Center', []],
    ['mcoName', 'Iowa Total Care', ['E', 'A']],
    ['priorityLabel', 'Escalated', ['B', 'C']],
    ['priorityLabel', 'escalated', []],
    ['status', 'resolved', ['E', 'C']],
    ['assigneeName', 'Ana Ortiz', ['D', 'A']],
    ['assigneeName', 'Ana', []],
  ])('choice column %s is exactly %j', (column, value, expected) => {
    expect(run({ filters: { [column]: value } })).toEqual(expected);
  });

  it('finds unassigned inquiries with "(unassigned)"', () => {
    expect(run({ filters: { assigneeName: '(unassigned)' } })).toEqual(['E', 'B']);
    expect(run({ queue: 'open', filters: { assigneeName: '(unassigned)' } })).toEqual(['B']);
  });

  it('filters Received by its shown text in the agency calendar: a day, a time', () => {
    expect(run({ filters: { receivedAt: ' 11/21/2026 ' } })).toEqual(['D']);
    expect(run({ filters: { receivedAt: '11/22/2026' } })).toEqual([]);
    expect(run({ filters: { receivedAt: '11/20' } })).toEqual(['A', 'B']);
    expect(run({ filters: { receivedAt: '09:00' } })).toEqual(['A', 'B']);
    // As the table shows it: 12-hour.
    expect(run({ filters: { receivedAt: '9:00 AM' } })).toEqual(['A', 'B']);
    expect(run({ filters: { receivedAt: '11/20/2026 9:00 am' } })).toEqual(['A', 'B']);
    expect(run({ filters: { receivedAt: '9:00 PM' } })).toEqual([]);
    expect(run({ filters: { receivedAt: '11:30 PM' } })).toEqual(['D']);
    expect(run({ filters: { receivedAt: '2026' } })).toEqual(['E', 'D', 'A', 'B', 'C']);
  });

  it('filters Received by a month typed as mm/yyyy', () => {
    expect(run({ filters: { receivedAt: '11/2026' } })).toEqual(['E', 'D', 'A', 'B']);
    expect(run({ filters: { receivedAt: '10/2026' } })).toEqual(['C']);
    expect(run({ filters: { receivedAt: '12/2026' } })).toEqual([]);
  });

  it('combines filters, search and queue with AND, and ignores blank filters', () => {
    expect(run({ filters: { source: 'Call Center CSR', status: 'open' } })).toEqual(['A']);
    expect(run({ queue: 'open', search: 'pharmacy', filters: { priorityLabel: 'High', memberName: 'chris' } })).toEqual(['D']);
    expect(run({ filters: { memberName: '  ', source: '' } })).toEqual(['E', 'D', 'A', 'B', 'C']);
  });
});

describe('sorting', () => {
  const sorted = (column: LogColumn, desc: boolean) => run({ sort: [{ column, desc }] });

  it.each<[LogColumn, Name[], Name[]]>([
    // Sequence numbers compare as numbers: 009 < 999 < 1000.
    ['caseNumber', ['A', 'B', 'C', 'D', 'E'], ['E', 'D', 'C', 'B', 'A']],
    // A and B tie on received: case number breaks the tie in both directions.
    ['receivedAt', ['C', 'A', 'B', 'D', 'E'], ['E', 'D', 'A', 'B', 'C']],
    ['source', ['E', 'A', 'B', 'D', 'C'], ['C', 'D', 'B', 'E', 'A']],
    // Names compare without case ("ana Brook" first); C has no name and stays last both ways.
    ['memberName', ['B', 'D', 'A', 'E', 'C'], ['E', 'A', 'D', 'B', 'C']],
    // C has no MCO and stays last both ways.
    ['mcoName', ['E', 'A', 'B', 'D', 'C'], ['D', 'B', 'E', 'A', 'C']],
    ['priorityLabel', ['B', 'C', 'E', 'D', 'A'], ['E', 'D', 'A', 'B', 'C']],
    ['status', ['D', 'A', 'B', 'E', 'C'], ['E', 'C', 'D', 'A', 'B']],
    // Unassigned (E, B) last both ways, newest received first among them.
    ['assigneeName', ['D', 'A', 'C', 'E', 'B'], ['C', 'D', 'A', 'E', 'B']],
    ['category', ['D', 'C', 'A', 'E', 'B'], ['B', 'E', 'A', 'C', 'D']],
  ])('by %s ascending %j and descending %j', (column, asc, desc) => {
    expect(sorted(column, false)).toEqual(asc);
    expect(sorted(column, true)).toEqual(desc);
  });

  it('covers every column', () => {
    expect([...LOG_COLUMNS].sort()).toEqual(
      [
        'assigneeName',
        'caseNumber',
        'category',
        'mcoName',
        'memberName',
        'priorityLabel',
        'receivedAt',
        'source',
        'status',
        'stage',
        'summaryLine',
        'nextDueAt',
      ].sort(),
    );
  });

  it('sorts by several columns in turn', () => {
    const sort: LogSort[] = [
      { column: 'priorityLabel', desc: false },
      { column: 'memberName', desc: false },
    ];
    expect(run({ sort })).toEqual(['B', 'C', 'D', 'A', 'E']);
  });

  it('gives the same order whatever order the rows come in', () => {
    const reversed = [...ROWS].reverse();
    const rotated = [...ROWS.slice(2), ...ROWS.slice(0, 2)];
    for (const column of LOG_COLUMNS) {
      for (const desc of [false, true]) {
        expect(run({ sort: [{ column, desc }] }, reversed)).toEqual(sorted(column, desc));
        expect(run({ sort: [{ column, desc }] }, rotated)).toEqual(sorted(column, desc));
      }
    }
  });

  it('does not touch the rows it is given', () => {
    const rows = Object.freeze([...ROWS]);
    const before = rows.map((r) => r.id);
    const out = runLogQuery(rows, { queue: 'all', search: '', filters: {}, sort: [{ column: 'memberName', desc: false }] }, ME, AT);
    expect(rows.map((r) => r.id)).toEqual(before);
    expect(out).not.toBe(rows);
    expect(out.map((r) => NAME_OF.get(r.id))).toEqual(['B', 'D', 'A', 'E', 'C']);
  });

  it('sorts with keys computed once per row in exactly the order of comparatorOf', () => {
    const sortArb = fc.array(fc.record({ column: fc.constantFrom(...LOG_COLUMNS), desc: fc.boolean() }), { maxLength: 3 });
    fc.assert(
      fc.property(sortArb, fc.shuffledSubarray([...ROWS, ...ROWS]), (sort, rows) => {
        expect(sortLogRows(rows, sort, 0)).toEqual([...rows].sort(comparatorOf(sort, 0)));
      }),
    );
  });
});

describe('choicesOf', () => {
  it('lists the distinct values of a choice column, sorted, without empties', () => {
    expect(choicesOf(ROWS, 'source')).toEqual(['Call Center CSR', 'Legislative Liaison', 'Managed Care Ombudsman', 'Other']);
    expect(choicesOf(ROWS, 'mcoName')).toEqual(['Iowa Total Care', 'Molina Healthcare of Iowa', 'Wellpoint Iowa']);
    expect(choicesOf(ROWS, 'priorityLabel')).toEqual(['Escalated', 'High']);
    expect(choicesOf(ROWS, 'status')).toEqual(['open', 'resolved']);
  });

  it('offers "(unassigned)" first for the assignee', () => {
    expect(choicesOf(ROWS, 'assigneeName')).toEqual(['(unassigned)', 'Ana Ortiz', 'Ben Cho']);
  });

  it('lists nothing for no rows (and only "(unassigned)" for the assignee)', () => {
    expect(choicesOf([], 'source')).toEqual([]);
    expect(choicesOf([], 'assigneeName')).toEqual(['(unassigned)']);
  });

  it('every choice filters to at least one row', () => {
    for (const column of ['source', 'mcoName', 'priorityLabel', 'status', 'assigneeName'] as const) {
      for (const value of choicesOf(ROWS, column)) expect(run({ filters: { [column]: value } }).length).toBeGreaterThan(0);
    }
  });
});

describe('queueCounts', () => {
  it('counts exactly what inQueue keeps, queue by queue', () => {
    const when = fc.option(fc.integer({ min: AT.now - 3 * 86_400_000, max: AT.endOfToday + 3 * 86_400_000 }), { nil: null });
    const row = fc
      .record({
        base: fc.constantFrom(...ROWS),
        status: fc.constantFrom<InquiryStatus>('open', 'resolved'),
        assigneeId: fc.constantFrom('', ME, 'p-other'),
        callerIds: fc.subarray([ME, 'p-other']),
        nextDueAt: when,
        dueDeadline: when,
        awaitingMco: fc.boolean(),
        unitLeadCallback: fc.boolean(),
        isComplaint: fc.boolean(),
      })
      .map(({ base, ...over }) => ({ ...base, ...over }) as LogRow);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const expected = Object.fromEntries(QUEUES.map((q) => [q, rows.filter((r) => inQueue(r, q, ME, AT)).length]));
        expect(queueCounts(rows, ME, AT)).toEqual(expected);
      }),
    );
  });
});

describe('queueCountsOfOpen', () => {
  it('counts from the open rows what queueCounts counts from them all, for rows as the log builds them', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ROWS]), (rows) => {
        const open = rows.filter((r) => r.status === 'open');
        expect(queueCountsOfOpen(open, rows.length, ME, AT)).toEqual(queueCounts(rows, ME, AT));
      }),
    );
    expect(ROWS.some((r) => r.status === 'resolved')).toBe(true);
  });
});

describe('queryForQueue (issue 16)', () => {
  const typed = { ...DEFAULT_LOG_QUERY, search: 'insulin', filters: { priorityLabel: 'High' } };
  it('lists the queues worked by urgency most urgent first, the others newest first, keeping the search and filters', () => {
    for (const q of ['mine', 'due_today', 'overdue'] as const)
      expect(queryForQueue(typed, q)).toEqual({ ...typed, queue: q, sort: [{ column: 'nextDueAt', desc: false }] });
    expect(queryForQueue(queryForQueue(typed, 'overdue'), 'all')).toEqual({ ...typed, queue: 'all', sort: DEFAULT_LOG_QUERY.sort });
  });

  it('lists "Imported — to review" oldest received first, and leaving it goes back to the default order', () => {
    const review = queryForQueue(typed, 'imported_review');
    expect(review.sort).toEqual([{ column: 'receivedAt', desc: false }]);
    expect(queryForQueue(review, 'open').sort).toEqual(DEFAULT_LOG_QUERY.sort);
  });

  it('puts the most urgent first in Overdue: the longest past its deadline, then the next to come', () => {
    const at = AT.now;
    const row = (id: string, target: number | null, deadline: number): LogRow =>
      ({
        ...toLogRow(testRecord(), DEFAULT_AGENCY_CONFIG),
        id,
        caseNumber: `261123-ZX9P4-00${id}`,
        dueTimes: [
          {
            kind: 'first_contact',
            label: 'First contact',
            target: target as Instant | null,
            deadline: deadline as Instant,
            soonAt: deadline as Instant,
          },
        ],
      }) as LogRow;
    const rows = [
      row('1', null, at + 3_600_000),
      row('2', at - 7_200_000, at - 60_000),
      row('3', at + 600_000, at + 7_200_000),
      row('4', null, at - 86_400_000),
    ];
    const sorted = sortLogRows(rows, queryForQueue(DEFAULT_LOG_QUERY, 'overdue').sort, at);
    // 4 and 2 are past their deadlines (4 the longest); 3's target comes in 10 minutes; 1's deadline in an hour.
    expect(sorted.map((r) => r.id)).toEqual(['4', '2', '3', '1']);
  });
});
