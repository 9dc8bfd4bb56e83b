import { z } from 'zod';
import { type AgencyConfig, SOURCES, type Source } from '../config/agencyConfig';
import type { PersonRef } from '../people';
import { formatTypedDay, parseTypedDay, parseTypedTime } from '../time/typedInput';
import type { Instant, IsoDay, TimeZone } from '../time/types';
import { isoDayOf, pad2, parseIsoDay, zonedParts, zonedToInstant } from '../time/zone';
import { ENROLLMENT, type Enrollment, type FieldName, type InquiryFields } from './fields';
import { isEmail, normalisePhone } from './phone';

/**
 * The intake form as typed: every control's raw text. A control per field of the inquiry, but the received time is
 * typed as a day and a time, and the assignee is chosen by id.
 */
export type IntakeForm = Record<Exclude<FieldName, 'receivedAt' | 'assignee'>, string> & {
  receivedDate: string;
  receivedTime: string;
  assigneeId: string;
};
export type IntakeControl = keyof IntakeForm;
export type IntakeErrors = Partial<Record<IntakeControl, string>>;

export interface IntakeContext {
  now: Instant;
  config: AgencyConfig;
  /** People who can own an inquiry, by id. */
  people: readonly PersonRef[];
}

export type IntakeResult = { ok: true; fields: InquiryFields } | { ok: false; errors: IntakeErrors; values: Partial<InquiryFields> };

/** Controls in the order the form shows them: the first error gets the focus. */
export const INTAKE_CONTROL_ORDER: readonly IntakeControl[] = [
  'receivedDate',
  'receivedTime',
  'source',
  'originatorName',
  'originatorContact',
  'memberName',
  'medicaidId',
  'memberDob',
  'memberPhone',
  'callbackPhone',
  'callbackAvailability',
  'mcoEnrollment',
  'mcoId',
  'priority',
  'category',
  'subcategory',
  'description',
  'expectedOutcome',
  'rootCause',
  'assigneeId',
];

/** Which form controls hold each stored field. */
export const CONTROLS_OF_FIELD: Record<FieldName, readonly IntakeControl[]> = {
  receivedAt: ['receivedDate', 'receivedTime'],
  source: ['source'],
  originatorName: ['originatorName'],
  originatorContact: ['originatorContact'],
  memberName: ['memberName'],
  medicaidId: ['medicaidId'],
  memberDob: ['memberDob'],
  memberPhone: ['memberPhone'],
  callbackPhone: ['callbackPhone'],
  callbackAvailability: ['callbackAvailability'],
  mcoEnrollment: ['mcoEnrollment'],
  mcoId: ['mcoId'],
  priority: ['priority'],
  category: ['category'],
  subcategory: ['subcategory'],
  description: ['description'],
  expectedOutcome: ['expectedOutcome'],
  rootCause: ['rootCause'],
  assignee: ['assigneeId'],
};

const LIMITS = { label: 80, short: 120, contact: 160, availability: 200, long: 4000 } as const;
/** The intake's text limits, for the form's character counts. */
export const TEXT_LIMITS = LIMITS;
/** Received dates are checked in the agency's calendar: 31 Dec 1999 evening in Chicago is already 2000 in UTC. */
const EARLIEST_RECEIVED_YEAR = 2000;
/** A clock a minute apart from the desk that typed the time is not "the future". */
const FUTURE_TOLERANCE_MS = 60_000;

export function emptyIntakeForm(now: Instant, zone: TimeZone, assignee: PersonRef | null): IntakeForm {
  const p = zonedParts(now, zone);
  return {
    receivedDate: formatTypedDay(isoDayOf(now, zone)),
    receivedTime: `${pad2(p.hour)}:${pad2(p.minute)}`,
    source: '',
    originatorName: '',
    originatorContact: '',
    memberName: '',
    medicaidId: '',
    memberDob: '',
    memberPhone: '',
    callbackPhone: '',
    callbackAvailability: '',
    mcoEnrollment: '',
    mcoId: '',
    priority: '',
    category: '',
    subcategory: '',
    description: '',
    expectedOutcome: '',
    rootCause: '',
    assigneeId: assignee?.id ?? '',
  };
}

/** The form a stored inquiry would have been typed as (used to validate single-field edits). */
export function formOfFields(fields: InquiryFields, zone: TimeZone): IntakeForm {
  const p = zonedParts(fields.receivedAt, zone);
  return {
    receivedDate: formatTypedDay(isoDayOf(fields.receivedAt, zone)),
    receivedTime: `${pad2(p.hour)}:${pad2(p.minute)}`,
    source: fields.source,
    originatorName: fields.originatorName,
    originatorContact: fields.originatorContact,
    memberName: fields.memberName,
    medicaidId: fields.medicaidId,
    memberDob: formatTypedDay(fields.memberDob),
    memberPhone: fields.memberPhone,
    callbackPhone: fields.callbackPhone,
    callbackAvailability: fields.callbackAvailability,
    mcoEnrollment: fields.mcoEnrollment,
    mcoId: fields.mcoId,
    priority: fields.priority,
    category: fields.category,
    subcategory: fields.subcategory,
    description: fields.description,
    expectedOutcome: fields.expectedOutcome,
    rootCause: fields.rootCause,
    assigneeId: fields.assignee?.id ?? '',
  };
}

/**
 * Validates the whole intake form. Every message says what is wrong and how to fix it.
 * The same function validates single-field edits (see `validateFieldEdit`), so the rules never drift.
 */
export function validateIntake(form: IntakeForm, ctx: IntakeContext): IntakeResult {
  const errors: IntakeErrors = {};
  const text = (c: IntakeControl) => form[c].trim();
  const zone = ctx.config.timeZone;

  const required = (c: IntakeControl, message: string) => {
    if (!text(c)) errors[c] = message;
  };
  const maxLength = (c: IntakeControl, max: number) => {
    if (text(c).length > max) errors[c] = `Shorten this to ${max} characters or fewer (now ${text(c).length}).`;
  };

  // Received
  let receivedAt: Instant | null = null;
  const typedDay = parseTypedDay(text('receivedDate'));
  const day = typedDay ? parseIsoDay(typedDay) : null;
  const time = parseTypedTime(text('receivedTime'));
  if (!text('receivedDate')) errors.receivedDate = 'Enter the date the inquiry was received.';
  else if (!day) errors.receivedDate = 'Enter a real date as mm/dd/yyyy, for example 11/23/2026.';
  if (!text('receivedTime')) errors.receivedTime = 'Enter the time the inquiry was received.';
  else if (!time) errors.receivedTime = 'Enter a time such as 14:05 or 2:05 pm.';
  if (day && time) {
    receivedAt = zonedToInstant({ ...day, ...time }, zone);
    if (receivedAt > ctx.now + FUTURE_TOLERANCE_MS) {
      errors.receivedDate = 'The received date and time is in the future. Enter when the inquiry actually came in.';
      receivedAt = null;
    } else if (day.year < EARLIEST_RECEIVED_YEAR) {
      errors.receivedDate = 'The received date is before 2000. Check the year.';
      receivedAt = null;
    }
  }

  // Source and originator
  if (!text('source')) errors.source = 'Choose who referred the inquiry.';
  else if (!(SOURCES as readonly string[]).includes(text('source'))) errors.source = 'Choose a source from the list.';
  required('originatorName', 'Enter the name of the person who referred the inquiry.');
  maxLength('originatorName', LIMITS.short);
  let originatorContact = text('originatorContact');
  if (originatorContact) {
    const contact = normaliseContact(originatorContact);
    if (contact !== null) originatorContact = contact;
    else
      errors.originatorContact =
        'Enter a 10-digit phone number (515-555-0123), an e-mail address (name@agency.gov), or both with a / between (515-281-3371 / name@legis.iowa.gov).';
  }
  maxLength('originatorContact', LIMITS.contact);

  // Member
  required('memberName', "Enter the member's name.");
  maxLength('memberName', LIMITS.short);
  const medicaidId = text('medicaidId').toUpperCase();
  if (medicaidId && !new RegExp(ctx.config.medicaidId.pattern).test(medicaidId))
    errors.medicaidId = `A Medicaid ID is ${ctx.config.medicaidId.description}.`;
  let memberDob: IsoDay | '' = '';
  if (text('memberDob')) {
    const typedDob = parseTypedDay(text('memberDob'), { pastOnlyBefore: zonedParts(ctx.now, zone).year });
    const dob = typedDob ? parseIsoDay(typedDob) : null;
    if (!typedDob || !dob) errors.memberDob = 'Enter a real date of birth as mm/dd/yyyy, for example 03/07/1984.';
    else {
      memberDob = typedDob;
      if (memberDob > isoDayOf(ctx.now, zone)) errors.memberDob = 'The date of birth is in the future. Check the year.';
      else if (memberDob < sameDayYearsBefore(ctx.now, zone, 130))
        errors.memberDob = 'The date of birth is more than 130 years ago. Check the year.';
    }
  }
  if (!medicaidId && !text('memberDob')) {
    errors.medicaidId = 'Enter the Medicaid ID or the date of birth, so the member can be identified.';
    errors.memberDob = errors.medicaidId;
  }
  const phoneOf = (c: 'memberPhone' | 'callbackPhone') => {
    if (!text(c)) return '';
    const phone = normalisePhone(text(c));
    if (!phone) errors[c] = 'Enter a 10-digit phone number with area code, for example 515-555-0123.';
    return phone ?? '';
  };
  const memberPhone = phoneOf('memberPhone');
  const callbackPhone = phoneOf('callbackPhone');
  maxLength('callbackAvailability', LIMITS.availability);

  // MCO enrollment
  const enrollment = text('mcoEnrollment');
  if (!(ENROLLMENT as readonly string[]).includes(enrollment))
    errors.mcoEnrollment = 'Say whether the member is enrolled with an MCO (choose Unknown if you cannot tell).';
  const mcoId = text('mcoId');
  if (mcoId && !ctx.config.mcos.some((m) => m.id === mcoId)) errors.mcoId = 'Choose an MCO from the list.';
  if (enrollment === 'enrolled' && !mcoId) errors.mcoId = 'Choose the MCO the member is enrolled with.';
  if (enrollment === 'not_enrolled' && mcoId)
    errors.mcoId = 'The member is marked as not enrolled: clear the MCO, or change the enrollment.';

  // Priority and issue
  // A member with no MCO is the unit lead's callback: no priority is asked (SPEC.md "The process" 2).
  if (enrollment !== 'not_enrolled') {
    if (!text('priority')) errors.priority = 'Choose a priority.';
    else if (!ctx.config.priorityLevels.some((p) => p.id === text('priority'))) errors.priority = 'Choose a priority from the list.';
  }
  const category = ctx.config.categories.find((c) => c.name === text('category'));
  if (!text('category')) errors.category = 'Choose a category.';
  else if (!category) errors.category = 'Choose a category from the list.';
  if (text('subcategory') && category && !category.subcategories.includes(text('subcategory')))
    errors.subcategory = `Choose a sub-category of ${category.name}.`;
  // A retired category skips the list check above, so the stored limit is checked on its own.
  maxLength('subcategory', LIMITS.label);
  required('description', 'Describe the issue: what happened and what the member needs.');
  maxLength('description', LIMITS.long);
  maxLength('expectedOutcome', LIMITS.long);
  maxLength('rootCause', LIMITS.long);

  // Assignee
  let assignee: PersonRef | null = null;
  if (text('assigneeId')) {
    assignee = ctx.people.find((p) => p.id === text('assigneeId')) ?? null;
    if (!assignee) errors.assigneeId = 'Choose an assignee from the list, or leave it unassigned.';
  }

  const values: Partial<InquiryFields> = {
    source: text('source') as Source,
    originatorName: text('originatorName'),
    originatorContact,
    memberName: text('memberName'),
    medicaidId,
    memberDob,
    memberPhone,
    callbackPhone,
    callbackAvailability: text('callbackAvailability'),
    mcoEnrollment: enrollment as Enrollment,
    mcoId,
    priority: enrollment === 'not_enrolled' ? '' : text('priority'),
    category: text('category'),
    subcategory: text('subcategory'),
    description: text('description'),
    expectedOutcome: text('expectedOutcome'),
    rootCause: text('rootCause'),
    assignee,
  };
  if (receivedAt !== null) values.receivedAt = receivedAt;
  if (Object.keys(errors).length > 0 || receivedAt === null) return { ok: false, errors, values };
  return { ok: true, fields: values as InquiryFields };
}

/** Today's calendar day `years` years earlier, as yyyy-mm-dd (compared as text, so 29 Feb needs no special case). */
const sameDayYearsBefore = (at: Instant, zone: TimeZone, years: number): string => {
  const today = isoDayOf(at, zone);
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
};

export type EditResult = { ok: true; values: Partial<InquiryFields> } | { ok: false; errors: IntakeErrors };

/**
 * Validates changing some fields of a stored inquiry with the intake rules (one source of truth).
 * Only errors on the edited fields' own controls refuse the edit, so a record that would not pass
 * today's rules elsewhere (an imported row, a retired MCO) can still be corrected field by field.
 * Fields that constrain each other (enrollment and MCO, category and sub-category) are edited together.
 */
export function validateEdit(
  current: InquiryFields,
  fields: readonly FieldName[],
  patch: Partial<IntakeForm>,
  ctx: IntakeContext,
): EditResult {
  const form = { ...formOfFields(current, ctx.config.timeZone), ...patch };
  const result = validateIntake(form, ctx);
  const values = result.ok ? result.fields : result.values;
  const errors: IntakeErrors = {};
  if (!result.ok) for (const f of fields) for (const c of CONTROLS_OF_FIELD[f]) if (result.errors[c]) errors[c] = result.errors[c];
  const picked: Partial<InquiryFields> = {};
  for (const f of fields) {
    if (values[f] === undefined) errors[CONTROLS_OF_FIELD[f][0] as IntakeControl] ??= 'Enter a valid value.';
    else Object.assign(picked, { [f]: values[f] });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: picked };
}

export const intakeFormSchema = z.object(
  Object.fromEntries(INTAKE_CONTROL_ORDER.map((c) => [c, z.string().max(10_000)])) as Record<IntakeControl, z.ZodString>,
);

/**
 * An originator's contact as typed: a phone number, an e-mail address, or a few of them separated by "/", ";", ","
 * or " or " / " and " ("515-281-3371 / name@legis.iowa.gov"); phones formatted, joined by " / ". Null when a part is
 * neither.
 */
export function normaliseContact(typed: string): string | null {
  const parts = typed
    .split(/\s*(?:[/;,]|\s(?:or|and)\s)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const part of parts) {
    const phone = normalisePhone(part);
    if (phone) out.push(phone);
    else if (isEmail(part)) out.push(part);
    else return null;
  }
  return out.join(' / ');
}
