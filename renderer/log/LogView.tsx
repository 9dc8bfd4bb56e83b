import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import { type RefObject, useCallback, useMemo, useRef, useState } from 'react';
import type { LogLayout } from '../../shared/log/logLayout';
import { CHOICE_COLUMNS, choicesOf, LOG_COLUMNS, type LogColumn, type LogQuery, QUEUE_LABELS } from '../../shared/log/logQuery';
import { type NewToYouRow, newToYou } from '../../shared/log/logRow';
import type { Profile } from '../../shared/people';
import { navigate } from '../app/router';
import { focusOnMount } from '../components/focusOnMount';
import { useBusinessCalendar } from '../data/calendar';
import { useAgencyConfig, useLogSnapshot, useOpened } from '../data/hooks';
import { useQueueTime } from '../data/useNow';
import { ColumnChooser } from './ColumnChooser';
import { LogTable } from './LogTable';

const isLogColumn = (id: string): id is LogColumn => (LOG_COLUMNS as readonly string[]).includes(id);

/** The log screen: search, the queue's table, and what is still loading. */
export function LogView({
  profile,
  query,
  onQuery,
  layout,
  onLayout,
  searchRef,
}: {
  profile: Profile;
  query: LogQuery;
  onQuery: (next: LogQuery) => void;
  /** The person's columns (shared/log/logLayout.ts). */
  layout: LogLayout;
  onLayout: (next: LogLayout) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const [filtersOpen, setFiltersOpen] = useState(false);
  const snapshot = useLogSnapshot();
  const config = useAgencyConfig();
  // The store's index of this version of the rows keeps its orders and searches between visits to
  // the log. Every change applies at once, in one render and one paint: deferring the rows behind
  // the search box (useDeferredValue) cost each keystroke an extra frame and a scheduler hop.
  const index = snapshot.index;
  const queueTime = useQueueTime(config.timeZone);
  const order = useMemo(() => index.order(query.sort, queueTime.now), [index, query.sort, queueTime.now]);
  const cal = useBusinessCalendar(config);
  const rows = useMemo(
    () => index.select(order, { queue: query.queue, filters: query.filters, search: query.search }, profile.id, queueTime),
    [index, order, query.queue, query.filters, query.search, profile.id, queueTime],
  );
  // "New to you": assigned to this person by someone else, and not opened by them since the assignment. Nothing is
  // marked new until what they have opened is read (every row of theirs would flash "New" as the log opens).
  const opened = useOpened(profile.id);
  const isNew = useCallback((row: NewToYouRow) => opened !== undefined && newToYou(row, profile.id, opened), [opened, profile.id]);
  const choices = useMemo(() => {
    const out: Partial<Record<LogColumn, string[]>> = {};
    for (const c of CHOICE_COLUMNS) out[c] = choicesOf(snapshot.rows, c);
    return out;
  }, [snapshot.rows]);

  // Kept while the sort and filters are unchanged, so a search keystroke does not make the table
  // rebuild its rows for a new state it does not use.
  const sorting: SortingState = useMemo(() => query.sort.map((s) => ({ id: s.column, desc: s.desc })), [query.sort]);
  const filters: ColumnFiltersState = useMemo(() => Object.entries(query.filters).map(([id, value]) => ({ id, value })), [query.filters]);
  // Stable across renders (they read the latest query), so the memoised table skips the shell's
  // renders that change nothing it shows.
  const latestQuery = useRef(query);
  latestQuery.current = query;
  const onSortingChange = useCallback(
    (next: SortingState) =>
      onQuery({
        ...latestQuery.current,
        sort: next.filter((s) => isLogColumn(s.id)).map((s) => ({ column: s.id as LogColumn, desc: s.desc })),
      }),
    [onQuery],
  );
  const onFiltersChange = useCallback(
    (next: ColumnFiltersState) =>
      onQuery({
        ...latestQuery.current,
        filters: Object.fromEntries(
          next.filter((f) => isLogColumn(f.id) && typeof f.value === 'string').map((f) => [f.id, f.value as string]),
        ),
      }),
    [onQuery],
  );
  const filtered = query.search.trim() !== '' || filters.length > 0;
  // A filter set (by a saved view, say) is never hidden.
  const showFilters = filtersOpen || filters.length > 0;
  const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'inquiry' : 'inquiries'}`;
  const title = QUEUE_LABELS[query.queue];

  return (
    <section className="log-view" aria-labelledby="log-title">
      <div className="toolbar">
        <h1 id="log-title" tabIndex={-1} ref={focusOnMount}>
          {title}
        </h1>
        <div className="search">
          <label htmlFor="log-search" className="visually-hidden">
            Search the log
          </label>
          <input
            id="log-search"
            ref={searchRef}
            type="search"
            placeholder="Search case #, member, Medicaid ID, MCO, description…  ( / )"
            aria-keyshortcuts="/"
            maxLength={200}
            value={query.search}
            onChange={(e) => onQuery({ ...query, search: e.target.value })}
          />
        </div>
        <button
          type="button"
          className="secondary"
          aria-pressed={showFilters}
          disabled={filters.length > 0}
          onClick={() => setFiltersOpen((o) => !o)}
        >
          Filter columns
        </button>
        <ColumnChooser layout={layout} onLayout={onLayout} />
        {filtered && (
          <button type="button" className="secondary" onClick={() => onQuery({ ...query, search: '', filters: {} })}>
            Clear search and filters
          </button>
        )}
        <p className="row-count" role="status" aria-live="polite">
          {snapshot.complete
            ? count(rows.length)
            : snapshot.total > snapshot.loaded
              ? `Loading the log: ${snapshot.loaded.toLocaleString('en-US')} of about ${snapshot.total.toLocaleString('en-US')}…`
              : `Loading the log: ${snapshot.loaded.toLocaleString('en-US')} so far…`}
        </p>
      </div>
      {snapshot.complete && snapshot.total === 0 ? (
        <div className="empty">
          <p>No inquiries have been logged on this desk yet.</p>
          <button type="button" className="primary" onClick={() => navigate({ name: 'new' })}>
            Log the first inquiry
          </button>
        </div>
      ) : (
        <>
          <LogTable
            rows={rows}
            now={queueTime.now}
            cal={cal}
            sorting={sorting}
            onSortingChange={onSortingChange}
            filters={filters}
            onFiltersChange={onFiltersChange}
            choices={choices}
            zone={config.timeZone}
            caption={`${title}: ${count(rows.length)}. Member identifiers are masked; use Reveal on a row to show them.`}
            layout={layout}
            showFilters={showFilters}
            isNew={isNew}
          />
          {rows.length === 0 && snapshot.complete && <p className="empty">No inquiries in this queue match the search and filters.</p>}
        </>
      )}
    </section>
  );
}
