import type { AgencyConfig, Source } from '../config/agencyConfig';
import type { Resolution } from '../inquiry/events';
import type { Enrollment, InquiryFields } from '../inquiry/fields';
import { normalisePhone } from '../inquiry/phone';
import type { PersonRef } from '../people';
import { type Instant, type IsoDay, later, type TimeZone } from '../time/types';
import { isoDayFromParts, zonedParts, zonedToInstant } from '../time/zone';
import { type Cell, cellText, isBlankRow } from './cells';
import { type DateReading, readDate, readTime, type WallDay, type WallTime } from './dates';
import { type ColumnMapping, columnLetter, IMPORT_FIELD_INFO, type ImportField } from './fields';
import { type IdentityParts, identityKey } from './identity';
import { enrollmentOf, isDatePlaceholder, mcoOf, priorityOf, resolutionTypeOf, sourceOf, squash, statusOf } from './vocabulary';

/** What the import needs to know about the desk it writes to. */
export interface ImportContext {
  config: AgencyConfig;
  /** The agency's zone: old logs' dates and times are wall-clock readings there. */
  zone: TimeZone;
  now: Instant;
  /** People on this desk, to recognise assignees by name. */
  people: readonly PersonRef[];
}

/** One row of the old log, ready to become an inquiry and its timeline. */
export interface ImportedRow {
  /** The sheet's row number, as the spreadsheet shows it. */
  rowNumber: number;
  fields: InquiryFields;
  /** False when the log gave no time: the import took 12:00 noon (see NOON). */
  receivedTimeKnown: boolean;
  contactedAt: Instant | null;
  mcoReferral: { at: Instant; mcoId: string; department: string; contact: string } | null;
  /** The Updates column, line breaks kept (becomes timeline notes, split at NOTE_MAX). */
  updates: string;
  /** Other timeline notes: text too long for its field, a resolution the old log had not closed. */
  extraNotes: string[];
  resolution: { at: Instant; type: Resolution; text: string } | null;
  legacyId: string;
  /** Who logged the row in the old log ('' when the log does not say): history and the roster's old-log people. */
  loggedBy: string;
  /** The row's cells as text, by column: kept with the inquiry for audit. */
  cells: string[];
  /** Things a person should look at; the row is still imported. Never member data: that is in `quotes`. */
  warnings: string[];
  /** Member identifiers a warning is about, as the cell wrote them: masked in the preview until revealed, never in the problems list. */
  quotes: CellQuote[];
  /** What identifies the row in any copy of the old log (see fingerprintKey). */
  key: string;
  /** The civil day received, in the agency's zone. */
  receivedDay: IsoDay;
  /** The exact canonical parts of its legacy identity (identity.ts identityKey): the source of its inquiry id. */
  identity: string;
}

/** What a cell holding a member identifier said, where a warning names that cell (shared/import "identifier warnings"). */
export interface CellQuote {
  /** "Cell E7 (Medicaid ID)". */
  cell: string;
  field: 'medicaidId' | 'memberDob';
  text: string;
}

export type RowOutcome =
  | { kind: 'blank'; rowNumber: number }
  | { kind: 'rejected'; rowNumber: number; reason: string; quotes?: CellQuote[] }
  | { kind: 'accepted'; row: ImportedRow };

/** A date with no time is read as midday: a same-day contact then counts as prompt, a next-day one as one business day later. */
export const NOON: WallTime = { hour: 12, minute: 0 };
/** Received dates before this are typing errors (the app's data starts with managed care). */
const EARLIEST_YEAR = 1990;
export const NOTE_MAX = 8000;
const DESCRIPTION_MAX = 4000;

const FIELD_LIMITS: Partial<Record<keyof InquiryFields, number>> = {
  originatorName: 120,
  originatorContact: 160,
  memberName: 120,
  medicaidId: 40,
  memberPhone: 40,
  callbackPhone: 40,
  callbackAvailability: 200,
  category: 80,
  subcategory: 80,
  expectedOutcome: 4000,
  rootCause: 4000,
};

class Rejected extends Error {
  constructor(
    message: string,
    readonly quotes?: CellQuote[],
  ) {
    super(message);
  }
}

const fmtDay = (d: WallDay): string => `${d.month}/${d.day}/${d.year}`;

/**
 * Turns one sheet row into an inquiry's fields and history, or says why it cannot be imported.
 * Pure: the same row, mapping and context always give the same answer.
 */
export function normaliseRow(cells: readonly Cell[], rowNumber: number, mapping: ColumnMapping, ctx: ImportContext): RowOutcome {
  if (isBlankRow(cells)) return { kind: 'blank', rowNumber };
  try {
    return { kind: 'accepted', row: readRow(cells, rowNumber, mapping, ctx) };
  } catch (e) {
    if (e instanceof Rejected) return { kind: 'rejected', rowNumber, reason: e.message, ...(e.quotes ? { quotes: e.quotes } : {}) };
    throw e;
  }
}

function readRow(cells: readonly Cell[], rowNumber: number, mapping: ColumnMapping, ctx: ImportContext): ImportedRow {
  const warnings: string[] = [];
  const quotes: CellQuote[] = [];
  const byField = new Map<ImportField, Cell>();
  mapping.forEach((f, i) => {
    if (f && !byField.has(f)) byField.set(f, cells[i] ?? null);
  });
  const raw = (f: ImportField): Cell | undefined => byField.get(f);
  /** "Cell E7 (Medicaid ID)": where a person finds the value in the spreadsheet. */
  const cellRef = (f: ImportField): string => `Cell ${columnLetter(mapping.indexOf(f))}${rowNumber} (${IMPORT_FIELD_INFO[f].label})`;
  const text = (f: ImportField): string => cleanText(cellText(raw(f) ?? null));
  const thisYear = zonedParts(ctx.now, ctx.zone).year;

  const instantOf = (day: WallDay, time: WallTime): Instant => zonedToInstant({ ...day, ...time }, ctx.zone);
  const reading = (r: DateReading & { ok: true }, fallbackTime: WallTime): { at: Instant; timeKnown: boolean } => {
    if (r.exact !== null) return { at: r.exact, timeKnown: true };
    return { at: instantOf(r.day, r.time ?? fallbackTime), timeKnown: r.time !== null };
  };

  // Received: required, readable, not in the future.
  const receivedCell = raw('receivedDate');
  const receivedRead = readDate(receivedCell, { thisYear });
  if (!receivedRead || (typeof receivedCell === 'string' && isDatePlaceholder(receivedCell)))
    throw new Rejected(
      mapping.includes('receivedDate') ? 'No date received.' : 'No column is imported as "Date received": choose it in the column mapping.',
    );
  if (!receivedRead.ok) throw new Rejected(`Date received: ${receivedRead.problem}.`);
  let receivedTime: WallTime | null = receivedRead.time;
  const timeRead = readTime(raw('receivedTime'));
  if (timeRead && !timeRead.ok) warnings.push(`Time received: ${timeRead.problem}; taken as 12:00 noon.`);
  if (receivedTime === null && timeRead?.ok) receivedTime = timeRead.time;
  const received =
    receivedRead.exact !== null
      ? { at: receivedRead.exact, timeKnown: true }
      : { at: instantOf(receivedRead.day, receivedTime ?? NOON), timeKnown: receivedTime !== null };
  if (received.at > ctx.now) throw new Rejected(`Date received (${fmtDay(receivedRead.day)}) is in the future.`);
  if (receivedRead.day.year < EARLIEST_YEAR)
    throw new Rejected(`Date received (${fmtDay(receivedRead.day)}) is before ${EARLIEST_YEAR}: check the year.`);
  const receivedDay = isoOf(receivedRead.day);

  /** A later date of the row: date-only values are noon, or the received time when that is later the same day. */
  const laterDate = (f: ImportField, label: string, strict: boolean): Instant | null => {
    const cell = raw(f);
    if (typeof cell === 'string' && isDatePlaceholder(cell)) return null;
    const r = readDate(cell, { thisYear });
    if (!r) return null;
    const fail = (problem: string): null => {
      if (strict) throw new Rejected(`${label}: ${problem}.`);
      warnings.push(`${label}: ${problem}; left out.`);
      return null;
    };
    if (!r.ok) return fail(r.problem);
    let { at } = reading(r, NOON);
    if (r.time === null && r.exact === null && isoOf(r.day) === receivedDay && at < received.at) at = received.at;
    if (at < received.at) return fail(`${fmtDay(r.day)} is before the date received`);
    if (at > ctx.now) return fail(`${fmtDay(r.day)} is in the future`);
    return at;
  };

  // Member.
  let memberName = text('memberName');
  if (!memberName) memberName = [text('memberFirstName'), text('memberLastName')].filter(Boolean).join(' ');
  const comma = /^([^,]+),\s*([^,]+)$/.exec(memberName);
  if (comma) memberName = `${(comma[2] as string).trim()} ${(comma[1] as string).trim()}`; // "Lopez, Maria" → "Maria Lopez"
  const idText = text('medicaidId');
  let medicaidId = idText.replace(/[\s-]/g, '').toUpperCase();
  // A warning names the cell and what is wrong; what the cell said is member data, kept apart (`quotes`).
  const idQuote: CellQuote = { cell: cellRef('medicaidId'), field: 'medicaidId', text: short(idText) };
  if (medicaidId && !new RegExp(ctx.config.medicaidId.pattern).test(medicaidId)) {
    warnings.push(
      `${cellRef('medicaidId')} is not a Medicaid ID (${ctx.config.medicaidId.description}): left out; the row's audit copy keeps what it says.`,
    );
    quotes.push(idQuote);
    medicaidId = '';
  }

  let description = text('description');
  const notes: string[] = [];
  if (!memberName && !medicaidId) {
    if (!description) throw new Rejected('The row names no member and no issue: nothing to import (a title, total or note row?).');
    throw new Rejected(
      idText
        ? `The row names no member: no member name, and the Medicaid ID in ${cellRef('medicaidId')} cannot be read. Add the name or a readable ID and import again.`
        : 'The row names no member: no member name and no Medicaid ID. Add either and import again.',
      idText ? [idQuote] : undefined,
    );
  }
  if (!description) warnings.push('No issue description.');
  if (description.length > DESCRIPTION_MAX) {
    notes.push(`Issue, full text from the old log:\n${description}`);
    description = `${description.slice(0, DESCRIPTION_MAX - 1)}…`;
    warnings.push(`The issue is longer than ${DESCRIPTION_MAX} characters: shortened here, full text kept as a note.`);
  }

  let dob: IsoDay | '' = '';
  const dobRead = readDate(raw('memberDob'), { thisYear, pastOnly: true });
  if (dobRead?.ok && dobRead.day.year >= 1900 && instantOf(dobRead.day, NOON) <= ctx.now) dob = isoOf(dobRead.day);
  else if (dobRead) {
    const why = !dobRead.ok ? 'is not a real date' : dobRead.day.year < 1900 ? 'is before 1900' : 'is in the future';
    warnings.push(`${cellRef('memberDob')} ${why}: the date of birth is left out; the row's audit copy keeps what it says.`);
    quotes.push({ cell: cellRef('memberDob'), field: 'memberDob', text: short(cellText(raw('memberDob') ?? null)) });
  }

  // Source and originator.
  let source: Source = 'Other';
  let originatorName = text('originatorName');
  const referredBy = text('source');
  if (referredBy) {
    const s = sourceOf(referredBy);
    if (s) {
      source = s.source;
      if (s.rest && !originatorName) originatorName = s.rest;
    } else {
      if (!originatorName) originatorName = referredBy;
      warnings.push(
        `Source "${short(referredBy)}" is not one of the app's sources: imported as Other${originatorName === referredBy ? ', with the text as the originator' : ''}.`,
      );
    }
  }

  // MCO and enrollment.
  let mcoEnrollment: Enrollment = 'unknown';
  let mcoId = '';
  const mcoText = text('mco');
  const mco = mcoOf(mcoText, ctx.config);
  if (mco?.kind === 'mco') {
    mcoId = mco.id;
    mcoEnrollment = 'enrolled';
  } else if (mco?.kind === 'not_enrolled') mcoEnrollment = 'not_enrolled';
  else if (mco?.kind === 'unknown_name') {
    mcoId = mco.text.slice(0, 40);
    mcoEnrollment = 'enrolled';
    warnings.push(
      `MCO "${short(mco.text)}" is not in the MCO directory: kept as written. Add it, or add the name as an alias, and re-import to match it.`,
    );
  }
  const enrolledText = text('enrolled');
  const enrolled = enrollmentOf(enrolledText);
  if (enrolled) {
    if (enrolled === 'not_enrolled' && mcoId)
      warnings.push('Marked not enrolled, but an MCO is named: imported as enrolled with that MCO.');
    else mcoEnrollment = enrolled;
  } else if (enrolledText) warnings.push(`Enrolled "${short(enrolledText)}" is not yes or no; left out.`);

  // Priority.
  const priorityText = text('priority');
  let level = priorityOf(priorityText, ctx.config);
  if (!level) {
    level =
      ctx.config.priorityLevels.find((l) => l.path === 'escalated') ??
      (ctx.config.priorityLevels[0] as (typeof ctx.config.priorityLevels)[number]);
    warnings.push(
      priorityText
        ? `Priority "${short(priorityText)}" is not known: imported as ${level.label}.`
        : `No priority: imported as ${level.label}.`,
    );
  }

  // Category: the configured spelling when it matches one.
  const categoryText = text('category');
  const category = ctx.config.categories.find((c) => squash(c.name) === squash(categoryText));
  const subText = text('subcategory');
  const sub = category?.subcategories.find((s) => squash(s) === squash(subText));

  // Assignee: someone on this desk by name, else the name as the log has it.
  const assigneeText = text('assignee');
  let assignee: PersonRef | null = null;
  if (assigneeText) {
    const person = ctx.people.find((p) => squash(p.name) === squash(assigneeText));
    assignee = person ?? { id: `legacy:${squash(assigneeText).replace(/ /g, '-')}`.slice(0, 64), name: assigneeText.slice(0, 80) };
  }

  // Timeline facts.
  const contactedAt = laterDate('contactedDate', 'Date contacted', false);
  const mcoAt = laterDate('mcoContactDate', 'Date sent to MCO', false);
  let mcoReferral: ImportedRow['mcoReferral'] = null;
  if (mcoAt !== null) {
    if (mcoId)
      mcoReferral = { at: mcoAt, mcoId, department: text('mcoDepartment').slice(0, 120), contact: text('mcoContact').slice(0, 160) };
    else warnings.push('Date sent to MCO is given but no MCO is named: the referral is left out.');
  }

  const updates = updatesText(raw('updates'));

  const resolutionText = normaliseNewlines(cellText(raw('resolution') ?? null).trim());
  let resolvedAt = laterDate('resolvedDate', 'Date resolved', true);
  const statusText = text('status');
  const status = statusOf(statusText);
  if (resolvedAt === null && status === 'closed') {
    resolvedAt = later(received.at, later(contactedAt ?? received.at, mcoAt ?? received.at));
    warnings.push(
      `Status says ${short(statusText)} but there is no date resolved: resolved as of ${formatInstantDay(resolvedAt, ctx.zone)}.`,
    );
  } else if (resolvedAt !== null && status === 'open') {
    warnings.push(`Status says ${short(statusText)} but a date resolved is given: imported as resolved.`);
  }
  let resolution: ImportedRow['resolution'] = null;
  if (resolvedAt !== null) {
    const type = resolutionTypeOf(resolutionText, mcoReferral !== null || mco?.kind === 'mco');
    let body = resolutionText || 'Resolved (the old log has no resolution text).';
    if (body.length > 4000) {
      notes.push(...splitNote(`Resolution, full text from the old log:\n${body}`));
      body = `${body.slice(0, 3999)}…`;
    }
    resolution = { at: resolvedAt, type, text: body };
  } else if (resolutionText) {
    notes.push(...splitNote(`Resolution (not closed in the old log):\n${resolutionText}`));
  }

  const fields: InquiryFields = {
    receivedAt: received.at,
    source,
    originatorName: limited('originatorName', originatorName, warnings),
    originatorContact: limited('originatorContact', normalisePhone(text('originatorContact')) ?? text('originatorContact'), warnings),
    memberName: limited('memberName', memberName, warnings),
    medicaidId: limited('medicaidId', medicaidId, warnings),
    memberDob: dob,
    memberPhone: limited('memberPhone', normalisePhone(text('memberPhone')) ?? text('memberPhone'), warnings),
    callbackPhone: limited('callbackPhone', normalisePhone(text('callbackPhone')) ?? text('callbackPhone'), warnings),
    callbackAvailability: limited('callbackAvailability', text('callbackAvailability'), warnings),
    mcoEnrollment,
    mcoId,
    priority: level.id,
    category: limited('category', category?.name ?? categoryText, warnings),
    subcategory: limited('subcategory', sub ?? subText, warnings),
    description,
    expectedOutcome: limited('expectedOutcome', text('expectedOutcome'), warnings),
    rootCause: limited('rootCause', text('rootCause'), warnings),
    assignee,
  };

  const legacyId = text('legacyId').slice(0, 60);
  return {
    rowNumber,
    fields,
    receivedTimeKnown: received.timeKnown,
    contactedAt,
    mcoReferral,
    updates,
    extraNotes: notes,
    resolution,
    legacyId,
    loggedBy: text('loggedBy').slice(0, 80),
    cells: cells.map((c) => cellText(c)),
    warnings,
    quotes,
    key: fingerprintKey({ receivedDay, legacyId, medicaidId, memberName, description }),
    receivedDay,
    identity: identityKey({ receivedDay, legacyId, medicaidId, memberName, description }),
  };
}

/**
 * What identifies a row in any copy of the old log, later copies included: the old log's own
 * number when it has one, else the day received, the member and the issue. Columns that change as
 * the inquiry is worked (updates, resolution, dates after receipt, priority) are left out, so a
 * later copy of the same row is recognised.
 */
export function fingerprintKey(p: IdentityParts): string {
  if (p.legacyId) return `ref|${squash(p.legacyId)}|${p.receivedDay}`;
  return `row|${p.receivedDay}|${squash(p.medicaidId)}|${squash(p.memberName)}|${squash(p.description).slice(0, 300)}`;
}

const isoOf = (d: WallDay): IsoDay => isoDayFromParts(d.year, d.month, d.day);

function formatInstantDay(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  return `${p.month}/${p.day}/${p.year}`;
}

/** One line of text: runs of spaces and line breaks become single spaces. */
const cleanText = (t: string): string => t.replace(/\s+/g, ' ').trim();

/** The Updates cell as the import keeps it: trimmed, line breaks as \n. */
export const updatesText = (cell: Cell | undefined): string => normaliseNewlines(cellText(cell ?? null).trim());

const normaliseNewlines = (t: string): string => t.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n');

const short = (t: string): string => (t.length > 40 ? `${t.slice(0, 40)}…` : t);

function limited(field: keyof InquiryFields, value: string, warnings: string[]): string {
  const max = FIELD_LIMITS[field];
  if (max === undefined || value.length <= max) return value;
  warnings.push(`${field === 'memberName' ? 'Member name' : field} is longer than ${max} characters: shortened.`);
  return `${value.slice(0, max - 1)}…`;
}

/** Splits a long note at line breaks (or spaces) so each part fits a timeline note. */
export function splitNote(text: string, max = NOTE_MAX): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
