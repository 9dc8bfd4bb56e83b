import { columnFilteringFeature, columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { DUE_STATE_LABELS } from '../../shared/inquiry/due';
import type { LogRow } from '../../shared/log/logRow';
import { formatShort } from '../app/format';
import { useLogNow, useLogTableContext, useLogZone, useTimeLeft } from './logTableContext';
import { MemberCell } from './MemberCell';

/** Sorting and filtering state live in the table; the work itself is done by shared/log/logQuery (manual mode). */
export const logTableFeatures = tableFeatures({ rowSortingFeature, columnFilteringFeature, columnSizingFeature });

const helper = createColumnHelper<typeof logTableFeatures, LogRow>();

function CaseCell({ row }: { row: LogRow }) {
  const fresh = useLogTableContext().isNew(row);
  return (
    <>
      <a className="case-link" href={`#/inquiry/${row.id}`}>
        {row.caseNumber}
        {fresh && <span className="visually-hidden">, new to you</span>}
      </a>
      {fresh && (
        <span className="badge badge-new" aria-hidden="true">
          New
        </span>
      )}
    </>
  );
}

function StatusCell({ row }: { row: LogRow }) {
  return <span className={`badge status-${row.status}`}>{row.status === 'open' ? 'Open' : 'Resolved'}</span>;
}

/** "2 h left" / "1 h 15 m late" for the table (the inquiry view says it in full: business time). */
const shortLeft = (text: string): string =>
  text.replace(/^overdue by (.*) business time$/, '$1 late').replace(' business time left', ' left');

function NextDueCell({ row }: { row: LogRow }) {
  const now = useLogNow();
  const zone = useLogZone();
  const timeLeft = useTimeLeft();
  if (row.nextDueAt === null) return <span className="muted">—</span>;
  const state =
    row.dueDeadline !== null && now >= row.dueDeadline
      ? 'overdue'
      : row.dueSoonAt !== null && now >= row.dueSoonAt
        ? 'due_soon'
        : 'on_track';
  return (
    <span className="next-due">
      <span className={`badge due-${state}`}>{DUE_STATE_LABELS[state]}</span> {row.nextDueLabel} · {formatShort(row.nextDueAt, zone)}
      {row.dueDeadline !== null && <span className="time-left">({shortLeft(timeLeft(row.dueDeadline))})</span>}
    </span>
  );
}

function PriorityCell({ row }: { row: LogRow }) {
  return <span className={`badge priority-${row.priority}`}>{row.priorityLabel}</span>;
}

export const logColumns = helper.columns([
  helper.accessor('caseNumber', { header: 'Case #', size: 200, cell: (c) => <CaseCell row={c.row.original} /> }),
  helper.accessor('receivedAt', { header: 'Received', size: 140, cell: (c) => c.row.original.receivedText }),
  helper.accessor('memberName', { header: 'Member', size: 230, cell: (c) => <MemberCell row={c.row.original} /> }),
  helper.accessor('priorityLabel', { header: 'Priority', size: 110, cell: (c) => <PriorityCell row={c.row.original} /> }),
  // What is due next: what a liaison works the queue by.
  helper.accessor('nextDueAt', { header: 'Next due', size: 400, cell: (c) => <NextDueCell row={c.row.original} /> }),
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
