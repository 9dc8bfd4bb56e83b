import { LOG_COLUMNS, type LogColumn } from './logQuery';

/*
 * The log grid's columns as a person arranges them (issue 16): which are shown, in what order, how wide. Kept per
 * person on the desk and in saved views. Pure: the screen (renderer/log) draws what this decides.
 */

export interface LogLayoutColumn {
  id: LogColumn;
  /** Width in CSS px (the Summary column takes any room left over on top of its width). */
  width: number;
  hidden: boolean;
}

export interface LogLayout {
  columns: readonly LogLayoutColumn[];
}

export const COLUMN_LABELS: Readonly<Record<LogColumn, string>> = {
  caseNumber: 'Case #',
  receivedAt: 'Received',
  memberName: 'Member',
  summaryLine: 'Summary',
  priorityLabel: 'Priority',
  nextDueAt: 'Next due',
  assigneeName: 'Assignee',
  stage: 'Stage',
  mcoName: 'MCO',
  source: 'Source',
  status: 'Status',
  category: 'Category',
};

/** Widths a person may set. */
export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 600;
/** The column that grows into the room left over (its width is then its least). */
export const FLEX_COLUMN: LogColumn = 'summaryLine';
/** Always shown: the link to the inquiry. */
export const FIXED_COLUMN: LogColumn = 'caseNumber';

/**
 * The default: the columns a liaison works by, 1,010 px in all, which fits a 1280 px window beside the queues with no
 * sideways scroll; the rest (Stage, MCO, Source, Status, Category) a click away in the column chooser.
 */
export const DEFAULT_LOG_LAYOUT: LogLayout = {
  columns: [
    { id: 'caseNumber', width: 134, hidden: false },
    { id: 'receivedAt', width: 168, hidden: false },
    { id: 'memberName', width: 150, hidden: false },
    { id: 'summaryLine', width: 120, hidden: false },
    { id: 'priorityLabel', width: 80, hidden: false },
    { id: 'nextDueAt', width: 248, hidden: false },
    { id: 'assigneeName', width: 110, hidden: false },
    { id: 'stage', width: 140, hidden: true },
    { id: 'mcoName', width: 180, hidden: true },
    { id: 'source', width: 170, hidden: true },
    { id: 'status', width: 96, hidden: true },
    { id: 'category', width: 190, hidden: true },
  ],
};

const clampWidth = (w: number): number => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));
const isColumn = (id: unknown): id is LogColumn => typeof id === 'string' && (LOG_COLUMNS as readonly string[]).includes(id);

/**
 * A stored layout made whole: unknown columns dropped, repeated ones kept once, widths clamped, columns it does not
 * name (added by an upgrade) appended as the default has them, the case number shown. Anything unreadable: the default.
 */
export function normaliseLayout(stored: unknown): LogLayout {
  const list = (stored as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(list)) return DEFAULT_LOG_LAYOUT;
  const seen = new Set<LogColumn>();
  const columns: LogLayoutColumn[] = [];
  for (const c of list as { id?: unknown; width?: unknown; hidden?: unknown }[]) {
    if (!isColumn(c?.id) || seen.has(c.id)) continue;
    seen.add(c.id);
    const fallback = DEFAULT_LOG_LAYOUT.columns.find((d) => d.id === c.id) as LogLayoutColumn;
    const width = typeof c.width === 'number' && Number.isFinite(c.width) ? clampWidth(c.width) : fallback.width;
    columns.push({ id: c.id, width, hidden: c.id === FIXED_COLUMN ? false : c.hidden === true });
  }
  for (const d of DEFAULT_LOG_LAYOUT.columns) if (!seen.has(d.id)) columns.push({ ...d });
  return { columns };
}

/** The shown columns, in order. */
export const visibleColumns = (layout: LogLayout): LogLayoutColumn[] => layout.columns.filter((c) => !c.hidden);

/** Shows or hides a column (the case number stays). */
export function toggleColumn(layout: LogLayout, id: LogColumn, shown: boolean): LogLayout {
  if (id === FIXED_COLUMN) return layout;
  return { columns: layout.columns.map((c) => (c.id === id ? { ...c, hidden: !shown } : c)) };
}

/** Moves a column one place earlier (-1) or later (+1); at an end it stays. */
export function moveColumn(layout: LogLayout, id: LogColumn, by: -1 | 1): LogLayout {
  const columns = [...layout.columns];
  const i = columns.findIndex((c) => c.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= columns.length) return layout;
  [columns[i], columns[j]] = [columns[j] as LogLayoutColumn, columns[i] as LogLayoutColumn];
  return { columns };
}

/** Sets a column's width, within MIN_COLUMN_WIDTH and MAX_COLUMN_WIDTH. */
export function resizeColumn(layout: LogLayout, id: LogColumn, width: number): LogLayout {
  if (!Number.isFinite(width)) return layout;
  return { columns: layout.columns.map((c) => (c.id === id ? { ...c, width: clampWidth(width) } : c)) };
}

/** The least width of the shown columns (the table is never narrower; the Summary column takes what is left). */
export const layoutWidth = (layout: LogLayout): number => visibleColumns(layout).reduce((sum, c) => sum + c.width, 0);
