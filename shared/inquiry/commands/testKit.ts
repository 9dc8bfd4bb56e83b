import type { AgencyConfig } from '../../config/agencyConfig';
import { DomainError } from '../../errors';
import type { Actor } from '../../people';
import { encodeHlc, type Hlc, tickHlc } from '../../sync/hlc';
import type { Instant, TimeZone } from '../../time/types';
import { zonedToInstant } from '../../time/zone';
import type { CaseNumber } from '../caseNumber';
import { EVENT_FORMAT_VERSION, type InquiryEvent } from '../events';
import type { InquiryFields } from '../fields';
import { applyEvent, type InquiryRecord } from '../projection';
import { sampleInquiry } from '../testInquiry';
import { classifyAsComplaint } from './classifyAsComplaint';
import type { CommandContext, TimeRules } from './context';
import { logInquiry } from './logInquiry';
import { scheduleCallback } from './scheduleCallback';
import { TEST_POLICY } from './testing';

/*
 * Builders for the process tests (not used by the app): Chicago wall times, people, intake fields,
 * a command context, and a desk that runs commands one after another the way the storage adapter does.
 */

export const CHICAGO = 'America/Chicago' as TimeZone;

/** The instant the agency's wall clock (America/Chicago) shows this date and time; month is 1–12. */
export const ct = (year: number, month: number, day: number, hour = 0, minute = 0): Instant =>
  zonedToInstant({ year, month, day, hour, minute }, CHICAGO);

export const ANA: Actor = { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' };
export const BEN: Actor = { id: 'p-ben', name: 'Ben Cho', role: 'esr' };
export const LEE: Actor = { id: 'p-lee', name: 'Lee Park', role: 'lead' };

export const CASE = '261125-K7QM2-004' as CaseNumber;

/** A High inquiry received Wed 25 Nov 2026 15:00 CST, the day before Thanksgiving. */
export const FIELDS: InquiryFields = sampleInquiry({
  receivedAt: ct(2026, 11, 25, 15, 0),
  originatorContact: 'dana.ruiz@example.org',
  memberName: 'Patricia Lee-Hoang',
  memberDob: '1984-03-15' as InquiryFields['memberDob'],
  memberPhone: '(515) 555-0142',
  callbackAvailability: 'After 3 pm',
  expectedOutcome: 'A ride for Friday.',
  assignee: { id: 'p-ana', name: 'Ana Ortiz' },
});

/** The sample inquiry with `patch` over it. */
export const fieldsWith = (patch: Partial<InquiryFields>): InquiryFields => ({ ...FIELDS, ...patch });

/**
 * A short High inquiry received Mon 23 Nov 2026 09:15 CST about Pat Lee: the sample with no contact details,
 * no expected outcome and nobody assigned; `patch` over it.
 */
export const briefFields = (patch: Partial<InquiryFields> = {}): InquiryFields =>
  fieldsWith({
    receivedAt: ct(2026, 11, 23, 9, 15),
    originatorContact: '',
    memberName: 'Pat Lee',
    memberDob: '',
    memberPhone: '',
    callbackPhone: '',
    callbackAvailability: '',
    expectedOutcome: '',
    assignee: null,
    ...patch,
  });

/** The id a test context on `deviceId` gives the `n`th time it is asked (01JDESKA…001, …002). */
export const testId = (deviceId: string, n: number): string => `01J${deviceId}${String(n).padStart(23 - deviceId.length, '0')}`;

/**
 * The envelope a fresh `testContext(at, opts)` gives an event for `inquiryId`: id number `n` (from 1),
 * clock counter `counter` (n − 1 unless the command asked for other ids first).
 */
export function envelope(inquiryId: string, at: Instant, opts: { n?: number; counter?: number; deviceId?: string; actor?: Actor } = {}) {
  const { n = 1, counter = n - 1, deviceId = 'DESKA', actor = ANA } = opts;
  return {
    id: testId(deviceId, n),
    inquiryId,
    actor,
    deviceId,
    hlc: encodeHlc({ wall: at, counter, deviceId }),
    at,
    v: EVENT_FORMAT_VERSION,
  };
}

/** What a command emits when it emits one event, from a fresh `testContext(at, opts)`: `[{ envelope, type, payload }]`. */
export const oneEvent = (
  inquiryId: string,
  at: Instant,
  type: InquiryEvent['type'],
  payload: unknown,
  opts: Parameters<typeof envelope>[2] = {},
) => [{ ...envelope(inquiryId, at, opts), type, payload }];

/** A context whose ids count up (01J<desk>…1, …2) and whose stamps count up within the same millisecond. */
export function testContext(
  now: Instant,
  opts: { deviceId?: string; actor?: Actor; config?: AgencyConfig; time?: TimeRules } = {},
): CommandContext {
  const deviceId = opts.deviceId ?? 'DESKA';
  let ids = 0;
  let counter = 0;
  return {
    actor: opts.actor ?? ANA,
    deviceId,
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId }),
    newId: () => testId(deviceId, ++ids),
    ...TEST_POLICY,
    ...(opts.config ? { config: opts.config } : {}),
    ...(opts.time ? { time: opts.time } : {}),
  };
}

/** The DomainError `f` throws; fails when it throws nothing or something else. */
export function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** [code, message] of the DomainError `f` throws, for one exact assertion. */
export const refusal = (f: () => unknown): [string, string] => {
  const e = thrown(f);
  return [e.code, e.message];
};

export type Command<I, E extends InquiryEvent> = (state: InquiryRecord, input: I, ctx: CommandContext) => E[];

/**
 * One desk working one inquiry: each step runs a command on the current record at a given moment,
 * appends its events (stamps never run backwards, ids never repeat) and folds them in, as the storage
 * adapter does inside its transaction.
 */
export class Desk {
  readonly events: InquiryEvent[] = [];
  record: InquiryRecord;
  private hlc: Hlc;
  private ids = 0;
  private readonly config: AgencyConfig | undefined;
  private readonly time: TimeRules | undefined;

  constructor(
    fields: Partial<InquiryFields> = {},
    opts: { at?: Instant; actor?: Actor; config?: AgencyConfig; deviceId?: string; time?: TimeRules } = {},
  ) {
    const full = { ...FIELDS, ...fields };
    const at = opts.at ?? full.receivedAt;
    this.config = opts.config;
    this.time = opts.time;
    this.hlc = { wall: 0, counter: 0, deviceId: opts.deviceId ?? 'DESKA' };
    const events = logInquiry({ fields: full, caseNumber: CASE }, this.context(at, opts.actor ?? ANA));
    this.record = this.append(events);
  }

  /** A context at `at` for the next step: its stamps continue this desk's clock. */
  context(at: Instant, actor: Actor = ANA): CommandContext {
    const base = testContext(at, {
      deviceId: this.hlc.deviceId,
      actor,
      ...(this.config ? { config: this.config } : {}),
      ...(this.time ? { time: this.time } : {}),
    });
    return {
      ...base,
      stamp: () => {
        this.hlc = tickHlc(this.hlc, at);
        return encodeHlc(this.hlc);
      },
      newId: () => testId(this.hlc.deviceId, ++this.ids),
    };
  }

  /** Runs `command` on the current record at `at`; returns its events (already folded in). */
  run<I, E extends InquiryEvent>(command: Command<I, E>, input: I, at: Instant, actor: Actor = ANA): E[] {
    const events = command(this.record, input, this.context(at, actor));
    this.append(events);
    return events;
  }

  /**
   * Schedules a callback by `caller` at `at` to the member (515-555-0188) or the originator (515-555-0111),
   * recorded at `when` by `actor`; returns its events.
   */
  callback(party: 'member' | 'originator', at: Instant, caller: Actor, when: Instant, actor: Actor = ANA) {
    const number = party === 'member' ? '515-555-0188' : '515-555-0111';
    return this.run(scheduleCallback, { party, number, at, caller }, when, actor);
  }

  private append(events: readonly InquiryEvent[]): InquiryRecord {
    let state: InquiryRecord | undefined = this.events.length > 0 ? this.record : undefined;
    for (const e of events) {
      this.events.push(e);
      state = applyEvent(state, e);
    }
    if (!state) throw new Error('no record');
    this.record = state;
    return state;
  }
}

/** A builder of the record of `desk()` after one more step: `command` with `input` at `at`. */
export const recordAfter =
  <I, E extends InquiryEvent>(desk: () => Desk, command: Command<I, E>, input: I, at: Instant, actor: Actor = ANA) =>
  (): InquiryRecord => {
    const d = desk();
    d.run(command, input, at, actor);
    return d.record;
  };

/** The sample inquiry, classified at 15:30 as a complaint about the MCO (a missed ride). */
export function complaintDesk(): Desk {
  const desk = new Desk();
  desk.run(
    classifyAsComplaint,
    { responsibleEntity: 'mco', reason: 'Ride missed twice.', reasonCategory: 'Transportation' },
    ct(2026, 11, 25, 15, 30),
  );
  return desk;
}
