import { useState } from 'react';
import { type AgencyConfig, mcoName, priorityLabel } from '../../shared/config/agencyConfig';
import { describeChange, describeIdentifierChange, isIdentifierChange } from '../../shared/import/identity';
import type { CellQuote, ImportedRow } from '../../shared/import/normalise';
import { maskDob, maskMedicaidId, maskName } from '../../shared/inquiry/mask';
import type { TimeZone } from '../../shared/time/types';
import { formatDayTime } from '../app/format';
import { focusOnMount } from '../components/focusOnMount';
import type { ImportPlan, RowAddition } from '../data/importer';
import { count } from './figures';
import { ScrollFrame } from './ScrollFrame';
import { Tile } from './Tile';

const PREVIEW_ROWS = 100;
const LIST_ROWS = 1000;

/**
 * What a later copy adds to an inquiry. A change of a member identifier says what kind of change it is
 * ("Member name changed (spelling)") until the person reveals the row, then its values, as the log reveals a member.
 */
function additionText(a: RowAddition, zone: TimeZone, revealed: boolean): string {
  const parts: string[] = [];
  const text = (c: RowAddition['update']['edits'][number]) =>
    isIdentifierChange(c) && !revealed ? describeIdentifierChange(c) : describeChange(c, (at) => formatDayTime(at, zone));
  if (a.update.edits.length > 0) parts.push(`changed since the last import: ${a.update.edits.map(text).join('; ')}`);
  if (a.update.contacted) parts.push('first contact');
  if (a.update.referral) parts.push('MCO referral');
  if (a.update.notes.length > 0) parts.push(count(a.update.notes.length, 'note'));
  if (a.update.resolution) parts.push('resolution');
  return parts.join(', ');
}

/** The review step: what each row will become, what is refused and why, before anything is written. */
export function PreviewStep({
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
  const zone = config.timeZone;
  /** Rows whose member identifiers the person revealed ("table:row"), one at a time, as the log reveals a member. */
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setRevealed((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });
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
        <Tile label="New inquiries to import" tone="ok" note={warnedNew > 0 ? `${count(warnedNew, 'row')} with warnings` : 'no warnings'}>
          {plan.fresh.length.toLocaleString('en-US')}
        </Tile>
        <Tile label="Imported before, with additions" note="new updates or outcomes from this copy">
          {plan.additions.length.toLocaleString('en-US')}
        </Tile>
        <Tile label="Already in the log" tone="muted" note="nothing to add">
          {plan.unchanged.length.toLocaleString('en-US')}
        </Tile>
        <Tile label="Rows that cannot be imported" tone={a.rejected.length > 0 ? 'error' : 'muted'} note="reasons below">
          {a.rejected.length.toLocaleString('en-US')}
        </Tile>
        <Tile
          label="Repeated and blank rows"
          tone="muted"
          note={
            <>
              {count(a.duplicates.length, 'duplicate')}, {count(a.blank, 'blank row')}
            </>
          }
        >
          {(a.duplicates.length + a.blank).toLocaleString('en-US')}
        </Tile>
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
          <ProblemTable
            id="rejected"
            caption="Rows that cannot be imported, with the reason"
            rows={a.rejected.map((r) => [r.rowNumber, r.reason, r.quotes ?? []])}
            revealed={revealed}
            onToggle={toggle}
          />
        </section>
      )}
      {warned.length > 0 && (
        <section aria-labelledby="warned-title">
          <h3 id="warned-title">Rows imported with warnings</h3>
          <ProblemTable
            id="warned"
            caption="Rows with warnings"
            rows={warned.map((r) => [r.rowNumber, r.warnings.join(' '), r.quotes])}
            revealed={revealed}
            onToggle={toggle}
          />
        </section>
      )}
      {a.duplicates.length > 0 && (
        <section aria-labelledby="duplicates-title">
          <h3 id="duplicates-title">Repeated rows</h3>
          <ProblemTable
            id="duplicates"
            caption="Rows that repeat an earlier row of the same sheet (imported once)"
            rows={a.duplicates.map((d) => [d.rowNumber, `Repeats row ${d.firstRow}: imported once.`, []])}
            revealed={revealed}
            onToggle={toggle}
          />
        </section>
      )}
      {plan.additions.length > 0 && (
        <section aria-labelledby="additions-title">
          <h3 id="additions-title">Inquiries imported before that this copy changes or adds to</h3>
          <p className="hint">
            Recognised by the day received, the member and the issue: a corrected time or a fixed typo becomes an edit of the inquiry, never
            a second one. Fields changed in the app since the last import are left as they are.
          </p>
          <ScrollFrame label="Inquiries imported before that this copy adds to (scrollable)">
            <table className="data-table">
              <caption className="visually-hidden">Inquiries imported before, and what this copy adds</caption>
              <thead>
                <tr>
                  <th scope="col" className="num row-number">
                    Row
                  </th>
                  <th scope="col">Case number</th>
                  <th scope="col">Changes and additions</th>
                </tr>
              </thead>
              <tbody>
                {plan.additions.slice(0, LIST_ROWS).map((x) => {
                  const key = `addition:${x.row.rowNumber}`;
                  const shown = revealed.has(key);
                  return (
                    <tr key={x.inquiryId}>
                      <td className="num">{x.row.rowNumber}</td>
                      <td className="mono">{x.caseNumber}</td>
                      <td>
                        {additionText(x, zone, shown)}
                        {x.update.edits.some(isIdentifierChange) && (
                          <>
                            {' '}
                            <RevealButton
                              shown={shown}
                              what={`the member's details changed in row ${x.row.rowNumber}`}
                              onToggle={() => toggle(key)}
                            />
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
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

/** Reveal or hide one row's member data, as the log's Reveal does (aria-pressed, named by what it shows). */
function RevealButton({ shown, what, onToggle }: { shown: boolean; what: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="link-button reveal"
      aria-pressed={shown}
      aria-label={`${shown ? 'Hide' : 'Reveal'} ${what}`}
      onClick={onToggle}
    >
      {shown ? 'Hide' : 'Reveal'}
    </button>
  );
}

/** What a cell holding a member identifier said, masked as the log masks it until revealed. */
const maskedQuote = (q: CellQuote): string => (q.field === 'medicaidId' ? maskMedicaidId(q.text) : maskDob(q.text));

function ProblemTable({
  id,
  caption,
  rows,
  revealed,
  onToggle,
}: {
  id: string;
  caption: string;
  rows: [number, string, readonly CellQuote[]][];
  revealed: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
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
            {rows.slice(0, LIST_ROWS).map(([row, text, quotes]) => {
              const key = `${id}:${row}`;
              const shown = revealed.has(key);
              return (
                <tr key={row}>
                  <td className="num">{row}</td>
                  <td>
                    {text}
                    {quotes.map((q) => (
                      <span key={q.cell} className="quoted">
                        {' '}
                        {q.cell} says <span className={shown ? 'revealed' : 'masked'}>"{shown ? q.text : maskedQuote(q)}"</span>.
                      </span>
                    ))}
                    {quotes.length > 0 && (
                      <>
                        {' '}
                        <RevealButton shown={shown} what={`what row ${row}'s cells say`} onToggle={() => onToggle(key)} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
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
                {formatDayTime(r.fields.receivedAt, zone)}
                {r.receivedTimeKnown ? '' : ' *'}
              </td>
              <td>{priorityLabel(config, r.fields.priority)}</td>
              <td>{r.fields.mcoEnrollment === 'not_enrolled' ? 'Not enrolled' : mcoName(config, r.fields.mcoId)}</td>
              <td>{maskName(r.fields.memberName)}</td>
              <td>{r.fields.description.length > 90 ? `${r.fields.description.slice(0, 90)}…` : r.fields.description}</td>
              <td className="nowrap">{r.resolution ? `Resolved ${formatDayTime(r.resolution.at, zone).split(' ')[0]}` : 'Open'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
