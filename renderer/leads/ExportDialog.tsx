import { useEffect, useMemo, useRef, useState } from 'react';
import { calendarConfigOf } from '../../shared/config/agencyConfig';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumn,
  type ExportContext,
  type ExportValue,
} from '../../shared/export/columns';
import { CSV_BOM, csvHeader, csvRow } from '../../shared/export/csv';
import {
  chosenColumns,
  EXPORT_TABLE_VERSION,
  type ExportFormat,
  exportFileName,
  exportRow,
  revealsIdentifiers,
} from '../../shared/export/exportPlan';
import { DEFAULT_LOG_QUERY, type LogQuery, QUEUE_LABELS, type QueueTime } from '../../shared/log/logQuery';
import type { Profile } from '../../shared/people';
import { createCalendar } from '../../shared/time/calendar';
import type { TimeZone } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { useAgencyConfig, useLogSnapshot, useServices } from '../data/hooks';
import { fileWords, useSaveOutcome } from './saveOutcome';
import { spreadsheetIo } from './spreadsheetClient';
import './leads.css';

/*
 * Export the current view (its queue, search, filters and sort) or the whole log to XLSX or CSV,
 * with chosen columns. Member identifiers are masked unless the lead ticks the box, and then the
 * file's name says so. The desktop saves through its Save dialog; the browser build downloads.
 */

type Scope = 'view' | 'all';

const GROUPS: { title: string; ids: string[] }[] = [
  {
    title: 'Inquiry',
    ids: ['caseNumber', 'receivedAt', 'source', 'originatorName', 'originatorContact', 'priority', 'assignee', 'status'],
  },
  { title: 'Issue and MCO', ids: ['mcoEnrollment', 'mco', 'category', 'subcategory', 'description', 'expectedOutcome', 'rootCause'] },
  { title: 'Member (identifiers)', ids: ['memberName', 'medicaidId', 'memberDob', 'memberPhone', 'callbackPhone', 'callbackAvailability'] },
  {
    title: 'Timeliness (computed)',
    ids: [
      'firstContactTarget',
      'firstContactDeadline',
      'firstContactAt',
      'firstContactOutcome',
      'hoursToFirstContact',
      'hoursToResolution',
      'daysOpen',
      'currentDue',
      'currentDueAt',
    ],
  },
  { title: 'Outcome and record', ids: ['resolution', 'resolutionText', 'resolvedAt', 'updatedAt', 'noteCount', 'importedFrom'] },
];

const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));
const ROW_CHUNK = 2000;
/** The whole log: every inquiry, nothing searched or filtered. */
const ALL: Omit<LogQuery, 'sort'> = { queue: 'all', search: '', filters: {} };

export function ExportDialog({
  query,
  profile,
  queueTime,
  onClose,
}: {
  query: LogQuery;
  profile: Profile;
  queueTime: QueueTime;
  onClose: () => void;
}) {
  const { repo, clock } = useServices();
  const bridge = useBridge();
  const config = useAgencyConfig();
  const snapshot = useLogSnapshot();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<Scope>('view');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [columns, setColumns] = useState<Set<string>>(() => new Set(DEFAULT_EXPORT_COLUMNS));
  const [identifiers, setIdentifiers] = useState(false);
  const { status, setStatus, save, working } = useSaveOutcome();

  useEffect(() => {
    const d = dialogRef.current;
    // jsdom has no showModal; a real browser always does.
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
  }, []);

  // The log screen's own index: its order and search are already worked out for this view.
  const { index } = snapshot;
  const viewRows = useMemo(
    () => index.select(index.order(query.sort, queueTime.now), query, profile.id, queueTime),
    [index, query, profile.id, queueTime],
  );
  const allRows = useMemo(
    () => index.select(index.order(DEFAULT_LOG_QUERY.sort, queueTime.now), ALL, profile.id, queueTime),
    [index, profile.id, queueTime],
  );
  const filtered = query.search.trim() !== '' || Object.values(query.filters).some((v) => v && v.trim() !== '');
  const viewName = `${QUEUE_LABELS[query.queue]}${filtered ? ' (filtered)' : ''}`;
  const rows = scope === 'view' ? viewRows : allRows;
  const chosen = chosenColumns(EXPORT_COLUMNS.map((c) => c.id).filter((id) => columns.has(id)));
  const withIdentifiers = revealsIdentifiers(chosen, identifiers);
  const fileName = exportFileName({
    scope: scope === 'view' ? viewName : 'whole log',
    now: clock.now(),
    zone: config.timeZone,
    identifiers: withIdentifiers,
    format,
  });
  const canExport = snapshot.complete && rows.length > 0 && chosen.length > 0 && !working;

  const toggle = (id: string, on: boolean) =>
    setColumns((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function run() {
    const zone = config.timeZone;
    const ids = rows.map((r) => r.id);
    setStatus({ kind: 'working', text: 'Reading the inquiries', done: 0, total: ids.length });
    let count = 0;
    await save(
      async () => {
        const records = await repo.reports.records(ids, (done, total) =>
          setStatus({ kind: 'working', text: 'Reading the inquiries', done, total }),
        );
        const ctx: ExportContext = {
          config,
          zone,
          now: clock.now(),
          calendar: createCalendar(calendarConfigOf(config)),
          includeIdentifiers: identifiers,
        };
        const table: ExportValue[][] = [];
        for (let i = 0; i < records.length; i += ROW_CHUNK) {
          for (const r of records.slice(i, i + ROW_CHUNK)) table.push(exportRow(r, chosen, ctx));
          setStatus({ kind: 'working', text: 'Preparing the rows', done: Math.min(i + ROW_CHUNK, records.length), total: records.length });
          await yieldToWindow();
        }
        const data =
          format === 'csv'
            ? await csvBytes(chosen, table, zone, (done, total) =>
                setStatus({ kind: 'working', text: 'Writing the CSV file', done, total }),
              )
            : await spreadsheetIo().writeXlsx(
                {
                  sheetName: 'Inquiries',
                  zone,
                  columns: chosen.map((c) => ({ header: c.header, kind: c.kind, width: c.width })),
                  rows: table,
                  about: [
                    ['Exported from', 'Liaison Log'],
                    ['Exported by', profile.displayName],
                    ['Exported at', new Date(ctx.now).toLocaleString('en-US', { timeZone: zone, timeZoneName: 'short' })],
                    [
                      'What',
                      scope === 'view'
                        ? `The view "${viewName}"${filtered ? `, search "${query.search}" and column filters applied` : ''}`
                        : 'The whole log',
                    ],
                    ['Inquiries', String(table.length)],
                    ['Member identifiers', withIdentifiers ? 'INCLUDED, unmasked. This file is health data.' : 'Masked'],
                    ['Times', `${zone}; business hours per the agency calendar`],
                    ['Export format version', String(EXPORT_TABLE_VERSION)],
                  ],
                },
                (p) =>
                  setStatus({
                    kind: 'working',
                    text: p.phase === 'writing' ? 'Writing the workbook' : 'Preparing the workbook',
                    done: p.done,
                    total: p.total,
                  }),
              );
        setStatus({ kind: 'working', text: 'Saving the file' });
        count = table.length;
        return bridge.saveFile({ suggestedName: fileName, format, data, containsMemberData: withIdentifiers });
      },
      fileWords((saved) => `Saved ${count.toLocaleString('en-US')} ${count === 1 ? 'inquiry' : 'inquiries'} as ${saved}.`),
    );
  }

  return (
    <dialog
      ref={dialogRef}
      className="export-dialog"
      aria-labelledby="export-title"
      onCancel={(e) => {
        if (working) e.preventDefault();
      }}
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (canExport) void run();
        }}
      >
        <h2 id="export-title">Export inquiries</h2>
        <div className="export-top">
          <fieldset>
            <legend>What to export</legend>
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'view'} onChange={() => setScope('view')} disabled={working} />
              This view: {viewName}, {viewRows.length.toLocaleString('en-US')} {viewRows.length === 1 ? 'inquiry' : 'inquiries'}, in its
              order
            </label>
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} disabled={working} />
              The whole log: {allRows.length.toLocaleString('en-US')} inquiries, newest first
            </label>
            {!snapshot.complete && (
              <p className="hint" role="status">
                The log is still loading ({snapshot.loaded.toLocaleString('en-US')} of {snapshot.total.toLocaleString('en-US')}): export is
                ready when it has loaded.
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend>Format</legend>
            <div className="choices">
              <label className="choice">
                <input
                  type="radio"
                  name="export-format"
                  checked={format === 'xlsx'}
                  onChange={() => setFormat('xlsx')}
                  disabled={working}
                />
                Excel workbook (.xlsx), dates as real dates
              </label>
              <label className="choice">
                <input type="radio" name="export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} disabled={working} />
                CSV (.csv, UTF-8)
              </label>
            </div>
          </fieldset>
        </div>
        <fieldset>
          <legend>Columns ({chosen.length} chosen)</legend>
          <div className="button-row">
            <button
              type="button"
              className="link-button"
              onClick={() => setColumns(new Set(EXPORT_COLUMNS.map((c) => c.id)))}
              disabled={working}
            >
              Choose all
            </button>
            <button type="button" className="link-button" onClick={() => setColumns(new Set(DEFAULT_EXPORT_COLUMNS))} disabled={working}>
              Usual columns
            </button>
            <button type="button" className="link-button" onClick={() => setColumns(new Set())} disabled={working}>
              Clear
            </button>
          </div>
          <div className="column-groups">
            {GROUPS.map((g) => (
              <div key={g.title} className="column-group">
                <h3>{g.title}</h3>
                {g.ids.map((id) => {
                  const c = EXPORT_COLUMNS.find((x) => x.id === id) as ExportColumn;
                  return (
                    <label key={id} className="choice">
                      <input
                        type="checkbox"
                        id={`export-col-${id}`}
                        checked={columns.has(id)}
                        onChange={(e) => toggle(id, e.target.checked)}
                        disabled={working}
                      />
                      {c.header}
                    </label>
                  );
                })}
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className={identifiers ? 'identifier-warning' : undefined}>
          <legend>Member identifiers</legend>
          <label className="choice">
            <input
              type="checkbox"
              id="export-identifiers"
              checked={identifiers}
              onChange={(e) => setIdentifiers(e.target.checked)}
              disabled={working}
              aria-describedby="export-identifiers-hint"
            />
            Include member identifiers unmasked (name, Medicaid ID, date of birth, phone numbers)
          </label>
          <p id="export-identifiers-hint" className={identifiers ? 'notice notice-warning' : 'hint'}>
            {identifiers
              ? 'The file will be health data, and its name will say CONTAINS-MEMBER-IDENTIFIERS. Keep it on this computer or in an approved encrypted location: never on the shared drive, and never attached to email.'
              : 'Left unticked, identifier columns are masked as in the log (M. L. •••, •••••67A).'}
          </p>
        </fieldset>
        <div className="dialog-footer">
          <p className="hint">
            File name: <span className="file-name">{fileName}</span>
          </p>
          {status && (
            <div className={`notice ${status.kind === 'error' ? 'notice-error' : status.kind === 'saved' ? 'notice-ok' : 'notice-info'}`}>
              {status.kind === 'working' && status.total !== undefined && status.total > 0 ? (
                <div className="progress">
                  <label htmlFor="export-progress">{status.text}</label>
                  <progress id="export-progress" max={status.total} value={status.done ?? 0} />
                </div>
              ) : null}
              <p role={status.kind === 'error' ? 'alert' : 'status'}>
                {status.kind === 'working' && status.total
                  ? `${(status.done ?? 0).toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')}`
                  : status.text}
              </p>
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={!canExport}>
              {working ? 'Exporting…' : `Export ${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'inquiry' : 'inquiries'}`}
            </button>
            <button type="button" className="secondary" onClick={() => dialogRef.current?.close()} disabled={working}>
              {status?.kind === 'saved' ? 'Close' : 'Cancel'}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}

/** The CSV file as bytes: BOM, header, rows, written a chunk at a time. */
async function csvBytes(
  columns: ExportColumn[],
  table: ExportValue[][],
  zone: TimeZone,
  onProgress: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(CSV_BOM + csvHeader(columns))];
  for (let i = 0; i < table.length; i += ROW_CHUNK) {
    let text = '';
    for (const values of table.slice(i, i + ROW_CHUNK)) text += csvRow(values, columns, zone);
    parts.push(encoder.encode(text));
    onProgress(Math.min(i + ROW_CHUNK, table.length), table.length);
    await yieldToWindow();
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
