import { asInstant } from '../time/types';
import type { InquiryFields } from './fields';

/**
 * The sample inquiry of the tests and benches (no real member): a High-priority transportation inquiry
 * as a liaison would log it, received 1:45 pm in Chicago on Monday 23 Nov 2026.
 */
export const PAT_LEE: InquiryFields = {
  receivedAt: asInstant(Date.parse('2026-11-23T19:45:00.000Z')),
  source: 'Call Center CSR',
  originatorName: 'Dana Ruiz',
  originatorContact: '(515) 555-0199',
  memberName: 'Pat Lee',
  medicaidId: '1234567A',
  memberDob: '',
  memberPhone: '',
  callbackPhone: '(515) 555-0188',
  callbackAvailability: 'Weekdays after 3 pm',
  mcoEnrollment: 'enrolled',
  mcoId: 'itc',
  priority: 'high',
  category: 'Transportation',
  subcategory: 'Missed ride',
  description: 'Ride to dialysis did not come.',
  expectedOutcome: 'Ride rebooked for Thursday.',
  rootCause: '',
  assignee: null,
};

/** The sample inquiry with what a test needs changed. */
export const sampleInquiry = (changes: Partial<InquiryFields> = {}): InquiryFields => ({ ...PAT_LEE, ...changes });
