import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { DomainError } from '../errors';
import { recordMcoFollowUp } from '../inquiry/commands/recordMcoFollowUp';
import { recordMcoReportBack } from '../inquiry/commands/recordMcoReportBack';
import { referToMco } from '../inquiry/commands/referToMco';
import { reopenInquiry } from '../inquiry/commands/reopenInquiry';
import { resolveInquiry } from '../inquiry/commands/resolveInquiry';
import { ct, Desk } from '../inquiry/commands/testKit';
import type { InquiryEvent } from '../inquiry/events';
import { createCalendar } from '../time/calendar';
import type { Instant } from '../time/types';
import { type McoScore, referralEpisodes, scorecardBuilder } from './scorecard';

/*
 * Any history of referrals, report-backs, follow-ups, resolutions and reopenings, run through the
 * real commands: every referral lands in exactly one report-back state, the shares never count more
 * than they decide, the latest referral agrees with the stored record, and the order the events
 * arrive in does not matter.
 */

const calendar = createCalendar();
const MCOS = ['itc', 'molina', 'wellpoint'] as const;
const START = ct(2026, 11, 2, 8, 0);

const stepArb = fc.record({
  kind: fc.constantFrom('refer', 'reportBack', 'followUp', 'resolve', 'reopen'),
  mco: fc.constantFrom(...MCOS),
  contacted: fc.boolean(),
  /** Minutes after the previous step. */
  gap: fc.integer({ min: 0, max: 3000 }),
});

const inquiryArb = fc.record({ priority: fc.constantFrom('high', 'escalated'), steps: fc.array(stepArb, { maxLength: 12 }) });

let desks = 0;
function run(plan: { priority: string; steps: { kind: string; mco: string; contacted: boolean; gap: number }[] }) {
  desks += 1;
  const desk = new Desk({ receivedAt: START, priority: plan.priority }, { deviceId: `P${String(desks).padStart(6, '0')}` });
  let at = START;
  for (const s of plan.steps) {
    at = (at + s.gap * 60_000) as Instant;
    try {
      if (s.kind === 'refer') desk.run(referToMco, { mcoId: s.mco, department: 'Member Services', contact: '' }, at);
      else if (s.kind === 'reportBack') desk.run(recordMcoReportBack, { memberContacted: s.contacted, note: 'Reported.' }, at);
      else if (s.kind === 'followUp') desk.run(recordMcoFollowUp, { note: 'Called.' }, at);
      else if (s.kind === 'resolve') desk.run(resolveInquiry, { resolution: 'agency', text: 'Done.' }, at);
      else desk.run(reopenInquiry, { reason: 'Again.' }, at);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // a step that does not fit is refused, as on a desk
    }
  }
  return { desk, end: at };
}

const everything = { from: ct(2026, 1, 1), to: ct(2028, 1, 1), mcoIds: [] as string[] };

function card(inquiries: readonly (readonly InquiryEvent[])[], now: Instant) {
  const b = scorecardBuilder(everything, { config: DEFAULT_AGENCY_CONFIG, now, calendar });
  for (const events of inquiries) b.add(events);
  return b.finish();
}

function checkRow(r: McoScore) {
  expect(r.reportedBack + r.awaiting + r.closedWithoutReportBack + r.reReferredWithoutReportBack).toBe(r.referrals);
  expect(r.contactedByEndOfDay.count).toBeLessThanOrEqual(r.contactedByEndOfDay.decided);
  expect(r.contactedByEndOfDay.decided + r.contactPending + r.contactNotCounted).toBe(r.referrals);
  expect(r.reportedBackWithoutFollowUp.count).toBeLessThanOrEqual(r.reportedBackWithoutFollowUp.decided);
  expect(r.reportedBackWithoutFollowUp.decided + r.reportBackPending + r.reportBackNotCounted).toBe(r.referrals);
  expect(r.followedUp).toBeLessThanOrEqual(r.followUps);
  expect(r.toReportBack.count).toBe(r.reportedBack);
  expect(r.awaitingByAge.reduce((n, b) => n + b.count, 0)).toBe(r.awaiting);
  if (r.toReportBack.median !== null) expect(r.toReportBack.median).toBeGreaterThanOrEqual(0);
}

describe('the scorecard over any history', () => {
  it('partitions every referral, and agrees with the stored record and with any event order', () => {
    fc.assert(
      fc.property(fc.array(inquiryArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 5000 }), (plans, later) => {
        desks = 0;
        const runs = plans.map(run);
        const now = (Math.max(...runs.map((r) => r.end)) + later * 60_000) as Instant;
        const inquiries = runs.map((r) => r.desk.events);
        const s = card(inquiries, now);
        for (const r of [...s.rows, s.all]) checkRow(r);
        const referred = inquiries.flat().filter((e) => e.type === 'McoReferred').length;
        expect(s.all.referrals).toBe(referred);
        expect(s.rows.reduce((n, r) => n + r.referrals, 0)).toBe(referred);

        for (const { desk } of runs) {
          const episodes = referralEpisodes(desk.events);
          const last = episodes.at(-1);
          const stored = desk.record.workflow.referral;
          expect(last?.at ?? null).toBe(stored?.at ?? null);
          expect(last?.mcoId ?? null).toBe(stored?.mcoId ?? null);
          if (last) expect(last.standing).toBe(desk.record.status === 'open');
          // The record keeps the latest report-back; the scorecard the first: none on one means none on the other.
          if (last && stored) expect(last.reportedBackAt === null).toBe(stored.reportedBackAt === null);
        }

        const shuffled = inquiries.map((events) => [...events].reverse());
        expect(card(shuffled, now)).toEqual(s);
      }),
      { numRuns: process.env.CI ? 300 : 100 },
    );
  });
});
