import { describe, expect, it } from 'vitest';
import { calendarConfigOf, DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { Actor } from '../people';
import { encodeHlc } from '../sync/hlc';
import { createCalendar } from '../time/calendar';
import type { Instant, IsoDay } from '../time/types';
import type { CaseNumber } from './caseNumber';
import type { CommandContext } from './commands/context';
import { logInquiry } from './commands/logInquiry';
import { pauseTimer, resumeTimer } from './commands/pauseTimer';
import { referToMco } from './commands/referToMco';
import { TEST_POLICY } from './commands/testing';
import { dueItems } from './due';
import type { InquiryEvent } from './events';
import { explainDueItem } from './explainDue';
import type { InquiryFields } from './fields';
import { type InquiryRecord, projectInquiry } from './projection';

const ANA: Actor = { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' };
const cst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 6, minute) as Instant;
const CAL = createCalendar(calendarConfigOf(DEFAULT_AGENCY_CONFIG));

let seq = 0;
function at(now: Instant): CommandContext {
  return {
    actor: ANA,
    deviceId: 'DESKA',
    now,
    stamp: () => encodeHlc({ wall: now, counter: seq++, deviceId: 'DESKA' }),
    newId: () => `01JDESKA${String(++seq).padStart(18, '0')}`,
    ...TEST_POLICY,
  };
}

const fields = (receivedAt: Instant, priority: string): InquiryFields => ({
  receivedAt,
  source: 'Call Center CSR',
  originatorName: '',
  originatorContact: '',
  memberName: 'Pat Lee',
  medicaidId: '1234567A',
  memberDob: '',
  memberPhone: '',
  callbackPhone: '',
  callbackAvailability: '',
  mcoEnrollment: 'enrolled',
  mcoId: 'itc',
  priority,
  category: 'Pharmacy',
  subcategory: '',
  description: 'Refill denied.',
  expectedOutcome: '',
  rootCause: '',
  assignee: null,
});

function run(receivedAt: Instant, priority: string, ...steps: ((s: InquiryRecord) => InquiryEvent[])[]): InquiryRecord {
  const events: InquiryEvent[] = [
    ...logInquiry({ fields: fields(receivedAt, priority), caseNumber: '261125-DESKA-001' as CaseNumber }, at(receivedAt)),
  ];
  for (const step of steps) events.push(...step(projectInquiry(events) as InquiryRecord));
  return projectInquiry(events) as InquiryRecord;
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
          (s) => referToMco(s, { mcoId: 'itc', department: 'Member Services', contact: '' }, at((received + 3_600_000) as Instant)),
          (s) =>
            pauseTimer(
              s,
              { timer: 'mco_follow_up', reason: 'Documents requested', waitingFor: 'person' },
              at((received + 7_200_000) as Instant),
            ),
          (s) => resumeTimer(s, { timer: 'mco_follow_up' }, at((received + 90_000_000) as Instant)),
        );
        for (const item of dueItems(r)) {
          const e = explainDueItem(item, r, DEFAULT_AGENCY_CONFIG, CAL);
          for (const part of e?.parts ?? [])
            expect(part.recomputed, `${priority} ${received} ${item.kind} ${part.label}`).toBe(part.recorded);
        }
      }
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
