import type { ExportKind, ExportValue } from '../export/columns';
import { csvFile } from '../export/csv';
import { fileSlug, fileStamp } from '../export/fileName';
import type { Instant, IsoDay, TimeZone } from '../time/types';
import type { DayRange } from './period';
import { type McoScore, REFERRAL_AGE_BUCKETS, type Scorecard } from './scorecard';

/*
 * The scorecard as a file for the MCO's contract meeting: one row per MCO and a last row for all of
 * them together, every figure its own column (numbers as numbers, business time in hours). A
 * scorecard holds counts and times only: no case number, no member, no free text, so the file has
 * no member data whatever the options.
 */

export interface ScorecardColumn {
  header: string;
  kind: ExportKind;
  width: number;
  value(r: McoScore, period: DayRange): ExportValue;
}

/** Business minutes as business hours, two decimals (what the log export's computed columns use). */
const hours = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

export const SCORECARD_COLUMNS: readonly ScorecardColumn[] = [
  { header: 'Period from', kind: 'date', width: 12, value: (_, p) => p.from },
  { header: 'Period to', kind: 'date', width: 12, value: (_, p) => p.to },
  { header: 'MCO', kind: 'text', width: 28, value: (r) => r.label },
  { header: 'Referrals', kind: 'number', width: 10, value: (r) => r.referrals },
  { header: 'Referrals from the old log', kind: 'number', width: 12, value: (r) => r.imported },
  { header: 'Member contacted by end of day', kind: 'number', width: 14, value: (r) => r.contactedByEndOfDay.count },
  { header: 'End-of-day contact decided', kind: 'number', width: 14, value: (r) => r.contactedByEndOfDay.decided },
  { header: '% member contacted by end of day', kind: 'number', width: 14, value: (r) => r.contactedByEndOfDay.pct },
  { header: 'End-of-day contact not yet due', kind: 'number', width: 14, value: (r) => r.contactPending },
  { header: 'End-of-day contact not counted', kind: 'number', width: 14, value: (r) => r.contactNotCounted },
  { header: 'Reported back without follow-up', kind: 'number', width: 14, value: (r) => r.reportedBackWithoutFollowUp.count },
  { header: 'Report-back decided', kind: 'number', width: 14, value: (r) => r.reportedBackWithoutFollowUp.decided },
  { header: '% reported back without follow-up', kind: 'number', width: 14, value: (r) => r.reportedBackWithoutFollowUp.pct },
  { header: 'Report-back not yet due', kind: 'number', width: 14, value: (r) => r.reportBackPending },
  { header: 'Report-back not counted', kind: 'number', width: 14, value: (r) => r.reportBackNotCounted },
  { header: 'Referrals needing follow-up', kind: 'number', width: 14, value: (r) => r.followedUp },
  { header: 'Follow-ups before report-back', kind: 'number', width: 14, value: (r) => r.followUps },
  { header: 'Reported back', kind: 'number', width: 12, value: (r) => r.reportedBack },
  { header: 'Median business hours to report-back', kind: 'number', width: 16, value: (r) => hours(r.toReportBack.median) },
  { header: '90th percentile business hours to report-back', kind: 'number', width: 16, value: (r) => hours(r.toReportBack.p90) },
  { header: 'Resolved after referral', kind: 'number', width: 12, value: (r) => r.toResolution.count },
  { header: 'Median business hours to resolution', kind: 'number', width: 16, value: (r) => hours(r.toResolution.median) },
  { header: '90th percentile business hours to resolution', kind: 'number', width: 16, value: (r) => hours(r.toResolution.p90) },
  { header: 'Awaiting report-back now', kind: 'number', width: 12, value: (r) => r.awaiting },
  ...REFERRAL_AGE_BUCKETS.map(
    (b): ScorecardColumn => ({
      header: `Awaiting: ${b.label.replace(/^Under/, 'under').replace(/^Over/, 'over')}`,
      kind: 'number',
      width: 14,
      value: (r) => r.awaitingByAge.find((a) => a.key === b.key)?.count ?? 0,
    }),
  ),
  { header: 'Closed without report-back', kind: 'number', width: 12, value: (r) => r.closedWithoutReportBack },
  { header: 'Re-referred without report-back', kind: 'number', width: 12, value: (r) => r.reReferredWithoutReportBack },
];

/** The table's values: the MCOs' rows, then the row of all of them. */
export function scorecardTable(s: Scorecard, period: DayRange): ExportValue[][] {
  return [...s.rows, s.all].map((r) => SCORECARD_COLUMNS.map((c) => c.value(r, period)));
}

/** The scorecard as a CSV file's text: byte-order mark, header, one CRLF line per MCO and the total. */
export function scorecardCsv(s: Scorecard, period: DayRange, zone: TimeZone): string {
  return csvFile(SCORECARD_COLUMNS, scorecardTable(s, period), zone);
}

/** `mco-scorecard_<first day>_<last day>[_<mco>]_<yyyy-MM-dd-HHmm>.<format>`; the MCO part only when one MCO is chosen. */
export function scorecardFileName(o: {
  period: { from: IsoDay; to: IsoDay };
  mco: string | null;
  now: Instant;
  zone: TimeZone;
  format: 'csv' | 'xlsx';
}): string {
  const stamp = fileStamp(o.now, o.zone);
  const mco = o.mco === null ? '' : `_${fileSlug(o.mco) || 'mco'}`;
  return `mco-scorecard_${o.period.from}_${o.period.to}${mco}_${stamp}.${o.format}`;
}
