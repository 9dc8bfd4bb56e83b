import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../config/agencyConfig';
import { columnById } from '../../export/columns';
import { grievanceRows } from '../../grievance/record';
import { type ReportFilter, reportBuilder } from '../../report/report';
import { contactOutcome, referralEpisodes, reportBackOutcome } from '../../report/scorecard';
import { FIRST_CONTACT_OUTCOME_LABELS, firstContactOutcome } from '../../report/timeliness';
import { createCalendar } from '../../time/calendar';
import { DEFAULT_CALENDAR_CONFIG } from '../../time/calendarConfig';
import { timeRulesOf } from '../../time/timeRules';
import type { Instant } from '../../time/types';
import { type DueItem, dueItems, dueState } from '../due';
import { happenedAt } from '../happened';
import { countdown } from '../nextDue';
import { warningPolicy } from '../warningTimes';
import { addNote } from './addNote';
import { closeCallback } from './closeCallback';
import { pauseTimer } from './pauseTimer';
import { recordGrievanceOutcome } from './recordGrievanceOutcome';
import { recordGrievanceReview } from './recordGrievanceReview';
import { recordMcoFollowUp } from './recordMcoFollowUp';
import { recordMcoReportBack } from './recordMcoReportBack';
import { recordOutreach } from './recordOutreach';
import { referToMco } from './referToMco';
import { resolveInquiry } from './resolveInquiry';
import { BEN, CHICAGO, complaintDesk, ct, Desk, thrown } from './testKit';
import { NOW_TOLERANCE_MS, typedMoment, whenProblem } from './when';

/*
 * "When it happened" (SPEC.md "The inquiry", Timeline): the rules, the commands that take a When, and what timers,
 * the lead report and the scorecard make of a step recorded after it happened. Default calendar: Mon–Fri
 * 08:00–16:30 America/Chicago.
 */

const MIN = 60_000;
/** A High inquiry received Mon 23 Nov 2026 08:05: first contact target 10:05, deadline 12:05. */
const RECEIVED = ct(2026, 11, 23, 8, 5);
const desk = () => new Desk({ receivedAt: RECEIVED, assignee: null });
const limits = (now: Instant, receivedAt = RECEIVED) => ({ receivedAt, now, zone: CHICAGO });
const contact = (happenedAt?: Instant) => ({ party: 'member' as const, method: 'call' as const, reached: true, happenedAt });

describe('the When rules', () => {
  const now = ct(2026, 11, 23, 14, 20);

  it('accepts any moment from the received time to now, the received time itself included', () => {
    expect(whenProblem(RECEIVED, limits(now))).toBeNull();
    expect(whenProblem(ct(2026, 11, 23, 10, 5), limits(now))).toBeNull();
    expect(whenProblem(now, limits(now))).toBeNull();
  });

  it('refuses a moment before the inquiry was received, saying when that was', () => {
    expect(whenProblem(RECEIVED - MIN, limits(now))).toBe(
      'That is before the inquiry was received (11/23/2026 8:05 AM): it cannot have happened earlier. Check the day and the time.',
    );
  });

  it('refuses the future, beyond the minute the clock is in', () => {
    expect(whenProblem(now + NOW_TOLERANCE_MS, limits(now))).toBeNull();
    expect(whenProblem(now + 2 * MIN, limits(now))).toBe(
      'That is later than now (11/23/2026 2:20 PM): record a step once it has happened. Check the day, the time and am/pm.',
    );
  });

  it('refuses a moment before the step it follows', () => {
    const after = { at: ct(2026, 11, 23, 11, 40), what: 'the referral to the MCO' };
    expect(whenProblem(ct(2026, 11, 23, 11, 39), { ...limits(now), after })).toBe(
      'That is before the referral to the MCO (11/23/2026 11:40 AM): it cannot have happened earlier. Check the day and the time.',
    );
    expect(whenProblem(after.at, { ...limits(now), after })).toBeNull();
  });

  it('refuses what is not a time', () => {
    expect(whenProblem(Number.NaN, limits(now))).toBe('Type the day and time it happened.');
  });

  describe('across the changes of clock in America/Chicago', () => {
    it('spring forward (Sun 8 Mar 2026, 2:00 → 3:00): 1:59 AM and 3:05 AM are both minutes ago at 3:10; the missing 2:30 AM reads as 3:30, the future', () => {
      const received = ct(2026, 3, 7, 23, 0);
      const at310 = ct(2026, 3, 8, 3, 10);
      expect(at310 - ct(2026, 3, 8, 1, 59)).toBe(11 * MIN);
      expect(whenProblem(ct(2026, 3, 8, 1, 59), limits(at310, received))).toBeNull();
      expect(whenProblem(ct(2026, 3, 8, 3, 5), limits(at310, received))).toBeNull();
      expect(ct(2026, 3, 8, 2, 30)).toBe(ct(2026, 3, 8, 3, 30));
      expect(whenProblem(ct(2026, 3, 8, 2, 30), limits(at310, received))).toMatch(/^That is later than now \(03\/08\/2026 3:10 AM\)/);
    });

    it('fall back (Sun 1 Nov 2026, 2:00 → 1:00): at 1:20 AM the second time, 1:40 AM reads as the first (CDT) one, 40 minutes ago', () => {
      const received = ct(2026, 10, 31, 23, 0);
      const secondOneTwenty = (ct(2026, 11, 1, 1, 20) + 60 * MIN) as Instant; // 1:20 CST, after the change
      expect(typedMoment(secondOneTwenty, CHICAGO)).toBe('11/01/2026 1:20 AM');
      const oneForty = ct(2026, 11, 1, 1, 40);
      expect(secondOneTwenty - oneForty).toBe(40 * MIN);
      expect(whenProblem(oneForty, limits(secondOneTwenty, received))).toBeNull();
      expect(whenProblem(ct(2026, 11, 1, 2, 30), limits(secondOneTwenty, received))).toMatch(/^That is later than now/);
    });
  });
});

describe('the commands take a When and keep both times', () => {
  it('a contact made at 10:05 and recorded at 14:20: happenedAt 10:05, at 14:20, format 2', () => {
    const d = desk();
    const [e] = d.run(recordOutreach, contact(ct(2026, 11, 23, 10, 5)), ct(2026, 11, 23, 14, 20));
    expect(e).toMatchObject({ v: 2, at: ct(2026, 11, 23, 14, 20), happenedAt: ct(2026, 11, 23, 10, 5) });
    expect(d.record.workflow.firstContactAt).toBe(ct(2026, 11, 23, 10, 5));
  });

  it('no When, or one within the minute of now: happened when recorded, and no happenedAt is stored', () => {
    const now = (ct(2026, 11, 23, 14, 20) + 30_000) as Instant;
    const d = desk();
    const [plain] = d.run(addNote, { text: 'Left word.' }, now as Instant);
    const [sameMinute] = d.run(addNote, { text: 'Again.', happenedAt: ct(2026, 11, 23, 14, 20) }, now as Instant);
    expect(plain).not.toHaveProperty('happenedAt');
    expect(sameMinute).not.toHaveProperty('happenedAt');
    expect(happenedAt(sameMinute as never)).toBe(now);
  });

  it('at exactly the received time is accepted', () => {
    const d = desk();
    const [e] = d.run(recordOutreach, contact(RECEIVED), ct(2026, 11, 23, 9, 0));
    expect(e?.happenedAt).toBe(RECEIVED);
  });

  it.each([
    ['before the inquiry was received', (RECEIVED - MIN) as Instant, /^That is before the inquiry was received/],
    ['in the future', ct(2026, 11, 23, 15, 0), /^That is later than now/],
  ])('refuses a contact %s: a validation error on happenedAt, nothing recorded', (_, when, message) => {
    const d = desk();
    const e = thrown(() => d.run(recordOutreach, contact(when), ct(2026, 11, 23, 14, 20)));
    expect([e.code, e.field]).toEqual(['validation', 'happenedAt']);
    expect(e.message).toMatch(message);
    expect(d.record.workflow.firstContactAt).toBeNull();
  });

  it('every step form’s command refuses the future (notes, referral, report-back, follow-up, callback, resolution, complaint)', () => {
    const now = ct(2026, 11, 23, 14, 20);
    const future = ct(2026, 11, 24, 9, 0);
    const d = desk();
    d.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 11, 40));
    const [scheduled] = d.callback('member', ct(2026, 11, 23, 15, 0), BEN, ct(2026, 11, 23, 12, 0));
    const callbackId = scheduled?.payload.callbackId as string;
    const attempts: (() => unknown)[] = [
      () => addNote(d.record, { text: 'x', happenedAt: future }, d.context(now)),
      () => referToMco(d.record, { mcoId: 'itc', department: 'Member Services', contact: '', happenedAt: future }, d.context(now)),
      () => recordMcoReportBack(d.record, { memberContacted: true, note: 'x', happenedAt: future }, d.context(now)),
      () => recordMcoFollowUp(d.record, { note: 'x', happenedAt: future }, d.context(now)),
      () => closeCallback(d.record, { callbackId, outcome: 'reached', happenedAt: future }, d.context(now)),
      () => resolveInquiry(d.record, { resolution: 'agency', text: 'x', happenedAt: future }, d.context(now)),
    ];
    const complaint = complaintDesk();
    const cNow = ct(2026, 11, 25, 16, 0);
    attempts.push(
      () => recordGrievanceReview(complaint.record, { note: 'x', happenedAt: ct(2026, 11, 30, 9, 0) }, complaint.context(cNow)),
      () =>
        recordGrievanceOutcome(
          complaint.record,
          { outcome: 'substantiated', note: '', happenedAt: ct(2026, 11, 30, 9, 0) },
          complaint.context(cNow),
        ),
    );
    for (const attempt of attempts) expect(thrown(attempt).field).toBe('happenedAt');
  });

  it('a report-back or follow-up before the referral, and a callback outcome before it was scheduled, are refused', () => {
    const d = desk();
    d.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 11, 40));
    const now = ct(2026, 11, 23, 14, 20);
    expect(
      thrown(() => recordMcoReportBack(d.record, { memberContacted: true, note: 'x', happenedAt: ct(2026, 11, 23, 11, 0) }, d.context(now)))
        .message,
    ).toBe('That is before the referral to the MCO (11/23/2026 11:40 AM): it cannot have happened earlier. Check the day and the time.');
    expect(thrown(() => recordMcoFollowUp(d.record, { note: 'x', happenedAt: ct(2026, 11, 23, 11, 0) }, d.context(now))).field).toBe(
      'happenedAt',
    );
    const [scheduled] = d.callback('member', ct(2026, 11, 23, 15, 0), BEN, ct(2026, 11, 23, 12, 0));
    const outcome = {
      callbackId: scheduled?.payload.callbackId as string,
      outcome: 'reached' as const,
      happenedAt: ct(2026, 11, 23, 11, 50),
    };
    expect(thrown(() => closeCallback(d.record, outcome, d.context(now))).message).toMatch(/^That is before the callback was scheduled/);
  });

  it('a referral made at 16:05 and typed the next morning: the MCO’s end of day is that day’s close, not the next', () => {
    const d = desk();
    const [e] = d.run(
      referToMco,
      { mcoId: 'itc', department: 'Member Services', contact: '', happenedAt: ct(2026, 11, 23, 16, 5) },
      ct(2026, 11, 24, 8, 30),
    );
    expect(e?.payload.mcoContactDue).toBe(ct(2026, 11, 23, 16, 30));
    expect(d.record.workflow.referral?.at).toBe(ct(2026, 11, 23, 16, 5));
    // Timers, warnings and remaining time from when it was made: at 08:30 the next day the MCO's end of day has passed.
    const cal = createCalendar();
    const policy = warningPolicy(cal, DEFAULT_AGENCY_CONFIG.warningThresholds);
    const mcoContact = dueItems(d.record, policy).find((i) => i.kind === 'mco_contact');
    expect(mcoContact?.startedAt).toBe(ct(2026, 11, 23, 16, 5));
    expect(mcoContact?.warnings?.every((w) => w.at > ct(2026, 11, 23, 16, 5) && w.at <= ct(2026, 11, 23, 16, 30))).toBe(true);
    expect(dueState(mcoContact as DueItem, ct(2026, 11, 24, 8, 30))).toBe('overdue');
    expect(countdown('mco_contact', mcoContact?.deadline as Instant, ct(2026, 11, 24, 8, 30), cal)).toBe('late by 30 m');
    const [f] = d.run(recordMcoFollowUp, { note: 'Called.', happenedAt: ct(2026, 11, 24, 8, 10) }, ct(2026, 11, 24, 9, 0));
    expect(f?.payload.nextFollowUpDue).toBe(ct(2026, 11, 25, 8, 10));
  });

  it('a review’s day is the day its When falls on, in the agency’s zone', () => {
    const complaint = complaintDesk(); // classified Wed 25 Nov 15:30
    const [e] = complaint.run(recordGrievanceReview, { note: 'Reviewed.', happenedAt: ct(2026, 11, 25, 15, 45) }, ct(2026, 11, 27, 9, 0));
    expect(e?.payload.reviewedOn).toBe('2026-11-25');
    expect(e?.happenedAt).toBe(ct(2026, 11, 25, 15, 45));
  });

  it('a contact said to have happened while a timer was paused for it ends the pause then', () => {
    const d = desk();
    d.run(pauseTimer, { timer: 'first_contact', reason: 'In hospital.', waitingFor: 'member_contact' }, ct(2026, 11, 23, 9, 0));
    const events = d.run(recordOutreach, contact(ct(2026, 11, 23, 10, 0)), ct(2026, 11, 23, 14, 20));
    expect(events[1]).toMatchObject({ type: 'TimerResumed', happenedAt: ct(2026, 11, 23, 10, 0) });
    expect(d.record.workflow.pauses[0]?.end).toBe(ct(2026, 11, 23, 10, 0));
  });
});

describe('timers, the lead report and the scorecard use when it happened', () => {
  it('first contact at 10:05 typed at 14:20 is within the 10:05 target (typed as now, it missed the 12:05 deadline)', () => {
    const backdated = desk();
    backdated.run(recordOutreach, contact(ct(2026, 11, 23, 10, 5)), ct(2026, 11, 23, 14, 20));
    const typedLate = desk();
    typedLate.run(recordOutreach, contact(), ct(2026, 11, 23, 14, 20));
    const now = ct(2026, 11, 23, 15, 0);
    expect(dueItems(backdated.record)).toEqual([]);
    expect(firstContactOutcome(backdated.record, now)).toBe('within_target');
    expect(firstContactOutcome(typedLate.record, now)).toBe('missed');

    const filter: ReportFilter = { from: ct(2026, 11, 1), to: ct(2026, 12, 1), mcoIds: [], priorities: [] };
    const ctx = { config: DEFAULT_AGENCY_CONFIG, zone: CHICAGO, now, calendar: createCalendar() };
    const report = (r: typeof backdated.record) => {
      const b = reportBuilder(filter, ctx);
      b.add(r);
      return b.finish();
    };
    expect(report(backdated.record).firstContact).toMatchObject({ withinTarget: 1, missed: 0, pctWithinTarget: 100 });
    expect(report(backdated.record).toFirstContact.median).toBe(120);
    expect(report(typedLate.record).firstContact).toMatchObject({ withinTarget: 0, missed: 1 });
  });

  it('a contact said to have happened before the one recorded first is the first contact; without a said time the fold’s first stays', () => {
    const d = desk();
    d.run(recordOutreach, contact(), ct(2026, 11, 23, 11, 0));
    d.run(recordOutreach, contact(ct(2026, 11, 23, 9, 30)), ct(2026, 11, 23, 11, 30));
    expect(d.record.workflow.firstContactAt).toBe(ct(2026, 11, 23, 9, 30));
  });

  it('scorecard: on a morning-only Monday (closing at 12:00), a report-back at 10:05 typed at 14:20 is within end of day', () => {
    const week = [...DEFAULT_CALENDAR_CONFIG.officeHours] as typeof DEFAULT_CALENDAR_CONFIG.officeHours;
    week[1] = { open: '08:00', close: '12:00' };
    const time = timeRulesOf(createCalendar({ ...DEFAULT_CALENDAR_CONFIG, officeHours: week }));
    const referred = (reportBackAt?: Instant) => {
      const d = new Desk({ receivedAt: RECEIVED }, { time });
      d.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 23, 9, 0));
      d.run(recordMcoFollowUp, { note: 'Chased them.' }, ct(2026, 11, 23, 13, 0));
      d.run(recordMcoReportBack, { memberContacted: true, note: 'Called her.', happenedAt: reportBackAt }, ct(2026, 11, 23, 14, 20));
      const [episode] = referralEpisodes(d.events);
      if (!episode) throw new Error('no referral');
      return episode;
    };
    const now = ct(2026, 11, 24, 9, 0);
    const backdated = referred(ct(2026, 11, 23, 10, 5));
    expect(backdated.mcoContactDue).toBe(ct(2026, 11, 23, 12, 0));
    expect([backdated.reportedBackAt, backdated.memberContactedAt]).toEqual([ct(2026, 11, 23, 10, 5), ct(2026, 11, 23, 10, 5)]);
    expect([contactOutcome(backdated, now), reportBackOutcome(backdated, now)]).toEqual(['met', 'unprompted']);
    // Stamped when it was typed, the same report-back misses end of day and looks chased by the 13:00 follow-up.
    const typedLate = referred();
    expect([contactOutcome(typedLate, now), reportBackOutcome(typedLate, now)]).toEqual(['missed', 'followed_up']);
  });

  it('the export’s timeliness columns and the grievance report: a contact and a resolution typed the next morning count when they happened', () => {
    const complaint = complaintDesk(); // received Wed 25 Nov 15:00, a complaint since 15:30
    complaint.run(recordOutreach, contact(ct(2026, 11, 25, 15, 40)), ct(2026, 11, 27, 8, 30));
    complaint.run(
      resolveInquiry,
      { resolution: 'agency', text: 'Ride rebooked.', happenedAt: ct(2026, 11, 25, 16, 20) },
      ct(2026, 11, 27, 8, 35),
    );
    const r = complaint.record;
    const ctx = {
      config: DEFAULT_AGENCY_CONFIG,
      zone: CHICAGO,
      now: ct(2026, 11, 27, 9, 0),
      calendar: createCalendar(),
      includeIdentifiers: false,
    };
    const value = (id: string) => columnById(id)?.value(r, ctx);
    expect(value('firstContactAt')).toBe(ct(2026, 11, 25, 15, 40));
    expect(value('firstContactOutcome')).toBe(FIRST_CONTACT_OUTCOME_LABELS.within_target);
    expect(value('hoursToFirstContact')).toBe(0.67);
    expect(value('resolvedAt')).toBe(ct(2026, 11, 25, 16, 20));
    expect(value('hoursToResolution')).toBe(1.33);
    expect(value('daysOpen')).toBe(0);
    const [row] = grievanceRows(
      [r],
      { from: ct(2026, 11, 1), to: ct(2026, 12, 1), mcoId: null },
      { config: DEFAULT_AGENCY_CONFIG, zone: CHICAGO, includeIdentifiers: false },
    );
    expect(row?.resolvedOn).toBe('2026-11-25');
  });
});
