import { useEffect, useMemo, useRef, useState } from 'react';
import { calendarConfigOf, mcoName } from '../../shared/config/agencyConfig';
import type { Scorecard } from '../../shared/report/scorecard';
import { SCORECARD_COLUMNS, scorecardCsv, scorecardFileName, scorecardTable } from '../../shared/report/scorecardExport';
import { createCalendar } from '../../shared/time/calendar';
import { formatTypedDay } from '../../shared/time/typedInput';
import { formatLong } from '../app/format';
import { type CountProgress, startCount } from './counting';
import { ExportForm, type FileFormat } from './ExportForm';
import { n } from './figures';
import { LeadPage, ReportControls, useLeadScreen } from './PeriodPicker';
import { ScorecardBody } from './ScorecardBody';
import { fileWords, pdfWords, SaveStatusNote, useSaveOutcome } from './saveOutcome';
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

export function McoScorecard() {
  const { repo, clock, config, snapshot, bridge, zone, period: periodChoice } = useLeadScreen();
  const { days, rangeError, dayRange: period, range } = periodChoice;
  const [mcoIds, setMcoIds] = useState<Set<string>>(new Set());
  const [scorecard, setScorecard] = useState<Scorecard | null>(null);
  /** The period and MCOs the figures shown are for. */
  const shownFor = useRef('');
  const [progress, setProgress] = useState<CountProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<FileFormat>('csv');
  const { status, setStatus, save, working } = useSaveOutcome();
  const pdf = useSaveOutcome();
  const calendar = useMemo(() => createCalendar(calendarConfigOf(config)), [config]);

  // A referral in the period is an event since its start, so only inquiries updated since then can hold one.
  const candidateIds = useMemo(
    () => (snapshot.complete && range ? snapshot.rows.filter((r) => r.updatedAt >= range.from).map((r) => r.id) : null),
    [snapshot.complete, snapshot.rows, range],
  );
  const mcoKey = [...mcoIds].sort().join(',');

  useEffect(() => {
    if (!range || candidateIds === null) return;
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
    return startCount(
      (onProgress) =>
        repo.reports.mcoScorecard(
          { from: range.from, to: range.to, mcoIds: mcoKey ? mcoKey.split(',') : [] },
          { config, now: clock.now(), calendar },
          candidateIds,
          onProgress,
        ),
      { progress: setProgress, result: setScorecard, failed: (message) => setError(`The scorecard could not be made: ${message}`) },
    );
  }, [repo, config, clock, calendar, range, candidateIds, mcoKey, setStatus]);

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
  // None while the typed period is not one (rangeError says why): nothing can be exported then.
  const fileName = period
    ? scorecardFileName({
        period,
        mco: chosen.length === 1 ? mcoName(config, chosen[0] as string) : null,
        now: clock.now(),
        zone,
        format,
      })
    : null;
  const canExport = scorecard !== null && !rangeError && progress === null && !working;

  const savePdf = () =>
    pdf.save(
      () => bridge.printToPdf({ suggestedName: `mco-scorecard_${days.from}_${days.to}.pdf`, landscape: true }),
      pdfWords((fileName) => `Saved the scorecard as ${fileName}.`),
    );

  async function exportScorecard() {
    if (!scorecard || !period || fileName === null) return;
    setStatus({ kind: 'working', text: 'Preparing the file…' });
    await save(
      async () => {
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
        return bridge.saveFile({ suggestedName: fileName, format, data, containsMemberData: false });
      },
      fileWords((saved) => `Saved the scorecard as ${saved}.`),
    );
  }

  const loadingLog = !snapshot.complete;
  return (
    <LeadPage
      className="scorecard"
      titleId="scorecard-title"
      title="MCO scorecard"
      meta={
        <>
          Referrals made {formatTypedDay(days.from)} – {formatTypedDay(days.to)} · {mcoLabel} · as of {formatLong(clock.now(), zone)}
        </>
      }
    >
      <ReportControls
        label="Scorecard period and MCOs"
        idPrefix="scorecard"
        periodLabel="Period (by date referred)"
        period={periodChoice}
        onSavePdf={() => void savePdf()}
      >
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
      </ReportControls>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <SaveStatusNote status={pdf.status} noPrint />
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

      {scorecard && fileName !== null && (
        <>
          <ScorecardBody scorecard={scorecard} dayMinutes={calendar.businessDayMinutes} zone={zone} />
          <ExportForm
            idPrefix="scorecard"
            title="Export the scorecard"
            hint={
              <>
                One row per MCO and one for all of them, every figure in its own column (business time in hours). A scorecard holds counts
                and times only: no case numbers and no member data.
              </>
            }
            format={format}
            onFormat={setFormat}
            working={working}
            canExport={canExport}
            onExport={() => void exportScorecard()}
            fileName={fileName}
            status={status}
            submitId="scorecard-export"
            submitText={`Export the scorecard (${format.toUpperCase()})`}
          />
        </>
      )}
    </LeadPage>
  );
}
