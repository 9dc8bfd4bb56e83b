import { useEffect, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts';
import { type AgencyConfig, calendarConfigOf } from '../../shared/config/agencyConfig';
import { formatDateTime } from '../../shared/export/columns';
import { PERIOD_LABELS, PERIOD_PRESETS, type PeriodPreset, periodDays, rangeInstants, rangeProblem } from '../../shared/report/period';
import { type CountRow, formatBusinessMinutes, type Report, type Timeliness } from '../../shared/report/report';
import { type BusinessCalendar, createCalendar } from '../../shared/time/calendar';
import type { IsoDay, TimeZone } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { focusOnMount } from '../components/focusOnMount';
import { useAgencyConfig, useLogSnapshot, useServices } from '../data/hooks';
import { ScrollFrame } from './ScrollFrame';
import './leads.css';

/*
 * The unit lead's report (SPEC.md "Leads"): counts and timeliness for a period, open inquiries by
 * age and what is overdue now. Every chart has its table beside it (the charts are pictures of the
 * tables, hidden from screen readers); the page prints cleanly and saves as PDF on the desktop.
 */

const ACCENT = '#0b5cad';
const GREEN = '#1e6b34';
const AMBER = '#8a5a00';

const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);
const fmtDay = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

export function ReportView() {
  const { repo, clock } = useServices();
  const config = useAgencyConfig();
  const snapshot = useLogSnapshot();
  const bridge = useBridge();
  const zone = config.timeZone as TimeZone;
  const [preset, setPreset] = useState<PeriodPreset>('this_month');
  const initial = periodDays('this_month', clock.now(), zone);
  const [custom, setCustom] = useState<{ from: string; to: string }>({ from: initial.from, to: initial.to });
  const [mcoIds, setMcoIds] = useState<Set<string>>(new Set());
  const [priorities, setPriorities] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const calendar = useMemo(() => createCalendar(calendarConfigOf(config)), [config]);

  const days = preset === 'custom' ? custom : periodDays(preset, clock.now(), zone);
  const rangeError = preset === 'custom' ? rangeProblem(custom) : null;
  const openIds = useMemo(
    () => (snapshot.complete ? snapshot.rows.filter((r) => r.status === 'open').map((r) => r.id) : null),
    [snapshot.complete, snapshot.rows],
  );
  const mcoKey = [...mcoIds].sort().join(',');
  const priorityKey = [...priorities].sort().join(',');

  useEffect(() => {
    if (rangeError || openIds === null) return;
    let cancelled = false;
    const { from, to } = rangeInstants({ from: days.from as IsoDay, to: days.to as IsoDay }, zone);
    setProgress({ done: 0, total: 0 });
    setError(null);
    repo.reports
      .leadReport(
        {
          from,
          to,
          mcoIds: mcoKey ? mcoKey.split(',').map((m) => (m === '(none)' ? '' : m)) : [],
          priorities: priorityKey ? priorityKey.split(',') : [],
        },
        { config, zone, now: clock.now(), calendar },
        openIds,
        (done, total) => {
          if (!cancelled) setProgress({ done, total });
        },
      )
      .then((r) => {
        if (cancelled) return;
        setReport(r);
        setProgress(null);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setProgress(null);
        setError(`The report could not be made: ${(e as Error).message}`);
      });
    return () => {
      cancelled = true;
    };
  }, [repo, config, zone, clock, calendar, days.from, days.to, rangeError, openIds, mcoKey, priorityKey]);

  const toggle = (set: Set<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  async function savePdf() {
    setSaved(null);
    try {
      const outcome = await bridge.printToPdf({ suggestedName: `lead-report_${days.from}_to_${days.to}.pdf`, landscape: false });
      if (outcome.outcome === 'saved') setSaved(`Saved the report as ${outcome.fileName}.`);
      else if (outcome.outcome === 'refused') setError(outcome.message);
    } catch (e) {
      setError(`The PDF could not be made: ${(e as Error).message}`);
    }
  }

  const mcoNames = config.mcos.map((m) => ({ id: m.id, label: m.name }));
  const filterText = [
    mcoIds.size === 0
      ? 'all MCOs'
      : [...mcoIds].map((id) => (id === '(none)' ? 'no MCO' : (mcoNames.find((m) => m.id === id)?.label ?? id))).join(', '),
    priorities.size === 0
      ? 'all priorities'
      : [...priorities].map((p) => config.priorityLevels.find((l) => l.id === p)?.label ?? p).join(', '),
  ].join(' · ');

  return (
    <section className="lead-page report-view" aria-labelledby="report-title">
      <header>
        <h1 id="report-title" tabIndex={-1} ref={focusOnMount}>
          Lead report
        </h1>
        <p className="report-meta">
          Inquiries received {fmtDay(days.from)} – {fmtDay(days.to)} · {filterText} · as of {formatLong(clock.now(), zone)}
        </p>
      </header>

      <form className="panel report-controls" aria-label="Report period and filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="report-period">Period (by date received)</label>
          <select id="report-period" value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
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
              <label htmlFor="report-from">From</label>
              <input
                id="report-from"
                type="date"
                value={custom.from}
                onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
                aria-invalid={rangeError ? true : undefined}
                aria-describedby={rangeError ? 'report-range-error' : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="report-to">To (included)</label>
              <input
                id="report-to"
                type="date"
                value={custom.to}
                onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
                aria-invalid={rangeError ? true : undefined}
                aria-describedby={rangeError ? 'report-range-error' : undefined}
              />
            </div>
          </>
        )}
        <fieldset>
          <legend>MCOs (none ticked: all)</legend>
          <div className="choice-list">
            {[...mcoNames, { id: '(none)', label: 'No MCO' }].map((m) => (
              <label key={m.id} className="choice">
                <input type="checkbox" checked={mcoIds.has(m.id)} onChange={(e) => setMcoIds((s) => toggle(s, m.id, e.target.checked))} />
                {m.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Priorities (none ticked: all)</legend>
          <div className="choice-list">
            {config.priorityLevels.map((l) => (
              <label key={l.id} className="choice">
                <input
                  type="checkbox"
                  checked={priorities.has(l.id)}
                  onChange={(e) => setPriorities((s) => toggle(s, l.id, e.target.checked))}
                />
                {l.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="primary" onClick={() => void savePdf()}>
            Save as PDF
          </button>
        </div>
      </form>

      {rangeError && (
        <p id="report-range-error" className="notice notice-error" role="alert">
          {rangeError}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="notice notice-ok no-print" role="status">
          {saved}
        </p>
      )}
      {(openIds === null || progress) && (
        <div className="panel progress no-print" aria-busy="true">
          <label htmlFor="report-progress">{openIds === null ? 'Loading the log' : 'Counting'}</label>
          {progress && progress.total > 0 ? (
            <progress id="report-progress" max={progress.total} value={progress.done} />
          ) : (
            <progress id="report-progress" />
          )}
          <p role="status">
            {openIds === null
              ? `${snapshot.loaded.toLocaleString('en-US')} of ${snapshot.total.toLocaleString('en-US')} inquiries loaded`
              : progress && progress.total > 0
                ? `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} inquiries`
                : 'Finding the inquiries…'}
          </p>
        </div>
      )}
      {report && <ReportBody report={report} config={config} calendar={calendar} zone={zone} />}
    </section>
  );
}

function ReportBody({
  report,
  config,
  calendar,
  zone,
}: {
  report: Report;
  config: AgencyConfig;
  calendar: BusinessCalendar;
  zone: TimeZone;
}) {
  const fc = report.firstContact;
  const dayMinutes = calendar.businessDayMinutes;
  const time = (m: number | null) => formatBusinessMinutes(m, dayMinutes);
  const week = config.calendar.officeHours.find((h) => h !== null);
  return (
    <>
      <dl className="tiles" aria-label="Summary">
        <div className="tile">
          <dt>Received in the period</dt>
          <dd>{report.total.toLocaleString('en-US')}</dd>
        </div>
        <div className="tile tile-ok">
          <dt>First contact within target</dt>
          <dd>
            {pct(fc.pctWithinTarget)}
            <small>
              {fc.withinTarget.toLocaleString('en-US')} of {fc.decided.toLocaleString('en-US')} decided
            </small>
          </dd>
        </div>
        <div className="tile tile-ok">
          <dt>First contact within deadline</dt>
          <dd>
            {pct(fc.pctWithinDeadline)}
            <small>
              {fc.withinDeadline.toLocaleString('en-US')} of {fc.decided.toLocaleString('en-US')} decided
            </small>
          </dd>
        </div>
        <div className="tile">
          <dt>Median time to first contact</dt>
          <dd>
            {time(report.toFirstContact.median)}
            <small>90th percentile {time(report.toFirstContact.p90)}</small>
          </dd>
        </div>
        <div className="tile tile-muted">
          <dt>Open now</dt>
          <dd>{report.openNow.toLocaleString('en-US')}</dd>
        </div>
        <div className={`tile ${report.overdueNow > 0 ? 'tile-error' : 'tile-ok'}`}>
          <dt>Overdue now</dt>
          <dd>{report.overdueNow.toLocaleString('en-US')}</dd>
        </div>
      </dl>

      <section className="panel report-section" aria-labelledby="timeliness-title">
        <h2 id="timeliness-title">First contact timeliness</h2>
        <div className="chart-over-table">
          <figure>
            <div aria-hidden="true">
              <BarChart
                accessibilityLayer={false}
                width={460}
                height={70 + 46 * Math.max(1, report.firstContactByPriority.length)}
                data={report.firstContactByPriority.map((p) => ({
                  label: p.label,
                  target: p.pctWithinTarget ?? 0,
                  deadline: p.pctWithinDeadline ?? 0,
                }))}
                layout="vertical"
                margin={{ left: 10, right: 40, top: 5, bottom: 5 }}
              >
                <CartesianGrid horizontal={false} stroke="#e1e6ed" />
                <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fill: '#4f5b6b', fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={90} tick={{ fill: '#1b2330', fontSize: 13 }} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="target" name="Within target" fill={ACCENT} isAnimationActive={false}>
                  <LabelList dataKey="target" position="right" formatter={(v: unknown) => `${v} %`} fontSize={12} fill="#1b2330" />
                </Bar>
                <Bar dataKey="deadline" name="Within deadline" fill={GREEN} isAnimationActive={false}>
                  <LabelList dataKey="deadline" position="right" formatter={(v: unknown) => `${v} %`} fontSize={12} fill="#1b2330" />
                </Bar>
              </BarChart>
            </div>
            <figcaption>
              Percent of decided first contacts within target and within deadline, by priority (the table has the figures).
            </figcaption>
          </figure>
          <table className="data-table">
            <caption>First contact by priority</caption>
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col" className="num">
                  Decided
                </th>
                <th scope="col" className="num">
                  Within target
                </th>
                <th scope="col" className="num">
                  Within deadline
                </th>
                <th scope="col" className="num">
                  Missed
                </th>
                <th scope="col" className="num">
                  Median
                </th>
                <th scope="col" className="num">
                  90th pct.
                </th>
              </tr>
            </thead>
            <tbody>
              {report.firstContactByPriority.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.label}</th>
                  <td className="num">{p.decided.toLocaleString('en-US')}</td>
                  <td className="num">{pct(p.pctWithinTarget)}</td>
                  <td className="num">{pct(p.pctWithinDeadline)}</td>
                  <td className="num">{p.missed.toLocaleString('en-US')}</td>
                  <td className="num">{time(p.toFirstContact.median)}</td>
                  <td className="num">{time(p.toFirstContact.p90)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <TimelinessTotal fc={fc} median={time(report.toFirstContact.median)} p90={time(report.toFirstContact.p90)} />
            </tfoot>
          </table>
        </div>
        <p className="footnote">
          Decided: contacted, or past the deadline without a contact. {fc.pending.toLocaleString('en-US')} not yet due,{' '}
          {fc.closedUncontacted.toLocaleString('en-US')} closed before any contact
          {fc.noTarget > 0 ? `, ${fc.noTarget.toLocaleString('en-US')} without a target` : ''} are left out of the percentages.
        </p>
        <table className="data-table">
          <caption>Business time taken</caption>
          <thead>
            <tr>
              <th scope="col">From receipt to</th>
              <th scope="col" className="num">
                Inquiries measured
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                90th percentile
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">First contact</th>
              <td className="num">{report.toFirstContact.count.toLocaleString('en-US')}</td>
              <td className="num">{time(report.toFirstContact.median)}</td>
              <td className="num">{time(report.toFirstContact.p90)}</td>
            </tr>
            <tr>
              <th scope="row">
                First contact, paused time counted{' '}
                <small>
                  ({report.pausedFirstContacts.toLocaleString('en-US')} {report.pausedFirstContacts === 1 ? 'timer' : 'timers'} paused)
                </small>
              </th>
              <td className="num">{report.toFirstContactWithPauses.count.toLocaleString('en-US')}</td>
              <td className="num">{time(report.toFirstContactWithPauses.median)}</td>
              <td className="num">{time(report.toFirstContactWithPauses.p90)}</td>
            </tr>
            <tr>
              <th scope="row">Resolution</th>
              <td className="num">{report.toResolution.count.toLocaleString('en-US')}</td>
              <td className="num">{time(report.toResolution.median)}</td>
              <td className="num">{time(report.toResolution.p90)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <CountSection id="by-mco" title="By MCO" rows={report.byMco} total={report.total} />
      <CountSection id="by-priority" title="By priority" rows={report.byPriority} total={report.total} />
      <CountSection id="by-source" title="By source" rows={report.bySource} total={report.total} />
      <CountSection id="by-category" title="By category" rows={report.byCategory} total={report.total} />
      <CountSection id="by-assignee" title="By assignee" rows={report.byAssignee} total={report.total} />
      <CountSection id="by-status" title="By status" rows={report.byStatus} total={report.total} />

      <CountSection
        id="open-age"
        title="Open now, by days open"
        rows={report.openByAge}
        total={report.openNow}
        note="Every inquiry open now that matches the MCO and priority filters, whenever it was received; days are calendar days since the day received."
        color={AMBER}
        keepOrder
      />

      <section className="panel report-section" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Overdue now</h2>
        {report.overdueNow === 0 ? (
          <p>Nothing is overdue.</p>
        ) : (
          <>
            <p>
              {report.overdueNow.toLocaleString('en-US')} open {report.overdueNow === 1 ? 'inquiry has' : 'inquiries have'} something past
              its deadline: {report.overdueByKind.map((k) => `${k.label} ${k.count.toLocaleString('en-US')}`).join('; ')}.
            </p>
            <ScrollFrame label="Overdue inquiries (scrollable)">
              <table className="data-table">
                <caption>Overdue inquiries, most overdue first{report.overdue.length > 50 ? ' (the first 50)' : ''}</caption>
                <thead>
                  <tr>
                    <th scope="col">Case number</th>
                    <th scope="col">Overdue</th>
                    <th scope="col">Deadline</th>
                    <th scope="col">Assignee</th>
                  </tr>
                </thead>
                <tbody>
                  {report.overdue.slice(0, 50).map((o) => (
                    <tr key={o.inquiryId}>
                      <td className="mono">
                        <a href={hrefOf({ name: 'inquiry', id: o.inquiryId })}>{o.caseNumber}</a>
                      </td>
                      <td>{o.label}</td>
                      <td>{formatDateTime(o.deadline, zone)}</td>
                      <td>{o.assignee || 'Unassigned'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          </>
        )}
      </section>
      <p className="footnote">
        Business time counts office hours{week ? ` (${week.open}–${week.close} on working days)` : ''} in {zone}, leaving out weekends,
        holidays, closures and paused time.{' '}
        {report.imported > 0
          ? `${report.imported.toLocaleString('en-US')} of the inquiries in the period came from the old log; where it gave a date without a time, 12:00 noon was used.`
          : ''}
      </p>
    </>
  );
}

function TimelinessTotal({ fc, median, p90 }: { fc: Timeliness; median: string; p90: string }) {
  return (
    <tr>
      <th scope="row">All priorities</th>
      <td className="num">{fc.decided.toLocaleString('en-US')}</td>
      <td className="num">{pct(fc.pctWithinTarget)}</td>
      <td className="num">{pct(fc.pctWithinDeadline)}</td>
      <td className="num">{fc.missed.toLocaleString('en-US')}</td>
      <td className="num">{median}</td>
      <td className="num">{p90}</td>
    </tr>
  );
}

/** One breakdown: a bar chart (a picture of the table) and the table itself. */
function CountSection({
  id,
  title,
  rows,
  total,
  note,
  color = ACCENT,
  keepOrder = false,
}: {
  id: string;
  title: string;
  rows: CountRow[];
  total: number;
  note?: string;
  color?: string;
  keepOrder?: boolean;
}) {
  const shown = keepOrder ? rows : rows.slice(0, 15);
  return (
    <section className="panel report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {note && <p className="footnote">{note}</p>}
      {rows.length === 0 ? (
        <p>No inquiries.</p>
      ) : (
        <div className="chart-and-table">
          <figure>
            <div aria-hidden="true">
              <BarChart
                accessibilityLayer={false}
                width={460}
                height={40 + 30 * shown.length}
                data={shown.map((r) => ({ label: r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label, count: r.count }))}
                layout="vertical"
                margin={{ left: 10, right: 40, top: 5, bottom: 5 }}
              >
                <CartesianGrid horizontal={false} stroke="#e1e6ed" />
                <XAxis type="number" allowDecimals={false} tick={{ fill: '#4f5b6b', fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={170} tick={{ fill: '#1b2330', fontSize: 12 }} />
                <Bar dataKey="count" fill={color} isAnimationActive={false}>
                  <LabelList dataKey="count" position="right" fontSize={12} fill="#1b2330" />
                </Bar>
              </BarChart>
            </div>
            <figcaption>
              {title}: a chart of the table{rows.length > shown.length ? ` (the ${shown.length} largest)` : ''}.
            </figcaption>
          </figure>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
                <th scope="col" className="num">
                  Inquiries
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.count.toLocaleString('en-US')}</td>
                  <td className="num">{total > 0 ? pct(Math.round((r.count / total) * 1000) / 10) : '—'}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{total.toLocaleString('en-US')}</td>
                <td className="num">{total > 0 ? '100 %' : '—'}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
