import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { inQueue, queueTimeAt } from '../log/logQuery';
import { stageOf, toLogRow } from '../log/logRow';
import type { Actor } from '../people';
import { encodeHlc, type Hlc, receiveHlc, tickHlc } from '../sync/hlc';
import type { Instant } from '../time/types';
import type { CaseNumber } from './caseNumber';
import { addNote } from './commands/addNote';
import { closeCallback } from './commands/closeCallback';
import type { CommandContext } from './commands/context';
import { editFields } from './commands/editFields';
import { logInquiry } from './commands/logInquiry';
import { pauseTimer, resumeTimer } from './commands/pauseTimer';
import { recordMcoFollowUp } from './commands/recordMcoFollowUp';
import { recordMcoReportBack } from './commands/recordMcoReportBack';
import { recordOutreach } from './commands/recordOutreach';
import { referToMco } from './commands/referToMco';
import { reopenInquiry } from './commands/reopenInquiry';
import { resolveInquiry } from './commands/resolveInquiry';
import { scheduleCallback } from './commands/scheduleCallback';
import { TEST_POLICY } from './commands/testing';
import { ANA, BEN, CHICAGO, FIELDS, LEE } from './commands/testKit';
import { dueItems, dueState } from './due';
import { type InquiryEvent, PAUSABLE_TIMERS, PAUSE_WAITS, parseEvent, RESOLUTIONS } from './events';
import type { InquiryFields } from './fields';
import { applyEvent, byHlc, type InquiryRecord, projectInquiry } from './projection';

/*
 * Random runs of the process: a sequence of steps, each applied as a command to the record the
 * desks see at that moment (refusals skipped, any other exception fails), on two desks whose clocks
 * disagree by a few minutes and that see each other's events at once (as a synced share would).
 */

const MINUTE = 60_000;
const RUNS = 250;

/** Mostly notes a person would type; sometimes blank, odd or too long (refused). */
const text = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('Called; no answer.', 'Spoke with the member.', 'MCO says the ride is booked.', ' Left a message. '),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(4001)) },
);
/** Mostly a valid value, sometimes one of the invalid ones. */
const mostly = <T>(valid: readonly T[], invalid: readonly T[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
const party = fc.constantFrom('member' as const, 'originator' as const);
const person = fc.constantFrom<Actor>(ANA, BEN, LEE);

const stepArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('outreach' as const),
      party,
      method: fc.constantFrom('call' as const, 'voicemail' as const, 'letter' as const, 'email' as const),
      reached: fc.boolean(),
      note: text,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refer' as const),
      mcoId: mostly(['itc', 'molina', 'wellpoint'], ['acme', '']),
      department: mostly(['Member Services', ' Pharmacy '], ['', '  ', 'd'.repeat(121)]),
      contact: mostly(['', 'Jo at escalations'], ['c'.repeat(161)]),
      note: text,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reportBack' as const), memberContacted: fc.boolean(), note: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('followUp' as const), note: text }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('schedule' as const),
      party,
      number: mostly(['515-555-0188', '(319) 555-0100 x12'], ['555-0188', '']),
      inMinutes: fc.integer({ min: -10, max: 5 * 24 * 60 }),
      caller: person,
      note: text,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      pick: fc.nat(),
      bogus: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      outcome: fc.constantFrom('reached' as const, 'no_answer' as const, 'voicemail' as const, 'cancelled' as const),
      note: text,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), resolution: fc.constantFrom(...RESOLUTIONS), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), reason: text }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      changes: fc.oneof(
        fc.record({ priority: fc.constantFrom('high', 'escalated', 'legacy') }),
        fc.record({ mcoEnrollment: fc.constantFrom('enrolled' as const, 'not_enrolled' as const, 'unknown' as const) }),
        fc.record({ assignee: fc.constantFrom(null, { id: 'p-ben', name: 'Ben Cho' }, { id: 'p-ana', name: 'Ana Ortiz' }) }),
        fc.record({ minutesBefore: fc.integer({ min: 0, max: 10 * 24 * 60 }) }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), text }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      timer: fc.constantFrom(...PAUSABLE_TIMERS),
      reason: text,
      waitingFor: fc.constantFrom(...PAUSE_WAITS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const), timer: fc.constantFrom(...PAUSABLE_TIMERS) }) },
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const scenarioArb = fc.record({
  /** Received somewhere in 2026–2027 (weekends, nights, holidays, both DST changes included). */
  receivedAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
  priority: fc.constantFrom('high', 'escalated', 'legacy'),
  mcoEnrollment: mostly(['enrolled' as const, 'enrolled' as const, 'unknown' as const], ['not_enrolled' as const]),
  /** Desk B's clock runs this many minutes behind desk A's. */
  skew: fc.integer({ min: 0, max: 20 }),
  steps: fc.array(fc.record({ step: stepArb, onB: fc.boolean(), by: person }), { maxLength: 40 }),
  seed: fc.integer(),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface Run {
  events: InquiryEvent[];
  /** The record after each step, folded event by event as the storage adapter does. */
  records: InquiryRecord[];
  now: Instant;
  refused: number;
}

/** Plays a scenario; a command that throws anything but a DomainError fails the property. */
function play(s: Scenario): Run {
  let clock = s.receivedAt;
  let last: Hlc = { wall: 0, counter: 0, deviceId: 'DESKA' };
  let ids = 0;
  const context = (onB: boolean, actor: Actor): CommandContext => {
    const deviceId = onB ? 'DESKB' : 'DESKA';
    const now = (onB ? clock - s.skew * MINUTE : clock) as Instant;
    return {
      actor,
      deviceId,
      now,
      // The desk has seen every stamp so far (receiveHlc), so its next stamp is above them all.
      stamp: () => {
        last = tickHlc(receiveHlc({ ...last, deviceId }, last, now), now);
        return encodeHlc(last);
      },
      newId: () => `01J${deviceId}${String(++ids).padStart(18, '0')}`,
      ...TEST_POLICY,
    };
  };
  const fields: InquiryFields = {
    ...FIELDS,
    receivedAt: s.receivedAt as Instant,
    priority: s.priority,
    mcoEnrollment: s.mcoEnrollment,
    mcoId: s.mcoEnrollment === 'not_enrolled' ? '' : 'itc',
  };
  const events: InquiryEvent[] = [...logInquiry({ fields, caseNumber: '260101-K7QM2-001' as CaseNumber }, context(false, ANA))];
  let record = events.reduce<InquiryRecord | undefined>(applyEvent, undefined) as InquiryRecord;
  const records = [record];
  let refused = 0;
  for (const { step, onB, by } of s.steps) {
    if (step.kind === 'wait') {
      clock += step.minutes * MINUTE;
      continue;
    }
    let emitted: InquiryEvent[];
    try {
      emitted = command(record, step, context(onB, by));
    } catch (e) {
      if (e instanceof DomainError) {
        refused++;
        continue;
      }
      throw e;
    }
    for (const e of emitted) {
      events.push(e);
      record = applyEvent(record, e) as InquiryRecord;
    }
    records.push(record);
    clock += MINUTE;
  }
  return { events, records, now: clock as Instant, refused };
}

function command(record: InquiryRecord, step: Exclude<Step, { kind: 'wait' }>, ctx: CommandContext): InquiryEvent[] {
  switch (step.kind) {
    case 'outreach':
      return recordOutreach(record, step, ctx);
    case 'refer':
      return referToMco(record, step, ctx);
    case 'reportBack':
      return recordMcoReportBack(record, step, ctx);
    case 'followUp':
      return recordMcoFollowUp(record, step, ctx);
    case 'schedule':
      return scheduleCallback(record, { ...step, at: (ctx.now + step.inMinutes * MINUTE) as Instant }, ctx);
    case 'close': {
      const callbacks = record.workflow.callbacks;
      const callbackId =
        step.bogus || callbacks.length === 0 ? '01JNOSUCHCALLBACK000000001' : (callbacks[step.pick % callbacks.length]?.id as string);
      return closeCallback(record, { callbackId, outcome: step.outcome, note: step.note }, ctx);
    }
    case 'resolve':
      return resolveInquiry(record, step, ctx);
    case 'reopen':
      return reopenInquiry(record, step, ctx);
    case 'edit': {
      const c = step.changes;
      const changes: Partial<InquiryFields> =
        'minutesBefore' in c ? { receivedAt: (ctx.now - c.minutesBefore * MINUTE) as Instant } : (c as Partial<InquiryFields>);
      return editFields(record, changes, ctx);
    }
    case 'note':
      return addNote(record, { text: step.text }, ctx);
    case 'pause':
      return pauseTimer(record, step, ctx);
    case 'resume':
      return resumeTimer(record, step, ctx);
  }
}

/** A deterministic shuffle (mulberry32) with some events repeated, from the scenario's seed. */
function shuffledWithDuplicates(events: readonly InquiryEvent[], seed: number): InquiryEvent[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...events, ...events.filter(() => random() < 0.3)];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as InquiryEvent, out[i] as InquiryEvent];
  }
  return out;
}

const final = (run: Run) => run.records[run.records.length - 1] as InquiryRecord;
const params = { numRuns: RUNS };
/** Generous: a slow CI machine must not fail a property on time. */
const TIMEOUT = 120_000;

describe('the process, played at random', () => {
  it(
    '(a) projecting all the events in any order, duplicates included, gives the record folded step by step',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const run = play(s);
          expect(projectInquiry(shuffledWithDuplicates(run.events, s.seed))).toEqual(final(run));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    '(b) the inquiry is resolved exactly when its latest resolve-or-reopen event (by HLC) is a resolve',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const run = play(s);
          const lastDecision = [...run.events]
            .sort(byHlc)
            .filter((e) => e.type === 'InquiryResolved' || e.type === 'InquiryReopened')
            .pop();
          expect(final(run).status).toBe(lastDecision?.type === 'InquiryResolved' ? 'resolved' : 'open');
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    '(c) outreach attempts = unanswered outreach and no-answer/voicemail callbacks to the member; first contact = the first reached one',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const run = play(s);
          const partyOf = new Map(
            run.events.flatMap((e) => (e.type === 'CallbackScheduled' ? [[e.payload.callbackId, e.payload.party] as const] : [])),
          );
          const unanswered = run.events.filter(
            (e) =>
              (e.type === 'OutreachRecorded' && !e.payload.reached && e.payload.party === 'member') ||
              (e.type === 'CallbackClosed' &&
                (e.payload.outcome === 'no_answer' || e.payload.outcome === 'voicemail') &&
                partyOf.get(e.payload.callbackId) === 'member'),
          );
          const reached = run.events.find(
            (e) => (e.type === 'OutreachRecorded' && e.payload.reached) || (e.type === 'CallbackClosed' && e.payload.outcome === 'reached'),
          );
          expect(final(run).workflow.outreachAttempts).toBe(unanswered.length);
          expect(final(run).workflow.firstContactAt).toBe(reached?.at ?? null);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    '(d) a resolved inquiry has nothing due; every due item starts before its deadline and is due soon no later than it',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          for (const record of play(s).records) {
            const items = dueItems(record);
            if (record.status === 'resolved') expect(items).toEqual([]);
            for (const item of items) {
              expect(item.deadline).toBeGreaterThanOrEqual(item.startedAt);
              expect(item.soonAt).toBeLessThanOrEqual(item.deadline);
              if (item.target !== null) expect(item.target).toBeLessThanOrEqual(item.deadline);
              // Time only moves a running item forward: on track → due soon → overdue; a paused one stays paused.
              if (item.paused) {
                expect(dueState(item, item.deadline)).toBe('paused');
                continue;
              }
              const states = [item.startedAt, item.soonAt, item.target ?? item.soonAt, item.deadline].map((t) =>
                dueState(item, t as Instant),
              );
              expect(states[3]).toBe('overdue');
              if (item.soonAt < item.deadline) expect(states[1]).toBe('due_soon');
            }
          }
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'every event a command emits parses as it would arriving from another desk',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          for (const e of play(s).events) expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'the queues agree with the record: overdue is part of due today, Awaiting MCO and Unit lead follow the workflow',
    () => {
      fc.assert(
        fc.property(scenarioArb, fc.integer({ min: -2 * 24 * 60, max: 5 * 24 * 60 }), (s, minutes) => {
          const run = play(s);
          const record = final(run);
          const row = toLogRow(record, TEST_POLICY.config);
          const at = queueTimeAt((run.now + minutes * MINUTE) as Instant, CHICAGO);
          const q = (queue: Parameters<typeof inQueue>[1]) => inQueue(row, queue, 'p-ben', at);
          if (q('overdue')) expect(q('due_today')).toBe(true);
          const open = record.status === 'open';
          expect(q('awaiting_mco')).toBe(open && record.workflow.referral !== null && record.workflow.referral.reportedBackAt === null);
          expect(q('unit_lead')).toBe(open && record.mcoEnrollment === 'not_enrolled');
          if (!open) {
            expect([q('due_today'), q('overdue'), q('mine'), q('unassigned'), q('open')]).toEqual([false, false, false, false, false]);
            expect(stageOf(record)).toBe('Resolved');
          }
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses some steps and accepts others (the generator reaches the whole process)',
    () => {
      const seen = new Set<string>();
      let refused = 0;
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const run = play(s);
          refused += run.refused;
          for (const e of run.events) seen.add(e.type);
        }),
        { numRuns: 200, seed: 42 },
      );
      expect(refused).toBeGreaterThan(0);
      expect([...seen].sort()).toEqual(
        [
          'CallbackClosed',
          'CallbackScheduled',
          'FieldEdited',
          'InquiryLogged',
          'InquiryReopened',
          'InquiryResolved',
          'McoFollowedUp',
          'McoReferred',
          'McoReportedBack',
          'NoteAdded',
          'OutreachRecorded',
          'RoutedToUnitLead',
          'TargetsSet',
          'TimerPaused',
          'TimerResumed',
        ].sort(),
      );
    },
    TIMEOUT,
  );
});
