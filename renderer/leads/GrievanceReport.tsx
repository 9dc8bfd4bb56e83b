import { useEffect, useMemo, useState } from 'react';
import { mcoName } from '../../shared/config/agencyConfig';
import {
  type CountLine,
  GRIEVANCE_COLUMNS,
  type GrievanceFilter,
  grievanceCounts,
  grievanceCsv,
  grievanceFileName,
  grievanceRows,
  grievanceTable,
  NO_MCO,
  OUTCOME_KEY_LABELS,
  OUTCOME_KEYS,
} from '../../shared/grievance/record';
import { RESPONSIBLE_ENTITY_LABELS } from '../../shared/inquiry/commands/classifyAsComplaint';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { formatTypedDay } from '../../shared/time/typedInput';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { ScrollX } from '../components/ScrollX';
import { TableHead } from '../components/TableHead';
import { startCount } from './counting';
import { ExportForm, type FileFormat } from './ExportForm';
import { LeadPage, ReportControls, useLeadScreen } from './PeriodPicker';
import { ScrollFrame } from './ScrollFrame';
import { fileWords, pdfWords, SaveStatusNote, useSaveOutcome } from './saveOutcome';
import { spreadsheetIo } from './spreadsheetClient';
import { Tile } from './Tile';
import './leads.css';
import '../inquiry/grievance.css';

/*
 * The grievance report (SPEC issue 8): complaints received in a period, for one MCO or all, as the
 * record 42 CFR 438.416 asks a plan to keep, with the counts a state's annual managed-care report
 * needs (by MCO, reason and outcome), and the record exported as CSV or XLSX. Member identifiers are
 * masked unless the lead ticks the box, and then the file's name says so.
 */

/** The MCO choice: every complaint, one MCO's, or those with no MCO. */
const ALL = 'all';
const NONE = '(none)';
const SHOWN_ROWS = 500;

export function GrievanceReport() {
  const { repo, clock, config, snapshot, bridge, zone, period } = useLeadScreen();
  const { days, dayRange, range } = period;
  const [mco, setMco] = useState<string>(ALL);
  const [records, setRecords] = useState<InquiryRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [format, setFormat] = useState<FileFormat>('csv');
  const [identifiers, setIdentifiers] = useState(false);
  const { status, setStatus, save, working } = useSaveOutcome();
  const pdf = useSaveOutcome();

  // The log's rows know which inquiries are complaints and when each was received: only those records are read.
  const ids = useMemo(
    () =>
      snapshot.complete && range
        ? snapshot.rows.filter((r) => r.isComplaint && r.receivedAt >= range.from && r.receivedAt < range.to).map((r) => r.id)
        : null,
    [snapshot.complete, snapshot.rows, range],
  );

  useEffect(() => {
    if (ids === null) return;
    setLoadError(null);
    return startCount(() => repo.reports.complaints(ids), {
      progress: () => undefined,
      result: setRecords,
      failed: (message) => setLoadError(`The complaints could not be read: ${message}`),
    });
  }, [repo, ids]);

  const filter = useMemo<GrievanceFilter | null>(
    () => (range ? { ...range, mcoId: mco === ALL ? null : mco === NONE ? '' : mco } : null),
    [range, mco],
  );
  // On screen the member is never shown: the list leaves member details out.
  const rows = useMemo(
    () => (records && filter ? grievanceRows(records, filter, { config, zone, includeIdentifiers: false, withoutFreeText: true }) : null),
    [records, filter, config, zone],
  );
  const counts = useMemo(() => (rows && filter ? grievanceCounts(rows, config, filter.mcoId) : null), [rows, config, filter]);
  const mcoLabel = mco === ALL ? 'all MCOs' : mco === NONE ? 'no MCO' : mcoName(config, mco);
  // None while the typed period is not one: then there are no rows to export either.
  const fileName = dayRange
    ? grievanceFileName({
        period: dayRange,
        mco: mco === ALL ? null : mco === NONE ? '' : mcoName(config, mco),
        now: clock.now(),
        zone,
        identifiers,
        format,
      })
    : null;
  const canExport = rows !== null && rows.length > 0 && !working && filter !== null;

  const savePdf = () =>
    pdf.save(
      () => bridge.printToPdf({ suggestedName: `grievance-report_${days.from}_${days.to}.pdf`, landscape: true }),
      pdfWords((fileName) => `Saved the report as ${fileName}.`),
    );

  async function exportRecord() {
    if (!records || !filter || fileName === null) return;
    setStatus({ kind: 'working', text: 'Preparing the file…' });
    let count = 0;
    await save(
      async () => {
        const out = grievanceRows(records, filter, { config, zone, includeIdentifiers: identifiers });
        const data =
          format === 'csv'
            ? new TextEncoder().encode(grievanceCsv(out, zone))
            : await spreadsheetIo().writeXlsx({
                sheetName: 'Grievance record',
                zone,
                columns: GRIEVANCE_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, width: c.width })),
                rows: grievanceTable(out),
                about: [
                  ['Exported from', 'Liaison Log'],
                  ['What', 'The grievance record (42 CFR 438.416(b)): complaints received in the period'],
                  ['Period (date received)', `${formatTypedDay(days.from)} – ${formatTypedDay(days.to)}`],
                  ['MCO', mcoLabel],
                  ['Complaints', String(out.length)],
                  ['Exported at', formatLong(clock.now(), zone)],
                  ['Member identifiers', identifiers ? 'INCLUDED, unmasked. This file is health data.' : 'Masked'],
                ],
              });
        count = out.length;
        return bridge.saveFile({ suggestedName: fileName, format, data, containsMemberData: identifiers });
      },
      fileWords((saved) => `Saved ${count.toLocaleString('en-US')} complaints as ${saved}.`),
    );
  }

  return (
    <LeadPage
      className="grievance-report"
      titleId="grievance-report-title"
      title="Grievance report"
      plainMeta
      meta={
        <>
          Complaints received {formatTypedDay(days.from)} – {formatTypedDay(days.to)} · {mcoLabel} · as the grievance record of 42 CFR
          438.416 keeps them, with the counts the annual managed-care report asks for.
        </>
      }
    >
      <ReportControls
        label="Period and MCO"
        idPrefix="grievance"
        periodLabel="Period (by date received)"
        period={period}
        onSavePdf={() => void savePdf()}
      >
        <div className="field">
          <label htmlFor="grievance-mco">MCO (the member's)</label>
          <select id="grievance-mco" value={mco} onChange={(e) => setMco(e.target.value)}>
            <option value={ALL}>All MCOs</option>
            {config.mcos.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.active ? '' : ' (inactive)'}
              </option>
            ))}
            <option value={NONE}>{NO_MCO}</option>
          </select>
        </div>
      </ReportControls>
      <SaveStatusNote status={pdf.status} noPrint />
      {loadError && (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      )}
      {!snapshot.complete && (
        <p className="notice notice-info" role="status">
          Loading the log: {snapshot.loaded.toLocaleString('en-US')} of {snapshot.total.toLocaleString('en-US')} inquiries.
        </p>
      )}

      {rows && counts && fileName !== null && (
        <>
          <dl className="tiles" aria-label="Summary">
            <Tile label="Complaints received">{counts.total.total.toLocaleString('en-US')}</Tile>
            <Tile label="Resolved" tone="ok">
              {counts.total.resolved.toLocaleString('en-US')}
            </Tile>
            <Tile label="Open" tone="muted">
              {(counts.total.total - counts.total.resolved).toLocaleString('en-US')}
            </Tile>
            {counts.byOutcome.map((o) => (
              <Tile key={o.key} label={o.label} tone={o.key === 'substantiated' ? 'warning' : 'muted'}>
                {o.count.toLocaleString('en-US')}
              </Tile>
            ))}
          </dl>

          <section className="panel report-section" aria-labelledby="grievance-by-mco">
            <h2 id="grievance-by-mco">By MCO</h2>
            <CountTable caption="Complaints by the member's MCO, and their outcome" head="MCO" lines={counts.byMco} />
          </section>
          <section className="panel report-section" aria-labelledby="grievance-by-reason">
            <h2 id="grievance-by-reason">By reason</h2>
            <CountTable caption="Complaints by reason category, and their outcome" head="Reason category" lines={counts.byReason} />
          </section>
          <section className="panel report-section" aria-labelledby="grievance-by-entity">
            <h2 id="grievance-by-entity">By responsible entity</h2>
            <CountTable caption="Complaints by whom they are about, and their outcome" head="Responsible" lines={counts.byEntity} />
          </section>

          <section className="panel report-section" aria-labelledby="grievance-list">
            <h2 id="grievance-list">The complaints</h2>
            {rows.length === 0 ? (
              <p>No complaints were received in this period{mco === ALL ? '' : ` for ${mcoLabel}`}.</p>
            ) : (
              <ScrollFrame label="The complaints received in the period">
                <table className="data-table">
                  <caption className="visually-hidden">Complaints received in the period, oldest first (member details left out)</caption>
                  <TableHead
                    columns={['Case number', 'Received', 'MCO', 'Responsible', 'Reason category', 'Reviews', 'Outcome', 'Resolved']}
                  />
                  <tbody>
                    {rows.slice(0, SHOWN_ROWS).map((r) => (
                      <tr key={r.inquiryId}>
                        <td className="nowrap mono">
                          <a href={hrefOf({ name: 'inquiry', id: r.inquiryId })}>{r.caseNumber}</a>
                        </td>
                        <td className="nowrap">{formatTypedDay(r.receivedOn)}</td>
                        <td>{r.mcoName}</td>
                        <td>{RESPONSIBLE_ENTITY_LABELS[r.responsibleEntity]}</td>
                        <td>{r.reasonCategory}</td>
                        <td>{r.reviewedOn.length === 0 ? 'None' : r.reviewedOn.map((d) => formatTypedDay(d)).join(', ')}</td>
                        <td>{OUTCOME_KEY_LABELS[r.outcome ?? 'pending']}</td>
                        <td className="nowrap">{r.resolvedOn ? formatTypedDay(r.resolvedOn) : 'Open'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollFrame>
            )}
            {rows.length > SHOWN_ROWS && (
              <p className="more">
                The first {SHOWN_ROWS} of {rows.length.toLocaleString('en-US')} are shown; the export holds them all.
              </p>
            )}
          </section>

          <ExportForm
            idPrefix="grievance"
            title="Export the grievance record"
            hint={
              <>
                One row per complaint: case number, date received, member, MCO, responsible entity, reason category and description, the
                dates of review, outcome, resolution and its date.
              </>
            }
            format={format}
            onFormat={setFormat}
            working={working}
            canExport={canExport}
            onExport={() => void exportRecord()}
            fileName={fileName}
            status={status}
            submitText={`Export complaints (${format.toUpperCase()})`}
          >
            <label className="choice">
              <input
                type="checkbox"
                id="grievance-identifiers"
                checked={identifiers}
                onChange={(e) => setIdentifiers(e.target.checked)}
                disabled={working}
                aria-describedby="grievance-identifiers-hint"
              />
              Include member identifiers (name and Medicaid ID, unmasked)
            </label>
            <p id="grievance-identifiers-hint" className={identifiers ? 'notice notice-warning' : 'hint'}>
              {identifiers
                ? 'The file will be health data, and its name will say CONTAINS-MEMBER-IDENTIFIERS. Keep it on this computer or in an approved encrypted location: never on the shared drive, and never attached to email.'
                : 'Left unticked, the member is masked (P. L. •••, •••••67A) and their identifiers are taken out of the reason and resolution text.'}
            </p>
          </ExportForm>
        </>
      )}
    </LeadPage>
  );
}

/** Counts with their outcomes: one line per MCO, reason or entity, and the total. */
function CountTable({ caption, head, lines }: { caption: string; head: string; lines: readonly CountLine[] }) {
  const total = lines.reduce(
    (t, l) => {
      t.total += l.total;
      t.resolved += l.resolved;
      for (const k of OUTCOME_KEYS) t.byOutcome[k] += l.byOutcome[k];
      return t;
    },
    { total: 0, resolved: 0, byOutcome: { substantiated: 0, unsubstantiated: 0, unable_to_substantiate: 0, pending: 0 } },
  );
  return (
    <ScrollX label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              Complaints
            </th>
            <th scope="col" className="num">
              Resolved
            </th>
            {OUTCOME_KEYS.map((k) => (
              <th key={k} scope="col" className="num">
                {OUTCOME_KEY_LABELS[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key}>
              <th scope="row">{l.label}</th>
              <td className="num">{l.total}</td>
              <td className="num">{l.resolved}</td>
              {OUTCOME_KEYS.map((k) => (
                <td key={k} className="num">
                  {l.byOutcome[k]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{total.total}</td>
            <td className="num">{total.resolved}</td>
            {OUTCOME_KEYS.map((k) => (
              <td key={k} className="num">
                {total.byOutcome[k]}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollX>
  );
}
