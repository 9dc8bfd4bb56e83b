import { type AgencyConfig, mcoName, priorityLabel } from '../../shared/config/agencyConfig';
import { formatDateTime } from '../../shared/export/columns';
import { describeChange, type FieldChange } from '../../shared/import/identity';
import type { ImportedRow } from '../../shared/import/normalise';
import { maskDob, maskMedicaidId, maskName, maskPhone } from '../../shared/inquiry/mask';
import type { TimeZone } from '../../shared/time/types';
import { focusOnMount } from '../components/focusOnMount';
import type { ImportPlan, RowAddition } from '../data/importer';
import { count } from './figures';
import { ScrollFrame } from './ScrollFrame';
import { Tile } from './Tile';

const PREVIEW_ROWS = 100;
const LIST_ROWS = 1000;

/** Member identifiers in a change are masked like the log masks them. */
const CHANGE_MASKS: Partial<Record<FieldChange['field'], (s: string) => string>> = {
  memberName: maskName,
  medicaidId: maskMedicaidId,
  memberDob: maskDob,
  memberPhone: maskPhone,
  callbackPhone: maskPhone,
};

function changeText(c: FieldChange, zone: TimeZone): string {
  const mask = CHANGE_MASKS[c.field];
  const shown = mask ? { ...c, from: c.from ? mask(String(c.from)) : c.from, to: c.to ? mask(String(c.to)) : c.to } : c;
  return describeChange(shown, zone);
}

function additionText(a: RowAddition, zone: TimeZone): string {
  const parts: string[] = [];
  if (a.update.edits.length > 0) parts.push(`changed since the last import: ${a.update.edits.map((c) => changeText(c, zone)).join('; ')}`);
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
                {plan.additions.slice(0, LIST_ROWS).map((x) => (
                  <tr key={x.inquiryId}>
                    <td className="num">{x.row.rowNumber}</td>
                    <td className="mono">{x.caseNumber}</td>
                    <td>{additionText(x, zone)}</td>
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
