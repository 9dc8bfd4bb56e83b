import type { Source } from '../config/agencyConfig';
import type { PersonRef } from '../people';
import type { Instant, IsoDay } from '../time/types';

export const ENROLLMENT = ['enrolled', 'not_enrolled', 'unknown'] as const;
export type Enrollment = (typeof ENROLLMENT)[number];
export const ENROLLMENT_LABELS: Record<Enrollment, string> = {
  enrolled: 'Enrolled with an MCO',
  not_enrolled: 'Not enrolled with an MCO',
  unknown: 'Unknown',
};

/** Everything a person records about an inquiry (SPEC.md "The inquiry"). Empty text is ''. */
export interface InquiryFields {
  receivedAt: Instant;
  source: Source;
  originatorName: string;
  originatorContact: string;
  memberName: string;
  medicaidId: string;
  memberDob: IsoDay | '';
  memberPhone: string;
  callbackPhone: string;
  callbackAvailability: string;
  mcoEnrollment: Enrollment;
  mcoId: string;
  priority: string;
  category: string;
  subcategory: string;
  description: string;
  expectedOutcome: string;
  rootCause: string;
  assignee: PersonRef | null;
}

export type FieldName = keyof InquiryFields;
export type FieldValue = InquiryFields[FieldName];

/** The fields that identify a member: masked in lists and never put in text meant for email. */
export const MEMBER_IDENTIFIERS = [
  'memberName',
  'medicaidId',
  'memberDob',
  'memberPhone',
  'callbackPhone',
] as const satisfies readonly FieldName[];
export type MemberIdentifier = (typeof MEMBER_IDENTIFIERS)[number];

export const isMemberIdentifier = (f: FieldName): f is MemberIdentifier => (MEMBER_IDENTIFIERS as readonly FieldName[]).includes(f);

export const FIELD_LABELS: Record<FieldName, string> = {
  receivedAt: 'Received',
  source: 'Source',
  originatorName: 'Originator',
  originatorContact: 'Originator phone and/or e-mail',
  memberName: 'Member name',
  medicaidId: 'Medicaid ID',
  memberDob: 'Date of birth',
  memberPhone: 'Member phone',
  callbackPhone: 'Best callback number',
  callbackAvailability: 'Callback availability',
  mcoEnrollment: 'MCO enrollment',
  mcoId: 'MCO',
  priority: 'Priority',
  category: 'Category',
  subcategory: 'Sub-category',
  description: 'Description',
  expectedOutcome: 'Expected outcome',
  rootCause: 'Root cause',
  assignee: 'Assignee',
};

export const FIELD_NAMES = Object.keys(FIELD_LABELS) as FieldName[];
