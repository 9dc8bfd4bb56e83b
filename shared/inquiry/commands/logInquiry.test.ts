import { describe, expect, it } from 'vitest';
import type { CaseNumber } from '../caseNumber';
import type { InquiryFields } from '../fields';
import { projectInquiry } from '../projection';
import { logInquiry } from './logInquiry';
import { BEN, ct, envelope, fieldsWith, testContext, testId } from './testKit';

/** Mon 23 Nov 2026 14:00 CST. */
const NOW = ct(2026, 11, 23, 14, 0);
/** The id a fresh context gives the new inquiry: its first. */
const INQUIRY = testId('DESKA', 1);

/** An Escalated inquiry received Mon 23 Nov 09:15 CST for a member not enrolled with an MCO, assigned to Ben. */
const FIELDS: InquiryFields = fieldsWith({
  receivedAt: ct(2026, 11, 23, 9, 15),
  mcoEnrollment: 'not_enrolled',
  mcoId: '',
  priority: 'escalated',
  assignee: { id: BEN.id, name: BEN.name },
});

describe('logInquiry', () => {
  it('emits one InquiryLogged with a new inquiry id, the full envelope and the validated fields', () => {
    const caseNumber = '261123-K7QM2-004' as CaseNumber;
    expect(logInquiry({ fields: FIELDS, caseNumber }, testContext(NOW))).toEqual([
      {
        ...envelope(INQUIRY, NOW, { n: 2, counter: 0 }),
        type: 'InquiryLogged',
        payload: { caseNumber: '261123-K7QM2-004', fields: FIELDS },
      },
      {
        ...envelope(INQUIRY, NOW, { n: 3, counter: 1 }),
        type: 'TargetsSet',
        // The member has no MCO: no priority, the unit lead's callback. Received Mon 23 Nov 09:15 CST: due at the
        // end of the next business day, Tue 24 Nov 16:30 CST, target and deadline alike.
        payload: {
          priority: '',
          from: FIELDS.receivedAt,
          firstContactTarget: Date.UTC(2026, 10, 24, 22, 30),
          firstContactDeadline: Date.UTC(2026, 10, 24, 22, 30),
          policy: { target: { amount: 1, unit: 'businessDays' }, deadline: { amount: 1, unit: 'businessDays' } },
        },
      },
      {
        ...envelope(INQUIRY, NOW, { n: 4, counter: 2 }),
        type: 'RoutedToUnitLead',
        payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
      },
    ]);
  });

  it('routes nobody to the unit lead when the member has an MCO, and sets no targets for an unknown priority', () => {
    const fields: InquiryFields = { ...FIELDS, mcoEnrollment: 'enrolled', mcoId: 'itc', priority: 'retired-level' };
    expect(logInquiry({ fields, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext(NOW)).map((e) => e.type)).toEqual([
      'InquiryLogged',
    ]);
  });

  it('gives each logged inquiry its own id', () => {
    const ctx = testContext(NOW);
    const [a] = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, ctx);
    const [b] = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-005' as CaseNumber }, ctx);
    expect([a.inquiryId, a.id, b.inquiryId, b.id]).toEqual([
      '01JDESKA000000000000000001',
      '01JDESKA000000000000000002',
      '01JDESKA000000000000000005',
      '01JDESKA000000000000000006',
    ]);
    expect(b.hlc > a.hlc).toBe(true);
  });

  it('projects to an open record owned by the logger', () => {
    const events = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext(NOW));
    expect(projectInquiry(events)).toMatchObject({
      ...FIELDS,
      id: INQUIRY,
      caseNumber: '261123-K7QM2-004',
      status: 'open',
      loggedAt: NOW,
      loggedBy: { id: 'p-ana', name: 'Ana Ortiz' },
      noteCount: 0,
      eventCount: 3,
      workflow: {
        targets: { priority: '', firstContactTarget: Date.UTC(2026, 10, 24, 22, 30) },
        routedToUnitLeadAt: NOW,
        resolution: null,
      },
    });
  });
});
