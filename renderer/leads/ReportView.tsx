import { useEffect, useMemo, useState } from 'react';
import { calendarConfigOf } from '../../shared/config/agencyConfig';
import type { Report } from '../../shared/report/report';
import { createCalendar } from '../../shared/time/calendar';
import { formatLong } from '../app/format';
import { type CountProgress, startCount } from './counting';
import { LeadPage, ReportControls, useLeadScreen } from './PeriodPicker';
import { ReportBody } from './ReportBody';
import { pdfWords, SaveStatusNote, useSaveOutcome } from './saveOutcome';
import './leads.css';

/*
 * The unit lead's report (SPEC.md "Leads"): counts and timeliness for a period, open inquiries by
 * age and what is overdue now. Every chart has its table beside it (the charts are pictures of the
 * tables, hidden from screen readers); the page prints cleanly and saves as PDF on the desktop.
 */

const fmtDay = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

export function ReportView() {
  const { repo, clock, config, snapshot, bridge, zone, period } = useLeadScreen();
  const { days, range } = period;
  const [mcoIds, setMcoIds] = useState<Set<string>>(new Set());
  const [priorities, setPriorities] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<CountProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pdf = useSaveOutcome();
  const calendar = useMemo(() => createCalendar(calendarConfigOf(config)), [config]);

  const openIds = useMemo(
    () => (snapshot.complete ? snapshot.rows.filter((r) => r.status === 'open').map((r) => r.id) : null),
    [snapshot.complete, snapshot.rows],
  );
  const mcoKey = [...mcoIds].sort().join(',');
  const priorityKey = [...priorities].sort().join(',');

  useEffect(() => {
    if (range === null || openIds === null) return;
    const { from, to } = range;
    setProgress({ done: 0, total: 0 });
    setError(null);
    return startCount(
      (onProgress) =>
        repo.reports.leadReport(
          {
            from,
            to,
            mcoIds: mcoKey ? mcoKey.split(',').map((m) => (m === '(none)' ? '' : m)) : [],
            priorities: priorityKey ? priorityKey.split(',') : [],
          },
          { config, zone, now: clock.now(), calendar },
          openIds,
          onProgress,
        ),
      { progress: setProgress, result: setReport, failed: (message) => setError(`The report could not be made: ${message}`) },
    );
  }, [repo, config, zone, clock, calendar, range, openIds, mcoKey, priorityKey]);

  const toggle = (set: Set<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const savePdf = () =>
    pdf.save(
      () => bridge.printToPdf({ suggestedName: `lead-report_${days.from}_to_${days.to}.pdf`, landscape: false }),
      pdfWords((fileName) => `Saved the report as ${fileName}.`),
    );

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
    <LeadPage
      className="report-view"
      titleId="report-title"
      title="Lead report"
      meta={
        <>
          Inquiries received {fmtDay(days.from)} – {fmtDay(days.to)} · {filterText} · as of {formatLong(clock.now(), zone)}
        </>
      }
    >
      <ReportControls
        label="Report period and filters"
        idPrefix="report"
        periodLabel="Period (by date received)"
        period={period}
        onSavePdf={() => void savePdf()}
        pdfPrimary
      >
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
      </ReportControls>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <SaveStatusNote status={pdf.status} noPrint />
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
    </LeadPage>
  );
}
