import { describe, expect, it } from 'vitest';
import { calendarConfigOf, DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { createCalendar } from '../time/calendar';
import type { Instant, IsoDay } from '../time/types';
import { pauseTimer, resumeTimer } from './commands/pauseTimer';
import { referToMco } from './commands/referToMco';
import { ct, Desk } from './commands/testKit';
import { dueItems } from './due';
import { explainDueItem } from './explainDue';
import type { InquiryRecord } from './projection';

const cst = (day: number, hour: number, minute = 0) => ct(2026, 11, day, hour, minute);
const CAL = createCalendar(calendarConfigOf(DEFAULT_AGENCY_CONFIG));

/** The sample inquiry received at `receivedAt` with `priority`, worked by `steps` one after another. */
function run(receivedAt: Instant, priority: string, ...steps: ((desk: Desk) => unknown)[]): InquiryRecord {
  const desk = new Desk({ receivedAt, priority });
  for (const step of steps) step(desk);
  return desk.record;
}

describe('explainDueItem', () => {
  it('explains the SPEC example: High received Wed 25 Nov 15:00, Thanksgiving skipped, due Fri 08:30', () => {
    const r = run(cst(25, 15), 'high');
    const item = dueItems(r)[0];
    const e = explainDueItem(item as NonNullable<typeof item>, r, DEFAULT_AGENCY_CONFIG, CAL);
    expect(e?.calendarChanged).toBe(false);
    const target = e?.parts[0];
    expect(target?.label).toBe('Target');
    expect(target?.recomputed).toBe(target?.recorded);
    expect(target?.recorded).toBe(cst(27, 8, 30));
    expect(target?.words.text).toContain('Received Wed 25 Nov 15:00.');
    expect(target?.words.text).toContain('1 h 30 m counted Wed until 16:30');
    expect(target?.words.text).toContain('Thu 26 Nov skipped (Thanksgiving Day)');
    expect(target?.words.text).toContain('→ due Fri 27 Nov 08:30');
    expect(e?.parts[1]).toMatchObject({ label: 'Deadline', recorded: cst(27, 10, 30), recomputed: cst(27, 10, 30) });
  });

  it('agrees with every recorded time, paused or not, on both paths', () => {
    for (const priority of ['high', 'escalated'])
      for (const received of [cst(23, 7), cst(23, 12, 17), cst(24, 16, 29), cst(25, 15), cst(28, 10)]) {
        const r = run(
          received,
          priority,
          (d) => d.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, (received + 3_600_000) as Instant),
          (d) =>
            d.run(
              pauseTimer,
              { timer: 'mco_follow_up', reason: 'Documents requested', waitingFor: 'person' },
              (received + 7_200_000) as Instant,
            ),
          (d) => d.run(resumeTimer, { timer: 'mco_follow_up' }, (received + 90_000_000) as Instant),
        );
        for (const item of dueItems(r)) {
          const e = explainDueItem(item, r, DEFAULT_AGENCY_CONFIG, CAL);
          for (const part of e?.parts ?? [])
            expect(part.recomputed, `${priority} ${received} ${item.kind} ${part.label}`).toBe(part.recorded);
        }
      }
  });

  it('explains the unit lead callback: the close of the Nth business day after receipt, holidays skipped', () => {
    // Received Wed 25 Nov 15:00; the next business day is Fri 27 (Thanksgiving Thu 26 is closed): due Fri 16:30.
    const r = new Desk({ receivedAt: cst(25, 15), priority: '', mcoEnrollment: 'not_enrolled', mcoId: '' }).record;
    const item = dueItems(r)[0];
    expect(item?.label).toBe('Unit lead callback');
    const e = explainDueItem(item as NonNullable<typeof item>, r, DEFAULT_AGENCY_CONFIG, CAL);
    expect(e?.calendarChanged).toBe(false);
    expect(e?.parts).toHaveLength(1);
    const due = e?.parts[0];
    expect(due).toMatchObject({ label: 'Due', recorded: cst(27, 16, 30), recomputed: cst(27, 16, 30) });
    expect(due?.words.text).toContain('Unit lead callback: by the end of the next business day after receipt');
    expect(due?.words.text).toContain('Thu 26 Nov skipped (Thanksgiving Day)');
    expect(due?.words.text).toContain('→ due Fri 27 Nov 16:30');

    // Three business days (Settings → Policy): received Mon 23 Nov 10:00, then Tue, Wed and (Thanksgiving skipped) Fri 27.
    const config = { ...DEFAULT_AGENCY_CONFIG, unitLeadCallbackDays: 3 };
    const three = new Desk({ receivedAt: cst(23, 10), priority: '', mcoEnrollment: 'not_enrolled', mcoId: '' }, { config }).record;
    const threeItem = dueItems(three)[0];
    const e3 = explainDueItem(threeItem as NonNullable<typeof threeItem>, three, config, CAL);
    expect(e3?.parts[0]).toMatchObject({ recorded: cst(27, 16, 30), recomputed: cst(27, 16, 30) });
    expect(e3?.parts[0]?.words.text).toContain('by the end of the 3rd business day after receipt');
  });

  it('says when the calendar changed since a time was recorded, rather than explain another time', () => {
    const r = run(cst(23, 15), 'high');
    const closedMonday = createCalendar({
      ...calendarConfigOf(DEFAULT_AGENCY_CONFIG),
      closures: [{ day: '2026-11-23' as IsoDay, name: 'Ice storm' }],
    });
    const item = dueItems(r)[0];
    const e = explainDueItem(item as NonNullable<typeof item>, r, DEFAULT_AGENCY_CONFIG, closedMonday);
    expect(e?.calendarChanged).toBe(true);
    expect(e?.parts[0]?.words.text).toContain('Ice storm');
  });
});
