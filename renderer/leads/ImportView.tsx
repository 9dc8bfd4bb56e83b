import { useMemo, useRef, useState } from 'react';
import { type AgencyConfig, mcoName, priorityLabel } from '../../shared/config/agencyConfig';
import { formatDateTime } from '../../shared/export/columns';
import { CSV_BOM, csvHeader, csvRow } from '../../shared/export/csv';
import { mappingProblems } from '../../shared/import/analyse';
import { cellText, isBlankCell, type ParsedFile } from '../../shared/import/cells';
import {
  type ColumnMapping,
  columnLetter,
  findHeaderRow,
  headersOf,
  IMPORT_FIELD_INFO,
  IMPORT_FIELDS,
  type ImportField,
  suggestMapping,
} from '../../shared/import/fields';
import type { ImportedRow } from '../../shared/import/normalise';
import { ImportFileProblem, sniffSpreadsheet } from '../../shared/import/sniff';
import { maskDob, maskMedicaidId, maskName, maskPhone } from '../../shared/inquiry/mask';
import type { TimeZone } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { navigate } from '../app/router';
import { focusOnMount } from '../components/focusOnMount';
import { useAgencyConfig, useServices } from '../data/hooks';
import {
  analyse,
  backupBeforeImport,
  commitImport,
  type ImportPlan,
  type ImportProgress,
  type ImportResult,
  importContext,
  type RowAddition,
} from '../data/importer';
import { ScrollFrame } from './ScrollFrame';
import { type IoProgress, spreadsheetIo } from './spreadsheetClient';
import './leads.css';

/*
 * Import the old shared-drive log (SPEC.md "Legacy import"): choose the file, match its columns,
 * review what will happen to every row, then write it all in one go. Nothing is written before the
 * last step, and a row imported before is never added twice.
 */

type Stage =
  | { kind: 'choose' }
  | { kind: 'busy'; label: string; done: number; total: number }
  | { kind: 'map' }
  | { kind: 'preview'; plan: ImportPlan }
  | { kind: 'done'; result: ImportResult; plan: ImportPlan; seconds: number };

const STEPS = ['Choose the file', 'Match the columns', 'Review', 'Import'] as const;
const PREVIEW_ROWS = 100;
const LIST_ROWS = 1000;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const IDENTIFIER_MASK: Partial<Record<ImportField, (s: string) => string>> = {
  memberName: maskName,
  memberFirstName: maskName,
  memberLastName: maskName,
  medicaidId: maskMedicaidId,
  memberDob: maskDob,
  memberPhone: maskPhone,
  callbackPhone: maskPhone,
};

export function ImportView() {
  const services = useServices();
  const { repo, clock } = services;
  const config = useAgencyConfig();
  const bridge = useBridge();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<ParsedFile | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [headers, setHeaders] = useState<string[]>([]);
  const [busyStep, setBusyStep] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const sheet = file?.sheets[sheetIndex];
  const width = useMemo(() => (sheet ? sheet.rows.slice(0, 500).reduce((w, r) => Math.max(w, r.length), 0) : 0), [sheet]);

  const progress = (label: string) => (p: { done: number; total: number }) =>
    setStage({ kind: 'busy', label, done: p.done, total: p.total });

  async function chooseSheet(parsed: ParsedFile, index: number, header: number | null = null) {
    const rows = parsed.sheets[index]?.rows ?? [];
    const found = header ?? findHeaderRow(rows);
    const w = rows.slice(0, 500).reduce((m, r) => Math.max(m, r.length), 0);
    const hs = headersOf(found === null ? undefined : rows[found], w);
    setSheetIndex(index);
    setHeaderRow(found);
    setHeaders(hs);
    setMapping(found === null ? hs.map(() => null) : suggestMapping(hs, await repo.imports.learnedMapping()));
  }

  async function readFile(chosen: File) {
    setError(null);
    setBusyStep(0);
    setStage({ kind: 'busy', label: `Reading "${chosen.name}"…`, done: 0, total: 0 });
    try {
      const bytes = await chosen.arrayBuffer();
      // A file that is not a spreadsheet is refused here, at once, before the reader starts.
      sniffSpreadsheet(chosen.name, new Uint8Array(bytes));
      const parsed = await spreadsheetIo().read(chosen.name, bytes, (p: IoProgress) =>
        setStage({
          kind: 'busy',
          label:
            p.phase === 'reading'
              ? `Reading "${chosen.name}"…`
              : `Reading rows: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`,
          done: p.phase === 'reading' ? 0 : p.done,
          total: p.phase === 'reading' ? 0 : p.total,
        }),
      );
      // The sheet with the most rows is usually the log; a recognised header row wins over size.
      const scored = parsed.sheets.map((s, i) => ({ i, header: findHeaderRow(s.rows) !== null, rows: s.rows.length }));
      const best = [...scored].sort((a, b) => Number(b.header) - Number(a.header) || b.rows - a.rows)[0]?.i ?? 0;
      setFile(parsed);
      await chooseSheet(parsed, best);
      setStage({ kind: 'map' });
    } catch (e) {
      setFile(null);
      setStage({ kind: 'choose' });
      setError(e instanceof ImportFileProblem ? e.message : `The file could not be read: ${(e as Error).message}`);
      if (fileInput.current) fileInput.current.value = '';
      fileInput.current?.focus();
    }
  }

  async function check() {
    if (!file || !sheet || headerRow === null) return;
    setError(null);
    setBusyStep(1);
    try {
      const ctx = await importContext(repo, clock.now());
      const analysis = await analyse(sheet.rows, headerRow, mapping, ctx, progress('Reading the rows'));
      const plan = await repo.imports.plan(analysis, progress('Checking which rows are already in the log'));
      await repo.imports.rememberMapping(headers, mapping);
      setStage({ kind: 'preview', plan });
    } catch (e) {
      setStage({ kind: 'map' });
      setError(`The rows could not be checked: ${(e as Error).message}`);
    }
  }

  async function write(plan: ImportPlan) {
    if (!file || !sheet) return;
    setError(null);
    setBusyStep(3);
    const started = performance.now();
    try {
      const onProgress = (p: ImportProgress) =>
        setStage({
          kind: 'busy',
          label: p.step === 'backing-up' ? 'Backing up the log before importing' : 'Writing the inquiries',
          done: p.done,
          total: p.total,
        });
      await backupBeforeImport(repo, clock.now(), onProgress);
      const result = await commitImport(
        repo,
        plan,
        { fileName: file.fileName, sheet: sheet.name, headers, mapping },
        clock.now(),
        onProgress,
      );
      setStage({ kind: 'done', result, plan, seconds: (performance.now() - started) / 1000 });
    } catch (e) {
      setStage({ kind: 'preview', plan });
      setError(`Nothing was imported: ${(e as Error).message}`);
    }
  }

  async function saveProblems(plan: ImportPlan) {
    if (!file) return;
    const columns = [
      { header: 'Row', kind: 'number' as const },
      { header: 'What', kind: 'text' as const },
      { header: 'Problem', kind: 'text' as const },
    ];
    const zone = config.timeZone as TimeZone;
    const lines = [CSV_BOM, csvHeader(columns)];
    for (const r of plan.analysis.rejected) lines.push(csvRow([r.rowNumber, 'Not imported', r.reason], columns, zone));
    for (const d of plan.analysis.duplicates)
      lines.push(csvRow([d.rowNumber, 'Duplicate', `Repeats row ${d.firstRow}: imported once.`], columns, zone));
    for (const r of plan.analysis.accepted) for (const w of r.warnings) lines.push(csvRow([r.rowNumber, 'Warning', w], columns, zone));
    const base = file.fileName.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]/g, '-');
    const outcome = await bridge.saveFile({
      suggestedName: `${base.slice(0, 120)}_import-problems.csv`,
      format: 'csv',
      data: new TextEncoder().encode(lines.join('')),
      containsMemberData: false,
    });
    if (outcome.outcome === 'refused') setError(outcome.message);
  }

  const step = stage.kind === 'busy' ? busyStep : stage.kind === 'choose' ? 0 : stage.kind === 'map' ? 1 : stage.kind === 'preview' ? 2 : 3;

  return (
    <section className="lead-page import-view" aria-labelledby="import-title">
      <header>
        <h1 id="import-title" tabIndex={-1} ref={focusOnMount}>
          Import the old log
        </h1>
        <p>
          Bring the shared-drive MCO Inquiry Log (Excel .xlsx or CSV) into Liaison Log. Nothing is written until you confirm on the last
          step, and a row imported before is never added twice: importing a later copy of the log adds only what is new.
        </p>
      </header>
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((label, i) => (
          <li key={label} aria-current={i === step ? 'step' : undefined} className={i < step || stage.kind === 'done' ? 'done' : undefined}>
            <span className="step-number" aria-hidden="true">
              {i < step || stage.kind === 'done' ? '✓' : i + 1}
            </span>
            {label}
          </li>
        ))}
      </ol>

      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}

      {stage.kind === 'busy' && <Progress label={stage.label} done={stage.done} total={stage.total} />}

      {stage.kind === 'choose' && (
        <div className="panel">
          <h2>1. Choose the file</h2>
          <div className="file-drop">
            <label htmlFor="import-file">Spreadsheet file (.xlsx or .csv)</label>
            <input
              id="import-file"
              ref={fileInput}
              type="file"
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="import-file-hint"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void readFile(chosen);
              }}
            />
            <p id="import-file-hint" className="hint">
              Title rows above the column names are fine. An Excel 97–2003 (.xls) or password-protected workbook must first be saved as
              .xlsx without a password. The file stays on this computer.
            </p>
          </div>
        </div>
      )}

      {stage.kind === 'map' && file && sheet && (
        <MappingStep
          file={file}
          sheetIndex={sheetIndex}
          headerRow={headerRow}
          headers={headers}
          mapping={mapping}
          width={width}
          onSheet={(i) => void chooseSheet(file, i)}
          onHeaderRow={(r) => void chooseSheet(file, sheetIndex, r)}
          onMapping={setMapping}
          onCheck={() => void check()}
          onRestart={() => {
            setFile(null);
            setError(null);
            setStage({ kind: 'choose' });
          }}
        />
      )}

      {stage.kind === 'preview' && (
        <PreviewStep
          plan={stage.plan}
          config={config}
          fileName={file?.fileName ?? ''}
          onImport={() => void write(stage.plan)}
          onBack={() => {
            setError(null);
            setStage({ kind: 'map' });
          }}
          onSaveProblems={() => void saveProblems(stage.plan)}
        />
      )}

      {stage.kind === 'done' && (
        <section className="panel" aria-labelledby="import-done-title">
          <h2 id="import-done-title" tabIndex={-1} ref={focusOnMount}>
            Import finished
          </h2>
          <p className="notice notice-ok" role="status">
            {stage.result.inquiriesAdded + stage.result.inquiriesUpdated === 0
              ? `Nothing new: every row of "${file?.fileName}" is already in the log.`
              : `Imported ${count(stage.result.inquiriesAdded, 'new inquiry', 'new inquiries')}${
                  stage.result.inquiriesUpdated > 0
                    ? ` and added to ${count(stage.result.inquiriesUpdated, 'inquiry', 'inquiries')} imported before`
                    : ''
                } from "${file?.fileName}" (${count(stage.result.events, 'timeline entry', 'timeline entries')}, ${stage.seconds.toFixed(1)} s).`}
          </p>
          <p className="hint">
            Each imported inquiry's timeline is marked "Imported" and keeps the original row for audit. A backup of the log from just before
            the import is in Settings → Data.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => navigate({ name: 'log' })}>
              Open the log
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFile(null);
                setStage({ kind: 'choose' });
              }}
            >
              Import another file
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="panel progress" aria-busy="true">
      <label htmlFor="import-progress">{label}</label>
      {total > 0 ? <progress id="import-progress" max={total} value={done} /> : <progress id="import-progress" />}
      <p role="status" aria-live="polite">
        {total > 0 ? `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : 'Working…'} The window stays usable while this
        runs.
      </p>
    </div>
  );
}

function MappingStep(props: {
  file: ParsedFile;
  sheetIndex: number;
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  width: number;
  onSheet: (i: number) => void;
  onHeaderRow: (row: number) => void;
  onMapping: (m: ColumnMapping) => void;
  onCheck: () => void;
  onRestart: () => void;
}) {
  const { file, sheetIndex, headerRow, headers, mapping } = props;
  const rows = file.sheets[sheetIndex]?.rows ?? [];
  const [headerText, setHeaderText] = useState(headerRow === null ? '' : String(headerRow + 1));
  const [headerError, setHeaderError] = useState<string | null>(null);
  const problems = headerRow === null ? [] : mappingProblems(mapping, headers);
  const dataRows = headerRow === null ? 0 : rows.length - headerRow - 1;

  const samples = useMemo(() => {
    if (headerRow === null) return [];
    return headers.map((_, col) => {
      const found: string[] = [];
      for (let r = headerRow + 1; r < rows.length && found.length < 3 && r < headerRow + 400; r++) {
        const c = rows[r]?.[col];
        if (c !== undefined && !isBlankCell(c)) found.push(cellText(c).replace(/\s+/g, ' ').slice(0, 40));
      }
      return found;
    });
  }, [headers, headerRow, rows]);

  function applyHeaderRow() {
    const n = Number(headerText);
    if (!Number.isInteger(n) || n < 1 || n > Math.min(rows.length, 1000)) {
      setHeaderError(`Enter the number of the row that holds the column names (1 to ${Math.min(rows.length, 1000)}).`);
      return;
    }
    setHeaderError(null);
    props.onHeaderRow(n - 1);
  }

  return (
    <div className="panel">
      <h2 tabIndex={-1} ref={focusOnMount}>
        2. Match the columns
      </h2>
      <p className="hint">
        "{file.fileName}"{file.sheets.length > 1 ? `, ${file.sheets.length} sheets` : ''}. Check what each column of the old log becomes.
        Suggestions come from the column names and from what you chose before; your choices are remembered for the next file.
      </p>
      <div className="inline-fields">
        {file.sheets.length > 1 && (
          <div className="field">
            <label htmlFor="import-sheet">Sheet</label>
            <select id="import-sheet" value={sheetIndex} onChange={(e) => props.onSheet(Number(e.target.value))}>
              {file.sheets.map((s, i) => (
                <option key={s.name} value={i}>
                  {s.name} ({count(s.rows.length, 'row')})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field narrow">
          <label htmlFor="import-header-row">Row with the column names</label>
          <input
            id="import-header-row"
            inputMode="numeric"
            value={headerText}
            aria-invalid={headerError ? true : undefined}
            aria-describedby={headerError ? 'import-header-row-error import-header-row-hint' : 'import-header-row-hint'}
            onChange={(e) => setHeaderText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyHeaderRow();
              }
            }}
          />
        </div>
        <button type="button" className="secondary" onClick={applyHeaderRow}>
          Use this row
        </button>
      </div>
      <p id="import-header-row-hint" className="hint">
        {headerRow === null
          ? 'No row in the first 30 names the columns this import knows. Enter the row number that has the column names (as the spreadsheet numbers it).'
          : `Found the column names on row ${headerRow + 1}; ${count(dataRows, 'row')} below it.`}
      </p>
      {headerError && (
        <p id="import-header-row-error" className="field-error">
          {headerError}
        </p>
      )}

      {headerRow !== null && (
        <div className="mapping-frame">
          <table className="data-table mapping-table">
            <caption className="visually-hidden">Columns of the sheet and what each is imported as</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Name in the file</th>
                <th scope="col">First values</th>
                <th scope="col">Import as</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((h, col) => {
                const field = mapping[col] ?? null;
                const mask = field ? IDENTIFIER_MASK[field] : undefined;
                return (
                  <tr key={columnLetter(col)} className={field ? undefined : 'unmapped'}>
                    <td className="mono">{columnLetter(col)}</td>
                    <th scope="row">{h}</th>
                    <td className="sample">{(samples[col] ?? []).map((v) => (mask ? mask(v) : v)).join(' · ') || '(empty)'}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`import-map-${col}`}>
                        Import column {columnLetter(col)} ({h}) as
                      </label>
                      <select
                        id={`import-map-${col}`}
                        value={field ?? ''}
                        onChange={(e) => {
                          const next = [...mapping];
                          next[col] = (e.target.value || null) as ImportField | null;
                          props.onMapping(next);
                        }}
                      >
                        <option value="">Do not import</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {IMPORT_FIELD_INFO[f].label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <div className="notice notice-warning" role="status">
          <strong>Before checking the rows:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={headerRow === null || problems.length > 0} onClick={props.onCheck}>
          Check the rows
        </button>
        <button type="button" className="secondary" onClick={props.onRestart}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

function additionText(a: RowAddition): string {
  const parts: string[] = [];
  if (a.update.contacted) parts.push('first contact');
  if (a.update.referral) parts.push('MCO referral');
  if (a.update.notes.length > 0) parts.push(count(a.update.notes.length, 'note'));
  if (a.update.resolution) parts.push('resolution');
  return parts.join(', ');
}

function PreviewStep({
  plan,
  config,
  fileName,
  onImport,
  onBack,
  onSaveProblems,
}: {
  plan: ImportPlan;
  config: AgencyConfig;
  fileName: string;
  onImport: () => void;
  onBack: () => void;
  onSaveProblems: () => void;
}) {
  const a = plan.analysis;
  const zone = config.timeZone as TimeZone;
  const freshRows = plan.fresh.map((f) => f.row);
  const warned = a.accepted.filter((r) => r.warnings.length > 0);
  const warnedNew = freshRows.filter((r) => r.warnings.length > 0).length;
  const writes = plan.fresh.length + plan.additions.length;
  const problemCount = a.rejected.length + a.duplicates.length + warned.length;

  return (
    <div className="panel">
      <h2 tabIndex={-1} ref={focusOnMount}>
        3. Review before importing
      </h2>
      <p className="hint">
        Nothing has been written yet. "{fileName}": {count(a.dataRows, 'row')} with data below the column names.
      </p>
      <dl className="tiles">
        <div className="tile tile-ok">
          <dt>New inquiries to import</dt>
          <dd>
            {plan.fresh.length.toLocaleString('en-US')}
            <small>{warnedNew > 0 ? `${count(warnedNew, 'row')} with warnings` : 'no warnings'}</small>
          </dd>
        </div>
        <div className="tile">
          <dt>Imported before, with additions</dt>
          <dd>
            {plan.additions.length.toLocaleString('en-US')}
            <small>new updates or outcomes from this copy</small>
          </dd>
        </div>
        <div className="tile tile-muted">
          <dt>Already in the log</dt>
          <dd>
            {plan.unchanged.length.toLocaleString('en-US')}
            <small>nothing to add</small>
          </dd>
        </div>
        <div className={`tile ${a.rejected.length > 0 ? 'tile-error' : 'tile-muted'}`}>
          <dt>Rows that cannot be imported</dt>
          <dd>
            {a.rejected.length.toLocaleString('en-US')}
            <small>reasons below</small>
          </dd>
        </div>
        <div className="tile tile-muted">
          <dt>Repeated and blank rows</dt>
          <dd>
            {(a.duplicates.length + a.blank).toLocaleString('en-US')}
            <small>
              {count(a.duplicates.length, 'duplicate')}, {count(a.blank, 'blank row')}
            </small>
          </dd>
        </div>
      </dl>
      {a.timeAssumed > 0 && (
        <p className="notice notice-info">
          {count(a.timeAssumed, 'row')} {a.timeAssumed === 1 ? 'has' : 'have'} no time received (marked * below): 12:00 noon is used, so a
          contact the same day counts as prompt and one the next day as a business day later.
        </p>
      )}

      {a.rejected.length > 0 && (
        <section aria-labelledby="rejected-title">
          <h3 id="rejected-title">Rows that cannot be imported</h3>
          <p className="hint">Correct these rows in the spreadsheet and import it again: rows already imported are skipped.</p>
          <ProblemTable caption="Rows that cannot be imported, with the reason" rows={a.rejected.map((r) => [r.rowNumber, r.reason])} />
        </section>
      )}
      {warned.length > 0 && (
        <section aria-labelledby="warned-title">
          <h3 id="warned-title">Rows imported with warnings</h3>
          <ProblemTable caption="Rows with warnings" rows={warned.map((r) => [r.rowNumber, r.warnings.join(' ')])} />
        </section>
      )}
      {a.duplicates.length > 0 && (
        <section aria-labelledby="duplicates-title">
          <h3 id="duplicates-title">Repeated rows</h3>
          <ProblemTable
            caption="Rows that repeat an earlier row of the same sheet (imported once)"
            rows={a.duplicates.map((d) => [d.rowNumber, `Repeats row ${d.firstRow}: imported once.`])}
          />
        </section>
      )}
      {plan.additions.length > 0 && (
        <section aria-labelledby="additions-title">
          <h3 id="additions-title">Inquiries imported before that this copy adds to</h3>
          <ScrollFrame label="Inquiries imported before that this copy adds to (scrollable)">
            <table className="data-table">
              <caption className="visually-hidden">Inquiries imported before, and what this copy adds</caption>
              <thead>
                <tr>
                  <th scope="col" className="num row-number">
                    Row
                  </th>
                  <th scope="col">Case number</th>
                  <th scope="col">Adds</th>
                </tr>
              </thead>
              <tbody>
                {plan.additions.slice(0, LIST_ROWS).map((x) => (
                  <tr key={x.inquiryId}>
                    <td className="num">{x.row.rowNumber}</td>
                    <td className="mono">{x.caseNumber}</td>
                    <td>{additionText(x)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </section>
      )}
      {plan.fresh.length > 0 && (
        <section aria-labelledby="fresh-title">
          <h3 id="fresh-title">New inquiries</h3>
          <RowTable rows={freshRows.slice(0, PREVIEW_ROWS)} config={config} zone={zone} />
          {freshRows.length > PREVIEW_ROWS && (
            <p className="more">
              Showing the first {PREVIEW_ROWS} of {freshRows.length.toLocaleString('en-US')}.
            </p>
          )}
        </section>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={writes === 0} onClick={onImport}>
          {writes === 0
            ? 'Nothing to import'
            : `Import ${count(plan.fresh.length, 'inquiry', 'inquiries')}${plan.additions.length > 0 ? ` and ${count(plan.additions.length, 'addition')}` : ''}`}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back to the columns
        </button>
        {problemCount > 0 && (
          <button type="button" className="secondary" onClick={onSaveProblems}>
            Save the list of problems (CSV)
          </button>
        )}
      </div>
    </div>
  );
}

function ProblemTable({ caption, rows }: { caption: string; rows: [number, string][] }) {
  return (
    <>
      <ScrollFrame label={`${caption} (scrollable)`}>
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num row-number">
                Row
              </th>
              <th scope="col">What to know</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, LIST_ROWS).map(([row, text]) => (
              <tr key={row}>
                <td className="num">{row}</td>
                <td>{text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {rows.length > LIST_ROWS && (
        <p className="more">Showing the first {LIST_ROWS.toLocaleString('en-US')}; save the list of problems for all of them.</p>
      )}
    </>
  );
}

function RowTable({ rows, config, zone }: { rows: ImportedRow[]; config: AgencyConfig; zone: TimeZone }) {
  return (
    <ScrollFrame label="New inquiries to import (scrollable)">
      <table className="data-table">
        <caption className="visually-hidden">New inquiries to import (member names masked)</caption>
        <thead>
          <tr>
            <th scope="col" className="num row-number">
              Row
            </th>
            <th scope="col">Received</th>
            <th scope="col">Priority</th>
            <th scope="col">MCO</th>
            <th scope="col">Member</th>
            <th scope="col">Issue</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rowNumber}>
              <td className="num">{r.rowNumber}</td>
              <td className="nowrap">
                {formatDateTime(r.fields.receivedAt, zone)}
                {r.receivedTimeKnown ? '' : ' *'}
              </td>
              <td>{priorityLabel(config, r.fields.priority)}</td>
              <td>{r.fields.mcoEnrollment === 'not_enrolled' ? 'Not enrolled' : mcoName(config, r.fields.mcoId)}</td>
              <td>{maskName(r.fields.memberName)}</td>
              <td>{r.fields.description.length > 90 ? `${r.fields.description.slice(0, 90)}…` : r.fields.description}</td>
              <td className="nowrap">{r.resolution ? `Resolved ${formatDateTime(r.resolution.at, zone).slice(0, 10)}` : 'Open'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
