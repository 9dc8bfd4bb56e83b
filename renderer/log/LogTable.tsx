import { type ColumnFiltersState, FlexRender, type Row, type SortingState, useTable } from '@tanstack/react-table';
import { type KeyboardEvent, memo, useCallback, useMemo, useRef, useState } from 'react';
import { FLEX_COLUMN, type LogLayout, layoutWidth } from '../../shared/log/logLayout';
import { CHOICE_COLUMNS, type LogColumn } from '../../shared/log/logQuery';
import type { LogRow } from '../../shared/log/logRow';
import type { BusinessCalendar } from '../../shared/time/calendar';
import type { Instant, TimeZone } from '../../shared/time/types';
import { logColumnsOf, logTableFeatures } from './columns';
import { LogTableContext, type LogTableContextValue } from './logTableContext';
import { useRowWindow, type WindowRow } from './useRowWindow';

export interface LogTableProps {
  /** Already filtered and sorted (shared/log/logQuery). */
  rows: LogRow[];
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  filters: ColumnFiltersState;
  onFiltersChange: (next: ColumnFiltersState) => void;
  /** Values offered by the choice columns' filter menus. */
  choices: Partial<Record<LogColumn, string[]>>;
  zone: TimeZone;
  now: Instant;
  cal: BusinessCalendar;
  caption: string;
  /** The columns shown, in order, at their widths (shared/log/logLayout.ts). */
  layout: LogLayout;
  /** The filter row under the headers (hidden: fewer Tab stops and more rows in view). */
  showFilters: boolean;
  /** Rows assigned to the person at the desk that they have not opened since (LogTableContextValue.isNew). */
  isNew?: LogTableContextValue['isNew'];
}

const NEVER_NEW: LogTableContextValue['isNew'] = () => false;

/** Two lines of small text fit (the Next due cell); 18 rows and more show at 1440×900. */
const ROW_HEIGHT = 36;

/** The width style of a column's cells: the Summary column grows into the room left over. */
const cellStyle = (id: string, width: number) => (id === FLEX_COLUMN ? { flex: `1 0 ${width}px`, minWidth: width } : { width });

/**
 * The log as a windowed table: only the rows in view (plus a few) are in the DOM. Memoised: the
 * shell's renders that change nothing here (a clock tick elsewhere, a sidebar count) skip it.
 */
export const LogTable = memo(function LogTable({
  rows,
  sorting,
  onSortingChange,
  filters,
  onFiltersChange,
  choices,
  zone,
  now,
  cal,
  caption,
  layout,
  showFilters,
  isNew = NEVER_NEW,
}: LogTableProps) {
  const columns = useMemo(() => logColumnsOf(layout), [layout]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const view = useRowWindow(scrollRef, rows.length, ROW_HEIGHT, 8);
  const items = view.rows;
  const first = view.first;
  const end = first + items.length;
  // The table gets only the rows in view: TanStack builds a row object per data item, so handing
  // it the whole log (100,000 rows) would cost more on every keystroke than the search itself.
  const inView = useMemo(() => rows.slice(first, end), [rows, first, end]);
  const table = useTable({
    features: logTableFeatures,
    columns,
    data: inView,
    getRowId: (row) => row.id,
    state: { sorting, columnFilters: filters },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnFiltersChange: (updater) => onFiltersChange(typeof updater === 'function' ? updater(filters) : updater),
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
  });

  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const toggleReveal = useCallback((id: string) => {
    setRevealed((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const context = useMemo<LogTableContextValue>(
    () => ({ zone, now, cal, revealed, toggleReveal, isNew }),
    [zone, now, cal, revealed, toggleReveal, isNew],
  );

  const modelRows = table.getRowModel().rows;

  /**
   * Arrow keys move between cells: up and down to the same column of the next row (the row window scrolls it into
   * the DOM first), left and right along the row; Home and End to the first and last row. A cell's link or button
   * takes the focus, else the cell itself, whose whole text then shows (styles.css).
   */
  const rowCount = rows.length;
  const onBodyKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableSectionElement>) => {
      if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
      const cell = (e.target as HTMLElement).closest('td');
      const tr = cell?.parentElement;
      const current = tr?.dataset.index;
      if (!cell || !tr || current === undefined) return;
      const column = Array.prototype.indexOf.call(tr.children, cell) as number;
      e.preventDefault();
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        const to = tr.children[column + (e.key === 'ArrowLeft' ? -1 : 1)];
        if (to instanceof HTMLElement) focusCell(to);
        return;
      }
      const last = rowCount - 1;
      const index = Number(current);
      const next =
        e.key === 'ArrowDown' ? Math.min(last, index + 1) : e.key === 'ArrowUp' ? Math.max(0, index - 1) : e.key === 'Home' ? 0 : last;
      view.scrollToIndex(next);
      const focus = (tries: number) => {
        const to = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${next}"] > td:nth-child(${column + 1})`);
        if (to) focusCell(to);
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
      };
      requestAnimationFrame(() => focus(10));
    },
    [rowCount, view.scrollToIndex],
  );

  const totalWidth = layoutWidth(layout);

  return (
    <LogTableContext.Provider value={context}>
      <div className="table-scroll" ref={scrollRef}>
        <table className="log-table" aria-rowcount={rows.length + (showFilters ? 2 : 1)} style={{ minWidth: totalWidth }}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      style={cellStyle(header.id, header.getSize())}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-indicator">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
            {showFilters && (
              <tr className="filter-row" aria-rowindex={2}>
                {table.getAllLeafColumns().map((column) => {
                  const id = column.id as LogColumn;
                  const label = `Filter ${typeof column.columnDef.header === 'string' ? column.columnDef.header : id}`;
                  const value = (column.getFilterValue() as string | undefined) ?? '';
                  return (
                    <td key={column.id} style={cellStyle(column.id, column.getSize())}>
                      {CHOICE_COLUMNS.has(id) ? (
                        <select aria-label={label} value={value} onChange={(e) => column.setFilterValue(e.target.value || undefined)}>
                          <option value="">All</option>
                          {(choices[id] ?? []).map((c) => (
                            <option key={c} value={c}>
                              {id === 'status' ? (c === 'open' ? 'Open' : 'Resolved') : c}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          type="search"
                          aria-label={label}
                          placeholder={id === 'receivedAt' ? 'mm/dd/yyyy' : 'Contains…'}
                          value={value}
                          onChange={(e) => column.setFilterValue(e.target.value || undefined)}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            )}
          </thead>
          <LogBody
            rows={modelRows}
            items={items}
            first={first}
            rowIndexBase={showFilters ? 3 : 2}
            height={view.totalHeight}
            onKeyDown={onBodyKeyDown}
          />
        </table>
      </div>
    </LogTableContext.Provider>
  );
});

interface LogBodyProps {
  rows: Row<typeof logTableFeatures, LogRow>[];
  items: WindowRow[];
  /** Index in the whole list of `rows[0]`. */
  first: number;
  /** aria-rowindex of the first body row (after the header rows). */
  rowIndexBase: number;
  height: number;
  onKeyDown: (e: KeyboardEvent<HTMLTableSectionElement>) => void;
}

/**
 * The rows in view. Memoised on them: typing in a column filter re-renders the header row, and the
 * body only when the rows in view change.
 */
const LogBody = memo(function LogBody({ rows, items, first, rowIndexBase, height, onKeyDown }: LogBodyProps) {
  return (
    <tbody style={{ height }} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const row = rows[item.index - first];
        if (!row) return null;
        return (
          <tr
            key={row.id}
            data-index={item.index}
            aria-rowindex={item.index + rowIndexBase}
            className={item.index % 2 ? 'odd' : undefined}
            style={{ top: item.start, height: ROW_HEIGHT }}
          >
            {row.getAllCells().map((cell) => (
              <td key={cell.id} style={cellStyle(cell.column.id, cell.column.getSize())} tabIndex={-1}>
                <FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        );
      })}
    </tbody>
  );
});

/** Focuses a cell's link or button when it has one (the case number, Reveal), else the cell. */
function focusCell(cell: HTMLElement): void {
  const inner = cell.querySelector<HTMLElement>('a, button');
  (inner ?? cell).focus();
}
