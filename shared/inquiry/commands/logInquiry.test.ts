import { describe, expect, it } from 'vitest';
import type { Actor } from '../../people';
import { encodeHlc } from '../../sync/hlc';
import type { Instant } from '../../time/types';
import type { CaseNumber } from '../caseNumber';
import type { InquiryFields } from '../fields';
import { projectInquiry } from '../projection';
import type { CommandContext } from './context';
import { logInquiry } from './logInquiry';
import { TEST_POLICY } from './testing';

const NOW = Date.UTC(2026, 10, 23, 20, 0) as Instant;
const ANA: Actor = { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' };

/** A context with ids 01JTEST…001, …002 and stamps counting up in the same millisecond. */
function testContext(now: Instant = NOW): CommandContext {
  let ids = 0;
  let counter = 0;
  return {
    actor: ANA,
    deviceId: 'DESKA',
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId: 'DESKA' }),
    newId: () => `01JTEST${String(++ids).padStart(19, '0')}`,
    ...TEST_POLICY,
  };
}

const FIELDS: InquiryFields = {
  receivedAt: Date.UTC(2026, 10, 23, 15, 15) as Instant,
  source: 'Managed Care Ombudsman',
  originatorName: 'Dana Ruiz',
  originatorContact: 'dana.ruiz@hhs.iowa.gov',
  memberName: 'Pat Lee',
  medicaidId: '1234567A',
  memberDob: '',
  memberPhone: '',
  callbackPhone: '(515) 555-0188',
  callbackAvailability: 'After 3 pm',
  mcoEnrollment: 'not_enrolled',
  mcoId: '',
  priority: 'escalated',
  category: 'Enrollment and eligibility',
  subcategory: 'Coverage gap',
  description: 'Coverage ended without notice.',
  expectedOutcome: 'Coverage restored.',
  rootCause: '',
  assignee: { id: 'p-ben', name: 'Ben Cho' },
};

describe('logInquiry', () => {
  it('emits one InquiryLogged with a new inquiry id, the full envelope and the validated fields', () => {
    const caseNumber = '261123-K7QM2-004' as CaseNumber;
    expect(logInquiry({ fields: FIELDS, caseNumber }, testContext())).toEqual([
      {
        id: '01JTEST0000000000000000002',
        inquiryId: '01JTEST0000000000000000001',
        actor: { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' },
        deviceId: 'DESKA',
        hlc: encodeHlc({ wall: NOW, counter: 0, deviceId: 'DESKA' }),
        at: NOW,
        v: 1,
        type: 'InquiryLogged',
        payload: { caseNumber: '261123-K7QM2-004', fields: FIELDS },
      },
      {
        id: '01JTEST0000000000000000003',
        inquiryId: '01JTEST0000000000000000001',
        actor: { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' },
        deviceId: 'DESKA',
        hlc: encodeHlc({ wall: NOW, counter: 1, deviceId: 'DESKA' }),
        at: NOW,
        v: 1,
        type: 'TargetsSet',
        payload: {
          priority: 'escalated',
          from: FIELDS.receivedAt,
          // Received Mon 23 Nov 09:15 CST. 1 business day = 8 h 30 m: 7 h 15 m Mon + 1 h 15 m Tue → Tue 09:15.
          firstContactTarget: Date.UTC(2026, 10, 24, 15, 15),
          // 3 business days = 25 h 30 m: Mon 7 h 15 m, Tue and Wed 8 h 30 m each, Thu 26 Nov is Thanksgiving, 1 h 15 m Fri → Fri 09:15.
          firstContactDeadline: Date.UTC(2026, 10, 27, 15, 15),
          policy: { target: { amount: 1, unit: 'businessDays' }, deadline: { amount: 3, unit: 'businessDays' } },
        },
      },
      {
        id: '01JTEST0000000000000000004',
        inquiryId: '01JTEST0000000000000000001',
        actor: { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' },
        deviceId: 'DESKA',
        hlc: encodeHlc({ wall: NOW, counter: 2, deviceId: 'DESKA' }),
        at: NOW,
        v: 1,
        type: 'RoutedToUnitLead',
        payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
      },
    ]);
  });

  it('routes nobody to the unit lead when the member has an MCO, and sets no targets for an unknown priority', () => {
    const fields: InquiryFields = { ...FIELDS, mcoEnrollment: 'enrolled', mcoId: 'itc', priority: 'retired-level' };
    expect(logInquiry({ fields, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext()).map((e) => e.type)).toEqual([
      'InquiryLogged',
    ]);
  });

  it('gives each logged inquiry its own id', () => {
    const ctx = testContext();
    const [a] = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, ctx);
    const [b] = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-005' as CaseNumber }, ctx);
    expect([a.inquiryId, a.id, b.inquiryId, b.id]).toEqual([
      '01JTEST0000000000000000001',
      '01JTEST0000000000000000002',
      '01JTEST0000000000000000005',
      '01JTEST0000000000000000006',
    ]);
    expect(b.hlc > a.hlc).toBe(true);
  });

  it('projects to an open record owned by the logger', () => {
    const events = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext());
    expect(projectInquiry(events)).toMatchObject({
      ...FIELDS,
      id: '01JTEST0000000000000000001',
      caseNumber: '261123-K7QM2-004',
      status: 'open',
      loggedAt: NOW,
      loggedBy: { id: 'p-ana', name: 'Ana Ortiz' },
      noteCount: 0,
      eventCount: 3,
      workflow: {
        targets: { priority: 'escalated', firstContactTarget: Date.UTC(2026, 10, 24, 15, 15) },
        routedToUnitLeadAt: NOW,
        resolution: null,
      },
    });
  });
});
