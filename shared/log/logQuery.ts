import { caseNumberSortKey } from '../inquiry/caseNumber';
import { governingAt } from '../inquiry/nextDue';
import { addMs, type Instant, type TimeZone } from '../time/types';
import { zonedParts, zonedToInstant } from '../time/zone';
import { foldForSearch, type LogRow } from './logRow';

export const LOG_COLUMNS = [
  'caseNumber',
  'receivedAt',
  'source',
  'memberName',
  'summaryLine',
  'mcoName',
  'priorityLabel',
  'status',
  'stage',
  'nextDueAt',
  'assigneeName',
  'category',
] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

export const QUEUES = [
  'mine',
  'due_today',
  'overdue',
  'awaiting_mco',
  'unit_lead',
  'imported_review',
  'complaints',
  'unassigned',
  'open',
  'resolved',
  'all',
] as const;
export type Queue = (typeof QUEUES)[number];
export const QUEUE_LABELS: Record<Queue, string> = {
  mine: 'My inquiries',
  due_today: 'Due today',
  overdue: 'Overdue',
  awaiting_mco: 'Awaiting MCO',
  unit_lead: 'Unit lead callbacks',
  imported_review: 'Imported — to review',
  complaints: 'Open complaints',
  unassigned: 'Unassigned',
  open: 'All open',
  resolved: 'Resolved',
  all: 'All inquiries',
};

/** The moment the time-dependent queues are read at: now, and the end of the agency's calendar day. */
export interface QueueTime {
  now: Instant;
  endOfToday: Instant;
}

/** The queue time at `now` in the agency's zone: today ends at the next local midnight. */
export function queueTimeAt(now: Instant, zone: TimeZone): QueueTime {
  const p = zonedParts(now, zone);
  const tomorrow = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  const midnight = zonedToInstant({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() }, zone);
  return { now, endOfToday: addMs(midnight, -1) };
}

export interface LogSort {
  column: LogColumn;
  desc: boolean;
}

export interface LogQuery {
  queue: Queue;
  /** Free text; every word must appear somewhere in the row. */
  search: string;
  /** Per-column filter text: "contains" for text columns, exact for choice columns; Received matches its shown text ("11/23/2026", "11/2026"). */
  filters: Partial<Record<LogColumn, string>>;
  sort: readonly LogSort[];
}

export const DEFAULT_LOG_QUERY: LogQuery = { queue: 'open', search: '', filters: {}, sort: [{ column: 'receivedAt', desc: true }] };

/** The queues worked by urgency: they list the most urgent first (Next due ascending: the instant that governs). */
export const URGENT_QUEUES: ReadonlySet<Queue> = new Set(['mine', 'due_today', 'overdue']);
const MOST_URGENT_FIRST: readonly LogSort[] = [{ column: 'nextDueAt', desc: false }];
/** "Imported — to review" reads oldest first: the old log's longest-waiting rows come first. */
const OLDEST_FIRST: readonly LogSort[] = [{ column: 'receivedAt', desc: false }];

/**
 * The query on switching to `queue`: its search and filters kept, its order the queue's own (most urgent first in
 * the queues worked by urgency, newest received first in the others).
 */
export function queryForQueue(query: LogQuery, queue: Queue): LogQuery {
  if (queue === 'imported_review') return { ...query, queue, sort: OLDEST_FIRST };
  return { ...query, queue, sort: URGENT_QUEUES.has(queue) ? MOST_URGENT_FIRST : DEFAULT_LOG_QUERY.sort };
}

/** Columns filtered by choosing one exact value rather than typing. */
export const CHOICE_COLUMNS: ReadonlySet<LogColumn> = new Set(['source', 'mcoName', 'priorityLabel', 'status', 'stage', 'assigneeName']);

/** Whether the row is in the queue for person `me` at time `at`. */
export function inQueue(row: LogRow, queue: Queue, me: string, at: QueueTime): boolean {
  return queuePredicate(queue, me, at)(row);
}

/** The test of one queue, for one person and time, as a function of the row alone: filtering 100,000 rows calls it for each. */
export function queuePredicate(queue: Queue, me: string, at: QueueTime): (row: LogRow) => boolean {
  switch (queue) {
    case 'all':
      return () => true;
    case 'mine':
      return (row) => row.status === 'open' && (row.assigneeId === me || row.callerIds.includes(me));
    case 'due_today':
      return (row) =>
        row.nextDueAt !== null && (row.nextDueAt <= at.endOfToday || (row.dueDeadline !== null && row.dueDeadline <= at.endOfToday));
    case 'overdue':
      return (row) => row.dueDeadline !== null && row.dueDeadline <= at.now;
    case 'awaiting_mco':
      return (row) => row.awaitingMco;
    case 'unit_lead':
      return (row) => row.unitLeadCallback;
    case 'imported_review':
      return (row) => row.importReview;
    case 'complaints':
      return (row) => row.isComplaint && row.status === 'open';
    case 'unassigned':
      return (row) => row.status === 'open' && row.assigneeId === '';
    case 'open':
      return (row) => row.status === 'open';
    case 'resolved':
      return (row) => row.status === 'resolved';
  }
}

/**
 * How many rows each queue holds: the same answer as `inQueue` per queue and row, in one pass that
 * reads each condition once (the sidebar recounts 100,000 rows whenever the log changes).
 */
export function queueCounts(rows: readonly LogRow[], me: string, at: QueueTime): Record<Queue, number> {
  let mine = 0;
  let dueToday = 0;
  let overdue = 0;
  let awaitingMco = 0;
  let unitLead = 0;
  let complaints = 0;
  let importReview = 0;
  let unassigned = 0;
  let open = 0;
  let resolved = 0;
  for (const row of rows) {
    if (row.status === 'open') {
      open += 1;
      if (row.assigneeId === me || row.callerIds.includes(me)) mine += 1;
      if (row.assigneeId === '') unassigned += 1;
      if (row.isComplaint) complaints += 1;
      if (row.importReview) importReview += 1;
    } else if (row.status === 'resolved') resolved += 1;
    const deadline = row.dueDeadline;
    if (row.nextDueAt !== null && (row.nextDueAt <= at.endOfToday || (deadline !== null && deadline <= at.endOfToday))) dueToday += 1;
    if (deadline !== null && deadline <= at.now) overdue += 1;
    if (row.awaitingMco) awaitingMco += 1;
    if (row.unitLeadCallback) unitLead += 1;
  }
  return {
    mine,
    due_today: dueToday,
    overdue,
    awaiting_mco: awaitingMco,
    unit_lead: unitLead,
    imported_review: importReview,
    complaints,
    unassigned,
    open,
    resolved,
    all: rows.length,
  };
}

/**
 * `queueCounts` from the open rows alone: every queue but All and Resolved holds only open inquiries
 * (a resolved row has nothing due, awaits no MCO and needs no callback; see toLogRow), so the sidebar
 * counts the few thousand open rows, not the whole log, each time the log changes. `total`: all rows.
 */
export function queueCountsOfOpen(open: readonly LogRow[], total: number, me: string, at: QueueTime): Record<Queue, number> {
  return { ...queueCounts(open, me, at), resolved: total - open.length, all: total };
}

const UNASSIGNED = '(unassigned)';

/**
 * A time typed as the table shows it ("9:15 AM", "2:30 pm") in the 24-hour form of the row's receivedText
 * ("09:15", "14:30"); anything else as typed.
 */
function in24Hours(wanted: string): string {
  return wanted.replace(/\b(\d{1,2}):(\d{2})\s*([ap])\.?m?\.?$/i, (_, h: string, m: string, half: string) => {
    const hour = (Number(h) % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    return `${String(hour).padStart(2, '0')}:${m}`;
  });
}

function matchesFilter(row: LogRow, column: LogColumn, wanted: string): boolean {
  if (column === 'receivedAt') {
    // The row's text is "11/23/2026 09:15" (the table shows "9:15 AM": in24Hours); a month is typed "11/2026", which that text does not contain.
    const month = `${row.receivedText.slice(0, 2)}/${row.receivedText.slice(6, 10)}`;
    return row.receivedText.includes(in24Hours(wanted.trim())) || month === wanted.trim();
  }
  if (column === 'assigneeName' && wanted === UNASSIGNED) return row.assigneeId === '';
  if (column === 'nextDueAt') {
    const w = wanted.trim().toLowerCase();
    return row.dueTimes.some((d) => d.label.toLowerCase().includes(w));
  }
  const value = String(row[column]);
  if (CHOICE_COLUMNS.has(column)) return value === wanted;
  return value.toLowerCase().includes(wanted.trim().toLowerCase());
}

/** The words of a free-text search, folded as the rows' search text is (see foldForSearch). */
export function searchTermsOf(search: string): string[] {
  return foldForSearch(search).split(/\s+/).filter(Boolean);
}

/** The query's column filters as one test of a row; null when none is set. */
export function filtersPredicate(filters: LogQuery['filters']): ((row: LogRow) => boolean) | null {
  const set = (Object.entries(filters) as [LogColumn, string][]).filter(([, v]) => v.trim() !== '');
  if (set.length === 0) return null;
  return (row) => {
    for (const [c, v] of set) if (!matchesFilter(row, c, v)) return false;
    return true;
  };
}

/**
 * The rows of the query's queue that pass its search and filters, in the order given: the meaning
 * of a query. The log screen answers the same question faster from a LogIndex (logIndex.ts).
 */
export function filterLogRows(rows: readonly LogRow[], query: Omit<LogQuery, 'sort'>, me: string, at: QueueTime): LogRow[] {
  const terms = searchTermsOf(query.search);
  const filtered = filtersPredicate(query.filters);
  const queued = queuePredicate(query.queue, me, at);
  if (terms.length === 0 && filtered === null) return rows.filter(queued);
  return rows.filter((row) => {
    if (!queued(row)) return false;
    for (const t of terms) if (!row.searchText.includes(t)) return false;
    return filtered === null || filtered(row);
  });
}

export type SortKey = (r: LogRow) => string | number;
/**
 * What each column sorts by: '' (nothing) sorts last whichever the direction. Next due sorts by the instant that
 * governs at the moment of the sort (shared/inquiry/nextDue.ts), so ascending is most urgent first: see sortKeysAt.
 */
export const SORT_KEYS: Readonly<Record<Exclude<LogColumn, 'nextDueAt'>, SortKey>> = {
  caseNumber: (r) => caseNumberSortKey(r.caseNumber),
  receivedAt: (r) => r.receivedAt,
  source: (r) => r.source,
  memberName: (r) => r.memberName.toLowerCase(),
  // By category, then the first line.
  summaryLine: (r) => `${r.category}\u0001${r.summaryLine.toLowerCase()}`,
  mcoName: (r) => r.mcoName,
  priorityLabel: (r) => r.priorityLabel,
  status: (r) => r.status,
  stage: (r) => r.stage,
  assigneeName: (r) => r.assigneeName.toLowerCase(),
  category: (r) => r.category,
};

/** Every column's sort key at `now`: Next due by the instant shown at that moment (nothing due sorts last, like an empty value). */
export function sortKeysAt(now: number): Readonly<Record<LogColumn, SortKey>> {
  return { ...SORT_KEYS, nextDueAt: (r) => governingAt(r.dueTimes, now) ?? '' };
}

/** After the chosen columns: newest received, then case number. */
const TIE_BREAK: readonly LogSort[] = [
  { column: 'receivedAt', desc: true },
  { column: 'caseNumber', desc: false },
];

/** A stable total order at `now` (Next due moves with it): the chosen columns, then newest received, then case number. */
export function comparatorOf(sort: readonly LogSort[], now: number): (a: LogRow, b: LogRow) => number {
  const keys = [...sort, ...TIE_BREAK];
  const sortKeys = sortKeysAt(now);
  return (a, b) => {
    for (const { column, desc } of keys) {
      const ka = sortKeys[column](a);
      const kb = sortKeys[column](b);
      if (ka === kb) continue;
      // Empty values sort last whichever the direction.
      if (ka === '') return 1;
      if (kb === '') return -1;
      const c = ka < kb ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  };
}

/** The distinct values of a choice column, for its filter menu. */
export function choicesOf(rows: readonly LogRow[], column: LogColumn): string[] {
  const set = new Set<string>();
  for (const r of rows) set.add(String(r[column]));
  set.delete('');
  const values = [...set].sort((a, b) => a.localeCompare(b));
  return column === 'assigneeName' ? [UNASSIGNED, ...values] : values;
}
