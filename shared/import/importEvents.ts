import { encodeTime } from 'ulid';
import { priorityLevel } from '../config/agencyConfig';
import type { CaseNumber } from '../inquiry/caseNumber';
import type { CommandContext } from '../inquiry/commands/context';
import { gateEvent, targetsEvent } from '../inquiry/commands/targets';
import type {
  FieldEdited,
  InquiryEvent,
  InquiryImported,
  InquiryLogged,
  InquiryResolved,
  McoReferred,
  NoteAdded,
  OutreachRecorded,
} from '../inquiry/events';
import { EVENT_FORMAT_VERSION } from '../inquiry/events';
import type { InquiryRecord } from '../inquiry/projection';
import { type Instant, type IsoDay, later } from '../time/types';
import type { ColumnMapping } from './fields';
import type { FieldChange } from './identity';
import { type ImportedRow, splitNote, updatesText } from './normalise';

/*
 * The events an old log row becomes. The inquiry's id is derived from the digest of the row's legacy identity
 * (SHA-256 of `ImportedRow.identity` and its occurrence, computed by the caller with WebCrypto: identityDigestText),
 * so the same row imported from any copy of the old log, on this desk or another, is the same inquiry. Each
 * event's id is that digest mixed with the event's content: two desks that import the same row record each
 * step once; where their copies differ (a corrected time, a fixed typo), each desk's version of a step is its
 * own event, both desks keep both and fold them the same way (the first logged event by stamp wins).
 */

/** Imported case numbers use sequence numbers from here, so they never meet the desk's own (001, 002 …). */
export const IMPORT_SEQ_FIRST = 900_001;
export const IMPORT_SEQ_LAST = 999_999;

export interface ImportRun {
  importId: string;
  fileName: string;
  sheet: string;
  headers: readonly string[];
  mapping: ColumnMapping;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` Crockford characters from a digest, 5 bits each. */
function base32(digest: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  let i = 0;
  while (out.length < length) {
    if (bits < 5) {
      value = ((value << 8) | (digest[i++ % digest.length] ?? 0)) & 0xffff;
      bits += 8;
    }
    out += CROCKFORD[(value >> (bits - 5)) & 31];
    bits -= 5;
  }
  return out;
}

/**
 * The inquiry id of a row: ULID-shaped, its time part the day received (00:00 UTC of the civil day, so a
 * corrected time keeps it), the rest from the identity digest.
 */
export function importedInquiryId(digest: Uint8Array, receivedDay: IsoDay): string {
  const [year, month, day] = receivedDay.split('-').map(Number) as [number, number, number];
  return encodeTime(Date.UTC(year, month - 1, day), 10) + base32(digest, 16);
}

/**
 * What the identity digest is taken over: the identity's exact parts and which of the file's rows with that
 * identity this is (0 for the first by time received): two rows of one day about the same member and issue stay two.
 */
export const identityDigestText = (identity: string, occurrence: number): string => `${identity}#${occurrence}`;

/** Two FNV-1a hashes (32 bits each, different offsets) of a text, as 8 bytes: a stable, synchronous mix for event ids (not a security digest). */
function fnv64(text: string): Uint8Array {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return Uint8Array.of(a >>> 24, a >>> 16, a >>> 8, a, b >>> 24, b >>> 16, b >>> 8, b);
}

/** An event id of a row: the event's time, 14 characters of the digest mixed with the event's content, and a 2-character kind. */
function eventId(digest: Uint8Array, at: number, kind: string, content?: unknown): string {
  let mixed = digest;
  if (content !== undefined) {
    const h = fnv64(JSON.stringify(content));
    mixed = Uint8Array.from(digest, (b, i) => (i < h.length ? b ^ (h[i] as number) : b));
  }
  return encodeTime(at, 10) + base32(mixed, 14) + kind;
}

const noteKind = (i: number): string => `N${CROCKFORD[i % 32]}`;

type Envelope = Pick<InquiryEvent, 'id' | 'inquiryId' | 'actor' | 'deviceId' | 'hlc' | 'at' | 'v'> & { imported: true };

function envelope(ctx: CommandContext, inquiryId: string, id: string, at: Instant): Envelope {
  return { id, inquiryId, actor: ctx.actor, deviceId: ctx.deviceId, hlc: ctx.stamp(), at, v: EVENT_FORMAT_VERSION, imported: true };
}

/**
 * The digests a row's ids come from: `key` of its identity and occurrence (identityDigestText), and `revision` of
 * its whole content (`revisionText`).
 */
export interface RowDigests {
  key: Uint8Array;
  revision: Uint8Array;
}

/** A digest as lower-case hex. */
export const revisionHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function importedEvent(
  row: ImportedRow,
  run: ImportRun,
  kind: 'new' | 'update',
  inquiryId: string,
  id: string,
  revision: Uint8Array,
  ctx: CommandContext,
): InquiryImported {
  const width = Math.max(run.headers.length, row.cells.length);
  const pad = <T>(a: readonly T[], fill: T): T[] => Array.from({ length: width }, (_, i) => a[i] ?? fill);
  return {
    ...envelope(ctx, inquiryId, id, ctx.now),
    type: 'InquiryImported',
    payload: {
      importId: run.importId,
      fileName: run.fileName.slice(0, 260),
      sheet: run.sheet.slice(0, 120),
      row: row.rowNumber,
      kind,
      headers: pad(run.headers, '').map((h) => h.slice(0, 200)),
      cells: pad(row.cells, ''),
      mapping: pad(run.mapping, null).map((f) => f ?? ''),
      revision: revisionHex(revision),
    },
  };
}

/**
 * A new inquiry from a row: logged at its received time, first-contact targets under the policy in
 * force now (as logInquiry sets them, so timeliness reports work on history), the MCO gate, the first
 * contact, the MCO referral, the updates as notes, the resolution, and the audit record of the row.
 * Every event but the audit record is marked `imported` and dated by the old log.
 */
export function newInquiryEvents(
  row: ImportedRow,
  digests: RowDigests,
  caseNumber: CaseNumber,
  run: ImportRun,
  ctx: CommandContext,
): InquiryEvent[] {
  const digest = digests.key;
  const f = row.fields;
  const received = f.receivedAt;
  const inquiryId = importedInquiryId(digest, row.receivedDay);
  const events: InquiryEvent[] = [];
  const loggedPayload = { caseNumber, fields: f };
  const logged: InquiryLogged = {
    ...envelope(ctx, inquiryId, eventId(digest, received, 'LG', loggedPayload), received),
    type: 'InquiryLogged',
    payload: loggedPayload,
  };
  events.push(logged);
  const targets = targetsEvent(ctx, inquiryId, f.priority, received);
  if (targets) events.push({ ...targets, ...envelope(ctx, inquiryId, eventId(digest, received, 'TG', targets.payload), received) });
  const gate = gateEvent(ctx, inquiryId, f);
  if (gate) events.push({ ...gate, ...envelope(ctx, inquiryId, eventId(digest, received, 'RT', gate.payload), received) });
  const notes = [...(row.updates ? splitNote(row.updates) : []), ...row.extraNotes];
  events.push(...historyEvents(row, digest, inquiryId, ctx, { contacted: true, referral: true, notes, resolution: true }, true));
  // The audit record of this import of the row: each desk's import of it is its own record.
  const imported = importedEvent(row, run, 'new', inquiryId, '', digests.revision, ctx);
  events.push({ ...imported, id: eventId(digest, received, 'IM', imported.payload) });
  return events;
}

interface HistoryParts {
  contacted: boolean;
  referral: boolean;
  notes: readonly string[];
  resolution: boolean;
}

/**
 * A later copy's events (`byContent` false) keep the ids they have always had: from the later row's revision
 * digest. A new inquiry's mix in each event's content (see the top of this file).
 */
function historyEvents(
  row: ImportedRow,
  digest: Uint8Array,
  inquiryId: string,
  ctx: CommandContext,
  parts: HistoryParts,
  byContent: boolean,
): InquiryEvent[] {
  const idOf = (at: number, kind: string, content: unknown) => eventId(digest, at, kind, byContent ? content : undefined);
  const events: InquiryEvent[] = [];
  const f = row.fields;
  if (parts.contacted && row.contactedAt !== null) {
    const payload: OutreachRecorded['payload'] = {
      party: 'member',
      method: 'call',
      reached: true,
      note: 'First contact, from the old log (it does not say how or with whom).',
    };
    const contact: OutreachRecorded = {
      ...envelope(ctx, inquiryId, idOf(row.contactedAt, 'OC', payload), row.contactedAt),
      type: 'OutreachRecorded',
      payload,
    };
    events.push(contact);
  }
  const ref = row.mcoReferral;
  if (parts.referral && ref) {
    const level = priorityLevel(ctx.config, f.priority);
    const mcoContactDue = ctx.time.endOfBusinessDay(ref.at);
    const followUpDue = level?.path === 'escalated' ? ctx.time.add(ref.at, { amount: 1, unit: 'businessDays' }) : mcoContactDue;
    const payload: McoReferred['payload'] = {
      mcoId: ref.mcoId,
      department: ref.department,
      contact: ref.contact,
      note: 'Sent to the MCO, from the old log.',
      mcoContactDue,
      followUpDue,
    };
    const referral: McoReferred = { ...envelope(ctx, inquiryId, idOf(ref.at, 'MR', payload), ref.at), type: 'McoReferred', payload };
    events.push(referral);
  }
  // Updates carry no dates of their own: they sit at the last dated step before the resolution.
  const notesAt = later(f.receivedAt, later(row.contactedAt ?? f.receivedAt, ref?.at ?? f.receivedAt));
  parts.notes.forEach((text, i) => {
    const note: NoteAdded = {
      ...envelope(ctx, inquiryId, idOf(notesAt, noteKind(i), { text }), notesAt),
      type: 'NoteAdded',
      payload: { text },
    };
    events.push(note);
  });
  if (parts.resolution && row.resolution) {
    const r = row.resolution;
    const payload: InquiryResolved['payload'] = { resolution: r.type, text: r.text };
    const resolved: InquiryResolved = { ...envelope(ctx, inquiryId, idOf(r.at, 'RS', payload), r.at), type: 'InquiryResolved', payload };
    events.push(resolved);
  }
  return events;
}

/** What a later copy of a row adds to the inquiry an earlier import made. */
export interface RowUpdate {
  contacted: boolean;
  referral: boolean;
  resolution: boolean;
  notes: string[];
  /** Fields the later copy changed since the last import (identity.ts fieldChanges): FieldEdited events. */
  edits: FieldChange[];
}

export const isEmptyUpdate = (u: RowUpdate): boolean =>
  !u.contacted && !u.referral && !u.resolution && u.notes.length === 0 && u.edits.length === 0;

/**
 * Compares a later copy of a row with what the log holds: the inquiry's record and the Updates text
 * the last import of this row saw (from its InquiryImported record). Only facts the log lacks are
 * added: a first contact or MCO referral it has none of, a resolution while it is open, and Updates
 * text it has not seen: what was appended, or the whole text when it was rewritten. Fields are never
 * changed: people may have edited them in the app since.
 */
export function rowUpdate(row: ImportedRow, record: InquiryRecord, previousUpdates: string): RowUpdate {
  const w = record.workflow;
  let notes: string[] = [];
  if (row.updates && row.updates !== previousUpdates) {
    const added =
      previousUpdates && row.updates.startsWith(previousUpdates) ? row.updates.slice(previousUpdates.length).trim() : row.updates;
    if (added)
      notes = splitNote(previousUpdates && added !== row.updates ? added : `Updates, as a later copy of the old log has them:\n${added}`);
  }
  return {
    contacted: row.contactedAt !== null && w.firstContactAt === null,
    referral: row.mcoReferral !== null && w.referral === null,
    resolution: row.resolution !== null && record.status === 'open',
    notes,
    edits: [],
  };
}

/** The Updates text an InquiryImported record saw, as the import normalises it. */
export function updatesOf(e: InquiryImported): string {
  const column = e.payload.mapping.indexOf('updates');
  return column < 0 ? '' : updatesText(e.payload.cells[column] ?? '');
}

/**
 * The events for a later copy of a row. `revision` is the digest of the later row's whole content,
 * so importing the same later copy again (here or on another desk) gives the same ids.
 */
export function updateEvents(
  row: ImportedRow,
  update: RowUpdate,
  revision: Uint8Array,
  inquiryId: string,
  run: ImportRun,
  ctx: CommandContext,
): InquiryEvent[] {
  if (isEmptyUpdate(update)) return [];
  // The changed fields first, as edits of what the log holds (never a second inquiry), dated when the import runs.
  // Ids from the later row's content, so importing the same copy again (here or elsewhere) stores them once.
  const edits = update.edits.map(
    (c, i) =>
      ({
        ...envelope(ctx, inquiryId, eventId(revision, row.fields.receivedAt, `E${CROCKFORD[i % 32]}`), ctx.now),
        type: 'FieldEdited',
        payload: { field: c.field, from: c.from, to: c.to },
      }) as FieldEdited,
  );
  const events: InquiryEvent[] = [...edits];
  events.push(
    ...historyEvents(
      row,
      revision,
      inquiryId,
      ctx,
      {
        contacted: update.contacted,
        referral: update.referral,
        notes: update.notes,
        resolution: update.resolution,
      },
      false,
    ),
  );
  events.push(importedEvent(row, run, 'update', inquiryId, eventId(revision, row.fields.receivedAt, 'IM'), revision, ctx));
  return events;
}

/** The content a revision digest is taken over: the fingerprint and every cell. */
export const revisionText = (row: ImportedRow): string => `${row.key}\u0000${row.cells.join('\u0001')}`;
