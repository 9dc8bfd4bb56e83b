import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { recordMcoFollowUp } from '../inquiry/commands/recordMcoFollowUp';
import { recordMcoReportBack } from '../inquiry/commands/recordMcoReportBack';
import { referToMco } from '../inquiry/commands/referToMco';
import { reopenInquiry } from '../inquiry/commands/reopenInquiry';
import { resolveInquiry } from '../inquiry/commands/resolveInquiry';
import { CHICAGO, ct, Desk } from '../inquiry/commands/testKit';
import type { InquiryEvent } from '../inquiry/events';
import { createCalendar } from '../time/calendar';
import type { Instant, IsoDay } from '../time/types';
import { type McoScore, referralEpisodes, type Scorecard, type ScorecardFilter, scorecardBuilder } from './scorecard';
import { scorecardCsv, scorecardFileName } from './scorecardExport';

/*
 * A month of referrals with hand-computed answers. The default calendar: Mon–Fri 08:00–16:30 in
 * Chicago (510 office minutes a day), US-IA public holidays: Veterans Day (Wed 11 Nov 2026) and
 * Thanksgiving (Thu 26 Nov) are closed; the Friday after is open in the library's data.
 * "Now" is Mon 30 Nov 2026, 12:00.
 */

const calendar = createCalendar();
const NOW = ct(2026, 11, 30, 12, 0);
const NOVEMBER: ScorecardFilter = { from: ct(2026, 11, 1), to: ct(2026, 12, 1), mcoIds: [] };

let desks = 0;
/** A fresh inquiry received at `received` (its own desk id, so its own inquiry id). */
function inquiry(received: Instant, fields: { priority?: string; mcoId?: string } = {}): Desk {
  desks += 1;
  return new Desk({ receivedAt: received, ...fields }, { deviceId: `DESK${String.fromCharCode(64 + desks)}` });
}

const refer = (d: Desk, mcoId: string, at: Instant) => d.run(referToMco, { mcoId, department: 'Member Services', contact: '' }, at);
const reportBack = (d: Desk, at: Instant, memberContacted = true) =>
  d.run(recordMcoReportBack, { memberContacted, note: 'The MCO called.' }, at);
const followUp = (d: Desk, at: Instant) => d.run(recordMcoFollowUp, { note: 'Called the MCO.' }, at);
const resolve = (d: Desk, at: Instant, resolution: 'mco' | 'agency' = 'mco') => d.run(resolveInquiry, { resolution, text: 'Done.' }, at);

/** The month's referrals, A–I in the comments below (the figures in the tests are computed from these by hand). */
function month(): InquiryEvent[][] {
  desks = 0;
  // A (ITC, High): referred Mon 23 Nov 10:00, due 16:30; reported back 15:00, member contacted; resolved Tue 10:00.
  // To report-back 300 min; to resolution 390 (Mon 10:00–16:30) + 120 (Tue 08:00–10:00) = 510.
  const a = inquiry(ct(2026, 11, 23, 9, 0));
  refer(a, 'itc', ct(2026, 11, 23, 10, 0));
  reportBack(a, ct(2026, 11, 23, 15, 0));
  resolve(a, ct(2026, 11, 24, 10, 0));

  // B (ITC, High): referred Wed 25 Nov 15:00, due 16:30; nothing until a follow-up Mon 30 09:00 and the report-back at 10:00.
  // Contact missed (reported after the due time); followed up once. To report-back: 90 (Wed) + Thu holiday + 510 (Fri)
  // + weekend + 120 (Mon) = 720 min. Open.
  const b = inquiry(ct(2026, 11, 25, 14, 0));
  refer(b, 'itc', ct(2026, 11, 25, 15, 0));
  followUp(b, ct(2026, 11, 30, 9, 0));
  reportBack(b, ct(2026, 11, 30, 10, 0));

  // C (ITC, Escalated): referred Tue 24 Nov 16:00, due 16:30, report-back due Wed 16:00. Reported back Tue 16:20 without
  // having reached the member; reported the contact Wed 09:00 (after the due time: missed). A follow-up after the first
  // report-back is not counted. Resolved Wed 10:00. To report-back 20 min (the first one); to resolution 30 + 120 = 150.
  const c = inquiry(ct(2026, 11, 24, 9, 0), { priority: 'escalated' });
  refer(c, 'itc', ct(2026, 11, 24, 16, 0));
  reportBack(c, ct(2026, 11, 24, 16, 20), false);
  reportBack(c, ct(2026, 11, 25, 9, 0), true);
  followUp(c, ct(2026, 11, 25, 9, 30));
  resolve(c, ct(2026, 11, 25, 10, 0));

  // D (Molina, High): referred Fri 20 Nov 11:00; followed up Mon 23 and Tue 24 at 09:00; still nothing. Awaiting:
  // 330 (Fri) + 510 × 4 (Mon, Tue, Wed, Fri 27) + 240 (Mon 30 to noon) = 2,610 min = 5.1 business days → 3–5.
  const d = inquiry(ct(2026, 11, 20, 10, 0), { mcoId: 'molina' });
  refer(d, 'molina', ct(2026, 11, 20, 11, 0));
  followUp(d, ct(2026, 11, 23, 9, 0));
  followUp(d, ct(2026, 11, 24, 9, 0));

  // E (Molina, High): referred today 11:00, due 16:30: both figures pending; awaiting, 60 min → under 1 business day.
  const e = inquiry(ct(2026, 11, 30, 10, 0), { mcoId: 'molina' });
  refer(e, 'molina', ct(2026, 11, 30, 11, 0));

  // F (Molina): referred Fri 30 Oct, before the period: not in November's scorecard.
  const f = inquiry(ct(2026, 10, 30, 9, 0), { mcoId: 'molina' });
  refer(f, 'molina', ct(2026, 10, 30, 10, 0));

  // G (Wellpoint): referred Mon 16 Nov 10:00, reported back 14:00 (contacted), resolved Tue 09:00; reopened Wed 18 09:00,
  // re-referred Wed 10:00, then resolved by the agency Thu 19 10:00 with no report-back. Two referrals.
  // G1: met, unprompted, to report-back 240, to resolution 390 + 60 = 450.
  // G2: contact missed and report-back overdue (due Wed 16:30, still standing then); closed without report-back;
  // to resolution 390 + 120 = 510.
  const g = inquiry(ct(2026, 11, 16, 9, 0), { mcoId: 'wellpoint' });
  refer(g, 'wellpoint', ct(2026, 11, 16, 10, 0));
  reportBack(g, ct(2026, 11, 16, 14, 0));
  resolve(g, ct(2026, 11, 17, 9, 0));
  g.run(reopenInquiry, { reason: 'The member called again.' }, ct(2026, 11, 18, 9, 0));
  refer(g, 'wellpoint', ct(2026, 11, 18, 10, 0));
  resolve(g, ct(2026, 11, 19, 10, 0), 'agency');

  // H (Wellpoint): referred Wed 25 Nov 10:00; the agency resolved it at 11:00, before anything was due: not counted in
  // the shares; closed without report-back; to resolution 60.
  const h = inquiry(ct(2026, 11, 25, 9, 0), { mcoId: 'wellpoint' });
  refer(h, 'wellpoint', ct(2026, 11, 25, 10, 0));
  resolve(h, ct(2026, 11, 25, 11, 0), 'agency');

  // I (ITC): from the old log: referred Tue 10 Nov 10:00, resolved Thu 12 Nov 10:00; the old log has no report-backs, so
  // it is left out of both shares. To resolution: 390 (Tue) + Veterans Day + 120 (Thu) = 510. Closed without report-back.
  const i = inquiry(ct(2026, 11, 10, 9, 0));
  refer(i, 'itc', ct(2026, 11, 10, 10, 0));
  resolve(i, ct(2026, 11, 12, 10, 0));
  const imported = i.events.map((ev) => ({ ...ev, imported: true as const }));

  return [a.events, b.events, c.events, d.events, e.events, f.events, g.events, h.events, imported];
}

function scorecard(filter: ScorecardFilter, inquiries = month()): Scorecard {
  const builder = scorecardBuilder(filter, { config: DEFAULT_AGENCY_CONFIG, now: NOW, calendar });
  for (const events of inquiries) builder.add(events);
  return builder.finish();
}

const row = (s: Scorecard, id: string): McoScore => {
  const r = s.rows.find((x) => x.mcoId === id);
  if (!r) throw new Error(`no row for ${id}`);
  return r;
};

const ages = (r: McoScore) => Object.fromEntries(r.awaitingByAge.map((b) => [b.key, b.count]));

describe('the MCO scorecard for November 2026', () => {
  it('has a row per active MCO, in the configured order, and the row of all MCOs', () => {
    const s = scorecard(NOVEMBER);
    expect(s.rows.map((r) => [r.mcoId, r.label, r.referrals])).toEqual([
      ['itc', 'Iowa Total Care', 4],
      ['molina', 'Molina Healthcare of Iowa', 2],
      ['wellpoint', 'Wellpoint Iowa', 3],
    ]);
    expect(s.all.label).toBe('All MCOs');
    expect(s.all.referrals).toBe(9);
    expect(s.generatedAt).toBe(NOW);
  });

  it('Iowa Total Care: contact by end of day, report-back without follow-up, business times', () => {
    const r = row(scorecard(NOVEMBER), 'itc');
    expect(r.imported).toBe(1);
    // A met; B and C missed; I (old log) not counted.
    expect(r.contactedByEndOfDay).toEqual({ count: 1, decided: 3, pct: 33.3 });
    expect([r.contactPending, r.contactNotCounted]).toEqual([0, 1]);
    // A and C unprompted (C's follow-up came after its first report-back); B followed up; I not counted.
    expect(r.reportedBackWithoutFollowUp).toEqual({ count: 2, decided: 3, pct: 66.7 });
    expect([r.reportBackPending, r.reportBackNotCounted]).toEqual([0, 1]);
    expect([r.followedUp, r.followUps]).toEqual([1, 1]);
    expect(r.reportedBack).toBe(3);
    expect(r.toReportBack).toEqual({ count: 3, median: 300, p90: 720 });
    expect(r.toResolution).toEqual({ count: 3, median: 510, p90: 510 });
    expect([r.awaiting, r.closedWithoutReportBack, r.reReferredWithoutReportBack]).toEqual([0, 1, 0]);
  });

  it('Molina: one referral chased twice and still awaiting, one made today', () => {
    const r = row(scorecard(NOVEMBER), 'molina');
    expect(r.referrals).toBe(2); // F was referred in October
    expect(r.contactedByEndOfDay).toEqual({ count: 0, decided: 1, pct: 0 });
    expect(r.contactPending).toBe(1);
    expect(r.reportedBackWithoutFollowUp).toEqual({ count: 0, decided: 1, pct: 0 });
    expect(r.reportBackPending).toBe(1);
    expect([r.followedUp, r.followUps]).toEqual([1, 2]);
    expect(r.toReportBack).toEqual({ count: 0, median: null, p90: null });
    expect(r.toResolution).toEqual({ count: 0, median: null, p90: null });
    expect(r.awaiting).toBe(2);
    expect(ages(r)).toEqual({ '0': 1, '1-2': 0, '3-5': 1, '6-10': 0, '10+': 0 });
  });

  it('Wellpoint: a re-referral after a reopening counts as a second referral; one closed before anything was due', () => {
    const r = row(scorecard(NOVEMBER), 'wellpoint');
    expect(r.referrals).toBe(3);
    expect(r.contactedByEndOfDay).toEqual({ count: 1, decided: 2, pct: 50 });
    expect(r.contactNotCounted).toBe(1);
    expect(r.reportedBackWithoutFollowUp).toEqual({ count: 1, decided: 2, pct: 50 });
    expect(r.reportBackNotCounted).toBe(1);
    expect(r.toReportBack).toEqual({ count: 1, median: 240, p90: 240 });
    expect(r.toResolution).toEqual({ count: 3, median: 450, p90: 510 });
    expect([r.awaiting, r.closedWithoutReportBack, r.reReferredWithoutReportBack]).toEqual([0, 2, 0]);
  });

  it('pools every referral for the row of all MCOs (medians of all values, not of the rows)', () => {
    const all = scorecard(NOVEMBER).all;
    expect(all.contactedByEndOfDay).toEqual({ count: 2, decided: 6, pct: 33.3 });
    expect(all.reportedBackWithoutFollowUp).toEqual({ count: 3, decided: 6, pct: 50 });
    expect([all.followedUp, all.followUps, all.imported]).toEqual([2, 3, 1]);
    // [20, 240, 300, 720] and [60, 150, 450, 510, 510, 510].
    expect(all.toReportBack).toEqual({ count: 4, median: 270, p90: 720 });
    expect(all.toResolution).toEqual({ count: 6, median: 480, p90: 510 });
    expect(all.awaiting).toBe(2);
    expect(ages(all)).toEqual({ '0': 1, '1-2': 0, '3-5': 1, '6-10': 0, '10+': 0 });
    // Every referral is reported back, awaiting, closed or re-referred: 4 + 2 + 3 + 0.
    expect(all.reportedBack + all.awaiting + all.closedWithoutReportBack + all.reReferredWithoutReportBack).toBe(all.referrals);
  });
});

describe('the scorecard at its edges', () => {
  it('with no referrals: a row of zeros per active MCO, no shares and no times', () => {
    const s = scorecard(NOVEMBER, []);
    expect(s.rows.map((r) => r.referrals)).toEqual([0, 0, 0]);
    expect(s.all.contactedByEndOfDay).toEqual({ count: 0, decided: 0, pct: null });
    expect(s.all.reportedBackWithoutFollowUp.pct).toBeNull();
    expect(s.all.toReportBack).toEqual({ count: 0, median: null, p90: null });
    expect(s.all.awaitingByAge.every((b) => b.count === 0)).toBe(true);
  });

  it('with an MCO filter: only the chosen MCOs, and the total is theirs', () => {
    const s = scorecard({ ...NOVEMBER, mcoIds: ['molina'] });
    expect(s.rows.map((r) => r.mcoId)).toEqual(['molina']);
    expect(s.all.label).toBe('All chosen MCOs');
    expect({ ...s.all, mcoId: 'molina', label: 'Molina Healthcare of Iowa' }).toEqual(row(s, 'molina'));
  });

  it('counts a referral made at the first instant of the period, not one made at the instant it ends', () => {
    // Monday 23 November only: A (10:00) is in; D's referral (Fri 20) and C's (Tue 24 16:00) are not.
    const monday = { from: ct(2026, 11, 23), to: ct(2026, 11, 24), mcoIds: [] };
    expect(scorecard(monday).all.referrals).toBe(1);
    desks = 0;
    const early = inquiry(ct(2026, 11, 22, 20, 0));
    refer(early, 'itc', ct(2026, 11, 23, 0, 0));
    const late = inquiry(ct(2026, 11, 23, 20, 0));
    refer(late, 'itc', ct(2026, 11, 24, 0, 0));
    const s = scorecard(monday, [early.events, late.events]);
    expect(row(s, 'itc').referrals).toBe(1);
    // Referred at midnight before the office opened: the end of day is Monday's close.
    expect(referralEpisodes(early.events)[0]?.mcoContactDue).toBe(ct(2026, 11, 23, 16, 30));
  });

  it('a correction to another MCO: the first referral counts for its MCO, re-referred before anything was due', () => {
    desks = 0;
    const x = inquiry(ct(2026, 11, 23, 9, 0));
    refer(x, 'wellpoint', ct(2026, 11, 23, 10, 0));
    refer(x, 'itc', ct(2026, 11, 23, 10, 30));
    reportBack(x, ct(2026, 11, 23, 14, 0));
    const s = scorecard(NOVEMBER, [x.events]);
    const wp = row(s, 'wellpoint');
    expect([wp.referrals, wp.reReferredWithoutReportBack, wp.contactNotCounted, wp.reportBackNotCounted]).toEqual([1, 1, 1, 1]);
    expect(wp.contactedByEndOfDay.decided).toBe(0);
    const itc = row(s, 'itc');
    expect([itc.referrals, itc.contactedByEndOfDay.count, itc.reportedBackWithoutFollowUp.count]).toEqual([1, 1, 1]);
    expect(itc.toReportBack.median).toBe(210);
  });

  it('reads events in any order, with duplicates, and each inquiry once', () => {
    const inquiries = month();
    const shuffled = inquiries.map((events) => [...events].reverse().concat(events.slice(0, 3)));
    const twice = [...shuffled, ...shuffled];
    expect(scorecard(NOVEMBER, twice)).toEqual(scorecard(NOVEMBER, inquiries));
  });

  it('a referral of an MCO no longer configured still has its row, by its id', () => {
    desks = 0;
    const x = inquiry(ct(2026, 11, 23, 9, 0));
    refer(x, 'itc', ct(2026, 11, 23, 10, 0));
    const events = x.events.map((e) => (e.type === 'McoReferred' ? { ...e, payload: { ...e.payload, mcoId: 'amerigroup' } } : e));
    const s = scorecard(NOVEMBER, [events]);
    expect(s.rows.map((r) => [r.mcoId, r.label, r.referrals])).toEqual([
      ['itc', 'Iowa Total Care', 0],
      ['molina', 'Molina Healthcare of Iowa', 0],
      ['wellpoint', 'Wellpoint Iowa', 0],
      ['amerigroup', 'amerigroup', 1],
    ]);
  });
});

describe('the scorecard as a file', () => {
  const period = { from: '2026-11-01' as IsoDay, to: '2026-11-30' as IsoDay };

  it('writes one CSV line per MCO and one for all of them, with a byte-order mark and numbers as numbers', () => {
    const text = scorecardCsv(scorecard(NOVEMBER), period, CHICAGO);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Period from,Period to,MCO,Referrals,Referrals from the old log,Member contacted by end of day,End-of-day contact decided,' +
        '% member contacted by end of day,End-of-day contact not yet due,End-of-day contact not counted,Reported back without follow-up,' +
        'Report-back decided,% reported back without follow-up,Report-back not yet due,Report-back not counted,Referrals needing follow-up,' +
        'Follow-ups before report-back,Reported back,Median business hours to report-back,90th percentile business hours to report-back,' +
        'Resolved after referral,Median business hours to resolution,90th percentile business hours to resolution,Awaiting report-back now,' +
        'Awaiting: under 1 business day,Awaiting: 1–2 business days,Awaiting: 3–5 business days,Awaiting: 6–10 business days,' +
        'Awaiting: over 10 business days,Closed without report-back,Re-referred without report-back',
    );
    expect(lines.slice(1)).toEqual([
      '11/01/2026,11/30/2026,Iowa Total Care,4,1,1,3,33.3,0,1,2,3,66.7,0,1,1,1,3,5,12,3,8.5,8.5,0,0,0,0,0,0,1,0',
      '11/01/2026,11/30/2026,Molina Healthcare of Iowa,2,0,0,1,0,1,0,0,1,0,1,0,1,2,0,,,0,,,2,1,0,1,0,0,0,0',
      '11/01/2026,11/30/2026,Wellpoint Iowa,3,0,1,2,50,0,1,1,2,50,0,1,0,0,1,4,4,3,7.5,8.5,0,0,0,0,0,0,2,0',
      '11/01/2026,11/30/2026,All MCOs,9,1,2,6,33.3,1,2,3,6,50,1,2,2,3,4,4.5,12,6,8,8.5,2,1,0,1,0,0,3,0',
      '',
    ]);
  });

  it('names the file by the period, the one MCO chosen and when it was made', () => {
    const base = { period, now: NOW, zone: CHICAGO, format: 'csv' as const };
    expect(scorecardFileName({ ...base, mco: null })).toBe('mco-scorecard_2026-11-01_2026-11-30_2026-11-30-1200.csv');
    expect(scorecardFileName({ ...base, mco: 'Molina Healthcare of Iowa', format: 'xlsx' })).toBe(
      'mco-scorecard_2026-11-01_2026-11-30_molina-healthcare-of-iowa_2026-11-30-1200.xlsx',
    );
  });
});
