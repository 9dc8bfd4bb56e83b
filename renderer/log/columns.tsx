import { columnFilteringFeature, columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { LogRow } from '../../shared/log/logRow';
import { formatShort } from '../app/format';
import { useLogTableContext } from './logTableContext';
import { MemberCell } from './MemberCell';

/** Sorting and filtering state live in the table; the work itself is done by shared/log/logQuery (manual mode). */
export const logTableFeatures = tableFeatures({ rowSortingFeature, columnFilteringFeature, columnSizingFeature });

const helper = createColumnHelper<typeof logTableFeatures, LogRow>();

function ReceivedCell({ row }: { row: LogRow }) {
  const { zone } = useLogTableContext();
  return <>{formatShort(row.receivedAt, zone)}</>;
}

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

function PriorityCell({ row }: { row: LogRow }) {
  return <span className={`badge priority-${row.priority}`}>{row.priorityLabel}</span>;
}

export const logColumns = helper.columns([
  helper.accessor('caseNumber', { header: 'Case #', size: 170, cell: (c) => <CaseCell row={c.row.original} /> }),
  helper.accessor('receivedAt', { header: 'Received', size: 150, cell: (c) => <ReceivedCell row={c.row.original} /> }),
  helper.accessor('source', { header: 'Source', size: 200 }),
  helper.accessor('memberName', { header: 'Member', size: 190, cell: (c) => <MemberCell row={c.row.original} /> }),
  helper.accessor('mcoName', { header: 'MCO', size: 190 }),
  helper.accessor('priorityLabel', { header: 'Priority', size: 110, cell: (c) => <PriorityCell row={c.row.original} /> }),
  helper.accessor('status', { header: 'Status', size: 100, cell: (c) => <StatusCell row={c.row.original} /> }),
  helper.accessor('assigneeName', {
    header: 'Assignee',
    size: 150,
    cell: (c) => c.getValue() || <span className="muted">Unassigned</span>,
  }),
  helper.accessor('category', { header: 'Category', size: 220 }),
]);
