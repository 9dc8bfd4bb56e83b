import { columnFilteringFeature, columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { governingDue, nextDueWords } from '../../shared/inquiry/nextDue';
import type { LogRow } from '../../shared/log/logRow';
import { NextDueText } from '../components/NextDueText';
import { useLogCalendar, useLogNow, useLogZone } from './logTableContext';
import { MemberCell } from './MemberCell';

/** Sorting and filtering state live in the table; the work itself is done by shared/log/logQuery (manual mode). */
export const logTableFeatures = tableFeatures({ rowSortingFeature, columnFilteringFeature, columnSizingFeature });

const helper = createColumnHelper<typeof logTableFeatures, LogRow>();

function CaseCell({ row }: { row: LogRow }) {
  return (
    <a className="case-link" href={`#/inquiry/${row.id}`}>
      {row.caseNumber}
    </a>
  );
}

function StatusCell({ row }: { row: LogRow }) {
  return <span className={`badge status-${row.status}`}>{row.status === 'open' ? 'Open' : 'Resolved'}</span>;
}

/** The one next-due rule (shared/inquiry/nextDue.ts) at the log's clock. */
function NextDueCell({ row }: { row: LogRow }) {
  const now = useLogNow();
  const zone = useLogZone();
  const cal = useLogCalendar();
  const g = governingDue(row.dueTimes, now);
  if (g === null) return <span className="muted">—</span>;
  return <NextDueText words={nextDueWords(g, now, cal)} zone={zone} />;
}

function PriorityCell({ row }: { row: LogRow }) {
  return <span className={`badge priority-${row.priority}`}>{row.priorityLabel}</span>;
}

export const logColumns = helper.columns([
  helper.accessor('caseNumber', { header: 'Case #', size: 160, cell: (c) => <CaseCell row={c.row.original} /> }),
  helper.accessor('receivedAt', { header: 'Received', size: 140, cell: (c) => c.row.original.receivedText }),
  helper.accessor('memberName', { header: 'Member', size: 230, cell: (c) => <MemberCell row={c.row.original} /> }),
  helper.accessor('priorityLabel', { header: 'Priority', size: 110, cell: (c) => <PriorityCell row={c.row.original} /> }),
  // What is due next: what a liaison works the queue by.
  helper.accessor('nextDueAt', { header: 'Next due', size: 400, sortDescFirst: false, cell: (c) => <NextDueCell row={c.row.original} /> }),
  helper.accessor('stage', { header: 'Stage', size: 150 }),
  helper.accessor('mcoName', { header: 'MCO', size: 180 }),
  helper.accessor('assigneeName', {
    header: 'Assignee',
    size: 150,
    cell: (c) => c.getValue() || <span className="muted">Unassigned</span>,
  }),
  helper.accessor('source', { header: 'Source', size: 180 }),
  helper.accessor('status', { header: 'Status', size: 100, cell: (c) => <StatusCell row={c.row.original} /> }),
  helper.accessor('category', { header: 'Category', size: 200 }),
]);
