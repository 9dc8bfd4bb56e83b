import { ulid } from 'ulid';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG, SOURCES, type Source } from '../../shared/config/agencyConfig';
import { type CaseNumber, formatCaseNumber } from '../../shared/inquiry/caseNumber';
import { addNote } from '../../shared/inquiry/commands/addNote';
import { closeCallback } from '../../shared/inquiry/commands/closeCallback';
import type { CommandContext, TimeRules } from '../../shared/inquiry/commands/context';
import { editFields } from '../../shared/inquiry/commands/editFields';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { recordMcoFollowUp } from '../../shared/inquiry/commands/recordMcoFollowUp';
import { recordMcoReportBack } from '../../shared/inquiry/commands/recordMcoReportBack';
import { recordOutreach } from '../../shared/inquiry/commands/recordOutreach';
import { referToMco } from '../../shared/inquiry/commands/referToMco';
import { resolveInquiry } from '../../shared/inquiry/commands/resolveInquiry';
import { scheduleCallback } from '../../shared/inquiry/commands/scheduleCallback';
import type { InquiryEvent, Resolution } from '../../shared/inquiry/events';
import type { Enrollment, InquiryFields } from '../../shared/inquiry/fields';
import { applyEvent, type InquiryRecord } from '../../shared/inquiry/projection';
import type { Actor, PersonRef, Profile, Role } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { createCalendar } from '../../shared/time/calendar';
import { timeRulesOf } from '../../shared/time/timeRules';
import type { Instant, IsoDay } from '../../shared/time/types';
import { pad2, zonedToInstant } from '../../shared/time/zone';
import { createPrng, type Prng } from './prng';

/**
 * The benchmark's data set: a unit's history of inquiries, built deterministically (a seeded PRNG,
 * a fixed "now") by running the real commands of shared/inquiry/commands over a simulated process
 * and folding their events with the real projection. The same options give the same events, ids
 * and records on every machine.
 */
export interface DataSetOptions {
  inquiries: number;
  seed: number;
  /** The moment the data set stands at: nothing happens after it. */
  now: Instant;
  /** How far back the history goes. */
  years: number;
}

/** A member of the unit and the desk (device) they work at. */
export interface StaffMember {
  actor: Actor;
  deviceId: string;
  deskCode: string;
}

export interface GeneratedInquiry {
  events: InquiryEvent[];
  /** The projection of all its events, as the app stores it. */
  record: InquiryRecord;
  /** The inquiry as it stood while still open: just before its resolution, or now when it is still open. */
  openState: InquiryRecord;
}

export const BENCH_NOW = Date.parse('2026-11-23T14:30:00-06:00') as Instant;
export const DEFAULT_DATA_SET: DataSetOptions = { inquiries: 100_000, seed: 20261123, now: BENCH_NOW, years: 3 };

const ZONE = DEFAULT_AGENCY_CONFIG.timeZone;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STAFF: readonly [string, Role][] = [
  ['Dana Whitfield', 'liaison'],
  ['Marcus Bell', 'liaison'],
  ['Priya Raman', 'liaison'],
  ['Tomás Ortega', 'esr'],
  ['Grace Lindqvist', 'esr'],
  ['Andre Fontaine', 'esr'],
  ['Keisha Monroe', 'esr'],
  ['Wen Zhao', 'esr'],
  ['Linda Okafor', 'lead'],
  ['Robert Hale', 'lead'],
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The unit: liaisons, ESRs and leads, each at a desk with a stable device id. */
export function benchStaff(seed = DEFAULT_DATA_SET.seed): StaffMember[] {
  const prng = createPrng(seed ^ 0x5eed);
  return STAFF.map(([name, role]) => {
    let deviceId = '';
    for (let i = 0; i < 16; i++) deviceId += CROCKFORD[prng.int(0, 31)];
    const id = ulid(Date.parse('2023-06-01T14:00:00Z'), prng.next);
    return { actor: { id, name, role }, deviceId, deskCode: deviceId.slice(0, 5) };
  });
}

/** The profile the benchmark works as: the first liaison, on her own desk. */
export function benchProfile(staff: readonly StaffMember[]): Profile {
  const me = staff[0] as StaffMember;
  return { id: me.actor.id, displayName: me.actor.name, role: me.actor.role, createdAt: Date.parse('2023-06-01T14:00:00Z') };
}

// biome-ignore format: a list of names reads better packed
const FIRST_NAMES = [
  'Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard',
  'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew',
  'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Donald', 'Kimberly', 'Steven', 'Emily', 'Paul', 'Donna', 'Andrew', 'Michelle',
  'Joshua', 'Carol', 'Kenneth', 'Amanda', 'Kevin', 'Melissa', 'Brian', 'Deborah', 'George', 'Stephanie', 'Timothy', 'Rebecca',
  'Ronald', 'Laura', 'Jason', 'Sharon', 'Edward', 'Cynthia', 'Jeffrey', 'Kathleen', 'Ryan', 'Amy', 'Jacob', 'Shirley', 'Gary',
  'Angela', 'Nicholas', 'Helen', 'Eric', 'Anna', 'Jonathan', 'Brenda', 'Stephen', 'Pamela', 'Larry', 'Nicole', 'Justin', 'Emma',
  'Scott', 'Samantha', 'Brandon', 'Katherine', 'Benjamin', 'Christine', 'Samuel', 'Debra', 'Gregory', 'Rachel', 'Alexander',
  'Carolyn', 'Frank', 'Janet', 'Raymond', 'Catherine', 'Jack', 'Heather', 'Dennis', 'Diane', 'Jerry', 'Ruth', 'Tyler', 'Julie',
  'Aaron', 'Olivia', 'Jose', 'Joyce', 'Adam', 'Virginia', 'Nathan', 'Victoria', 'Henry', 'Kelly', 'Douglas', 'Lauren', 'Zachary',
];
// biome-ignore format: a list of names reads better packed
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris',
  'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly',
  'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray',
  'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher',
  'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin', 'Wallace',
  'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray',
  'Ford', 'Castro', 'Marshall', 'Owens', 'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells',
  'Vargas', 'Henry', 'Chen', 'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner',
  'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza',
  'Daniels', 'Ferguson', 'Nichols', 'Stephens', 'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley',
  'Spencer', 'Hawkins', 'Arnold', 'Pierce', 'Vazquez', 'Hansen',
];
// biome-ignore format: a list of names reads better packed
const ORIGINATORS = [
  'Office of Rep. Alvarez', 'Office of Sen. Whitaker', 'Office of Rep. Nguyen', 'Des Moines Call Center',
  'Cedar Rapids Call Center', 'Iowa Legal Aid', 'Area Agency on Aging', 'LTC Ombudsman office', 'Disability Rights Iowa',
  'Broadlawns Medical Center', 'MercyOne Des Moines', 'UnityPoint Health', 'County General Assistance', 'Polk County Health',
  'Member (self)', 'Member family',
];
const ISSUES: Record<string, readonly string[]> = {
  'Access to care': [
    'cannot find an in-network dentist',
    'was told the clinic is not taking new patients',
    'needs a specialist referral approved',
  ],
  Pharmacy: [
    'insulin refill was denied at the pharmacy',
    'prior authorization for seizure medication has been pending',
    'is out of medication after a formulary change',
  ],
  'Prior authorization': [
    'MRI authorization was denied without a reason',
    'surgery is delayed waiting on authorization',
    'paperwork for home health was lost',
  ],
  'Durable medical equipment': [
    'wheelchair repair has been pending for weeks',
    'oxygen concentrator delivery was missed',
    'hospital bed authorization lapsed',
  ],
  Transportation: ['ride to dialysis did not arrive', 'cannot schedule rides to chemotherapy', 'mileage reimbursement not paid'],
  'Long-term services and supports': ['HCBS waiver hours were cut', 'case manager has not returned calls', 'facility placement is on hold'],
  Billing: ['received a bill for a covered visit', 'provider says the claim was not paid', 'premium notice appears to be wrong'],
  'Enrollment and eligibility': [
    'was assigned to the wrong MCO',
    'asked to change MCO and heard nothing',
    'has a coverage gap after renewal',
  ],
  'Behavioral health': [
    'cannot get a psychiatry appointment',
    'crisis services did not respond',
    'substance use treatment bed is not authorized',
  ],
  Other: ['has a question nobody could answer', 'mail is going to an old address', 'needs help understanding a notice'],
};
const CONTEXTS = [
  'since last month',
  'after a hospital discharge',
  'for the second time this year',
  'and the family is worried',
  'and the provider has called twice',
  'according to the legislator’s office',
  'while waiting on an appeal',
  'despite calling the MCO three times',
];
const OUTCOMES = [
  'Medication filled today',
  'Appointment scheduled within two weeks',
  'Authorization decision in writing',
  'Equipment repaired or replaced',
  'Ride scheduled for every appointment',
  'Bill withdrawn',
  'Correct MCO assignment',
  'A call back from the case manager',
];
const NOTES = [
  'Left a message with the member’s daughter; will try again tomorrow.',
  'Spoke with the provider office; they confirmed the claim date.',
  'MCO says the request is in clinical review.',
  'Member confirmed the best time to call is mornings.',
  'Emailed the MCO escalation inbox with the case number only.',
  'Checked eligibility: active, no gaps.',
  'Originator asked for an update; gave the status without member details.',
  'Pharmacy confirmed the refill is ready for pick-up.',
  'Transportation broker re-booked the ride for Thursday.',
  'Unit lead reviewed and agreed with the plan.',
];
const AVAILABILITY = ['Mornings', 'Afternoons after 2', 'Weekdays before noon', 'Any time', 'Evenings only', ''];

const SOURCE_WEIGHTS: readonly (readonly [Source, number])[] = [
  ['Call Center CSR', 30],
  ['Enrollment Service Representative', 12],
  ['Member Services Account Manager', 10],
  ['Managed Care Ombudsman', 8],
  ['Other State Agency', 8],
  ['Legislative Liaison', 14],
  ['Policy Staff', 4],
  ['Leadership', 4],
  ['Other', 10],
];
if (SOURCE_WEIGHTS.length !== SOURCES.length) throw new Error('every source needs a weight');

const phone = (prng: Prng): string => `515-${prng.int(200, 999)}-${String(prng.int(0, 9999)).padStart(4, '0')}`;

/** Weekdays between two instants, as agency days (the inquiries arrive on them). */
function weekdays(from: Instant, to: Instant): { year: number; month: number; day: number }[] {
  const out: { year: number; month: number; day: number }[] = [];
  for (let t = from; t < to; t = (t + DAY) as Instant) {
    const d = new Date(t);
    const wd = d.getUTCDay();
    if (wd === 0 || wd === 6) continue;
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

/**
 * A context for one command, as Repo builds it: the actor's desk, `now`, consecutive HLC stamps
 * at `now` (the counter distinguishes events of one command) and ULIDs from the seeded PRNG.
 */
function contextOf(member: StaffMember, now: number, prng: Prng, config: AgencyConfig, time: TimeRules): CommandContext {
  let counter = 0;
  return {
    actor: member.actor,
    deviceId: member.deviceId,
    now: now as Instant,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId: member.deviceId }),
    newId: () => ulid(now, prng.next),
    config,
    time,
  };
}

/** Yields the data set's inquiries in the order they were received, each with its events and projection. */
export function* generateInquiries(options: DataSetOptions = DEFAULT_DATA_SET): Generator<GeneratedInquiry> {
  const prng = createPrng(options.seed);
  const staff = benchStaff(options.seed);
  const config = DEFAULT_AGENCY_CONFIG;
  const time = timeRulesOf(createCalendar());
  const liaisons = staff.filter((s) => s.actor.role === 'liaison');
  const esrs = staff.filter((s) => s.actor.role === 'esr');
  const leads = staff.filter((s) => s.actor.role === 'lead');
  const ref = (s: StaffMember): PersonRef => ({ id: s.actor.id, name: s.actor.name });
  const byId = new Map(staff.map((s) => [s.actor.id, s]));

  const start = (options.now - options.years * 365 * DAY) as Instant;
  // Days at UTC midnight; the hour of arrival is read in the agency's zone below.
  const days = weekdays(start, (options.now - DAY) as Instant);
  const caseSeq = new Map<string, number>();

  for (let i = 0; i < options.inquiries; i++) {
    const day = days[Math.min(days.length - 1, Math.floor(((i + 0.5) * days.length) / options.inquiries))] as (typeof days)[number];
    const minuteOfDay = prng.chance(0.9) ? prng.int(7 * 60 + 30, 17 * 60) : prng.int(0, 23 * 60 + 59);
    const receivedAt = zonedToInstant({ ...day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, ZONE);
    if (receivedAt >= options.now) continue;

    const logger = prng.chance(0.92) ? prng.pick(liaisons) : prng.pick(leads);
    const enrollment = prng.weighted<Enrollment>([
      ['enrolled', 85],
      ['not_enrolled', 9],
      ['unknown', 6],
    ]);
    const mco =
      enrollment === 'enrolled' ? prng.pick(config.mcos) : enrollment === 'unknown' && prng.chance(0.3) ? prng.pick(config.mcos) : null;
    const priority = prng.chance(0.35) ? 'high' : 'escalated';
    const category = prng.pick(config.categories);
    const issue = prng.pick(ISSUES[category.name] ?? ISSUES.Other ?? ['']);
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const assignee =
      priority === 'high'
        ? prng.chance(0.9)
          ? ref(logger.actor.role === 'liaison' ? logger : prng.pick(liaisons))
          : null
        : prng.chance(0.7)
          ? ref(prng.pick(esrs))
          : null;
    const dobYear = prng.int(1935, 2022);
    const fields: InquiryFields = {
      receivedAt,
      source: prng.weighted(SOURCE_WEIGHTS),
      originatorName: prng.pick(ORIGINATORS),
      originatorContact: prng.chance(0.7) ? phone(prng) : `caseworker${prng.int(1, 400)}@example.gov`,
      memberName: `${first} ${last}`,
      medicaidId: `${String(prng.int(0, 9_999_999)).padStart(7, '0')}${CROCKFORD[prng.int(10, 31)]}`,
      memberDob: `${dobYear}-${pad2(prng.int(1, 12))}-${pad2(prng.int(1, 28))}` as IsoDay,
      memberPhone: prng.chance(0.85) ? phone(prng) : '',
      callbackPhone: prng.chance(0.6) ? phone(prng) : '',
      callbackAvailability: prng.pick(AVAILABILITY),
      mcoEnrollment: enrollment,
      mcoId: mco?.id ?? '',
      priority,
      category: category.name,
      subcategory: category.subcategories.length > 0 ? prng.pick(category.subcategories) : '',
      description: `${first} ${issue} ${prng.pick(CONTEXTS)}. ${prng.chance(0.4) ? `Referred by ${prng.pick(ORIGINATORS)}.` : ''}`.trim(),
      expectedOutcome: prng.pick(OUTCOMES),
      rootCause: '',
      assignee,
    };

    let t = receivedAt + prng.int(2, 40) * MINUTE;
    const events: InquiryEvent[] = [];
    let state: InquiryRecord | undefined;
    let openState: InquiryRecord | undefined;
    const commit = (produced: readonly InquiryEvent[]) => {
      for (const e of produced) {
        events.push(e);
        state = applyEvent(state, e);
      }
    };
    const at = (member: StaffMember) => contextOf(member, t, prng, config, time);
    /** Moves the clock on; false once the step would happen after "now" (the inquiry stays as it is). */
    const wait = (mean: number, min = MINUTE): boolean => {
      t += Math.max(min, Math.round(prng.exponential(mean)));
      return t < options.now;
    };

    const loggedDay = new Date(t - 6 * HOUR).toISOString().slice(0, 10) as IsoDay;
    const seqKey = `${logger.deskCode}:${loggedDay}`;
    const seq = (caseSeq.get(seqKey) ?? 0) + 1;
    caseSeq.set(seqKey, seq);
    const caseNumber: CaseNumber = formatCaseNumber(loggedDay, logger.deskCode, seq);
    if (t >= options.now) t = options.now - MINUTE;
    commit(logInquiry({ fields, caseNumber }, at(logger)));
    const current = () => state as InquiryRecord;

    // Some inquiries are abandoned part-way: they stay open (and overdue) like a real backlog.
    const stalled = prng.chance(0.03);
    const owner = (): StaffMember => {
      const a = current().assignee;
      return (a && byId.get(a.id)) || logger;
    };
    const note = () => commit(addNote(current(), { text: prng.pick(NOTES) }, at(prng.chance(0.8) ? owner() : prng.pick(staff))));

    /** The process, step by step; returns where the next step would fall after "now". */
    const simulate = (): void => {
      if (prng.chance(0.7)) {
        if (!wait(2 * HOUR)) return;
        note();
      }
      if (current().assignee === null && !current().workflow.routedToUnitLeadAt) {
        if (!wait(3 * HOUR)) return;
        commit(editFields(current(), { assignee: ref(priority === 'high' ? prng.pick(liaisons) : prng.pick(esrs)) }, at(logger)));
      } else if (prng.chance(0.08)) {
        if (!wait(DAY)) return;
        const others = (priority === 'high' ? liaisons : esrs).filter((m) => m.actor.id !== current().assignee?.id);
        commit(editFields(current(), { assignee: ref(prng.pick(others)) }, at(prng.pick(leads))));
      }
      if (prng.chance(0.06)) {
        if (!wait(4 * HOUR)) return;
        commit(editFields(current(), { priority: current().priority === 'high' ? 'escalated' : 'high' }, at(owner())));
      }
      if (stalled) return;

      if (current().workflow.routedToUnitLeadAt) {
        // The MCO gate: the unit lead calls the member back.
        const lead = prng.pick(leads);
        if (!wait(3 * HOUR)) return;
        const number = current().callbackPhone || current().memberPhone || phone(prng);
        commit(
          scheduleCallback(
            current(),
            { party: 'member', number, at: (t + prng.int(1, 24) * HOUR) as Instant, caller: ref(lead) },
            at(lead),
          ),
        );
        const cb = current().workflow.callbacks.at(-1);
        t = (cb?.at ?? t) + prng.int(0, 20) * MINUTE;
        if (t >= options.now || !cb) return;
        const outcome = prng.weighted<'reached' | 'no_answer' | 'voicemail'>([
          ['reached', 70],
          ['no_answer', 15],
          ['voicemail', 15],
        ]);
        commit(
          closeCallback(
            current(),
            { callbackId: cb.id, outcome, note: outcome === 'reached' ? 'Explained fee-for-service options.' : '' },
            at(lead),
          ),
        );
        if (!wait(DAY)) return;
        note();
        if (!wait(2 * DAY)) return;
        openState = current();
        const resolution: Resolution =
          outcome === 'reached' ? 'unit_lead' : current().workflow.outreachAttempts >= 2 ? 'unable_to_reach' : 'unit_lead';
        commit(resolveInquiry(current(), { resolution, text: 'Unit lead handled the callback and closed the loop.' }, at(lead)));
        return;
      }

      // First contact: a few unanswered attempts, usually then a reached one.
      const contactMean = priority === 'high' ? 90 * MINUTE : 10 * HOUR;
      const attempts = prng.weighted([
        [0, 55],
        [1, 25],
        [2, 14],
        [3, 6],
      ]);
      for (let a = 0; a < attempts; a++) {
        if (!wait(contactMean)) return;
        commit(
          recordOutreach(
            current(),
            { party: 'member', method: 'call', reached: false, note: prng.chance(0.5) ? 'No answer; left a voicemail.' : '' },
            at(owner()),
          ),
        );
      }
      const reached = attempts < 2 || prng.chance(0.6);
      if (reached) {
        if (!wait(contactMean)) return;
        commit(
          recordOutreach(
            current(),
            { party: prng.chance(0.8) ? 'member' : 'originator', method: 'call', reached: true, note: 'Talked through the issue.' },
            at(owner()),
          ),
        );
      } else if (prng.chance(0.5)) {
        // A callback at the member's preferred time.
        if (!wait(2 * HOUR)) return;
        const number = current().callbackPhone || current().memberPhone || phone(prng);
        commit(
          scheduleCallback(
            current(),
            { party: 'member', number, at: (t + prng.int(2, 30) * HOUR) as Instant, caller: ref(owner()) },
            at(owner()),
          ),
        );
        const cb = current().workflow.callbacks.at(-1);
        t = (cb?.at ?? t) + prng.int(0, 10) * MINUTE;
        if (t >= options.now || !cb) return;
        commit(closeCallback(current(), { callbackId: cb.id, outcome: prng.chance(0.5) ? 'reached' : 'no_answer' }, at(owner())));
      }
      for (let n = prng.int(0, 4); n > 0; n--) {
        if (!wait(6 * HOUR)) return;
        note();
      }

      const enrolled = current().mcoEnrollment !== 'not_enrolled' && current().mcoId !== '';
      let resolution: Resolution = 'agency';
      if (enrolled && prng.chance(0.6)) {
        if (!wait(3 * HOUR)) return;
        const mcoConfig = config.mcos.find((m) => m.id === current().mcoId) ?? (config.mcos[0] as AgencyConfig['mcos'][number]);
        const department = prng.pick(mcoConfig.departments).name;
        commit(referToMco(current(), { mcoId: mcoConfig.id, department, contact: 'Escalations desk' }, at(owner())));
        for (
          let f = prng.weighted([
            [0, 60],
            [1, 28],
            [2, 12],
          ]);
          f > 0;
          f--
        ) {
          if (!wait(DAY)) return;
          commit(recordMcoFollowUp(current(), { note: 'Called the MCO escalations line; still in review.' }, at(owner())));
        }
        if (!wait(8 * HOUR)) return;
        commit(
          recordMcoReportBack(
            current(),
            { memberContacted: prng.chance(0.85), note: 'MCO reports the member was contacted and the plan agreed.' },
            at(owner()),
          ),
        );
        resolution = prng.chance(0.75) ? 'mco' : 'agency';
      }
      if (!reached && current().workflow.firstContactAt === null && current().workflow.outreachAttempts >= config.outreachMaxAttempts)
        resolution = 'unable_to_reach';
      if (prng.chance(0.03)) resolution = 'withdrawn';
      if (prng.chance(0.8)) {
        if (!wait(DAY)) return;
        note();
      }
      if (!wait(2 * DAY)) return;
      openState = current();
      commit(resolveInquiry(current(), { resolution, text: 'Confirmed with the member that the issue is resolved.' }, at(owner())));
    };
    simulate();

    yield { events, record: current(), openState: openState ?? current() };
  }
}

/** The highest HLC stamp issued by a desk, so a desk seeded with the data set carries on after it. */
export function lastStampOf(events: Iterable<InquiryEvent>, deviceId: string): string {
  let max = '';
  for (const e of events) if (e.deviceId === deviceId && e.hlc > max) max = e.hlc;
  return max;
}
