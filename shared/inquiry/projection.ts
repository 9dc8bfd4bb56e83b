import type { PersonRef } from '../people';
import { type HlcStamp, laterStamp } from '../sync/hlc';
import type { Instant } from '../time/types';
import type { CaseNumber } from './caseNumber';
import type { InquiryEvent } from './events';
import type { FieldName, InquiryFields } from './fields';

export const STATUSES = ['open', 'resolved'] as const;
export type InquiryStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<InquiryStatus, string> = { open: 'Open', resolved: 'Resolved' };

/** The inquiry row: a pure fold of its events, stored only so lists are fast. */
export interface InquiryRecord extends InquiryFields {
  id: string;
  caseNumber: CaseNumber;
  status: InquiryStatus;
  loggedAt: Instant;
  loggedBy: PersonRef;
  /** When the newest event was recorded. */
  updatedAt: Instant;
  /** The highest HLC folded in; an event below it needs a re-fold (see `needsRefold`). */
  lastHlc: HlcStamp;
  /** Per field, the stamp of the event that set its current value (last writer wins per field). */
  fieldHlc: Partial<Record<FieldName, HlcStamp>>;
  noteCount: number;
  eventCount: number;
}

/**
 * Folds one event into the record. Events must arrive in HLC order for this fast path;
 * an event older than `lastHlc` goes through `projectInquiry` over all the inquiry's events.
 */
export function applyEvent(state: InquiryRecord | undefined, e: InquiryEvent): InquiryRecord | undefined {
  if (e.type === 'InquiryLogged') {
    if (state) return state; // a duplicate: the first logged event wins
    const fieldHlc: Partial<Record<FieldName, HlcStamp>> = {};
    for (const f of Object.keys(e.payload.fields) as FieldName[]) fieldHlc[f] = e.hlc;
    return {
      ...e.payload.fields,
      id: e.inquiryId,
      caseNumber: e.payload.caseNumber,
      status: 'open',
      loggedAt: e.at,
      loggedBy: { id: e.actor.id, name: e.actor.name },
      updatedAt: e.at,
      lastHlc: e.hlc,
      fieldHlc,
      noteCount: 0,
      eventCount: 1,
    };
  }
  if (!state) return undefined; // nothing to fold into until the inquiry's logged event is known
  const next: InquiryRecord = {
    ...state,
    updatedAt: Math.max(state.updatedAt, e.at) as Instant,
    lastHlc: laterStamp(state.lastHlc, e.hlc),
    eventCount: state.eventCount + 1,
  };
  switch (e.type) {
    case 'NoteAdded':
      next.noteCount += 1;
      return next;
    case 'FieldEdited': {
      const { field, to } = e.payload;
      const current = state.fieldHlc[field];
      if (current && current > e.hlc) return next; // a later edit of this field already won
      Object.assign(next, { [field]: to });
      next.fieldHlc = { ...state.fieldHlc, [field]: e.hlc };
      return next;
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

/**
 * True when `e` cannot be folded onto `state` directly and the inquiry must be re-projected.
 * With no record yet, always: notes and edits synced before the logged event are already stored
 * and must be folded in with it.
 */
export const needsRefold = (state: InquiryRecord | undefined, e: InquiryEvent): boolean => state === undefined || e.hlc < state.lastHlc;
