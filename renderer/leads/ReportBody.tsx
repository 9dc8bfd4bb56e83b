import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { formatDateTime } from '../../shared/export/columns';
import { type CountRow, formatBusinessMinutes, type Report, type Timeliness } from '../../shared/report/report';
import type { BusinessCalendar } from '../../shared/time/calendar';
import type { TimeZone } from '../../shared/time/types';
import { hrefOf } from '../app/router';
import { ScrollX } from '../components/ScrollX';
import { num, TableHead } from '../components/TableHead';
import { ACCENT, AMBER, GREEN, pct } from './figures';
import { PercentBars } from './PercentBars';
import { ScrollFrame } from './ScrollFrame';
import { ShareTile, Tile } from './Tile';

/** The report's figures: summary tiles, then each section as a chart over its table. */
export function ReportBody({
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
        <Tile label="Received in the period">{report.total.toLocaleString('en-US')}</Tile>
        <ShareTile label="First contact within target" count={fc.withinTarget} decided={fc.decided} pct={pct(fc.pctWithinTarget)} />
        <ShareTile label="First contact within deadline" count={fc.withinDeadline} decided={fc.decided} pct={pct(fc.pctWithinDeadline)} />
        <Tile label="Median time to first contact" note={<>90th percentile {time(report.toFirstContact.p90)}</>}>
          {time(report.toFirstContact.median)}
        </Tile>
        <Tile label="Open now" tone="muted">
          {report.openNow.toLocaleString('en-US')}
        </Tile>
        <Tile label="Overdue now" tone={report.overdueNow > 0 ? 'error' : 'ok'}>
          {report.overdueNow.toLocaleString('en-US')}
        </Tile>
      </dl>

      <section className="panel report-section" aria-labelledby="timeliness-title">
        <h2 id="timeliness-title">First contact timeliness</h2>
        <div className="chart-over-table">
          <figure>
            <div aria-hidden="true">
              <PercentBars
                width={460}
                height={70 + 46 * Math.max(1, report.firstContactByPriority.length)}
                lines={report.firstContactByPriority.map((p) => ({
                  label: p.label,
                  target: p.pctWithinTarget ?? 0,
                  deadline: p.pctWithinDeadline ?? 0,
                }))}
                series={[
                  { key: 'target', name: 'Within target', fill: ACCENT },
                  { key: 'deadline', name: 'Within deadline', fill: GREEN },
                ]}
                labelWidth={90}
                rightMargin={40}
              />
            </div>
            <figcaption>
              Percent of decided first contacts within target and within deadline, by priority (the table has the figures).
            </figcaption>
          </figure>
          <ScrollX label="First contact by priority (scrollable)">
            <table className="data-table">
              <caption>First contact by priority</caption>
              <TableHead
                columns={[
                  'Priority',
                  num('Decided'),
                  num('Within target'),
                  num('Within deadline'),
                  num('Missed'),
                  num('Median'),
                  num('90th pct.'),
                ]}
              />
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
          </ScrollX>
        </div>
        <p className="footnote">
          Decided: contacted, or past the deadline without a contact. {fc.pending.toLocaleString('en-US')} not yet due,{' '}
          {fc.closedUncontacted.toLocaleString('en-US')} closed before any contact
          {fc.noTarget > 0 ? `, ${fc.noTarget.toLocaleString('en-US')} without a target` : ''} are left out of the percentages.
        </p>
        <ScrollX label="Business time taken (scrollable)">
          <table className="data-table">
            <caption>Business time taken</caption>
            <TableHead columns={['From receipt to', num('Inquiries measured'), num('Median'), num('90th percentile')]} />
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
        </ScrollX>
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
                <TableHead columns={['Case number', 'Overdue', 'Deadline', 'Assignee']} />
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
          <ScrollX label={`${title} (scrollable)`}>
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
          </ScrollX>
        </div>
      )}
    </section>
  );
}
