import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { calendarConfigOf, mcoName } from '../../shared/config/agencyConfig';
import { PERIOD_LABELS, PERIOD_PRESETS, type PeriodPreset, periodDays, rangeInstants, rangeProblem } from '../../shared/report/period';
import { formatBusinessMinutes } from '../../shared/report/report';
import { type McoScore, REFERRAL_AGE_BUCKETS, type Scorecard, type Share } from '../../shared/report/scorecard';
import { SCORECARD_COLUMNS, scorecardCsv, scorecardFileName, scorecardTable } from '../../shared/report/scorecardExport';
import { createCalendar } from '../../shared/time/calendar';
import { formatTypedDay } from '../../shared/time/typedInput';
import type { IsoDay, TimeZone } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { focusOnMount } from '../components/focusOnMount';
import { useAgencyConfig, useLogSnapshot, useServices } from '../data/hooks';
import { ScrollFrame } from './ScrollFrame';
import { spreadsheetIo } from './spreadsheetClient';
import './leads.css';
import './scorecard.css';

/*
 * The MCO accountability scorecard (issue 8): for referrals made in a period, per MCO, how often the
 * MCO contacted the member by end of day and reported back without being chased, the follow-ups it
 * needed, the business time to its report-back and to the resolution, and what still awaits its
 * report-back, by age. For the agency to raise at the MCO's contract meetings: printable, and
 * exported as CSV or XLSX. Definitions: shared/report/scorecard.ts and docs/reports.md. A scorecard
 * holds counts and times only, never a case number or a member.
 */

const ACCENT = '#0b5cad';
const GREEN = '#1e6b34';
/** Awaiting report-back by age: from fresh (light) to old (dark); each has at least 3:1 against white. */
const AGE_COLORS = ['#4f7fb0', '#2f6a9f', '#8a5a00', '#b04a1c', '#8f1d1d'];

type Format = 'csv' | 'xlsx';
interface Status {
  kind: 'working' | 'saved' | 'error' | 'cancelled';
  text: string;
}

const n = (v: number) => v.toLocaleString('en-US');
const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);
const shareText = (s: Share) => (s.decided === 0 ? '—' : `${pct(s.pct)} (${n(s.count)} of ${n(s.decided)})`);

export function McoScorecard() {
  const { repo, clock } = useServices();
  const config = useAgencyConfig();
  const snapshot = useLogSnapshot();
  const bridge = useBridge();
  const zone = config.timeZone as TimeZone;
  const [preset, setPreset] = useState<PeriodPreset>('this_month');
  const [custom, setCustom] = useState<{ from: string; to: string }>(() => periodDays('this_month', clock.now(), zone));
  const [mcoIds, setMcoIds] = useState<Set<string>>(new Set());
  const [scorecard, setScorecard] = useState<Scorecard | null>(null);
  /** The period and MCOs the figures shown are for. */
  const shownFor = useRef('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>('csv');
  const [status, setStatus] = useState<Status | null>(null);
  const [pdfStatus, setPdfStatus] = useState<Status | null>(null);
  const calendar = useMemo(() => createCalendar(calendarConfigOf(config)), [config]);

  const days = preset === 'custom' ? custom : periodDays(preset, clock.now(), zone);
  const rangeError = preset === 'custom' ? rangeProblem(custom) : null;
  const range = useMemo(
    () => (rangeError ? null : rangeInstants({ from: days.from as IsoDay, to: days.to as IsoDay }, zone)),
    [rangeError, days.from, days.to, zone],
  );
  // A referral in the period is an event since its start, so only inquiries updated since then can hold one.
  const candidateIds = useMemo(
    () => (snapshot.complete && range ? snapshot.rows.filter((r) => r.updatedAt >= range.from).map((r) => r.id) : null),
    [snapshot.complete, snapshot.rows, range],
  );
  const mcoKey = [...mcoIds].sort().join(',');

  useEffect(() => {
    if (!range || candidateIds === null) return;
    let cancelled = false;
    // Figures of another period or MCO choice never stand under this one's heading while it is counted;
    // when only the log changed (a save, a sync), the figures stay until the new ones are ready.
    const key = `${range.from}-${range.to}-${mcoKey}`;
    if (key !== shownFor.current) {
      shownFor.current = key;
      setScorecard(null);
      setStatus(null);
    }
    setProgress({ done: 0, total: candidateIds.length });
    setError(null);
    repo.reports
      .mcoScorecard(
        { from: range.from, to: range.to, mcoIds: mcoKey ? mcoKey.split(',') : [] },
        { config, now: clock.now(), calendar },
        candidateIds,
        (done, total) => {
          if (!cancelled) setProgress({ done, total });
        },
      )
      .then((s) => {
        if (cancelled) return;
        setScorecard(s);
        setProgress(null);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setProgress(null);
        setError(`The scorecard could not be made: ${(e as Error).message}`);
      });
    return () => {
      cancelled = true;
    };
  }, [repo, config, clock, calendar, range, candidateIds, mcoKey]);

  const toggleMco = (id: string, on: boolean) =>
    setMcoIds((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const mcoChoices = config.mcos.filter((m) => m.active || mcoIds.has(m.id));
  const chosen = [...mcoIds];
  const mcoLabel = chosen.length === 0 ? 'all MCOs' : chosen.map((id) => mcoName(config, id)).join(', ');
  const period = { from: days.from as IsoDay, to: days.to as IsoDay };
  const fileName = scorecardFileName({
    period,
    mco: chosen.length === 1 ? mcoName(config, chosen[0] as string) : null,
    now: clock.now(),
    zone,
    format,
  });
  const working = status?.kind === 'working';
  const canExport = scorecard !== null && !rangeError && progress === null && !working;

  async function savePdf() {
    try {
      const outcome = await bridge.printToPdf({ suggestedName: `mco-scorecard_${days.from}_${days.to}.pdf`, landscape: true });
      if (outcome.outcome === 'saved') setPdfStatus({ kind: 'saved', text: `Saved the scorecard as ${outcome.fileName}.` });
      else if (outcome.outcome === 'refused') setPdfStatus({ kind: 'error', text: outcome.message });
      else setPdfStatus(null);
    } catch (e) {
      setPdfStatus({ kind: 'error', text: `The PDF could not be made: ${(e as Error).message}` });
    }
  }

  async function exportScorecard() {
    if (!scorecard) return;
    setStatus({ kind: 'working', text: 'Preparing the file…' });
    try {
      const data =
        format === 'csv'
          ? new TextEncoder().encode(scorecardCsv(scorecard, period, zone))
          : await spreadsheetIo().writeXlsx({
              sheetName: 'MCO scorecard',
              zone,
              columns: SCORECARD_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, width: c.width })),
              rows: scorecardTable(scorecard, period),
              about: [
                ['Exported from', 'Liaison Log'],
                ['What', 'The MCO accountability scorecard: referrals to each MCO made in the period'],
                ['Period (date referred)', `${formatTypedDay(period.from)} – ${formatTypedDay(period.to)}`],
                ['MCOs', mcoLabel],
                ['Figures as of', formatLong(scorecard.generatedAt, zone)],
                ['Business time', `Office hours in ${zone}, leaving out weekends, holidays and closures; in hours`],
                ['Member data', 'None: the scorecard holds counts and times only'],
              ],
            });
      const outcome = await bridge.saveFile({ suggestedName: fileName, format, data, containsMemberData: false });
      if (outcome.outcome === 'saved') setStatus({ kind: 'saved', text: `Saved the scorecard as ${outcome.fileName}.` });
      else if (outcome.outcome === 'refused') setStatus({ kind: 'error', text: outcome.message });
      else setStatus({ kind: 'cancelled', text: 'Not saved: the Save dialog was cancelled.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `The export failed; nothing was saved. ${(e as Error).message}` });
    }
  }

  const loadingLog = !snapshot.complete;
  return (
    <section className="lead-page scorecard" aria-labelledby="scorecard-title">
      <header>
        <h1 id="scorecard-title" tabIndex={-1} ref={focusOnMount}>
          MCO scorecard
        </h1>
        <p className="report-meta">
          Referrals made {formatTypedDay(period.from)} – {formatTypedDay(period.to)} · {mcoLabel} · as of {formatLong(clock.now(), zone)}
        </p>
      </header>

      <form className="panel report-controls" aria-label="Scorecard period and MCOs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="scorecard-period">Period (by date referred)</label>
          <select id="scorecard-period" value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        {preset === 'custom' && (
          <>
            <div className="field">
              <label htmlFor="scorecard-from">From</label>
              <input
                id="scorecard-from"
                type="date"
                value={custom.from}
                onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
                aria-invalid={rangeError ? true : undefined}
                aria-describedby={rangeError ? 'scorecard-range-error' : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="scorecard-to">To (included)</label>
              <input
                id="scorecard-to"
                type="date"
                value={custom.to}
                onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
                aria-invalid={rangeError ? true : undefined}
                aria-describedby={rangeError ? 'scorecard-range-error' : undefined}
              />
            </div>
          </>
        )}
        <fieldset>
          <legend>MCOs (none ticked: all)</legend>
          <div className="choice-list">
            {mcoChoices.map((m) => (
              <label key={m.id} className="choice">
                <input
                  type="checkbox"
                  id={`scorecard-mco-${m.id}`}
                  checked={mcoIds.has(m.id)}
                  onChange={(e) => toggleMco(m.id, e.target.checked)}
                />
                {m.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="secondary" onClick={() => void savePdf()}>
            Save as PDF
          </button>
        </div>
      </form>

      {rangeError && (
        <p id="scorecard-range-error" className="notice notice-error" role="alert">
          {rangeError}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {pdfStatus && (
        <p
          className={`notice no-print ${pdfStatus.kind === 'error' ? 'notice-error' : 'notice-ok'}`}
          role={pdfStatus.kind === 'error' ? 'alert' : 'status'}
        >
          {pdfStatus.text}
        </p>
      )}
      {(loadingLog || progress) && !rangeError && (
        <div className="panel progress no-print" aria-busy="true">
          <label htmlFor="scorecard-progress">{loadingLog ? 'Loading the log' : 'Reading the referrals'}</label>
          {loadingLog ? (
            <progress id="scorecard-progress" max={Math.max(1, snapshot.total)} value={snapshot.loaded} />
          ) : progress && progress.total > 0 ? (
            <progress id="scorecard-progress" max={progress.total} value={progress.done} />
          ) : (
            <progress id="scorecard-progress" />
          )}
          <p role="status">
            {loadingLog
              ? `${n(snapshot.loaded)} of ${n(snapshot.total)} inquiries loaded`
              : progress && progress.total > 0
                ? `${n(progress.done)} of ${n(progress.total)} inquiries updated in the period`
                : 'Finding the referrals…'}
          </p>
        </div>
      )}

      {scorecard && !rangeError && (
        <>
          <ScorecardBody scorecard={scorecard} dayMinutes={calendar.businessDayMinutes} zone={zone} />
          <form
            className="panel no-print"
            aria-labelledby="scorecard-export-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (canExport) void exportScorecard();
            }}
          >
            <h2 id="scorecard-export-title">Export the scorecard</h2>
            <p className="hint">
              One row per MCO and one for all of them, every figure in its own column (business time in hours). A scorecard holds counts and
              times only: no case numbers and no member data.
            </p>
            <fieldset className="scorecard-format">
              <legend>Format</legend>
              <label className="choice">
                <input
                  type="radio"
                  id="scorecard-format-csv"
                  name="scorecard-format"
                  checked={format === 'csv'}
                  onChange={() => setFormat('csv')}
                  disabled={working}
                />
                CSV (.csv, UTF-8)
              </label>
              <label className="choice">
                <input
                  type="radio"
                  id="scorecard-format-xlsx"
                  name="scorecard-format"
                  checked={format === 'xlsx'}
                  onChange={() => setFormat('xlsx')}
                  disabled={working}
                />
                Excel workbook (.xlsx)
              </label>
            </fieldset>
            <p className="hint">
              File name: <span className="file-name">{fileName}</span>
            </p>
            {status && (
              <p
                className={`notice ${status.kind === 'error' ? 'notice-error' : status.kind === 'saved' ? 'notice-ok' : 'notice-info'}`}
                role={status.kind === 'error' ? 'alert' : 'status'}
              >
                {status.text}
              </p>
            )}
            <div className="button-row">
              <button type="submit" id="scorecard-export" className="primary" disabled={!canExport}>
                {working ? 'Exporting…' : `Export the scorecard (${format.toUpperCase()})`}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

/** The figures: memoised, so progress and export status updates do not redraw the charts. */
const ScorecardBody = memo(function ScorecardBody({
  scorecard,
  dayMinutes,
  zone,
}: {
  scorecard: Scorecard;
  dayMinutes: number;
  zone: TimeZone;
}) {
  const all = scorecard.all;
  const rows = scorecard.rows;
  const time = (m: number | null) => formatBusinessMinutes(m, dayMinutes);
  const lines = [...rows, all];
  const chartHeight = 80 + 52 * lines.length;
  return (
    <>
      <dl className="tiles" aria-label="Summary">
        <div className="tile">
          <dt>Referrals made</dt>
          <dd>{n(all.referrals)}</dd>
        </div>
        <div className="tile tile-ok">
          <dt>Member contacted by end of day</dt>
          <dd>
            {pct(all.contactedByEndOfDay.pct)}
            <small>
              {n(all.contactedByEndOfDay.count)} of {n(all.contactedByEndOfDay.decided)} decided
            </small>
          </dd>
        </div>
        <div className="tile tile-ok">
          <dt>Reported back without follow-up</dt>
          <dd>
            {pct(all.reportedBackWithoutFollowUp.pct)}
            <small>
              {n(all.reportedBackWithoutFollowUp.count)} of {n(all.reportedBackWithoutFollowUp.decided)} decided
            </small>
          </dd>
        </div>
        <div className="tile">
          <dt>Median time to report-back</dt>
          <dd>
            {time(all.toReportBack.median)}
            <small>90th percentile {time(all.toReportBack.p90)}</small>
          </dd>
        </div>
        <div className={`tile ${all.awaiting > 0 ? 'tile-warning' : 'tile-muted'}`}>
          <dt>Awaiting report-back now</dt>
          <dd>{n(all.awaiting)}</dd>
        </div>
      </dl>

      <section className="panel report-section" aria-labelledby="scorecard-process-title">
        <h2 id="scorecard-process-title">Did each MCO do what the process expects?</h2>
        <div className="chart-over-table">
          <figure aria-labelledby="scorecard-process-caption">
            <div aria-hidden="true">
              <BarChart
                accessibilityLayer={false}
                width={620}
                height={chartHeight}
                data={lines.map((r) => ({
                  label: r.label,
                  contact: r.contactedByEndOfDay.pct ?? 0,
                  report: r.reportedBackWithoutFollowUp.pct ?? 0,
                }))}
                layout="vertical"
                margin={{ left: 10, right: 50, top: 5, bottom: 5 }}
              >
                <CartesianGrid horizontal={false} stroke="#e1e6ed" />
                <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fill: '#4f5b6b', fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={190} tick={{ fill: '#1b2330', fontSize: 13 }} />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                <Bar dataKey="contact" name="Member contacted by end of day" fill={ACCENT} isAnimationActive={false}>
                  <LabelList dataKey="contact" position="right" formatter={(v: unknown) => `${v} %`} fontSize={12} fill="#1b2330" />
                </Bar>
                <Bar dataKey="report" name="Reported back without follow-up" fill={GREEN} isAnimationActive={false}>
                  <LabelList dataKey="report" position="right" formatter={(v: unknown) => `${v} %`} fontSize={12} fill="#1b2330" />
                </Bar>
              </BarChart>
            </div>
            <figcaption id="scorecard-process-caption">
              Chart: percent of decided referrals where the MCO contacted the member by end of day, and where it reported back without a
              follow-up, per MCO (the table below has the figures; an MCO with nothing decided shows 0).
            </figcaption>
          </figure>
          <ScrollFrame label="Process figures per MCO (scrollable)">
            <table className="data-table">
              <caption>Process figures per MCO</caption>
              <thead>
                <tr>
                  <th scope="col">MCO</th>
                  <th scope="col" className="num">
                    Referrals
                  </th>
                  <th scope="col" className="num">
                    Member contacted by end of day
                  </th>
                  <th scope="col" className="num">
                    Reported back without follow-up
                  </th>
                  <th scope="col" className="num">
                    Referrals needing follow-up
                  </th>
                  <th scope="col" className="num">
                    Follow-ups
                  </th>
                  <th scope="col" className="num">
                    Contact not yet due
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ProcessRow key={r.mcoId} r={r} />
                ))}
              </tbody>
              <tfoot>
                <ProcessRow r={all} />
              </tfoot>
            </table>
          </ScrollFrame>
        </div>
        <p className="footnote">
          Decided: the MCO did it, or the time for it passed while the referral stood. Contact by end of day is read from the MCO's
          report-back saying it reached the member, recorded by the referral's end-of-day due time. Not yet due: the end-of-day contact is
          still to come. Left out of the percentages: {n(all.contactNotCounted)} referral{all.contactNotCounted === 1 ? '' : 's'} resolved
          or re-referred before the contact was due
          {all.imported > 0 ? `, or from the old log (${n(all.imported)} referrals; it has no report-backs)` : ''}. Follow-ups count only
          those made before the MCO first reported back.
        </p>
      </section>

      <section className="panel report-section" aria-labelledby="scorecard-time-title">
        <h2 id="scorecard-time-title">Business time from referral</h2>
        <ScrollFrame label="Business time per MCO (scrollable)">
          <table className="data-table">
            <caption>Business time from referral to report-back and to resolution, per MCO</caption>
            <thead>
              <tr>
                <th scope="col">MCO</th>
                <th scope="col" className="num">
                  Reported back
                </th>
                <th scope="col" className="num">
                  Median to report-back
                </th>
                <th scope="col" className="num">
                  90th pct. to report-back
                </th>
                <th scope="col" className="num">
                  Resolved
                </th>
                <th scope="col" className="num">
                  Median to resolution
                </th>
                <th scope="col" className="num">
                  90th pct. to resolution
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <TimeRow key={r.mcoId} r={r} time={time} />
              ))}
            </tbody>
            <tfoot>
              <TimeRow r={all} time={time} />
            </tfoot>
          </table>
        </ScrollFrame>
        <p className="footnote">
          Business time counts office hours in {zone}, leaving out weekends, holidays and closures: to the MCO's first report-back, and to
          the first resolution after the referral.
        </p>
      </section>

      <section className="panel report-section" aria-labelledby="scorecard-open-title">
        <h2 id="scorecard-open-title">Awaiting report-back now, by business days since referral</h2>
        {all.awaiting === 0 ? (
          <p>No referral made in the period is awaiting a report-back.</p>
        ) : (
          <figure aria-labelledby="scorecard-open-caption" className="chart-over-table">
            <div aria-hidden="true">
              <BarChart
                accessibilityLayer={false}
                width={620}
                height={80 + 40 * rows.length}
                data={rows.map((r) => ({ label: r.label, ...Object.fromEntries(r.awaitingByAge.map((b) => [b.key, b.count])) }))}
                layout="vertical"
                margin={{ left: 10, right: 30, top: 5, bottom: 5 }}
              >
                <CartesianGrid horizontal={false} stroke="#e1e6ed" />
                <XAxis type="number" allowDecimals={false} tick={{ fill: '#4f5b6b', fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={190} tick={{ fill: '#1b2330', fontSize: 13 }} />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                {REFERRAL_AGE_BUCKETS.map((b, i) => (
                  <Bar key={b.key} dataKey={b.key} name={b.label} stackId="age" fill={AGE_COLORS[i]} isAnimationActive={false} />
                ))}
              </BarChart>
            </div>
            <figcaption id="scorecard-open-caption">
              Chart: referrals still awaiting the MCO's report-back, per MCO, by whole business days since the referral (the table has the
              figures).
            </figcaption>
          </figure>
        )}
        <ScrollFrame label="Awaiting report-back per MCO (scrollable)">
          <table className="data-table">
            <caption>Referrals awaiting report-back by business days since referral, and those closed without one</caption>
            <thead>
              <tr>
                <th scope="col">MCO</th>
                {REFERRAL_AGE_BUCKETS.map((b) => (
                  <th key={b.key} scope="col" className="num">
                    {b.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Awaiting
                </th>
                <th scope="col" className="num">
                  Closed without report-back
                </th>
                <th scope="col" className="num">
                  Re-referred without report-back
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <AgeRow key={r.mcoId} r={r} />
              ))}
            </tbody>
            <tfoot>
              <AgeRow r={all} />
            </tfoot>
          </table>
        </ScrollFrame>
        <p className="footnote">
          Awaiting: the inquiry is open, this is its latest referral, and the MCO has not reported back. Closed without report-back: the
          inquiry was resolved first. Re-referred: a later referral replaced it.
        </p>
      </section>
    </>
  );
});

function ProcessRow({ r }: { r: McoScore }) {
  return (
    <tr>
      <th scope="row">{r.label}</th>
      <td className="num">{n(r.referrals)}</td>
      <td className="num">{shareText(r.contactedByEndOfDay)}</td>
      <td className="num">{shareText(r.reportedBackWithoutFollowUp)}</td>
      <td className="num">{n(r.followedUp)}</td>
      <td className="num">{n(r.followUps)}</td>
      <td className="num">{n(r.contactPending)}</td>
    </tr>
  );
}

function TimeRow({ r, time }: { r: McoScore; time: (m: number | null) => string }) {
  return (
    <tr>
      <th scope="row">{r.label}</th>
      <td className="num">{n(r.toReportBack.count)}</td>
      <td className="num">{time(r.toReportBack.median)}</td>
      <td className="num">{time(r.toReportBack.p90)}</td>
      <td className="num">{n(r.toResolution.count)}</td>
      <td className="num">{time(r.toResolution.median)}</td>
      <td className="num">{time(r.toResolution.p90)}</td>
    </tr>
  );
}

function AgeRow({ r }: { r: McoScore }) {
  return (
    <tr>
      <th scope="row">{r.label}</th>
      {r.awaitingByAge.map((b) => (
        <td key={b.key} className="num">
          {n(b.count)}
        </td>
      ))}
      <td className="num">{n(r.awaiting)}</td>
      <td className="num">{n(r.closedWithoutReportBack)}</td>
      <td className="num">{n(r.reReferredWithoutReportBack)}</td>
    </tr>
  );
}
