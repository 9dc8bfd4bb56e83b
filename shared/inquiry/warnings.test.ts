import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, isOpenAt } from '../time/calendar';
import type { Instant } from '../time/types';
import { pauseTimer, resumeTimer } from './commands/pauseTimer';
import { scheduleCallback } from './commands/scheduleCallback';
import { ct, Desk } from './commands/testKit';
import { type DueItem, dueItems, dueSummary } from './due';
import { type DueMark, marksOf, scheduleNotifications, type WarningNotice, type WatchedInquiry, warningLevelOf } from './warnings';
import { thresholdMoments, type WarningPolicy, warningPolicy } from './warningTimes';

// The default calendar: Mon–Fri 08:00–16:30 America/Chicago, US-IA public holidays (Thanksgiving 26 Nov 2026;
// the Friday after is open). DST ends Sun 1 Nov 2026.
const cal = createCalendar();
const policy: WarningPolicy = warningPolicy(cal, [50, 75, 90]);
const at = (...args: Parameters<typeof ct>) => ct(...args);
const MIN = 60_000;

/** A High inquiry (2 business hours to target, 4 to deadline) received at `receivedAt`. */
const highAt = (receivedAt: Instant) => new Desk({ receivedAt }, { at: receivedAt });
const firstContact = (desk: Desk, p: WarningPolicy = policy): DueItem => {
  const item = dueItems(desk.record, p).find((i) => i.kind === 'first_contact');
  if (!item) throw new Error('no first-contact item');
  return item;
};
const moments = (item: DueItem) => (item.warnings ?? []).map((w) => [w.percent, w.at]);

describe('warning moments: thresholds of the business time', () => {
  it('inside one day: 50, 75 and 90 % of 2 business hours from 09:00', () => {
    const item = firstContact(highAt(at(2026, 11, 23, 9, 0)));
    expect(moments(item)).toEqual([
      [50, at(2026, 11, 23, 10, 0)],
      [75, at(2026, 11, 23, 10, 30)],
      [90, at(2026, 11, 23, 10, 48)],
    ]);
    expect(item.soonAt).toBe(at(2026, 11, 23, 10, 0));
  });

  // Received at 16:00 on the last working day before: 50 %, 75 % and 90 % of the 2 business hours fall on the next working morning.
  it.each<[string, Instant, [number, number, number]]>([
    ['across a night: received Mon 16:00, target Tue 09:30; the night does not count', at(2026, 11, 23, 16, 0), [2026, 11, 24]],
    ['across Thanksgiving: received Wed 25 Nov 16:00, warnings on Friday morning', at(2026, 11, 25, 16, 0), [2026, 11, 27]],
    ['across the spring change to daylight saving time (Sun 8 Mar 2026)', at(2026, 3, 6, 16, 0), [2026, 3, 9]],
  ])('%s', (_, received, [year, month, day]) => {
    expect(moments(firstContact(highAt(received)))).toEqual([
      [50, at(year, month, day, 8, 30)],
      [75, at(year, month, day, 9, 0)],
      [90, at(year, month, day, 9, 18)],
    ]);
  });

  it('across a weekend and the change back from daylight saving time (Sun 1 Nov 2026)', () => {
    const item = firstContact(highAt(at(2026, 10, 30, 16, 0)));
    expect(moments(item)).toEqual([
      [50, at(2026, 11, 2, 8, 30)],
      [75, at(2026, 11, 2, 9, 0)],
      [90, at(2026, 11, 2, 9, 18)],
    ]);
    // 08:30 CST is 14:30 UTC (it was 13:30 UTC in CDT).
    expect(new Date(item.warnings?.[0]?.at ?? 0).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('a closed pause is left out: paused 09:30–10:30, the target moves to 12:00 and 50 % to 11:00', () => {
    const desk = highAt(at(2026, 11, 23, 9, 0));
    desk.run(pauseTimer, { timer: 'first_contact', reason: 'Member in a meeting', waitingFor: 'person' }, at(2026, 11, 23, 9, 30));
    expect(firstContact(desk).warnings).toEqual([]);
    desk.run(resumeTimer, { timer: 'first_contact' }, at(2026, 11, 23, 10, 30));
    const item = firstContact(desk);
    expect(item.target).toBe(at(2026, 11, 23, 12, 0));
    expect(moments(item)).toEqual([
      [50, at(2026, 11, 23, 11, 0)],
      [75, at(2026, 11, 23, 11, 30)],
      [90, at(2026, 11, 23, 11, 48)],
    ]);
  });

  it('no thresholds: due soon from the target; no business time between start and end: no warnings', () => {
    const item = firstContact(highAt(at(2026, 11, 23, 9, 0)), warningPolicy(cal, []));
    expect(item.warnings).toEqual([]);
    expect(item.soonAt).toBe(at(2026, 11, 23, 11, 0));
    expect(thresholdMoments(cal, at(2026, 11, 23, 17, 0), at(2026, 11, 23, 20, 0), [50])).toEqual([]);
  });

  it('the log row summary takes the first warning as its due-soon moment', () => {
    expect(dueSummary(highAt(at(2026, 11, 23, 9, 0)).record, policy).soonAt).toBe(at(2026, 11, 23, 10, 0));
  });
});

describe('marks and the warning level', () => {
  it('a first contact: three warnings, due at the target, overdue at the deadline; a callback: a reminder, due, overdue', () => {
    const desk = highAt(at(2026, 11, 23, 9, 0));
    desk.run(
      scheduleCallback,
      { party: 'member', number: '(515) 555-0188', at: at(2026, 11, 23, 14, 0), caller: { id: 'p-ana', name: 'Ana Ortiz' }, note: '' },
      at(2026, 11, 23, 9, 5),
    );
    expect(marksOf(dueItems(desk.record, policy))).toEqual([
      { at: at(2026, 11, 23, 10, 0), kind: 'warning', step: 'first_contact', percent: 50 },
      { at: at(2026, 11, 23, 10, 30), kind: 'warning', step: 'first_contact', percent: 75 },
      { at: at(2026, 11, 23, 10, 48), kind: 'warning', step: 'first_contact', percent: 90 },
      { at: at(2026, 11, 23, 11, 0), kind: 'due', step: 'first_contact', percent: null },
      { at: at(2026, 11, 23, 13, 0), kind: 'overdue', step: 'first_contact', percent: null },
      { at: at(2026, 11, 23, 13, 30), kind: 'warning', step: 'callback', percent: null },
      { at: at(2026, 11, 23, 14, 0), kind: 'due', step: 'callback', percent: null },
      { at: at(2026, 11, 23, 14, 15), kind: 'overdue', step: 'callback', percent: null },
    ]);
  });

  it('the level: share of business time used and the highest threshold reached', () => {
    const desk = highAt(at(2026, 11, 23, 16, 0));
    const item = firstContact(desk);
    expect(warningLevelOf(desk.record, item, at(2026, 11, 23, 16, 15), cal)).toEqual({ percentUsed: 12, reached: null, of: 'target' });
    // Overnight the share does not move.
    expect(warningLevelOf(desk.record, item, at(2026, 11, 24, 3, 0), cal)).toEqual({ percentUsed: 25, reached: null, of: 'target' });
    expect(warningLevelOf(desk.record, item, at(2026, 11, 24, 9, 5), cal)).toEqual({ percentUsed: 79, reached: 75, of: 'target' });
    expect(warningLevelOf(desk.record, item, at(2026, 11, 24, 12, 0), cal)).toEqual({ percentUsed: 100, reached: 90, of: 'target' });
  });
});

// ---------------------------------------------------------------------------------------------
// The scheduler

const A = '01JDKX4Q7ZP3M8W2R5T9V6Y0AA';
const watched = (n: number, marks: DueMark[], snooze: WatchedInquiry['snooze'] = null): WatchedInquiry => ({
  inquiryId: `${A.slice(0, -3)}${String(n).padStart(3, '0')}`,
  caseNumber: `261123-K7QM2-${String(n).padStart(3, '0')}`,
  marks,
  snooze,
});
const warn = (t: Instant, percent = 75): DueMark => ({ at: t, kind: 'warning', step: 'first_contact', percent });
const overdue = (t: Instant, step: DueMark['step'] = 'mco_follow_up'): DueMark => ({ at: t, kind: 'overdue', step, percent: null });
const dueMark = (t: Instant): DueMark => ({ at: t, kind: 'due', step: 'first_contact', percent: null });

/** Runs checks at each moment in turn, carrying the last check, and returns what each one notified. */
function checks(inquiries: WatchedInquiry[], moments: Instant[], lastCheck: Instant | null = null): WarningNotice[][] {
  let last = lastCheck;
  return moments.map((now) => {
    const r = scheduleNotifications({ inquiries, cal, lastCheck: last, now });
    last = r.checkedAt;
    return r.notices;
  });
}

describe('scheduleNotifications', () => {
  it('the first look is the baseline: what was already due is not news', () => {
    expect(
      scheduleNotifications({
        inquiries: [watched(1, [overdue(at(2026, 11, 23, 9, 0))])],
        cal,
        lastCheck: null,
        now: at(2026, 11, 23, 10, 0),
      }),
    ).toEqual({
      notices: [],
      checkedAt: at(2026, 11, 23, 10, 0),
    });
  });

  it('in office hours: one notice per inquiry for the most serious mark crossed since the last look, most serious first', () => {
    const inquiries = [
      watched(1, [warn(at(2026, 11, 23, 10, 0), 50), warn(at(2026, 11, 23, 10, 30), 75)]),
      watched(2, [overdue(at(2026, 11, 23, 10, 20))]),
      watched(3, [warn(at(2026, 11, 23, 11, 0), 90)]),
    ];
    expect(checks(inquiries, [at(2026, 11, 23, 9, 0), at(2026, 11, 23, 10, 45), at(2026, 11, 23, 10, 46)])).toEqual([
      [],
      [
        {
          kind: 'item',
          inquiryId: inquiries[1]?.inquiryId,
          caseNumber: '261123-K7QM2-002',
          step: 'mco_follow_up',
          mark: 'overdue',
          percent: null,
        },
        {
          kind: 'item',
          inquiryId: inquiries[0]?.inquiryId,
          caseNumber: '261123-K7QM2-001',
          step: 'first_contact',
          mark: 'warning',
          percent: 75,
        },
      ],
      [],
    ]);
  });

  it('more than 3 at once in office hours: one summary, without case numbers', () => {
    const inquiries = [1, 2, 3, 4].map((n) => watched(n, [n === 1 ? overdue(at(2026, 11, 23, 10, 0)) : warn(at(2026, 11, 23, 10, 0))]));
    const [, second] = checks(inquiries, [at(2026, 11, 23, 9, 0), at(2026, 11, 23, 10, 0)]);
    expect(second).toEqual([
      { kind: 'summary', whileClosed: false, overdue: 1, due: 0, warnings: 3, caseNumbers: [], inquiryId: inquiries[0]?.inquiryId },
    ]);
  });

  it('overnight: nothing after closing, then ONE summary at the first look after opening', () => {
    const inquiries = [
      watched(1, [overdue(at(2026, 11, 23, 16, 30))]), // end of day: the closing instant
      watched(2, [warn(at(2026, 11, 23, 16, 25), 90)]), // just before closing, not yet looked at
      watched(3, [dueMark(at(2026, 11, 24, 8, 0))]), // at the opening
    ];
    const looks = [
      at(2026, 11, 23, 16, 20),
      at(2026, 11, 23, 16, 30),
      at(2026, 11, 23, 22, 0),
      at(2026, 11, 24, 7, 59),
      at(2026, 11, 24, 8, 0),
      at(2026, 11, 24, 8, 1),
    ];
    expect(checks(inquiries, looks)).toEqual([
      [],
      [],
      [],
      [],
      [
        {
          kind: 'summary',
          whileClosed: true,
          overdue: 1,
          due: 1,
          warnings: 1,
          caseNumbers: ['261123-K7QM2-001', '261123-K7QM2-003', '261123-K7QM2-002'],
          inquiryId: inquiries[0]?.inquiryId,
        },
      ],
      [],
    ]);
  });

  it('a weekend: Friday after closing, Saturday, Sunday: nothing; Monday 08:05: one summary', () => {
    const inquiries = Array.from({ length: 8 }, (_, n) =>
      watched(n + 1, [n < 3 ? overdue(at(2026, 11, 20, 16, 30)) : warn(at(2026, 11, 23, 8, 0 + n))]),
    );
    const looks = [
      at(2026, 11, 20, 16, 0),
      at(2026, 11, 20, 18, 0),
      at(2026, 11, 21, 12, 0),
      at(2026, 11, 22, 12, 0),
      at(2026, 11, 23, 8, 5),
      at(2026, 11, 23, 8, 10),
    ];
    const notices = checks(inquiries, looks);
    expect(notices.map((n) => n.length)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(notices[4]).toEqual([
      { kind: 'summary', whileClosed: true, overdue: 3, due: 0, warnings: 3, caseNumbers: [], inquiryId: inquiries[0]?.inquiryId },
    ]);
    // The warnings reached after the opening summary, in office hours, are notified one by one.
    expect(notices[5]).toEqual([
      expect.objectContaining({ kind: 'item', caseNumber: '261123-K7QM2-007' }),
      expect.objectContaining({ kind: 'item', caseNumber: '261123-K7QM2-008' }),
    ]);
  });

  it('Thanksgiving is closed all day: the summary comes on Friday morning', () => {
    const inquiries = [watched(1, [overdue(at(2026, 11, 26, 10, 0))])];
    const notices = checks(inquiries, [at(2026, 11, 25, 15, 0), at(2026, 11, 26, 10, 30), at(2026, 11, 26, 15, 0), at(2026, 11, 27, 8, 0)]);
    expect(notices.map((n) => n.map((x) => x.kind))).toEqual([[], [], [], ['summary']]);
  });

  it('a snooze holds warnings and due marks until it ends, then one notice for where the item stands; overdue is never held', () => {
    const snooze = { from: at(2026, 11, 23, 9, 30), until: at(2026, 11, 23, 12, 0) };
    const held = watched(
      1,
      [warn(at(2026, 11, 23, 10, 0), 50), warn(at(2026, 11, 23, 10, 30), 75), dueMark(at(2026, 11, 23, 11, 0))],
      snooze,
    );
    const late = watched(2, [warn(at(2026, 11, 23, 10, 0), 50), overdue(at(2026, 11, 23, 11, 0), 'first_contact')], snooze);
    const notices = checks(
      [held, late],
      [at(2026, 11, 23, 9, 0), at(2026, 11, 23, 10, 35), at(2026, 11, 23, 11, 5), at(2026, 11, 23, 12, 0), at(2026, 11, 23, 12, 1)],
    );
    expect(notices).toEqual([
      [],
      [],
      [{ kind: 'item', inquiryId: late.inquiryId, caseNumber: '261123-K7QM2-002', step: 'first_contact', mark: 'overdue', percent: null }],
      [{ kind: 'item', inquiryId: held.inquiryId, caseNumber: '261123-K7QM2-001', step: 'first_contact', mark: 'due', percent: null }],
      [],
    ]);
  });

  it('a mark reached before the snooze began, looked at during the snooze, is not notified', () => {
    const snooze = { from: at(2026, 11, 23, 10, 10), until: at(2026, 11, 23, 12, 0) };
    const notices = checks(
      [watched(1, [warn(at(2026, 11, 23, 10, 5), 50)], snooze)],
      [at(2026, 11, 23, 10, 0), at(2026, 11, 23, 10, 15), at(2026, 11, 23, 12, 5)],
    );
    expect(notices).toEqual([[], [], []]);
  });

  it('a snooze ending while the office is closed is summed up at the opening', () => {
    const snooze = { from: at(2026, 11, 23, 15, 0), until: at(2026, 11, 23, 18, 0) };
    const notices = checks(
      [watched(1, [warn(at(2026, 11, 23, 16, 0), 90)], snooze)],
      [at(2026, 11, 23, 14, 0), at(2026, 11, 23, 16, 10), at(2026, 11, 24, 8, 0)],
    );
    expect(notices.map((n) => n.map((x) => x.kind))).toEqual([[], [], ['summary']]);
  });
});

describe('scheduleNotifications across nights, weekends, holidays and DST (property)', () => {
  // 26 Oct – 6 Nov 2026: two weekends, the change back from DST on Sun 1 Nov; looks run until Mon 9 Nov 09:00.
  const FROM = at(2026, 10, 26, 0, 0);
  const TO = at(2026, 11, 7, 0, 0);
  const LAST = at(2026, 11, 9, 9, 0);
  const instant = fc.integer({ min: FROM + 1, max: TO }).map((t) => t as Instant);
  const kind = fc.constantFrom<DueMark['kind']>('warning', 'due', 'overdue');
  const looksArb = fc
    .uniqueArray(fc.integer({ min: FROM, max: TO }), { minLength: 1, maxLength: 60 })
    .map((l) => [...l.sort((a, b) => a - b), LAST] as Instant[]);

  it('no notice while closed; each inquiry notified once, in a summary when its window held closed time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, kind), { minLength: 1, maxLength: 30 }), looksArb, (marks, looks) => {
        const inquiries = marks.map(([t, k], n) =>
          watched(n + 1, [{ at: t, kind: k, step: 'first_contact', percent: k === 'warning' ? 50 : null }]),
        );
        let last: Instant | null = FROM;
        let reported = 0;
        for (const now of looks) {
          const before = last as Instant;
          const r = scheduleNotifications({ inquiries, cal, lastCheck: last, now });
          if (!isOpenAt(cal, now)) expect(r.notices).toEqual([]);
          const crossed = inquiries.filter((w) => (w.marks[0] as DueMark).at > before && (w.marks[0] as DueMark).at <= now);
          if (r.notices.length > 0) {
            const counted = r.notices.reduce((n, x) => n + (x.kind === 'summary' ? x.overdue + x.due + x.warnings : 1), 0);
            expect(counted).toBe(crossed.length);
            // One by one only when the whole window was office time and they were few.
            const summary = r.notices.find((x) => x.kind === 'summary');
            if (!summary) {
              expect(crossed.length).toBeLessThanOrEqual(3);
              for (const x of r.notices) expect(crossed.map((w) => w.inquiryId)).toContain(x.inquiryId);
            }
            expect(r.notices.length === 1 || summary === undefined).toBe(true);
          } else if (isOpenAt(cal, now)) expect(crossed).toEqual([]);
          reported += r.notices.reduce((n, x) => n + (x.kind === 'summary' ? x.overdue + x.due + x.warnings : 1), 0);
          last = r.checkedAt;
        }
        // Mon 9 Nov 09:00 is office time: every mark has been told, exactly once.
        expect(reported).toBe(inquiries.length);
      }),
      { numRuns: 300 },
    );
  });

  it('with several marks per inquiry: a notice names a mark crossed in its own window, never one from before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(instant, kind), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        looksArb,
        (lists, looks) => {
          const inquiries = lists.map((list, n) =>
            watched(
              n + 1,
              list
                .map(([t, k]) => ({ at: t, kind: k, step: 'first_contact', percent: k === 'warning' ? 75 : null }) as DueMark)
                .sort((a, b) => a.at - b.at),
            ),
          );
          let last: Instant | null = FROM;
          for (const now of looks) {
            const before = last as Instant;
            const r = scheduleNotifications({ inquiries, cal, lastCheck: last, now });
            for (const x of r.notices) {
              if (x.kind !== 'item') continue;
              const w = inquiries.find((i) => i.inquiryId === x.inquiryId) as WatchedInquiry;
              expect(w.marks.some((m) => m.kind === x.mark && m.at > before && m.at <= now)).toBe(true);
              // The most serious one it crossed in that window.
              const worst = Math.max(
                ...w.marks.filter((m) => m.at > before && m.at <= now).map((m) => ({ warning: 1, due: 2, overdue: 3 })[m.kind]),
              );
              expect({ warning: 1, due: 2, overdue: 3 }[x.mark]).toBe(worst);
            }
            last = r.checkedAt;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the last look moves only when the office is open', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [lastCheck, now] = a < b ? [a, b] : [b, a];
        const r = scheduleNotifications({ inquiries: [], cal, lastCheck, now });
        expect(r.checkedAt).toBe(isOpenAt(cal, now) && now > lastCheck ? now : lastCheck);
      }),
    );
  });
});

it('keeps minute arithmetic exact', () => {
  expect(at(2026, 11, 23, 10, 1) - at(2026, 11, 23, 10, 0)).toBe(MIN);
});
