import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addBusinessMinutesExplained,
  type BusinessCalendar,
  endOfBusinessDay,
  endOfBusinessDayExplained,
  isOpenAt,
  type Pause,
} from './calendar';
import { explainDeadline, formatDuration } from './explain';
import { addPolicyDuration, describePolicyDuration, explainPolicyDuration, type PolicyDuration, policyDurationMinutes } from './policyTime';
import { at, calendar, iowa } from './testing';
import type { Instant, TimeZone } from './types';

const CHICAGO = 'America/Chicago' as TimeZone;
const MINUTE = 60_000;

const HIGH = 'High: first contact within 2 business hours';
const words = (start: Instant, minutes: number, pauses?: Pause[], cal = iowa, policyLabel = HIGH) =>
  explainDeadline({
    startLabel: 'Received',
    start,
    policyLabel,
    explanation: addBusinessMinutesExplained(cal, start, minutes, pauses),
    zone: cal.timeZone,
  });

describe('explainDeadline: the words', () => {
  it('reads like the issue’s example around Thanksgiving', () => {
    expect(words(at('2026-11-25 15:00'), 120).text).toBe(
      'Received Wed 25 Nov 15:00. High: first contact within 2 business hours. 1 h 30 m counted Wed until 16:30; ' +
        'Thu 26 Nov skipped (Thanksgiving Day); 30 m counted Fri from 08:00 → due Fri 27 Nov 08:30.',
    );
  });

  it('gives the lines separately, the steps, and the due time', () => {
    const w = words(at('2026-11-25 15:00'), 120);
    expect(w.lines).toEqual([
      'Received Wed 25 Nov 15:00.',
      'High: first contact within 2 business hours.',
      '1 h 30 m counted Wed until 16:30; Thu 26 Nov skipped (Thanksgiving Day); 30 m counted Fri from 08:00 → due Fri 27 Nov 08:30.',
    ]);
    expect(w.steps).toEqual(['1 h 30 m counted Wed until 16:30', 'Thu 26 Nov skipped (Thanksgiving Day)', '30 m counted Fri from 08:00']);
    expect(w.due).toBe('Fri 27 Nov 08:30');
  });

  it('an after-hours start counts from the next opening', () => {
    expect(words(at('2026-11-24 18:00'), 120).lines[2]).toBe('2 h counted Wed from 08:00 → due Wed 25 Nov 10:00.');
    expect(words(at('2026-11-24 09:00'), 120).lines[2]).toBe('2 h counted Tue → due Tue 24 Nov 11:00.');
  });

  it('a deadline exactly at closing says so', () => {
    expect(words(at('2026-11-24 14:30'), 120).lines[2]).toBe('2 h counted Tue → due Tue 24 Nov 16:30.');
  });

  it('names pauses, weekends and observed holidays', () => {
    const paused = [{ start: at('2026-11-19 10:00'), end: at('2026-11-20 09:00'), reason: 'documents requested' }];
    expect(words(at('2026-11-19 09:00'), 120, paused).lines[2]).toBe(
      '1 h counted Thu until 10:00; paused Thu 10:00–Fri 09:00 (documents requested); 1 h counted Fri from 09:00 → due Fri 20 Nov 10:00.',
    );
    expect(words(at('2026-07-02 16:00'), 60).lines[2]).toBe(
      '30 m counted Thu until 16:30; Fri 3 Jul skipped (Independence Day observed); Sat 4 Jul skipped (Independence Day); ' +
        'Sun 5 Jul skipped (weekend); 30 m counted Mon from 08:00 → due Mon 6 Jul 08:30.',
    );
  });

  it('does not list the closed days inside a pause', () => {
    const paused = [{ start: at('2026-11-20 10:00'), end: at('2026-11-24 09:00'), reason: 'waiting on MCO' }];
    expect(words(at('2026-11-20 09:00'), 120, paused).lines[2]).toBe(
      '1 h counted Fri until 10:00; paused Fri 10:00–Tue 09:00 (waiting on MCO); 1 h counted Tue from 09:00 → due Tue 24 Nov 10:00.',
    );
  });

  it('a still-open pause: the due time is unknown, with what is left to count', () => {
    const w = words(at('2026-11-18 10:00'), 120, [{ start: at('2026-11-18 11:00'), end: null, reason: 'waiting on the member' }]);
    expect(w.due).toBeNull();
    expect(w.lines[2]).toBe(
      '1 h counted Wed until 11:00; paused since Wed 11:00 (waiting on the member) → due unknown until the pause ends (1 h still to count).',
    );
  });

  it('mentions a DST change crossed, both ways', () => {
    expect(words(at('2026-03-06 16:00'), 60).lines[2]).toBe(
      '30 m counted Fri until 16:30; Sat 7–Sun 8 Mar skipped (weekend); clocks went forward 1 h on Sun 8 Mar; 30 m counted Mon from 08:00 → due Mon 9 Mar 08:30.',
    );
    expect(words(at('2026-10-30 16:00'), 60).lines[2]).toBe(
      '30 m counted Fri until 16:30; Sat 31 Oct–Sun 1 Nov skipped (weekend); clocks went back 1 h on Sun 1 Nov; 30 m counted Mon from 08:00 → due Mon 2 Nov 08:30.',
    );
  });

  it('names agency closures, and runs of whole days; dates every day once the span passes a week', () => {
    const cal = calendar({ closures: [{ day: '2026-12-07', name: 'Staff training' }] });
    expect(words(at('2026-11-30 08:00'), 510 * 7, [], cal, 'Escalated: 7 business days').lines[2]).toBe(
      '42 h 30 m counted Mon 30 Nov–Fri 4 Dec (5 full days); Sat 5–Sun 6 Dec skipped (weekend); ' +
        'Mon 7 Dec skipped (office closed: Staff training); 17 h counted Tue 8–Wed 9 Dec (2 full days) → due Wed 9 Dec 16:30.',
    );
  });

  it('adds the year to days in another year than the start', () => {
    expect(words(at('2026-12-31 16:00'), 60).lines[2]).toBe(
      '30 m counted Thu until 16:30; Fri 1 Jan 2027 skipped (New Year\u2019s Day'.replace('\u2019', "'") +
        '); Sat 2–Sun 3 Jan 2027 skipped (weekend); 30 m counted Mon from 08:00 → due Mon 4 Jan 2027 08:30.',
    );
  });

  it('a holiday closing the office early is named', () => {
    const vienna = 'Europe/Vienna' as TimeZone;
    const cal = calendar({ holidayRegion: 'AT', timeZone: vienna, holidayTypes: ['public', 'bank'] });
    expect(words(at('2026-12-23 16:00', vienna), 30 + 360 + 60, [], cal).lines[2]).toBe(
      '30 m counted Wed until 16:30; 6 h counted Thu 08:00–14:00; Thu 24 Dec closed from 14:00 (Christmas Eve); ' +
        'Fri 25 Dec skipped (Christmas Day); Sat 26 Dec skipped (Boxing Day); Sun 27 Dec skipped (weekend); ' +
        '1 h counted Mon from 08:00 → due Mon 28 Dec 09:00.',
    );
  });

  it('clock hours say so, and show a DST change that moves the wall-clock answer', () => {
    const d: PolicyDuration = { amount: 24, unit: 'clockHours' };
    const w = explainDeadline({
      startLabel: 'Callback scheduled',
      start: at('2026-10-31 12:00'),
      policyLabel: `Callback within ${describePolicyDuration(d)}`,
      explanation: explainPolicyDuration(iowa, at('2026-10-31 12:00'), d),
      zone: CHICAGO,
    });
    expect(w.text).toBe(
      'Callback scheduled Sat 31 Oct 12:00. Callback within 24 hours. 24 h counted (clock hours); clocks went back 1 h on Sun 1 Nov → due Sun 1 Nov 11:00.',
    );
  });

  it('end of day with a pause', () => {
    const t = at('2026-11-18 10:00');
    const pauses = [{ start: at('2026-11-18 14:00'), end: at('2026-11-19 10:00'), reason: 'member to call back' }];
    const w = explainDeadline({
      startLabel: 'Referred to MCO',
      start: t,
      policyLabel: 'MCO contacts member by end of day',
      explanation: endOfBusinessDayExplained(iowa, t, pauses),
      zone: CHICAGO,
    });
    expect(w.lines[2]).toBe(
      '4 h counted Wed until 14:00; paused Wed 14:00–Thu 10:00 (member to call back); 2 h 30 m counted Thu from 10:00 → due Thu 19 Nov 12:30.',
    );
  });

  it('formats durations to the minute, never with seconds (issue 16)', () => {
    expect(formatDuration(90)).toBe('1 h 30 m');
    expect(formatDuration(0)).toBe('0 m');
    expect(formatDuration(89.55)).toBe('1 h 30 m');
    expect(formatDuration(0.4)).toBe('0 m');
    expect(formatDuration(1530)).toBe('25 h 30 m');
  });

  it('describes policy durations', () => {
    expect(describePolicyDuration({ amount: 2, unit: 'businessHours' })).toBe('2 business hours');
    expect(describePolicyDuration({ amount: 1, unit: 'businessDays' })).toBe('1 business day');
    expect(describePolicyDuration({ amount: 1, unit: 'clockHours' })).toBe('1 hour');
  });
});

// ---------------------------------------------------------------------------------------------
// One source of truth: the words and the deadline cannot disagree

const CALENDARS = [
  iowa,
  calendar({ holidayTypes: ['public', 'observance'], closures: [{ day: '2026-12-24', name: 'Christmas Eve' }] }),
  calendar({ holidayRegion: 'GB-ENG', timeZone: 'Europe/London' as TimeZone }),
];
const FROM = Date.UTC(2025, 10, 1) / MINUTE;
const TO = Date.UTC(2027, 2, 1) / MINUTE;
const instantArb = fc.integer({ min: FROM, max: TO }).map((m) => (m * MINUTE) as Instant);
const minutesArb = fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.constantFrom(60, 120, 240, 510, 1530));
const pausesArb = (base: Instant) =>
  fc.array(
    fc
      .record({
        offset: fc.integer({ min: -2 * 24 * 60, max: 8 * 24 * 60 }),
        length: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 }), { freq: 6, nil: null }),
        reason: fc.constantFrom('documents requested', 'waiting on MCO'),
      })
      .map(
        (p): Pause => ({
          start: (base + p.offset * MINUTE) as Instant,
          end: p.length === null ? null : ((base + (p.offset + p.length) * MINUTE) as Instant),
          reason: p.reason,
        }),
      ),
    { maxLength: 3 },
  );
const caseArb = fc
  .tuple(fc.constantFrom(...CALENDARS.keys()), instantArb, minutesArb)
  .chain(([i, t, d]) => fc.tuple(fc.constant(i), fc.constant(t), fc.constant(d), pausesArb(t)))
  .map(([i, t, d, pauses]) => [CALENDARS[i] as BusinessCalendar, t, d, pauses] as const);

/** Independent formatting of a due time ("Fri 27 Nov 08:30", with the year when it differs from the start's). */
function expectedStamp(t: Instant, start: Instant, zone: TimeZone): string {
  const parts = (x: Instant) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(x)
        .map((p) => [p.type, p.value]),
    );
  const p = parts(t);
  const year = p.year === parts(start).year ? '' : ` ${p.year}`;
  return `${p.weekday} ${p.day} ${p.month}${year} ${p.hour}:${p.minute}`;
}

/** Sum of every "… counted" duration written in the text, in seconds. */
function countedSeconds(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/(?:(\d+) h)? ?(?:(\d+) m)? ?(?:(\d+) s)? counted/g)) {
    total += Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  }
  return total;
}

describe('explanations agree with the deadlines (fast-check)', () => {
  it('the due instant is addBusinessMinutes’ answer, and the counted minutes add up to the duration', () => {
    fc.assert(
      fc.property(caseArb, ([cal, t, d, pauses]) => {
        const e = addBusinessMinutesExplained(cal, t, d, pauses);
        expect(e.due).toBe(addBusinessMinutes(cal, t, d, pauses));
        const counted = e.segments.reduce((sum, s) => sum + s.minutes, 0);
        if (e.due === null) {
          expect(e.waitingOn).not.toBeNull();
          expect(counted).toBeCloseTo(e.waitingOn?.countedMinutes ?? Number.NaN, 9);
          // Nothing left to count only when the start itself fell inside the open pause (d = 0).
          expect(e.waitingOn?.remainingMinutes).toBeCloseTo(d - counted, 9);
        } else {
          expect(e.waitingOn).toBeNull();
          expect(counted).toBeCloseTo(d, 9);
          if (d > 0) expect(e.segments.at(-1)?.to).toBe(e.due);
        }
        // Segments run forward, in office hours, outside every pause.
        let previous = t as number;
        const bad = e.segments.filter((s) => {
          const ok =
            s.from >= previous &&
            s.to > s.from &&
            isOpenAt(cal, s.from) &&
            isOpenAt(cal, (s.to - 1) as Instant) &&
            pauses.every((p) => {
              const end = p.end ?? Number.POSITIVE_INFINITY;
              return end <= p.start || s.to <= p.start || s.from >= end;
            });
          previous = s.to;
          return !ok;
        });
        expect(bad).toEqual([]);
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('the words state that same due time and count exactly the requested time', () => {
    fc.assert(
      fc.property(caseArb, ([cal, t, d, pauses]) => {
        const w = words(t, d, pauses, cal);
        const due = addBusinessMinutes(cal, t, d, pauses);
        if (due === null) {
          expect(w.due).toBeNull();
          expect(w.text).toContain('→ due unknown until the pause ends');
        } else {
          expect(w.due).toBe(expectedStamp(due, t, cal.timeZone));
          expect(w.text.endsWith(`→ due ${expectedStamp(due, t, cal.timeZone)}.`)).toBe(true);
          expect(countedSeconds(w.text)).toBe(d * 60);
        }
        for (const p of pauses.filter((x) => x.end === null || x.end > x.start)) {
          if (p.start < (due ?? Number.POSITIVE_INFINITY) && (p.end ?? Number.POSITIVE_INFINITY) > t)
            expect(w.text).toContain(`(${p.reason})`);
        }
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('policy durations and end of day: the explained due is the computed due', () => {
    const durationArb = fc.record({
      amount: fc.integer({ min: 1, max: 40 }),
      unit: fc.constantFrom('businessHours' as const, 'businessDays' as const, 'clockHours' as const),
    });
    fc.assert(
      fc.property(caseArb, durationArb, ([cal, t, , pauses], d) => {
        const e = explainPolicyDuration(cal, t, d, pauses);
        expect(e.due).toBe(addPolicyDuration(cal, t, d, pauses));
        expect(e.basis).toBe(d.unit === 'clockHours' ? 'clock' : 'business');
        if (e.due !== null) expect(e.segments.reduce((sum, s) => sum + s.minutes, 0)).toBeCloseTo(policyDurationMinutes(cal, d), 9);
        expect(endOfBusinessDayExplained(cal, t, pauses).due).toBe(endOfBusinessDay(cal, t, pauses));
        const w = explainDeadline({
          startLabel: 'Received',
          start: t,
          policyLabel: describePolicyDuration(d),
          explanation: e,
          zone: cal.timeZone,
        });
        if (e.due !== null) expect(countedSeconds(w.text)).toBe(policyDurationMinutes(cal, d) * 60);
      }),
      { numRuns: 250 },
    );
  }, 60_000);
});
