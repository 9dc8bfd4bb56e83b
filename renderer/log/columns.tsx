import { columnFilteringFeature, columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { maskFreeText } from '../../shared/inquiry/mask';
import { governingDue, nextDueWords } from '../../shared/inquiry/nextDue';
import { COLUMN_LABELS, type LogLayout, visibleColumns } from '../../shared/log/logLayout';
import type { LogColumn } from '../../shared/log/logQuery';
import type { LogRow } from '../../shared/log/logRow';
import { formatDayTime } from '../app/format';
import { NextDueText } from '../components/NextDueText';
import { useLogCalendar, useLogNow, useLogTableContext, useLogZone } from './logTableContext';
import { MemberCell } from './MemberCell';

/** Sorting and filtering state live in the table; the work itself is done by shared/log/logQuery (manual mode). */
export const logTableFeatures = tableFeatures({ rowSortingFeature, columnFilteringFeature, columnSizingFeature });

const helper = createColumnHelper<typeof logTableFeatures, LogRow>();

/** A cell's text, cut with "…" when it does not fit; the whole of it shows on hover and on focus (styles.css). */
const Text = ({ children }: { children: React.ReactNode }) => <span className="cell-text">{children}</span>;

function CaseCell({ row }: { row: LogRow }) {
  const fresh = useLogTableContext().isNew(row);
  // The mark goes under the case number (the row has room for two lines; beside it, the column cut it off).
  return (
    <span className="case-cell">
      <a className="case-link" href={`#/inquiry/${row.id}`}>
        {row.caseNumber}
        {fresh && <span className="visually-hidden">, new to you</span>}
      </a>
      {fresh && (
        <span className="badge badge-new" aria-hidden="true">
          New
        </span>
      )}
    </span>
  );
}

function StatusCell({ row }: { row: LogRow }) {
  return <span className={`badge status-${row.status}`}>{row.status === 'open' ? 'Open' : 'Resolved'}</span>;
}

/** The one next-due rule (shared/inquiry/nextDue.ts) at the log's clock: what is due on one line, when and the countdown on the next. */
function NextDueCell({ row }: { row: LogRow }) {
  const now = useLogNow();
  const zone = useLogZone();
  const cal = useLogCalendar();
  const g = governingDue(row.dueTimes, now);
  if (g === null) return <span className="muted">—</span>;
  return <NextDueText words={nextDueWords(g, now, cal)} zone={zone} compact />;
}

/** Category and the first line, the member's identifiers masked unless the row is revealed. */
function SummaryCell({ row }: { row: LogRow }) {
  const { revealed } = useLogTableContext();
  const line = revealed.has(row.id) ? row.summaryLine : maskedSummary(row);
  return (
    <Text>
      {row.category}
      {line && ` — ${line}`}
    </Text>
  );
}

/**
 * A row's masked summary line, worked out once per version of the row: masking builds a pattern from the member's
 * name, and every keystroke of a search re-renders every row shown (a row changed is a new object, so it is masked again).
 */
const masked = new WeakMap<LogRow, string>();
function maskedSummary(row: LogRow): string {
  let line = masked.get(row);
  if (line === undefined) {
    line = maskFreeText(row.summaryLine, row);
    masked.set(row, line);
  }
  return line;
}

/** "11/23/2026 9:15 AM": the 12-hour time every screen shows (the row's receivedText, its 24-hour form, is what filters read). */
function ReceivedCell({ row }: { row: LogRow }) {
  return <Text>{formatDayTime(row.receivedAt, useLogZone())}</Text>;
}

function PriorityCell({ row }: { row: LogRow }) {
  return <span className={`badge priority-${row.priority}`}>{row.priorityLabel}</span>;
}

/** A column of any value type, as the helper's own `columns` types them. */
type LogColumnDef = ReturnType<typeof helper.columns>[number];

const DEFS: Record<LogColumn, (size: number) => LogColumnDef> = {
  caseNumber: (size) =>
    helper.accessor('caseNumber', { header: COLUMN_LABELS.caseNumber, size, cell: (c) => <CaseCell row={c.row.original} /> }),
  receivedAt: (size) =>
    helper.accessor('receivedAt', { header: COLUMN_LABELS.receivedAt, size, cell: (c) => <ReceivedCell row={c.row.original} /> }),
  memberName: (size) =>
    helper.accessor('memberName', { header: COLUMN_LABELS.memberName, size, cell: (c) => <MemberCell row={c.row.original} /> }),
  summaryLine: (size) =>
    helper.accessor('summaryLine', { header: COLUMN_LABELS.summaryLine, size, cell: (c) => <SummaryCell row={c.row.original} /> }),
  priorityLabel: (size) =>
    helper.accessor('priorityLabel', { header: COLUMN_LABELS.priorityLabel, size, cell: (c) => <PriorityCell row={c.row.original} /> }),
  // What is due next: what a liaison works the queue by. Ascending (most urgent first) on the first click.
  nextDueAt: (size) =>
    helper.accessor('nextDueAt', {
      header: COLUMN_LABELS.nextDueAt,
      size,
      sortDescFirst: false,
      cell: (c) => <NextDueCell row={c.row.original} />,
    }),
  stage: (size) => helper.accessor('stage', { header: COLUMN_LABELS.stage, size, cell: (c) => <Text>{c.getValue()}</Text> }),
  mcoName: (size) => helper.accessor('mcoName', { header: COLUMN_LABELS.mcoName, size, cell: (c) => <Text>{c.getValue()}</Text> }),
  assigneeName: (size) =>
    helper.accessor('assigneeName', {
      header: COLUMN_LABELS.assigneeName,
      size,
      cell: (c) => (c.getValue() ? <Text>{c.getValue()}</Text> : <span className="muted">Unassigned</span>),
    }),
  source: (size) => helper.accessor('source', { header: COLUMN_LABELS.source, size, cell: (c) => <Text>{c.getValue()}</Text> }),
  status: (size) => helper.accessor('status', { header: COLUMN_LABELS.status, size, cell: (c) => <StatusCell row={c.row.original} /> }),
  category: (size) => helper.accessor('category', { header: COLUMN_LABELS.category, size, cell: (c) => <Text>{c.getValue()}</Text> }),
};

/** The table's columns for a layout: the shown ones, in its order, at its widths. */
export function logColumnsOf(layout: LogLayout): LogColumnDef[] {
  return visibleColumns(layout).map((c) => DEFS[c.id](c.width));
}
