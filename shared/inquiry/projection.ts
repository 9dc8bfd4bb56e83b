import type { PolicyDuration } from '../config/agencyConfig';
import type { PersonRef } from '../people';
import { type HlcStamp, laterStamp } from '../sync/hlc';
import { type Instant, type IsoDay, later } from '../time/types';
import type { CaseNumber } from './caseNumber';
import type {
  GrievanceOutcome,
  InquiryEvent,
  PARTIES,
  PAUSE_WAITS,
  PausableTimer,
  Resolution,
  ResponsibleEntity,
  RosterEvent,
} from './events';
import type { FieldName, InquiryFields } from './fields';
import { firstHappened, happenedAt } from './happened';

export const STATUSES = ['open', 'resolved'] as const;
export type InquiryStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<InquiryStatus, string> = { open: 'Open', resolved: 'Resolved' };

export interface Referral {
  at: Instant;
  mcoId: string;
  department: string;
  contact: string;
  mcoContactDue: Instant;
  followUpDue: Instant;
  reportedBackAt: Instant | null;
  memberContactedByMco: boolean | null;
  followUps: number;
  lastFollowUpAt: Instant | null;
}

export type CallbackStatus = 'scheduled' | 'reached' | 'no_answer' | 'voicemail' | 'cancelled';
export interface Callback {
  id: string;
  party: (typeof PARTIES)[number];
  number: string;
  at: Instant;
  caller: PersonRef;
  note: string;
  status: CallbackStatus;
  scheduledAt: Instant;
}

/** A pause of one timer; `end` null while it holds. */
export interface TimerPause {
  timer: PausableTimer;
  start: Instant;
  end: Instant | null;
  reason: string;
  waitingFor: (typeof PAUSE_WAITS)[number];
  by: PersonRef;
}

/** A review of a complaint: the day it took place (agency zone) and what it found. */
export interface GrievanceReview {
  on: IsoDay;
  note: string;
  at: Instant;
  by: PersonRef;
}

/**
 * The inquiry classified as a complaint (a grievance, 42 CFR 438.416). Reviews and the finding stay
 * when the classification's details are changed; a reclassification as an inquiry clears it.
 */
export interface GrievanceState {
  classifiedAt: Instant;
  classifiedBy: PersonRef;
  responsibleEntity: ResponsibleEntity;
  /** The general description of the reason. */
  reason: string;
  reasonCategory: string;
  /** Oldest first, by when they were recorded. */
  reviews: GrievanceReview[];
  outcome: { outcome: GrievanceOutcome; note: string; at: Instant; by: PersonRef } | null;
}

/** Warning notifications quieted from `from` until `until` (an early end moves `until` to when it ended). */
export interface WarningSnooze {
  from: Instant;
  until: Instant;
  reason: string;
  by: PersonRef;
  /** Set when a person ended it before `until` was reached: who, and `until` is then when. */
  endedBy: PersonRef | null;
}

/** Where the inquiry stands in the process (SPEC.md "The process"); derived, never stored as a field. */
export interface WorkflowState {
  targets: {
    priority: string;
    from: Instant;
    firstContactTarget: Instant;
    firstContactDeadline: Instant;
    /** The policy the times came from (so a pause can recompute them exactly). */
    policy: { target: PolicyDuration; deadline: PolicyDuration };
  } | null;
  firstContactAt: Instant | null;
  /** Outreach attempts to the member that did not reach them (the outreach limit counts these). */
  outreachAttempts: number;
  referral: Referral | null;
  callbacks: Callback[];
  /** Every pause of every timer, oldest first; the open ones hold their timer. */
  pauses: TimerPause[];
  /** When the MCO gate sent it to the unit lead callback queue. */
  routedToUnitLeadAt: Instant | null;
  resolution: { type: Resolution; text: string; at: Instant; by: PersonRef } | null;
  /** Set while the inquiry is classified as a complaint (grievance); null for an inquiry. */
  grievance: GrievanceState | null;
  /** The latest snooze of its warnings (it may have ended); rows stored before snoozes existed have no field. */
  snooze?: WarningSnooze | null;
}

export const EMPTY_WORKFLOW: WorkflowState = {
  targets: null,
  firstContactAt: null,
  outreachAttempts: 0,
  referral: null,
  callbacks: [],
  pauses: [],
  routedToUnitLeadAt: null,
  resolution: null,
  grievance: null,
};

/** The latest warning snooze, ended or not (null when never snoozed; rows stored before snoozes existed: null too). */
export const snoozeOf = (r: InquiryRecord): WarningSnooze | null => r.workflow.snooze ?? null;

/** The complaint record of an inquiry, or null (rows stored before complaints existed have no field: null too). */
export const grievanceOf = (r: InquiryRecord): GrievanceState | null => r.workflow.grievance ?? null;

/** The inquiry row: a pure fold of its events, stored only so lists are fast. */
export interface InquiryRecord extends InquiryFields {
  id: string;
  caseNumber: CaseNumber;
  status: InquiryStatus;
  loggedAt: Instant;
  loggedBy: PersonRef;
  /** When the newest event was recorded. */
  updatedAt: Instant;
  /** The highest HLC folded in; an event below it needs a re-fold (see foldPlan.ts). */
  lastHlc: HlcStamp;
  /**
   * Per field, the stamp of the event that set its current value (last writer wins per field), for the fields an
   * edit has set; a field not here still holds what the inquiry was logged with (`loggedHlc`: see fieldStamp).
   */
  fieldHlc: Partial<Record<FieldName, HlcStamp>>;
  /**
   * The stamp of the event that logged the inquiry. Rows folded before it was kept list every field in `fieldHlc`
   * instead; listing them all made a third of every row's bytes (a row is written again at every change and read at
   * every start).
   */
  loggedHlc?: HlcStamp;
  /**
   * The id of whoever made the current assignment (the event that set `assignee`: the intake's, or the edit that won):
   * "new to you" only when someone else assigned it. Rows stored before schema version 4 were folded again then.
   */
  assignedBy?: string;
  noteCount: number;
  eventCount: number;
  workflow: WorkflowState;
  /** Set when the inquiry came from the old log (its first InquiryImported event); absent otherwise. */
  imported?: ImportedFrom;
}

/** Where an imported inquiry came from: the old log's file, sheet and row, and when it was imported. */
export interface ImportedFrom {
  fileName: string;
  sheet: string;
  row: number;
  at: Instant;
  /** The content digest of the row as last imported (a later copy may have added to it). */
  revision: string;
  /** Who logged the row in the old log (its "Logged by" column; '' when it has none), and who imported it. */
  loggedBy?: string;
  importedBy?: PersonRef;
  /** A unit lead's review (ImportReviewed): until then an open imported inquiry is not a live deadline. */
  reviewed?: { at: Instant; by: PersonRef; decision: 'kept_open' | 'closed' };
}

/**
 * An open inquiry from the old log no unit lead has reviewed yet: it waits in "Imported — to review", out of
 * Due today, Overdue and the scorecard's current figures (its old targets are history, not live deadlines).
 */
export const awaitingImportReview = (r: Pick<InquiryRecord, 'imported' | 'status'>): boolean =>
  r.imported !== undefined && r.imported.reviewed === undefined && r.status === 'open';

/** The stamp of the event that set the field's current value: the edit that won, else the logged event. */
export const fieldStamp = (r: Pick<InquiryRecord, 'fieldHlc' | 'loggedHlc'>, field: FieldName): HlcStamp | undefined =>
  r.fieldHlc[field] ?? r.loggedHlc;

/**
 * Folds one event into the record. Events must arrive in HLC order for this fast path;
 * an event older than `lastHlc` goes through `projectInquiry` over all the inquiry's events.
 */
export function applyEvent(state: InquiryRecord | undefined, e: InquiryEvent): InquiryRecord | undefined {
  if (e.type === 'InquiryLogged') {
    if (state) return state; // a duplicate: the first logged event wins
    // The record's own properties first and the fields after (their names never overlap: FieldName):
    // spreading the fields first left a record every later event's copy ({...state}) copied the slow
    // way, property by property; in this order a projection from scratch takes under half the time.
    return {
      id: e.inquiryId,
      caseNumber: e.payload.caseNumber,
      status: 'open',
      loggedAt: e.at,
      loggedBy: { id: e.actor.id, name: e.actor.name },
      updatedAt: e.at,
      lastHlc: e.hlc,
      fieldHlc: {},
      loggedHlc: e.hlc,
      assignedBy: e.actor.id,
      noteCount: 0,
      eventCount: 1,
      workflow: EMPTY_WORKFLOW,
      ...e.payload.fields,
    };
  }
  if (!state) return undefined; // nothing to fold into until the inquiry's logged event is known
  const next: InquiryRecord = {
    ...state,
    updatedAt: later(state.updatedAt, e.at),
    lastHlc: laterStamp(state.lastHlc, e.hlc),
    eventCount: state.eventCount + 1,
  };
  switch (e.type) {
    case 'NoteAdded':
      next.noteCount += 1;
      return next;
    case 'MessageSent':
      return next; // a record for the timeline
    case 'InquiryImported': {
      // The first import names the row the inquiry came from; a later copy only updates the revision seen.
      const p = e.payload;
      next.imported = state.imported
        ? { ...state.imported, revision: p.revision }
        : {
            fileName: p.fileName,
            sheet: p.sheet,
            row: p.row,
            at: e.at,
            revision: p.revision,
            loggedBy: p.cells[p.mapping.indexOf('loggedBy')] ?? '',
            importedBy: { id: e.actor.id, name: e.actor.name },
          };
      return next;
    }
    case 'ImportReviewed':
      if (state.imported && !state.imported.reviewed)
        next.imported = {
          ...state.imported,
          reviewed: { at: e.at, by: { id: e.actor.id, name: e.actor.name }, decision: e.payload.decision },
        };
      return next;
    case 'FieldEdited': {
      const { field, to } = e.payload;
      const current = fieldStamp(state, field);
      if (current && current > e.hlc) return next; // a later edit of this field already won
      Object.assign(next, { [field]: to });
      next.fieldHlc = { ...state.fieldHlc, [field]: e.hlc };
      if (field === 'assignee') next.assignedBy = e.actor.id;
      return next;
    }
    case 'PersonAdded':
    case 'PersonEdited':
      return state; // the roster's (never on an inquiry's stream)
    default:
      next.workflow = applyWorkflow(state.workflow, e);
      next.status = next.workflow.resolution ? 'resolved' : 'open';
      return next;
  }
}

type WorkflowEvent = Exclude<
  InquiryEvent,
  { type: 'InquiryLogged' | 'NoteAdded' | 'FieldEdited' | 'InquiryImported' | 'ImportReviewed' | 'MessageSent' | RosterEvent['type'] }
>;

/**
 * The process steps, folded in HLC order (later facts win: a newer referral replaces an older one). Every time a
 * step gives the workflow is when it happened (`happenedAt(e)`: a step recorded after the fact keeps its real time),
 * never when it was recorded; the order of the fold stays the HLC's.
 */
function applyWorkflow(w: WorkflowState, e: WorkflowEvent): WorkflowState {
  const at = happenedAt(e);
  const by = { id: e.actor.id, name: e.actor.name };
  switch (e.type) {
    case 'TargetsSet': {
      const p = e.payload;
      return {
        ...w,
        targets: {
          priority: p.priority,
          from: p.from,
          firstContactTarget: p.firstContactTarget,
          firstContactDeadline: p.firstContactDeadline,
          policy: p.policy,
        },
      };
    }
    case 'OutreachRecorded':
      if (e.payload.reached) return { ...w, firstContactAt: firstHappened(w.firstContactAt, e) };
      // The outreach limit is about a member who cannot be reached (SPEC.md "Outreach limit").
      return e.payload.party === 'member' ? { ...w, outreachAttempts: w.outreachAttempts + 1 } : w;
    case 'McoReferred': {
      const p = e.payload;
      return {
        ...w,
        referral: {
          at,
          mcoId: p.mcoId,
          department: p.department,
          contact: p.contact,
          mcoContactDue: p.mcoContactDue,
          followUpDue: p.followUpDue,
          reportedBackAt: null,
          memberContactedByMco: null,
          followUps: 0,
          lastFollowUpAt: null,
        },
      };
    }
    case 'McoReportedBack':
      if (!w.referral) return w;
      return { ...w, referral: { ...w.referral, reportedBackAt: at, memberContactedByMco: e.payload.memberContacted } };
    case 'McoFollowedUp':
      if (!w.referral) return w;
      return {
        ...w,
        referral: {
          ...w.referral,
          followUps: w.referral.followUps + 1,
          lastFollowUpAt: at,
          followUpDue: e.payload.nextFollowUpDue,
        },
      };
    case 'CallbackScheduled': {
      const p = e.payload;
      const callback: Callback = {
        id: p.callbackId,
        party: p.party,
        number: p.number,
        at: p.at,
        caller: p.caller,
        note: p.note,
        status: 'scheduled',
        scheduledAt: at,
      };
      return { ...w, callbacks: [...w.callbacks.filter((c) => c.id !== p.callbackId), callback] };
    }
    case 'CallbackClosed': {
      const { callbackId, outcome } = e.payload;
      const closed = w.callbacks.find((c) => c.id === callbackId);
      const callbacks = w.callbacks.map((c) => (c.id === callbackId ? { ...c, status: outcome } : c));
      // A callback is outreach: reaching the person is the first contact; no answer from the member is an attempt.
      if (outcome === 'reached') return { ...w, callbacks, firstContactAt: firstHappened(w.firstContactAt, e) };
      if ((outcome === 'no_answer' || outcome === 'voicemail') && closed?.party === 'member')
        return { ...w, callbacks, outreachAttempts: w.outreachAttempts + 1 };
      return { ...w, callbacks };
    }
    case 'TimerPaused': {
      if (w.pauses.some((p) => p.timer === e.payload.timer && p.end === null)) return w; // already paused (another desk too)
      const { timer, reason, waitingFor } = e.payload;
      return { ...w, pauses: [...w.pauses, { timer, start: at, end: null, reason, waitingFor, by }] };
    }
    case 'TimerResumed': {
      const p = e.payload;
      const pauses = w.pauses.map((x) => (x.timer === p.timer && x.end === null ? { ...x, end: at } : x));
      if (p.timer === 'first_contact' && w.targets)
        return {
          ...w,
          pauses,
          targets: {
            ...w.targets,
            firstContactTarget: p.target ?? w.targets.firstContactTarget,
            firstContactDeadline: p.deadline,
          },
        };
      if (p.timer === 'mco_follow_up' && w.referral) return { ...w, pauses, referral: { ...w.referral, followUpDue: p.deadline } };
      return { ...w, pauses };
    }
    case 'RoutedToUnitLead':
      return { ...w, routedToUnitLeadAt: w.routedToUnitLeadAt ?? at };
    case 'InquiryResolved':
      return { ...w, resolution: { type: e.payload.resolution, text: e.payload.text, at, by } };
    case 'InquiryReopened':
      return { ...w, resolution: null };
    case 'ClassifiedAsComplaint': {
      const p = e.payload;
      const was = w.grievance ?? null;
      return {
        ...w,
        grievance: {
          classifiedAt: was?.classifiedAt ?? at,
          classifiedBy: was?.classifiedBy ?? by,
          responsibleEntity: p.responsibleEntity,
          reason: p.reason,
          reasonCategory: p.reasonCategory,
          reviews: was?.reviews ?? [],
          outcome: was?.outcome ?? null,
        },
      };
    }
    case 'ClassifiedAsInquiry':
      return { ...w, grievance: null };
    case 'GrievanceReviewed': {
      const g = w.grievance ?? null;
      if (!g) return w; // reclassified as an inquiry on another desk meanwhile
      const review: GrievanceReview = { on: e.payload.reviewedOn, note: e.payload.note, at, by };
      return { ...w, grievance: { ...g, reviews: [...g.reviews, review] } };
    }
    case 'GrievanceOutcomeRecorded': {
      const g = w.grievance ?? null;
      if (!g) return w;
      return { ...w, grievance: { ...g, outcome: { outcome: e.payload.outcome, note: e.payload.note, at, by } } };
    }
    case 'WarningsSnoozed':
      return { ...w, snooze: { from: at, until: e.payload.until, reason: e.payload.reason, by, endedBy: null } };
    case 'SnoozeEnded': {
      const s = w.snooze ?? null;
      // Ending a snooze that had already run out (or another desk's later snooze) changes nothing.
      if (!s || s.until <= at || s.from > at) return w;
      return { ...w, snooze: { ...s, until: at, endedBy: by } };
    }
  }
}

export const byHlc = (a: InquiryEvent, b: InquiryEvent): number => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/** The record of one inquiry from all of its events, in any order, duplicates allowed. */
export function projectInquiry(events: readonly InquiryEvent[]): InquiryRecord | undefined {
  const seen = new Set<string>();
  let state: InquiryRecord | undefined;
  for (const e of [...events].sort(byHlc)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    state = applyEvent(state, e);
  }
  return state;
}
