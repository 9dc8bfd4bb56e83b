import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { formatBusinessMinutes } from '../../shared/report/report';
import { type McoScore, REFERRAL_AGE_BUCKETS, type Scorecard, type Share } from '../../shared/report/scorecard';
import type { TimeZone } from '../../shared/time/types';
import { num, TableHead } from '../components/TableHead';
import { ACCENT, GREEN, n, pct } from './figures';
import { PercentBars } from './PercentBars';
import { ScrollFrame } from './ScrollFrame';
import { ShareTile, Tile } from './Tile';

/** A share's figures as a tile shows them. */
const shareOf = (s: Share) => ({ count: s.count, decided: s.decided, pct: pct(s.pct) });

/** Awaiting report-back by age: from fresh (light) to old (dark); each has at least 3:1 against white. */
const AGE_COLORS = ['#4f7fb0', '#2f6a9f', '#8a5a00', '#b04a1c', '#8f1d1d'];
const shareText = (s: Share) => (s.decided === 0 ? '—' : `${pct(s.pct)} (${n(s.count)} of ${n(s.decided)})`);

/** The figures: memoised, so progress and export status updates do not redraw the charts. */
export const ScorecardBody = memo(function ScorecardBody({
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
        <Tile label="Referrals made">{n(all.referrals)}</Tile>
        <ShareTile label="Member contacted by end of day" {...shareOf(all.contactedByEndOfDay)} />
        <ShareTile label="Reported back without follow-up" {...shareOf(all.reportedBackWithoutFollowUp)} />
        <Tile label="Median time to report-back" note={<>90th percentile {time(all.toReportBack.p90)}</>}>
          {time(all.toReportBack.median)}
        </Tile>
        <Tile label="Awaiting report-back now" tone={all.awaiting > 0 ? 'warning' : 'muted'}>
          {n(all.awaiting)}
        </Tile>
      </dl>

      <section className="panel report-section" aria-labelledby="scorecard-process-title">
        <h2 id="scorecard-process-title">Did each MCO do what the process expects?</h2>
        <div className="chart-over-table">
          <figure aria-labelledby="scorecard-process-caption">
            <div aria-hidden="true">
              <PercentBars
                width={620}
                height={chartHeight}
                lines={lines.map((r) => ({
                  label: r.label,
                  contact: r.contactedByEndOfDay.pct ?? 0,
                  report: r.reportedBackWithoutFollowUp.pct ?? 0,
                }))}
                series={[
                  { key: 'contact', name: 'Member contacted by end of day', fill: ACCENT },
                  { key: 'report', name: 'Reported back without follow-up', fill: GREEN },
                ]}
                labelWidth={190}
                rightMargin={50}
                legendInOrder
              />
            </div>
            <figcaption id="scorecard-process-caption">
              Chart: percent of decided referrals where the MCO contacted the member by end of day, and where it reported back without a
              follow-up, per MCO (the table below has the figures; an MCO with nothing decided shows 0).
            </figcaption>
          </figure>
          <ScrollFrame label="Process figures per MCO (scrollable)">
            <table className="data-table">
              <caption>Process figures per MCO</caption>
              <TableHead
                columns={[
                  'MCO',
                  num('Referrals'),
                  num('Member contacted by end of day'),
                  num('Reported back without follow-up'),
                  num('Referrals needing follow-up'),
                  num('Follow-ups'),
                  num('Contact not yet due'),
                ]}
              />
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
          report-back saying it reached the member, when it happened (not when it was typed) by the referral's end-of-day due time. Not yet
          due: the end-of-day contact is still to come. Left out of the percentages: {n(all.contactNotCounted)} referral
          {all.contactNotCounted === 1 ? '' : 's'} resolved or re-referred before the contact was due
          {all.imported > 0 ? `, or from the old log (${n(all.imported)} referrals; it has no report-backs)` : ''}. Follow-ups count only
          those made before the MCO first reported back.
        </p>
      </section>

      <section className="panel report-section" aria-labelledby="scorecard-time-title">
        <h2 id="scorecard-time-title">Business time from referral</h2>
        <ScrollFrame label="Business time per MCO (scrollable)">
          <table className="data-table">
            <caption>Business time from referral to report-back and to resolution, per MCO</caption>
            <TableHead
              columns={[
                'MCO',
                num('Reported back'),
                num('Median to report-back'),
                num('90th pct. to report-back'),
                num('Resolved'),
                num('Median to resolution'),
                num('90th pct. to resolution'),
              ]}
            />
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
