import type { CaseNumber } from '../inquiry/caseNumber';
import { EMPTY_WORKFLOW, type InquiryRecord } from '../inquiry/projection';
import type { HlcStamp } from '../sync/hlc';
import type { Instant } from '../time/types';
import { LogIndex } from './logIndex';
import type { LogQuery, LogSort, QueueTime } from './logQuery';
import type { LogRow } from './logRow';

/*
 * For tests of the log: a record to build rows from, and the log index's answers from plain rows.
 */

/** An open inquiry record as the projection holds it (logged 21 Nov 2026 23:30 Chicago), with `patch` over it. */
export const testRecord = (patch: Partial<InquiryRecord> = {}): InquiryRecord => ({
  id: '01JDESKA000000000000000001',
  caseNumber: '261122-ZX9P4-002' as CaseNumber,
  status: 'open',
  loggedAt: Date.UTC(2026, 10, 22, 5, 40) as Instant,
  loggedBy: { id: 'p-ana', name: 'Ana Ortiz' },
  workflow: EMPTY_WORKFLOW,
  updatedAt: Date.UTC(2026, 10, 23, 16, 0) as Instant,
  lastHlc: '0mwteq6g0-0000-DESKA' as HlcStamp,
  fieldHlc: {},
  noteCount: 2,
  eventCount: 4,
  // 23:30 on 21 November in Chicago, already the 22nd in UTC.
  receivedAt: Date.UTC(2026, 10, 22, 5, 30) as Instant,
  source: 'Managed Care Ombudsman',
  originatorName: 'Lee Ombud',
  originatorContact: '',
  memberName: 'Chris Diaz',
  medicaidId: '7654321B',
  memberDob: '',
  memberPhone: '',
  callbackPhone: '',
  callbackAvailability: '',
  mcoEnrollment: 'enrolled',
  mcoId: 'wellpoint',
  priority: 'high',
  category: 'Durable medical equipment',
  subcategory: 'Repair',
  description: 'Wheelchair REPAIR delayed',
  expectedOutcome: 'Chair repaired',
  rootCause: 'Vendor backlog',
  assignee: { id: 'p-ana', name: 'Ana Ortiz' },
  ...patch,
});

/** The query's rows in its order, from rows not indexed yet. Pure; does not touch `rows`. */
export function runLogQuery(rows: readonly LogRow[], query: LogQuery, me: string, at: QueueTime): LogRow[] {
  const index = new LogIndex(rows);
  return index.select(index.order(query.sort, at.now), query, me, at);
}

/** The rows in the sort's order at `now` (a new array): `[...rows].sort(comparatorOf(sort, now))`. */
export function sortLogRows(rows: readonly LogRow[], sort: readonly LogSort[], now: number): LogRow[] {
  return Array.from(new LogIndex(rows).order(sort, now), (i) => rows[i] as LogRow);
}
