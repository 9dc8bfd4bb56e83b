import { useMemo, useRef, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { ParsedFile } from '../../shared/import/cells';
import { type ColumnMapping, findHeaderRow, headersOf } from '../../shared/import/fields';
import { problemsCsv } from '../../shared/import/problems';
import { fileReadProblem, ImportFileProblem, sniffSpreadsheet } from '../../shared/import/sniff';
import { guessMapping } from '../../shared/import/valueMapping';
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
  ImportStopped,
  importContext,
} from '../data/importer';
import { type IoProgress, spreadsheetIo } from './spreadsheetClient';
import './leads.css';
import { count } from './figures';
import { MappingStep } from './ImportMapping';
import { PreviewStep } from './ImportPreview';

/*
 * Import the old shared-drive log (SPEC.md "Legacy import"): choose the file, match its columns,
 * review what will happen to every row, then write it, whole inquiries a batch at a time. Nothing is written before the
 * last step, and a row imported before is never added twice.
 */

type Stage =
  | { kind: 'choose' }
  | { kind: 'busy'; label: string; done: number; total: number }
  | { kind: 'map' }
  | { kind: 'preview'; plan: ImportPlan }
  | { kind: 'done'; result: ImportResult; seconds: number };

const STEPS = ['Choose the file', 'Match the columns', 'Review', 'Import'] as const;

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
  /** Per column, why it is mapped as it is (shared/import/valueMapping.ts); a person's own choice says so. */
  const [why, setWhy] = useState<string[]>([]);
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
    const guess = found === null ? null : guessMapping(hs, rows, found, config, await repo.imports.learnedMapping());
    setMapping(guess?.mapping ?? hs.map(() => null));
    setWhy(guess?.why ?? hs.map(() => ''));
  }

  async function readFile(chosen: File) {
    setError(null);
    setBusyStep(0);
    setStage({ kind: 'busy', label: `Reading "${chosen.name}"…`, done: 0, total: 0 });
    try {
      const bytes = await chosen.arrayBuffer().catch(() => {
        throw fileReadProblem(chosen.name);
      });
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
      setError(e instanceof ImportFileProblem ? e.message : `The file could not be read: ${failureText(e)}`);
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
      const plan = await repo.imports.plan(analysis, ctx, progress('Checking which rows are already in the log'));
      await repo.imports.rememberMapping(headers, mapping);
      setStage({ kind: 'preview', plan });
    } catch (e) {
      setStage({ kind: 'map' });
      setError(`The rows could not be checked: ${failureText(e)}`);
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
      // The file's rows and the plan are let go: a 50,000-row log's take hundreds of megabytes the window no longer needs.
      setFile({ ...file, sheets: [] });
      setStage({ kind: 'done', result, seconds: (performance.now() - started) / 1000 });
    } catch (e) {
      if (e instanceof ImportStopped) {
        // Part of the file is in the log now: the rows are checked again before the rest is imported.
        setStage({ kind: 'map' });
        setError(e.message);
        return;
      }
      setStage({ kind: 'preview', plan });
      setError(`Nothing was imported: ${failureText(e)}`);
    }
  }

  async function saveProblems(plan: ImportPlan) {
    if (!file) return;
    const base = file.fileName.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]/g, '-');
    const outcome = await bridge.saveFile({
      suggestedName: `${base.slice(0, 120)}_import-problems.csv`,
      format: 'csv',
      data: new TextEncoder().encode(problemsCsv(plan.analysis, config.timeZone)),
      // Rows, cells and what is wrong: never what an identifier cell said (shared/import/problems.ts).
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
          why={why}
          onMapping={(next) => {
            setWhy((w) => w.map((text, col) => (next[col] === mapping[col] ? text : 'Your choice.')));
            setMapping(next);
          }}
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
