import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { PersonRef } from '../people';
import type { Instant, IsoDay, TimeZone } from '../time/types';
import type { FieldName, InquiryFields } from './fields';
import {
  CONTROLS_OF_FIELD,
  emptyIntakeForm,
  formOfFields,
  INTAKE_CONTROL_ORDER,
  type IntakeContext,
  type IntakeControl,
  type IntakeForm,
  intakeFormSchema,
  validateEdit,
  validateIntake,
} from './intake';

/** Monday 23 November 2026, 14:00 in Chicago (CST, UTC-6). */
const NOW = Date.UTC(2026, 10, 23, 20, 0) as Instant;
const CHICAGO = 'America/Chicago' as TimeZone;
const ANA: PersonRef = { id: 'p-ana', name: 'Ana Ortiz' };
const BEN: PersonRef = { id: 'p-ben', name: 'Ben Cho' };
const ctx: IntakeContext = { now: NOW, config: DEFAULT_AGENCY_CONFIG, people: [ANA, BEN] };
const at = (now: number): IntakeContext => ({ ...ctx, now: now as Instant });

/** Controls a liaison types exactly as they are stored. */
const AS_STORED = {
  source: 'Call Center CSR',
  memberName: 'Pat Lee',
  callbackAvailability: 'Weekdays after 3 pm',
  mcoEnrollment: 'enrolled',
  mcoId: 'molina',
  priority: 'high',
  category: 'Pharmacy',
  subcategory: 'Prior authorization',
  description: 'Refill of insulin denied at the pharmacy counter.',
  expectedOutcome: 'Member receives the refill this week.',
  rootCause: '',
} as const;

/** A form as a liaison would type it: loose spacing, lower-case ID, unformatted phones. */
const validForm = (patch: Partial<IntakeForm> = {}): IntakeForm => ({
  ...AS_STORED,
  receivedDate: '11/23/2026',
  receivedTime: '9:15 am',
  originatorName: '  Dana Ruiz ',
  originatorContact: '515.555.0199',
  medicaidId: ' 1234567a ',
  memberDob: '3/7/1984',
  memberPhone: '515-555-0123',
  callbackPhone: '+1 (515) 555-0188 ext 7',
  assigneeId: 'p-ana',
  ...patch,
});

/** The fields of `validForm()`, as validated and stored. */
const VALID_FIELDS: InquiryFields = {
  ...AS_STORED,
  receivedAt: Date.UTC(2026, 10, 23, 15, 15) as Instant,
  originatorName: 'Dana Ruiz',
  originatorContact: '(515) 555-0199',
  medicaidId: '1234567A',
  memberDob: '1984-03-07' as InquiryFields['memberDob'],
  memberPhone: '(515) 555-0123',
  callbackPhone: '(515) 555-0188 x7',
  assignee: { id: 'p-ana', name: 'Ana Ortiz' },
};

/** The errors of a form that must fail. */
function errorsOf(form: IntakeForm, context: IntakeContext = ctx) {
  const r = validateIntake(form, context);
  if (r.ok) throw new Error(`expected the form to be refused, got ${JSON.stringify(r.fields)}`);
  return r.errors;
}

/** The fields of a form that must pass. */
function fieldsOf(form: IntakeForm, context: IntakeContext = ctx): InquiryFields {
  const r = validateIntake(form, context);
  if (!r.ok) throw new Error(`expected the form to pass, got ${JSON.stringify(r.errors)}`);
  return r.fields;
}

describe('validateIntake: a valid form', () => {
  it('yields the exact stored fields: Chicago wall time as UTC, phones formatted, ID upper-cased, DOB as yyyy-mm-dd', () => {
    expect(validateIntake(validForm(), ctx)).toEqual({ ok: true, fields: VALID_FIELDS });
  });

  it('reads a summer (CDT, UTC-5) received time', () => {
    expect(fieldsOf(validForm({ receivedDate: '07/01/2026', receivedTime: '16:30' })).receivedAt).toBe(Date.UTC(2026, 6, 1, 21, 30));
  });

  it('accepts an ISO received date and a 24-hour time', () => {
    expect(fieldsOf(validForm({ receivedDate: '2026-11-20', receivedTime: '13:05' })).receivedAt).toBe(Date.UTC(2026, 10, 20, 19, 5));
  });

  it('accepts the minimum: no optional control filled, unknown enrollment, unassigned', () => {
    // Left empty they are stored empty; the enrollment stays unknown.
    const left = {
      originatorContact: '',
      medicaidId: '',
      memberPhone: '',
      callbackPhone: '',
      callbackAvailability: '',
      mcoEnrollment: 'unknown',
      mcoId: '',
      subcategory: '',
      expectedOutcome: '',
    } as const;
    expect(fieldsOf(validForm({ ...left, assigneeId: '' }))).toEqual({ ...VALID_FIELDS, ...left, assignee: null });
  });
});

describe('validateIntake: required controls', () => {
  it.each<[IntakeControl, string]>([
    ['receivedDate', 'Enter the date the inquiry was received.'],
    ['receivedTime', 'Enter the time the inquiry was received.'],
    ['source', 'Choose who referred the inquiry.'],
    ['originatorName', 'Enter the name of the person who referred the inquiry.'],
    ['memberName', "Enter the member's name."],
    ['mcoEnrollment', 'Say whether the member is enrolled with an MCO (choose Unknown if you cannot tell).'],
    ['priority', 'Choose a priority.'],
    ['category', 'Choose a category.'],
    ['description', 'Describe the issue: what happened and what the member needs.'],
  ])('%s left empty (or blank) is refused with its own message on its own control', (control, message) => {
    expect(errorsOf(validForm({ [control]: '' }))).toEqual({ [control]: message });
    expect(errorsOf(validForm({ [control]: '   ' }))).toEqual({ [control]: message });
  });

  it('asks for the Medicaid ID or the date of birth on both controls when neither is given', () => {
    const message = 'Enter the Medicaid ID or the date of birth, so the member can be identified.';
    expect(errorsOf(validForm({ medicaidId: '', memberDob: ' ' }))).toEqual({ medicaidId: message, memberDob: message });
  });

  it('accepts the Medicaid ID alone or the date of birth alone', () => {
    expect(fieldsOf(validForm({ memberDob: '' }))).toMatchObject({ medicaidId: '1234567A', memberDob: '' });
    expect(fieldsOf(validForm({ medicaidId: '' }))).toMatchObject({ medicaidId: '', memberDob: '1984-03-07' });
  });

  it('reports every missing control of the empty form, in the controls the form shows', () => {
    const errors = errorsOf(emptyIntakeForm(NOW, CHICAGO, null));
    expect(errors).toEqual({
      source: 'Choose who referred the inquiry.',
      originatorName: 'Enter the name of the person who referred the inquiry.',
      memberName: "Enter the member's name.",
      medicaidId: 'Enter the Medicaid ID or the date of birth, so the member can be identified.',
      memberDob: 'Enter the Medicaid ID or the date of birth, so the member can be identified.',
      mcoEnrollment: 'Say whether the member is enrolled with an MCO (choose Unknown if you cannot tell).',
      priority: 'Choose a priority.',
      category: 'Choose a category.',
      description: 'Describe the issue: what happened and what the member needs.',
    });
    expect(Object.keys(errors).every((c) => INTAKE_CONTROL_ORDER.includes(c as IntakeControl))).toBe(true);
  });
});

describe('validateIntake: received date and time', () => {
  it('refuses an impossible date and an unreadable time', () => {
    expect(errorsOf(validForm({ receivedDate: '02/30/2026' }))).toEqual({
      receivedDate: 'Enter a real date as mm/dd/yyyy, for example 11/23/2026.',
    });
    expect(errorsOf(validForm({ receivedTime: '25:00' }))).toEqual({ receivedTime: 'Enter a time such as 14:05 or 2:05 pm.' });
  });

  it('accepts a received time 30 seconds ahead of this desk clock, and exactly one minute ahead', () => {
    // 14:01 Chicago is 20:01:00 UTC.
    expect(fieldsOf(validForm({ receivedTime: '14:01' }), at(Date.UTC(2026, 10, 23, 20, 0, 30))).receivedAt).toBe(
      Date.UTC(2026, 10, 23, 20, 1),
    );
    expect(fieldsOf(validForm({ receivedTime: '14:01' }), at(Date.UTC(2026, 10, 23, 20, 0))).receivedAt).toBe(
      Date.UTC(2026, 10, 23, 20, 1),
    );
  });

  it('refuses a received time more than one minute in the future', () => {
    const future = 'The received date and time is in the future. Enter when the inquiry actually came in.';
    expect(errorsOf(validForm({ receivedTime: '14:02' }), at(Date.UTC(2026, 10, 23, 20, 0, 59)))).toEqual({ receivedDate: future });
    expect(errorsOf(validForm({ receivedDate: '11/24/2026', receivedTime: '08:00' }))).toEqual({ receivedDate: future });
  });

  it('leaves receivedAt out of the values of a refused future time', () => {
    const r = validateIntake(validForm({ receivedTime: '3 pm' }), ctx);
    expect(r.ok).toBe(false);
    expect(r.ok ? undefined : 'receivedAt' in r.values).toBe(false);
  });

  it('refuses a date before 2000 in the agency calendar, even late on 31 December 1999 (already 2000 in UTC)', () => {
    const before2000 = 'The received date is before 2000. Check the year.';
    expect(errorsOf(validForm({ receivedDate: '06/15/1999' }))).toEqual({ receivedDate: before2000 });
    expect(errorsOf(validForm({ receivedDate: '12/31/1999', receivedTime: '23:59' }))).toEqual({ receivedDate: before2000 });
    expect(fieldsOf(validForm({ receivedDate: '01/01/2000', receivedTime: '00:00' })).receivedAt).toBe(Date.UTC(2000, 0, 1, 6, 0));
  });
});

describe('validateIntake: member identifiers', () => {
  const realDob = 'Enter a real date of birth as mm/dd/yyyy, for example 03/07/1984.';

  it.each(['02/30/1990', '13/01/1990', 'March 7 1984', '1984'])('refuses the impossible or unreadable date of birth %s', (dob) => {
    expect(errorsOf(validForm({ memberDob: dob }))).toEqual({ memberDob: realDob });
  });

  it('refuses a date of birth after today in Chicago and accepts today', () => {
    expect(errorsOf(validForm({ memberDob: '11/24/2026' }))).toEqual({ memberDob: 'The date of birth is in the future. Check the year.' });
    expect(fieldsOf(validForm({ memberDob: '11/23/2026' })).memberDob).toBe('2026-11-23');
  });

  it('refuses a date of birth more than 130 years ago, to the day', () => {
    const tooOld = 'The date of birth is more than 130 years ago. Check the year.';
    expect(errorsOf(validForm({ memberDob: '12/31/1895' }))).toEqual({ memberDob: tooOld });
    expect(errorsOf(validForm({ memberDob: '01/01/1896' }))).toEqual({ memberDob: tooOld });
    expect(errorsOf(validForm({ memberDob: '11/22/1896' }))).toEqual({ memberDob: tooOld });
    expect(fieldsOf(validForm({ memberDob: '11/23/1896' })).memberDob).toBe('1896-11-23');
  });

  it.each(['1234567', '12345678A', 'A1234567', '1234567AB', '1234 567A', '123456-A'])(
    'refuses the malformed Medicaid ID %s with the configured description',
    (id) => {
      expect(errorsOf(validForm({ medicaidId: id }))).toEqual({
        medicaidId: 'A Medicaid ID is 7 digits followed by a capital letter, for example 1234567A.',
      });
    },
  );

  it('uses the agency pattern and description from the config', () => {
    const config = { ...DEFAULT_AGENCY_CONFIG, medicaidId: { pattern: '^[A-Z]{2}\\d{6}$', description: '2 letters and 6 digits' } };
    expect(errorsOf(validForm(), { ...ctx, config })).toEqual({ medicaidId: 'A Medicaid ID is 2 letters and 6 digits.' });
    expect(fieldsOf(validForm({ medicaidId: 'ab123456' }), { ...ctx, config }).medicaidId).toBe('AB123456');
  });

  it.each<['memberPhone' | 'callbackPhone', string]>([
    ['memberPhone', '555-0123'],
    ['memberPhone', '015-555-0123'],
    ['callbackPhone', 'call after 3'],
    ['callbackPhone', '515-555-01234'],
  ])('refuses the malformed %s %s', (control, phone) => {
    expect(errorsOf(validForm({ [control]: phone }))).toEqual({
      [control]: 'Enter a 10-digit phone number with area code, for example 515-555-0123.',
    });
  });
});

describe('validateIntake: originator contact', () => {
  it('accepts a phone number, formatted', () => {
    expect(fieldsOf(validForm({ originatorContact: '1-515-555-0142 x3' })).originatorContact).toBe('(515) 555-0142 x3');
  });

  it('accepts an email address, as typed without the surrounding spaces', () => {
    expect(fieldsOf(validForm({ originatorContact: ' dana.ruiz@hhs.iowa.gov ' })).originatorContact).toBe('dana.ruiz@hhs.iowa.gov');
  });

  it.each([
    ['515-281-3371 / name@legis.iowa.gov', '(515) 281-3371 / name@legis.iowa.gov'],
    ['name@legis.iowa.gov; 515.281.3371', 'name@legis.iowa.gov / (515) 281-3371'],
    ['515 281 3371 or 515-555-0142 x3', '(515) 281-3371 / (515) 555-0142 x3'],
  ])('accepts a phone and an e-mail together: %s', (typed, stored) => {
    expect(fieldsOf(validForm({ originatorContact: typed })).originatorContact).toBe(stored);
  });

  it.each(['Dana at the front desk', '555-0142', 'dana@agency', '515-281-3371 / the front desk'])('refuses %s', (contact) => {
    expect(errorsOf(validForm({ originatorContact: contact }))).toEqual({
      originatorContact:
        'Enter a 10-digit phone number (515-555-0123), an e-mail address (name@agency.gov), or both with a / between (515-281-3371 / name@legis.iowa.gov).',
    });
  });
});

describe('validateIntake: choices', () => {
  it('refuses a source, priority or category not in the lists', () => {
    expect(errorsOf(validForm({ source: 'Facebook' }))).toEqual({ source: 'Choose a source from the list.' });
    expect(errorsOf(validForm({ priority: 'urgent' }))).toEqual({ priority: 'Choose a priority from the list.' });
    expect(errorsOf(validForm({ category: 'Dental', subcategory: '' }))).toEqual({ category: 'Choose a category from the list.' });
  });

  it('refuses enrolled without an MCO', () => {
    expect(errorsOf(validForm({ mcoEnrollment: 'enrolled', mcoId: '' }))).toEqual({ mcoId: 'Choose the MCO the member is enrolled with.' });
  });

  it('refuses not enrolled with an MCO, and accepts not enrolled without one', () => {
    expect(errorsOf(validForm({ mcoEnrollment: 'not_enrolled', mcoId: 'itc' }))).toEqual({
      mcoId: 'The member is marked as not enrolled: clear the MCO, or change the enrollment.',
    });
    expect(fieldsOf(validForm({ mcoEnrollment: 'not_enrolled', mcoId: '' }))).toMatchObject({ mcoEnrollment: 'not_enrolled', mcoId: '' });
  });

  it('refuses an MCO id the agency does not have', () => {
    expect(errorsOf(validForm({ mcoId: 'acme-health' }))).toEqual({ mcoId: 'Choose an MCO from the list.' });
    expect(errorsOf(validForm({ mcoEnrollment: 'unknown', mcoId: 'acme-health' }))).toEqual({ mcoId: 'Choose an MCO from the list.' });
  });

  it('accepts unknown enrollment with an MCO the liaison believes is right', () => {
    expect(fieldsOf(validForm({ mcoEnrollment: 'unknown', mcoId: 'itc' }))).toMatchObject({ mcoEnrollment: 'unknown', mcoId: 'itc' });
  });

  it('refuses a sub-category that belongs to another category', () => {
    expect(errorsOf(validForm({ category: 'Pharmacy', subcategory: 'Missed ride' }))).toEqual({
      subcategory: 'Choose a sub-category of Pharmacy.',
    });
    expect(errorsOf(validForm({ category: 'Other', subcategory: 'Dental' }))).toEqual({ subcategory: 'Choose a sub-category of Other.' });
  });

  it('refuses an assignee who is not among the people, and stores the person for a known one', () => {
    expect(errorsOf(validForm({ assigneeId: 'p-zed' }))).toEqual({
      assigneeId: 'Choose an assignee from the list, or leave it unassigned.',
    });
    expect(fieldsOf(validForm({ assigneeId: 'p-ben' })).assignee).toEqual({ id: 'p-ben', name: 'Ben Cho' });
  });
});

describe('validateIntake: lengths', () => {
  it('refuses a description over 4000 characters after trimming, and accepts exactly 4000', () => {
    expect(errorsOf(validForm({ description: 'x'.repeat(4001) }))).toEqual({
      description: 'Shorten this to 4000 characters or fewer (now 4001).',
    });
    expect(fieldsOf(validForm({ description: ` ${'x'.repeat(4000)} ` })).description).toBe('x'.repeat(4000));
  });

  it.each<[IntakeControl, number]>([
    ['originatorName', 120],
    ['memberName', 120],
    ['callbackAvailability', 200],
    ['expectedOutcome', 4000],
    ['rootCause', 4000],
  ])('refuses %s longer than %i characters', (control, max) => {
    expect(errorsOf(validForm({ [control]: 'a'.repeat(max + 1) }))).toEqual({
      [control]: `Shorten this to ${max} characters or fewer (now ${max + 1}).`,
    });
    expect(validateIntake(validForm({ [control]: 'a'.repeat(max) }), ctx).ok).toBe(true);
  });

  it('refuses an originator email over 160 characters', () => {
    const email = `${'d'.repeat(150)}@hhs.iowa.gov`;
    expect(errorsOf(validForm({ originatorContact: email }))).toEqual({
      originatorContact: 'Shorten this to 160 characters or fewer (now 163).',
    });
  });
});

describe('emptyIntakeForm and formOfFields', () => {
  it('starts the form at now in the agency zone with the given assignee', () => {
    expect(emptyIntakeForm(NOW, CHICAGO, ANA)).toMatchObject({ receivedDate: '11/23/2026', receivedTime: '14:00', assigneeId: 'p-ana' });
  });

  it('round-trips stored fields through the form', () => {
    expect(fieldsOf(formOfFields(VALID_FIELDS, CHICAGO))).toEqual(VALID_FIELDS);
  });

  it('maps every stored field to controls of the form', () => {
    expect(Object.values(CONTROLS_OF_FIELD).flat().sort()).toEqual([...INTAKE_CONTROL_ORDER].sort());
  });

  it('schema refuses a control over 10,000 characters and a missing control', () => {
    expect(intakeFormSchema.safeParse(validForm()).success).toBe(true);
    expect(intakeFormSchema.safeParse(validForm({ description: 'x'.repeat(10_001) })).success).toBe(false);
    const { rootCause: _, ...missing } = validForm();
    expect(intakeFormSchema.safeParse(missing).success).toBe(false);
  });
});

describe('validateEdit', () => {
  /** A stored record imported from the old spreadsheet: its Medicaid ID and phone would not pass intake today. */
  const imported: InquiryFields = { ...VALID_FIELDS, medicaidId: 'LEGACY 42', memberPhone: '555-0123' };
  /** A record whose stored received date would be refused today. */
  const old: InquiryFields = { ...VALID_FIELDS, receivedAt: Date.UTC(1999, 5, 1, 15) as Instant };
  const noDob: InquiryFields = { ...VALID_FIELDS, memberDob: '' };

  /** [what, the stored fields, the fields edited, the controls typed]: the edit's case, then what it must answer. */
  type Edit = [string, InquiryFields, FieldName[], Partial<IntakeForm>];

  it.each<[...Edit, Partial<InquiryFields>]>([
    [
      'an unrelated invalid field does not block it',
      imported,
      ['description'],
      { description: '  Member called again. ' },
      { description: 'Member called again.' },
    ],
    ['a phone, formatted as stored', imported, ['memberPhone'], { memberPhone: '515 555 0177' }, { memberPhone: '(515) 555-0177' }],
    ['a date of birth, as a day', VALID_FIELDS, ['memberDob'], { memberDob: '7/4/1950' }, { memberDob: '1950-07-04' as IsoDay }],
    ['an assignee, as a person', VALID_FIELDS, ['assignee'], { assigneeId: 'p-ben' }, { assignee: { id: 'p-ben', name: 'Ben Cho' } }],
    ['no assignee', VALID_FIELDS, ['assignee'], { assigneeId: '' }, { assignee: null }],
    ['a fix of the invalid field itself', imported, ['medicaidId'], { medicaidId: '7654321b' }, { medicaidId: '7654321B' }],
    [
      'not enrolled, and no MCO',
      VALID_FIELDS,
      ['mcoEnrollment', 'mcoId'],
      { mcoEnrollment: 'not_enrolled', mcoId: '' },
      { mcoEnrollment: 'not_enrolled', mcoId: '' },
    ],
    [
      'another MCO',
      VALID_FIELDS,
      ['mcoEnrollment', 'mcoId'],
      { mcoEnrollment: 'enrolled', mcoId: 'wellpoint' },
      { mcoEnrollment: 'enrolled', mcoId: 'wellpoint' },
    ],
    [
      'the received date and time, as an instant',
      VALID_FIELDS,
      ['receivedAt'],
      { receivedDate: '11/20/2026', receivedTime: '10:30' },
      { receivedAt: Date.UTC(2026, 10, 20, 16, 30) as Instant },
    ],
    ['a record whose stored received date would be refused today', old, ['priority'], { priority: 'escalated' }, { priority: 'escalated' }],
    ['clearing the Medicaid ID when a date of birth is stored', VALID_FIELDS, ['medicaidId'], { medicaidId: '' }, { medicaidId: '' }],
  ])('validates only the edited fields and returns them as stored: %s', (_, current, fields, patch, values) => {
    expect(validateEdit(current, fields, patch, ctx)).toEqual({ ok: true, values });
  });

  it.each<[...Edit, Partial<Record<keyof IntakeForm, string>>]>([
    [
      'a Medicaid ID',
      imported,
      ['medicaidId'],
      { medicaidId: 'LEGACY 43' },
      { medicaidId: 'A Medicaid ID is 7 digits followed by a capital letter, for example 1234567A.' },
    ],
    [
      'an unknown assignee',
      VALID_FIELDS,
      ['assignee'],
      { assigneeId: 'p-zed' },
      { assigneeId: 'Choose an assignee from the list, or leave it unassigned.' },
    ],
    [
      'not enrolled with an MCO kept',
      VALID_FIELDS,
      ['mcoEnrollment', 'mcoId'],
      { mcoEnrollment: 'not_enrolled' },
      { mcoId: 'The member is marked as not enrolled: clear the MCO, or change the enrollment.' },
    ],
    [
      'a future received date, on the date control',
      VALID_FIELDS,
      ['receivedAt'],
      { receivedDate: '11/30/2026' },
      { receivedDate: 'The received date and time is in the future. Enter when the inquiry actually came in.' },
    ],
    [
      'clearing the Medicaid ID when no date of birth is stored',
      noDob,
      ['medicaidId'],
      { medicaidId: '' },
      { medicaidId: 'Enter the Medicaid ID or the date of birth, so the member can be identified.' },
    ],
    [
      'a sub-category longer than is stored, with no category to check it against (the fuzz test found it)',
      VALID_FIELDS,
      ['subcategory'],
      { category: '', subcategory: `${' '.repeat(40)}${'x'.repeat(81)}` },
      { subcategory: 'Shorten this to 80 characters or fewer (now 81).' },
    ],
  ])('refuses an invalid new value with its intake message on the edited control only: %s', (_, current, fields, patch, errors) => {
    expect(validateEdit(current, fields, patch, ctx)).toEqual({ ok: false, errors });
  });
});
