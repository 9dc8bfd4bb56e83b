import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { InquiryRecord } from '../inquiry/projection';
import { createCalendar } from '../time/calendar';
import type { Instant, IsoDay, TimeZone } from '../time/types';
import { periodDays, rangeInstants, readRange } from './period';
import { formatBusinessMinutes, median, percentile, type ReportContext, reportBuilder } from './report';
import { mariaRow, recordsFromRows, VICTOR_ROW } from './testRecords';
import { businessMinutesToFirstContact, firstContactOutcome } from './timeliness';

const zone = 'America/Chicago' as TimeZone;
/** Monday 24 March 2025, 3 pm in Des Moines (CDT). */
const NOW = Date.parse('2025-03-24T20:00:00Z') as Instant;
const calendar = createCalendar();
const ctx: ReportContext = { config: DEFAULT_AGENCY_CONFIG, zone, now: NOW, calendar };

// Received, Priority, MCO, Member, Medicaid ID, Issue, Referred by, Assigned to, Contacted, Sent to MCO, Resolution, Resolved
const RECORDS = recordsFromRows(
  [
    mariaRow(),
    [
      '3/4/2025 14:05',
      'High',
      'Molina',
      'Jorge Lopez',
      '2345678B',
      'Wheelchair repair',
      'Ombudsman',
      'Tom Reyes',
      '3/4/2025 16:00',
      '',
      '',
      '',
    ],
    [
      '3/5/2025 8:40',
      'Escalated',
      'Amerigroup',
      'Ana Gutierrez',
      '3456789C',
      'Transport no-show',
      'ESR',
      'Tom Reyes',
      '3/7/2025',
      '',
      '',
      '',
    ],
    VICTOR_ROW,
    [
      '3/12/2025 9:00',
      'Escalated',
      'FFS',
      'Samuel Park',
      '4567890D',
      'PA for MRI',
      'ESR',
      'Dana Whitfield',
      '',
      '',
      'Explained the FFS PA process',
      '3/12/2025',
    ],
    ['2/20/2025 11:00', 'Escalated', 'Molina', 'Li Wei', '5678901E', 'Billed for a covered visit', 'CSR', '', '', '', '', ''],
  ],
  NOW,
);
const MARCH = rangeInstants({ from: '2025-03-01' as IsoDay, to: '2025-03-31' as IsoDay }, zone);

function reportOf(filter: Partial<Parameters<typeof reportBuilder>[0]> = {}) {
  const b = reportBuilder({ ...MARCH, mcoIds: [], priorities: [], ...filter }, ctx);
  for (const r of RECORDS) b.add(r);
  // Feeding an inquiry twice (period read and open read overlap) counts it once.
  for (const r of RECORDS) b.add(r);
  return b.finish();
}

describe('timeliness of one inquiry', () => {
  it('times the first contact in business minutes and says whether it met the target', () => {
    const [maria, jorge, ana, victor, samuel] = RECORDS;
    expect(RECORDS.map((r) => firstContactOutcome(r, NOW))).toEqual([
      'within_target',
      'within_target',
      'within_deadline',
      'missed',
      'closed_uncontacted',
      'missed',
    ]);
    expect(maria && businessMinutesToFirstContact(maria, calendar)).toBe(50);
    expect(jorge && businessMinutesToFirstContact(jorge, calendar)).toBe(115);
    // Wed 8:40 → Fri noon: 470 + 510 + 240 minutes of office time.
    expect(ana && businessMinutesToFirstContact(ana, calendar)).toBe(1220);
    expect(victor && businessMinutesToFirstContact(victor, calendar)).toBeNull();
    // Before its deadline the uncontacted inquiry was pending, not missed.
    expect(victor && firstContactOutcome(victor, Date.parse('2025-03-10T16:00:00Z') as Instant)).toBe('pending');
    expect(samuel?.status).toBe('resolved');
  });
});

describe('reportBuilder: the lead report for March 2025', () => {
  const report = reportOf();

  it('counts inquiries received in the period by MCO, priority, source, assignee and status', () => {
    expect(report.total).toBe(5);
    expect(report.imported).toBe(5);
    expect(report.byMco.map((r) => [r.label, r.count])).toEqual([
      ['Iowa Total Care', 2],
      ['Molina Healthcare of Iowa', 1],
      ['No MCO', 1],
      ['Wellpoint Iowa', 1],
    ]);
    expect(report.byPriority.map((r) => [r.label, r.count])).toEqual([
      ['High', 3],
      ['Escalated', 2],
    ]);
    expect(report.bySource.map((r) => [r.label, r.count])).toEqual([
      ['Enrollment Service Representative', 2],
      ['Call Center CSR', 1],
      ['Leadership', 1],
      ['Managed Care Ombudsman', 1],
    ]);
    expect(report.byAssignee.map((r) => [r.label, r.count])).toEqual([
      ['Dana Whitfield', 2],
      ['Tom Reyes', 2],
      ['Unassigned', 1],
    ]);
    expect(report.byStatus.map((r) => [r.label, r.count])).toEqual([
      ['Open', 3],
      ['Resolved', 2],
    ]);
    expect(report.byCategory.map((r) => [r.label, r.count])).toEqual([['No category', 5]]);
  });

  it('gives the percent of decided first contacts within target and within deadline', () => {
    expect(report.firstContact).toEqual({
      decided: 4,
      withinTarget: 2,
      withinDeadline: 3,
      missed: 1,
      pending: 0,
      closedUncontacted: 1,
      noTarget: 0,
      pctWithinTarget: 50,
      pctWithinDeadline: 75,
    });
    expect(
      report.firstContactByPriority.map((p) => [p.label, p.decided, p.pctWithinTarget, p.pctWithinDeadline, p.toFirstContact.median]),
    ).toEqual([
      ['High', 3, 66.7, 66.7, 82.5],
      ['Escalated', 1, 0, 100, 1220],
    ]);
  });

  it('gives median and 90th percentile business time to first contact and to resolution', () => {
    expect(report.toFirstContact).toEqual({ count: 3, median: 115, p90: 1220 });
    // Mon 9:15 → Tue noon is 435 + 240; Wed 9:00 → noon is 180.
    expect(report.toResolution).toEqual({ count: 2, median: 427.5, p90: 675 });
  });

  it('gives business time to first contact with paused time left out and counted', () => {
    // Nothing paused in March: the two agree.
    expect(report.toFirstContactWithPauses).toEqual(report.toFirstContact);
    expect(report.pausedFirstContacts).toBe(0);
    // Ana's timer (Wed 8:40 → Fri noon, 1,220 office minutes) paused Thursday 9:00–11:00 waiting on the member.
    const ana = RECORDS[2] as InquiryRecord;
    const start = Date.parse('2025-03-06T15:00:00Z') as Instant;
    const end = Date.parse('2025-03-06T17:00:00Z') as Instant;
    const paused: InquiryRecord = {
      ...ana,
      workflow: {
        ...ana.workflow,
        pauses: [
          { timer: 'first_contact', start, end, reason: 'Member in hospital', waitingFor: 'person', by: { id: 'p-1', name: 'Pat' } },
        ],
      },
    };
    const b = reportBuilder({ ...MARCH, mcoIds: [], priorities: [] }, ctx);
    for (const r of RECORDS) b.add(r === ana ? paused : r);
    const withPause = b.finish();
    expect(withPause.pausedFirstContacts).toBe(1);
    expect(withPause.toFirstContactWithPauses).toEqual({ count: 3, median: 115, p90: 1220 });
    expect(withPause.toFirstContact).toEqual({ count: 3, median: 115, p90: 1100 });
  });

  it('ages open inquiries received at any time, and lists what is overdue now, most overdue first', () => {
    expect(report.openNow).toBe(4);
    expect(report.openByAge.map((b) => [b.label, b.count])).toEqual([
      ['0–1 days', 0],
      ['2–5 days', 0],
      ['6–10 days', 0],
      ['11–30 days', 3],
      ['31–90 days', 1],
      ['Over 90 days', 0],
    ]);
    expect(report.overdueNow).toBe(2);
    expect(report.overdueByKind).toEqual([{ key: 'first_contact', label: 'First contact', count: 2 }]);
    expect(report.overdue.map((o) => [o.caseNumber, o.label, new Date(o.deadline).toISOString()])).toEqual([
      ['250303-TESTD-900006', 'First contact', '2025-02-25T17:00:00.000Z'],
      ['250303-TESTD-900004', 'First contact', '2025-03-10T19:00:00.000Z'],
    ]);
  });

  it('filters by MCO and priority', () => {
    expect(reportOf({ mcoIds: ['itc'] }).total).toBe(2);
    expect(reportOf({ mcoIds: [''] }).byMco).toEqual([{ key: '', label: 'No MCO', count: 1 }]);
    const escalated = reportOf({ priorities: ['escalated'] });
    expect(escalated.total).toBe(2);
    expect(escalated.openNow).toBe(2);
  });

  it('reports nothing decided as no percentage rather than 0 %', () => {
    const empty = reportOf({ from: Date.parse('2024-01-01T06:00:00Z') as Instant, to: Date.parse('2024-02-01T06:00:00Z') as Instant });
    expect(empty.total).toBe(0);
    expect(empty.firstContact.pctWithinTarget).toBeNull();
    expect(empty.toFirstContact).toEqual({ count: 0, median: null, p90: null });
  });
});

describe('percentiles and formatting', () => {
  it('uses nearest rank for percentiles and the middle mean for the median', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 90)).toBeNull();
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([1, 9, 10])).toBe(9);
  });

  it('writes business time in the unit a lead reads', () => {
    expect(formatBusinessMinutes(45, 510)).toBe('45 min');
    expect(formatBusinessMinutes(115, 510)).toBe('1.9 business hours');
    expect(formatBusinessMinutes(1220, 510)).toBe('2.4 business days');
    expect(formatBusinessMinutes(510, 510)).toBe('1 business day');
    expect(formatBusinessMinutes(null, 510)).toBe('—');
  });
});

describe('periods', () => {
  it('names the days of each preset in the agency zone', () => {
    expect(periodDays('last_month', NOW, zone)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodDays('this_quarter', NOW, zone)).toEqual({ from: '2025-01-01', to: '2025-03-24' });
    expect(periodDays('last_quarter', NOW, zone)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(periodDays('last_30_days', NOW, zone)).toEqual({ from: '2025-02-23', to: '2025-03-24' });
    expect(periodDays('last_year', NOW, zone)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('covers local midnight to local midnight, across a DST change', () => {
    expect(MARCH).toEqual({ from: Date.parse('2025-03-01T06:00:00Z'), to: Date.parse('2025-04-01T05:00:00Z') });
    expect(readRange({ from: '2025-03-31', to: '2025-03-01' }).problem).toBe('The period ends before it starts: swap the dates.');
    expect(readRange({ from: '2025-02-30', to: '2025-03-01' }).problem).toBe('Enter the first day of the period as mm/dd/yyyy.');
  });

  it('reads typed days as a range of days, or says what is wrong', () => {
    expect(readRange({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ range: { from: '2025-03-01', to: '2025-03-31' }, problem: null });
    expect(readRange({ from: '2025-03-01', to: '' })).toEqual({ range: null, problem: 'Enter the last day of the period as mm/dd/yyyy.' });
  });
});
