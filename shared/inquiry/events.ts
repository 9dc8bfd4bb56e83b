import { z } from 'zod';
import { SOURCES } from '../config/agencyConfig';
import { type Actor, actorSchema, personRefSchema, ROLES, type Role } from '../people';
import { decodeHlc, type HlcStamp } from '../sync/hlc';
import { type Instant, instantSchema } from '../time/types';
import { isoDaySchema } from '../time/zone';
import type { CaseNumber } from './caseNumber';
import { type ChainLink, chainLinkSchema } from './chainLink';
import { ENROLLMENT, FIELD_NAMES, type FieldName, type InquiryFields } from './fields';

/**
 * Events are facts, named in the past tense. The timeline is made of them; the inquiry row is their fold.
 * `InquiryEvent` is every event of the log: an inquiry's, or the roster's (RosterEvent, on ROSTER_STREAM).
 * Format 2 added `happenedAt` (when the step happened, when a person set it earlier than when it was recorded).
 * Every new event is written in the current format; events of every earlier format still decode (an older
 * event has no `happenedAt`: it happened when it was recorded). docs/events.md "Envelope".
 */
export const EVENT_FORMAT_VERSION = 2 as const;
/** The formats this app reads: every one up to its own. */
export const EVENT_FORMAT_VERSIONS = [1, 2] as const;
export type EventFormatVersion = (typeof EVENT_FORMAT_VERSIONS)[number];

const text = (max: number) => z.string().max(max);

export const inquiryFieldsSchema = z.object({
  receivedAt: instantSchema,
  source: z.enum(SOURCES),
  originatorName: text(120),
  originatorContact: text(160),
  memberName: text(120),
  medicaidId: text(40),
  memberDob: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  memberPhone: text(40),
  callbackPhone: text(40),
  callbackAvailability: text(200),
  mcoEnrollment: z.enum(ENROLLMENT),
  mcoId: text(40),
  priority: text(32),
  category: text(80),
  subcategory: text(80),
  description: text(4000),
  expectedOutcome: text(4000),
  rootCause: text(4000),
  assignee: personRefSchema.nullable(),
});

const fieldValueSchema = z.union([z.string().max(4000), z.number(), personRefSchema, z.null()]);

/** The stream the unit's roster is kept on: the `inquiryId` of every roster event, and of no inquiry's. */
export const ROSTER_STREAM = 'roster:unit';

const envelope = {
  id: z.string().min(10).max(40),
  inquiryId: z
    .string()
    .min(10)
    .max(40)
    .refine((id) => id !== ROSTER_STREAM, 'the roster stream is not an inquiry'),
  actor: actorSchema,
  deviceId: z.string().regex(/^[0-9A-Za-z]{1,64}$/),
  /** Must decode: an arbitrary string would sort above every real stamp and win every field forever. */
  hlc: z.string().refine((s) => decodeHlc(s) !== null, 'not an HLC stamp'),
  /** The desk's wall clock when the event was recorded (shown to people; ordering uses `hlc`). */
  at: instantSchema,
  /**
   * When the step happened, when a person said it happened before it was recorded (a call logged after hanging
   * up); absent: it happened when it was recorded (`at`). Never after `at`. Format 2 on; read it with `happenedAt(e)`.
   */
  happenedAt: instantSchema.optional(),
  v: z.literal(EVENT_FORMAT_VERSIONS),
  /**
   * Set on every event the legacy import wrote (shared/import/): `at` is then the time the old log
   * gave, not when the desk recorded it (except InquiryImported itself: when the import ran).
   * Absent on everything a person recorded.
   */
  imported: z.literal(true).optional(),
  /** This desk's hash-chain link (shared/inquiry/chain.ts); absent on events from before chains existed. */
  chain: chainLinkSchema.optional(),
};

export const inquiryLoggedSchema = z.object({
  ...envelope,
  type: z.literal('InquiryLogged'),
  payload: z.object({ caseNumber: z.string().min(1).max(40), fields: inquiryFieldsSchema }),
});
export const noteAddedSchema = z.object({
  ...envelope,
  type: z.literal('NoteAdded'),
  payload: z.object({ text: z.string().min(1).max(8000) }),
});
export const fieldEditedSchema = z.object({
  ...envelope,
  type: z.literal('FieldEdited'),
  payload: z
    .object({
      field: z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]),
      from: fieldValueSchema,
      to: fieldValueSchema,
    })
    // Each value must fit its field (a text `receivedAt` would otherwise reach the projection and break the log).
    .superRefine((p, ctx) => {
      const valueSchema = (inquiryFieldsSchema.shape as Record<string, z.ZodType | undefined>)[p.field];
      if (!valueSchema) return;
      for (const key of ['from', 'to'] as const)
        if (!valueSchema.safeParse(p[key]).success)
          ctx.addIssue({ code: 'custom', path: [key], message: `not a valid value for ${p.field}` });
    }),
});

// The process (SPEC.md "The process"). Instants are epoch ms; due times are computed by the
// command from the policy and calendar in force at that moment and recorded here, so a later change
// of policy or calendar never rewrites what was due when.

const instant = instantSchema;
const durationSchema = z.object({ amount: z.number().positive(), unit: z.enum(['businessHours', 'businessDays', 'clockHours']) });

export const targetsSetPayload = z.object({
  priority: text(32),
  /** When the first-contact clock started (the inquiry's received time). */
  from: instant,
  firstContactTarget: instant,
  firstContactDeadline: instant,
  /** The policy the times were computed from, for the record. */
  policy: z.object({ target: durationSchema, deadline: durationSchema }),
});
export const OUTREACH_METHODS = ['call', 'voicemail', 'letter', 'email'] as const;
export const PARTIES = ['member', 'originator'] as const;
export const outreachRecordedPayload = z.object({
  party: z.enum(PARTIES),
  method: z.enum(OUTREACH_METHODS),
  /** True when the person was actually reached: that is the first contact the timer waits for. */
  reached: z.boolean(),
  note: text(4000),
});
export const mcoReferredPayload = z.object({
  mcoId: text(40).min(1),
  department: text(120),
  contact: text(160),
  note: text(4000),
  /** The MCO is expected to contact the member by this time (end of day). */
  mcoContactDue: instant,
  /** If the MCO has not reported back by this time, follow up with it. */
  followUpDue: instant,
});
export const mcoReportedBackPayload = z.object({ memberContacted: z.boolean(), note: text(4000) });
export const mcoFollowedUpPayload = z.object({ note: text(4000), nextFollowUpDue: instant });
export const callbackScheduledPayload = z.object({
  callbackId: z.string().min(10).max(40),
  party: z.enum(PARTIES),
  number: text(40),
  at: instant,
  caller: personRefSchema,
  note: text(4000),
});
export const callbackClosedPayload = z.object({
  callbackId: z.string().min(10).max(40),
  outcome: z.enum(['reached', 'no_answer', 'voicemail', 'cancelled']),
  note: text(4000),
});
/**
 * A timer paused while the agency waits on someone else (SPEC issue 8): paused time does not count.
 * Which timers may pause is policy (config.pausableTimers); the MCO's end-of-day timer may not.
 */
export const PAUSABLE_TIMERS = ['first_contact', 'mco_follow_up'] as const;
/** What ends a pause: a person resuming it, or the event it waits for (recorded by its own command). */
export const PAUSE_WAITS = ['person', 'member_contact', 'mco_report'] as const;
export const timerPausedPayload = z.object({
  timer: z.enum(PAUSABLE_TIMERS),
  reason: text(400).min(1),
  waitingFor: z.enum(PAUSE_WAITS),
});
/** The timer runs again; its new due times (computed with every pause of that timer left out) are recorded. */
export const timerResumedPayload = z.object({
  timer: z.enum(PAUSABLE_TIMERS),
  /** The new target (first contact only) and deadline. */
  target: instant.nullable(),
  deadline: instant,
  /** True when the event the pause waited for resumed it, not a person. */
  automatic: z.boolean(),
});

/** The MCO gate: a member not enrolled with an MCO goes to the unit lead callback queue (SPEC.md "The process" 2). */
export const routedToUnitLeadPayload = z.object({ reason: text(400) });
export const RESOLUTIONS = ['agency', 'mco', 'unit_lead', 'unable_to_reach', 'withdrawn'] as const;
export const inquiryResolvedPayload = z.object({ resolution: z.enum(RESOLUTIONS), text: text(4000).min(1) });
export const inquiryReopenedPayload = z.object({ reason: text(4000).min(1) });
/**
 * The audit record of a legacy import: which file, sheet and row the inquiry (or a later addition
 * to it) came from, and the row exactly as the old log had it. Recorded once per imported row.
 */
export const inquiryImportedPayload = z.object({
  /** One id per import run: every row of the same run carries it. */
  importId: z.string().min(10).max(40),
  fileName: text(260),
  sheet: text(120),
  row: z.number().int().positive(),
  /** 'new': the row became this inquiry; 'update': a later copy of the log added to it. */
  kind: z.enum(['new', 'update']),
  /** The row's header texts and cell texts, by column, and what each column was imported as ('' = not imported). */
  headers: z.array(text(200)).max(500),
  cells: z.array(text(33_000)).max(500),
  mapping: z.array(text(40)).max(500),
  /** SHA-256 (hex) of the row's content: a later import of an identical row is recognised without reading the timeline. */
  revision: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * The grievance record (42 CFR 438.416, SPEC issue 8): an inquiry may be classified as a complaint
 * (a grievance) with who is responsible and the general description of its reason; each review is
 * dated, and the finding recorded. The resolution and its date are the inquiry's own (InquiryResolved);
 * the date received is the inquiry's received time.
 */
export const RESPONSIBLE_ENTITIES = ['mco', 'agency', 'provider', 'other'] as const;
export const GRIEVANCE_OUTCOMES = ['substantiated', 'unsubstantiated', 'unable_to_substantiate'] as const;
export const classifiedAsComplaintPayload = z.object({
  responsibleEntity: z.enum(RESPONSIBLE_ENTITIES),
  /** The general description of the reason for the grievance. */
  reason: text(4000).min(1),
  /** One of config.grievanceReasons when recorded (the annual report counts by it). */
  reasonCategory: text(80).min(1),
});
/** Not a complaint after all (a reclassification): why. */
export const classifiedAsInquiryPayload = z.object({ note: text(4000).min(1) });
export const grievanceReviewedPayload = z.object({
  /** The day the review (or review meeting) took place, in the agency's zone. */
  reviewedOn: isoDaySchema,
  note: text(4000).min(1),
});
export const grievanceOutcomeRecordedPayload = z.object({ outcome: z.enum(GRIEVANCE_OUTCOMES), note: text(4000) });

/**
 * A person quiets an inquiry's warning notifications for a while (SPEC issue 8): no warning or "due" notification
 * until `until` (overdue still notifies; the queues are unchanged). A later snooze replaces an earlier one.
 */
export const warningsSnoozedPayload = z.object({ until: instant, reason: text(400) });
/** A person ends the snooze early: warnings notify again from now. */
export const snoozeEndedPayload = z.object({ note: text(400) });
/** A unit lead's review of an open inquiry from the old log: kept open (with fresh targets) or closed. */
export const IMPORT_REVIEW_DECISIONS = ['kept_open', 'closed'] as const;
export const importReviewedPayload = z.object({ decision: z.enum(IMPORT_REVIEW_DECISIONS), note: text(400) });

/**
 * A ready message (shared/inquiry/message.ts: no member identifiers) went on its way from the inquiry: the hand-off to
 * the ESR it is assigned to, or the unit lead callback's message for the Member Escalations inbox; opened as an e-mail
 * in the desk's mail program (to `address`, '' when none: the mail program asked) or copied to be sent by hand.
 * A record for the timeline: it changes nothing in the row.
 */
export const READY_MESSAGES = ['hand_off', 'unit_lead_callback'] as const;
export const SEND_WAYS = ['email', 'copied'] as const;
export const messageSentPayload = z.object({
  message: z.enum(READY_MESSAGES),
  /** Whom it is for: the ESR of a hand-off; null for the inbox. */
  recipient: personRefSchema.nullable(),
  address: z.string().max(254),
  way: z.enum(SEND_WAYS),
});

const eventOf = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ ...envelope, type: z.literal(type), payload });

/*
 * The unit's roster (SPEC.md "The unit's roster", docs/roster.md): people are added and their fields edited by
 * events on one stream of their own (ROSTER_STREAM), so they are chained, published, backed up and restored
 * like every other event. Each field converges last-writer-wins by HLC (shared/roster/roster.ts).
 */
export const PERSON_FIELDS = ['name', 'role', 'email', 'active'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export const personFieldsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** null: not known (a person named in the old log). */
  role: z.enum(ROLES).nullable(),
  /** '' when none. */
  email: z.string().max(254),
  active: z.boolean(),
});
export interface PersonFields {
  name: string;
  role: Role | null;
  email: string;
  active: boolean;
}
const personIdSchema = z.string().min(1).max(64);
export const personAddedPayload = z.object({
  personId: personIdSchema,
  fields: personFieldsSchema,
  /** Added because the old log named them (an import), not by a person. */
  legacy: z.literal(true).optional(),
});
const personValueSchema = z.union([z.string().max(254), z.boolean(), z.null()]);
export const personEditedPayload = z
  .object({ personId: personIdSchema, field: z.enum(PERSON_FIELDS), from: personValueSchema, to: personValueSchema })
  .superRefine((p, ctx) => {
    const valueSchema = personFieldsSchema.shape[p.field];
    for (const key of ['from', 'to'] as const)
      if (!valueSchema.safeParse(p[key]).success)
        ctx.addIssue({ code: 'custom', path: [key], message: `not a valid value for ${p.field}` });
  });
const rosterEventOf = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ ...envelope, inquiryId: z.literal(ROSTER_STREAM), type: z.literal(type), payload });
export const personAddedSchema = rosterEventOf('PersonAdded', personAddedPayload);
export const personEditedSchema = rosterEventOf('PersonEdited', personEditedPayload);

export const targetsSetSchema = eventOf('TargetsSet', targetsSetPayload);
export const outreachRecordedSchema = eventOf('OutreachRecorded', outreachRecordedPayload);
export const mcoReferredSchema = eventOf('McoReferred', mcoReferredPayload);
export const mcoReportedBackSchema = eventOf('McoReportedBack', mcoReportedBackPayload);
export const mcoFollowedUpSchema = eventOf('McoFollowedUp', mcoFollowedUpPayload);
export const callbackScheduledSchema = eventOf('CallbackScheduled', callbackScheduledPayload);
export const callbackClosedSchema = eventOf('CallbackClosed', callbackClosedPayload);
export const timerPausedSchema = eventOf('TimerPaused', timerPausedPayload);
export const timerResumedSchema = eventOf('TimerResumed', timerResumedPayload);
export const routedToUnitLeadSchema = eventOf('RoutedToUnitLead', routedToUnitLeadPayload);
export const inquiryResolvedSchema = eventOf('InquiryResolved', inquiryResolvedPayload);
export const inquiryReopenedSchema = eventOf('InquiryReopened', inquiryReopenedPayload);
export const inquiryImportedSchema = eventOf('InquiryImported', inquiryImportedPayload);
export const classifiedAsComplaintSchema = eventOf('ClassifiedAsComplaint', classifiedAsComplaintPayload);
export const classifiedAsInquirySchema = eventOf('ClassifiedAsInquiry', classifiedAsInquiryPayload);
export const grievanceReviewedSchema = eventOf('GrievanceReviewed', grievanceReviewedPayload);
export const grievanceOutcomeRecordedSchema = eventOf('GrievanceOutcomeRecorded', grievanceOutcomeRecordedPayload);
export const warningsSnoozedSchema = eventOf('WarningsSnoozed', warningsSnoozedPayload);
export const snoozeEndedSchema = eventOf('SnoozeEnded', snoozeEndedPayload);
export const importReviewedSchema = eventOf('ImportReviewed', importReviewedPayload);
export const messageSentSchema = eventOf('MessageSent', messageSentPayload);

export const inquiryEventSchema = z.discriminatedUnion('type', [
  inquiryLoggedSchema,
  noteAddedSchema,
  fieldEditedSchema,
  targetsSetSchema,
  outreachRecordedSchema,
  mcoReferredSchema,
  mcoReportedBackSchema,
  mcoFollowedUpSchema,
  callbackScheduledSchema,
  callbackClosedSchema,
  routedToUnitLeadSchema,
  timerPausedSchema,
  timerResumedSchema,
  inquiryResolvedSchema,
  inquiryReopenedSchema,
  inquiryImportedSchema,
  classifiedAsComplaintSchema,
  classifiedAsInquirySchema,
  grievanceReviewedSchema,
  grievanceOutcomeRecordedSchema,
  warningsSnoozedSchema,
  snoozeEndedSchema,
  importReviewedSchema,
  messageSentSchema,
  personAddedSchema,
  personEditedSchema,
]);

interface Envelope {
  id: string;
  inquiryId: string;
  actor: Actor;
  deviceId: string;
  hlc: HlcStamp;
  at: Instant;
  /** When it happened, when earlier than `at` (format 2 on); absent: when it was recorded. Read it with `happenedAt(e)`. */
  happenedAt?: Instant;
  v: EventFormatVersion;
  /** Written by the legacy import; `at` is then the old log's time (InquiryImported: when the import ran). */
  imported?: true;
  /** The writing desk's hash-chain link (shared/inquiry/chain.ts); absent on events from before chains existed. */
  chain?: ChainLink;
}

export interface InquiryLogged extends Envelope {
  type: 'InquiryLogged';
  payload: { caseNumber: CaseNumber; fields: InquiryFields };
}
export interface NoteAdded extends Envelope {
  type: 'NoteAdded';
  payload: { text: string };
}
export type FieldEdit = {
  [F in FieldName]: { field: F; from: InquiryFields[F]; to: InquiryFields[F] };
}[FieldName];
export interface FieldEdited extends Envelope {
  type: 'FieldEdited';
  payload: FieldEdit;
}

type WorkflowEvent<T extends string, P extends z.ZodType> = Envelope & { type: T; payload: z.infer<P> };
export type TargetsSet = WorkflowEvent<'TargetsSet', typeof targetsSetPayload>;
export type OutreachRecorded = WorkflowEvent<'OutreachRecorded', typeof outreachRecordedPayload>;
export type McoReferred = WorkflowEvent<'McoReferred', typeof mcoReferredPayload>;
export type McoReportedBack = WorkflowEvent<'McoReportedBack', typeof mcoReportedBackPayload>;
export type McoFollowedUp = WorkflowEvent<'McoFollowedUp', typeof mcoFollowedUpPayload>;
export type CallbackScheduled = WorkflowEvent<'CallbackScheduled', typeof callbackScheduledPayload>;
export type CallbackClosed = WorkflowEvent<'CallbackClosed', typeof callbackClosedPayload>;
export type TimerPaused = WorkflowEvent<'TimerPaused', typeof timerPausedPayload>;
export type TimerResumed = WorkflowEvent<'TimerResumed', typeof timerResumedPayload>;
export type PausableTimer = (typeof PAUSABLE_TIMERS)[number];
export type RoutedToUnitLead = WorkflowEvent<'RoutedToUnitLead', typeof routedToUnitLeadPayload>;
export type InquiryResolved = WorkflowEvent<'InquiryResolved', typeof inquiryResolvedPayload>;
export type InquiryReopened = WorkflowEvent<'InquiryReopened', typeof inquiryReopenedPayload>;
export type InquiryImported = WorkflowEvent<'InquiryImported', typeof inquiryImportedPayload>;
export type Resolution = (typeof RESOLUTIONS)[number];
export type ClassifiedAsComplaint = WorkflowEvent<'ClassifiedAsComplaint', typeof classifiedAsComplaintPayload>;
export type ClassifiedAsInquiry = WorkflowEvent<'ClassifiedAsInquiry', typeof classifiedAsInquiryPayload>;
export type GrievanceReviewed = WorkflowEvent<'GrievanceReviewed', typeof grievanceReviewedPayload>;
export type GrievanceOutcomeRecorded = WorkflowEvent<'GrievanceOutcomeRecorded', typeof grievanceOutcomeRecordedPayload>;
export type WarningsSnoozed = WorkflowEvent<'WarningsSnoozed', typeof warningsSnoozedPayload>;
export type SnoozeEnded = WorkflowEvent<'SnoozeEnded', typeof snoozeEndedPayload>;
export type ImportReviewed = WorkflowEvent<'ImportReviewed', typeof importReviewedPayload>;
export type MessageSent = WorkflowEvent<'MessageSent', typeof messageSentPayload>;
export type ReadyMessageKind = (typeof READY_MESSAGES)[number];
export type SendWay = (typeof SEND_WAYS)[number];
export type ResponsibleEntity = (typeof RESPONSIBLE_ENTITIES)[number];
export interface PersonAdded extends Envelope {
  type: 'PersonAdded';
  payload: { personId: string; fields: PersonFields; legacy?: true };
}
export type PersonEdit = { [F in PersonField]: { personId: string; field: F; from: PersonFields[F]; to: PersonFields[F] } }[PersonField];
export interface PersonEdited extends Envelope {
  type: 'PersonEdited';
  payload: PersonEdit;
}
/** The roster's events: on ROSTER_STREAM, never folded into an inquiry. */
export type RosterEvent = PersonAdded | PersonEdited;
export const isRosterEvent = (e: InquiryEvent): e is RosterEvent => e.inquiryId === ROSTER_STREAM;
export type GrievanceOutcome = (typeof GRIEVANCE_OUTCOMES)[number];

export type InquiryEvent =
  | InquiryLogged
  | NoteAdded
  | FieldEdited
  | TargetsSet
  | OutreachRecorded
  | McoReferred
  | McoReportedBack
  | McoFollowedUp
  | CallbackScheduled
  | CallbackClosed
  | RoutedToUnitLead
  | TimerPaused
  | TimerResumed
  | InquiryResolved
  | InquiryReopened
  | InquiryImported
  | ClassifiedAsComplaint
  | ClassifiedAsInquiry
  | GrievanceReviewed
  | GrievanceOutcomeRecorded
  | WarningsSnoozed
  | SnoozeEnded
  | ImportReviewed
  | MessageSent
  | RosterEvent;
export type EventType = InquiryEvent['type'];

/** Parses an event from an untrusted source (IPC, sync share, import). */
export function parseEvent(input: unknown): { ok: true; event: InquiryEvent } | { ok: false; message: string } {
  const r = inquiryEventSchema.safeParse(input);
  if (!r.success) return { ok: false, message: r.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ') };
  const e = r.data;
  // A happened time is format 2's, and never after the recording: anything else did not come from this app.
  if (e.happenedAt !== undefined) {
    if (e.v < 2) return { ok: false, message: 'happenedAt: not in event format 1' };
    if (e.happenedAt > e.at) return { ok: false, message: 'happenedAt: after the event was recorded' };
  }
  return { ok: true, event: e as unknown as InquiryEvent };
}
