import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors';
import type { Actor } from '../../people';
import { encodeHlc } from '../../sync/hlc';
import type { Instant } from '../../time/types';
import type { CaseNumber } from '../caseNumber';
import { type InquiryRecord, projectInquiry } from '../projection';
import { sampleInquiry } from '../testInquiry';
import type { CommandContext } from './context';
import { editFields } from './editFields';
import { logInquiry } from './logInquiry';
import { TEST_POLICY } from './testing';

const LOGGED_AT = Date.UTC(2026, 10, 23, 15, 20) as Instant;
const NOW = Date.UTC(2026, 10, 23, 20, 0) as Instant;
const ANA: Actor = { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' };

/** A context with ids 01JDESKA…001, …002 and stamps counting up in the same millisecond. */
function testContext(now: Instant = NOW, deviceId = 'DESKA'): CommandContext {
  let ids = 0;
  let counter = 0;
  return {
    actor: ANA,
    deviceId,
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId }),
    newId: () => `01J${deviceId}${String(++ids).padStart(18, '0')}`,
    ...TEST_POLICY,
  };
}

const FIELDS = sampleInquiry({
  receivedAt: Date.UTC(2026, 10, 23, 15, 15) as Instant,
  originatorContact: '',
  callbackPhone: '',
  callbackAvailability: '',
  expectedOutcome: '',
  assignee: { id: 'p-ben', name: 'Ben Cho' },
});

const inquiry = (): InquiryRecord =>
  projectInquiry(
    logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext(LOGGED_AT, 'DESKL')),
  ) as InquiryRecord;

const stampAt = (counter: number) => encodeHlc({ wall: NOW, counter, deviceId: 'DESKA' });

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('editFields', () => {
  it('emits one FieldEdited per changed field, in the order given, with exact from and to', () => {
    const state = inquiry();
    const envelope = (n: number) => ({
      id: `01JDESKA${String(n).padStart(18, '0')}`,
      inquiryId: state.id,
      actor: ANA,
      deviceId: 'DESKA',
      hlc: stampAt(n - 1),
      at: NOW,
      v: 1,
      type: 'FieldEdited',
    });
    const events = editFields(
      state,
      { priority: 'escalated', mcoEnrollment: 'not_enrolled', mcoId: '', receivedAt: Date.UTC(2026, 10, 23, 14, 0) as Instant },
      testContext(),
    );
    expect(events.slice(0, 4)).toEqual([
      { ...envelope(1), payload: { field: 'priority', from: 'high', to: 'escalated' } },
      { ...envelope(2), payload: { field: 'mcoEnrollment', from: 'enrolled', to: 'not_enrolled' } },
      { ...envelope(3), payload: { field: 'mcoId', from: 'itc', to: '' } },
      { ...envelope(4), payload: { field: 'receivedAt', from: Date.UTC(2026, 10, 23, 15, 15), to: Date.UTC(2026, 10, 23, 14, 0) } },
    ]);
    // A new priority and received time set new first-contact targets; "not enrolled" passes the MCO gate.
    expect(events.slice(4)).toEqual([
      {
        ...envelope(5),
        type: 'TargetsSet',
        payload: {
          priority: 'escalated',
          from: Date.UTC(2026, 10, 23, 14, 0),
          // Received Mon 08:00 CST: 1 business day (8 h 30 m) → Mon 16:30; 3 → Wed 16:30.
          firstContactTarget: Date.UTC(2026, 10, 23, 22, 30),
          firstContactDeadline: Date.UTC(2026, 10, 25, 22, 30),
          policy: { target: { amount: 1, unit: 'businessDays' }, deadline: { amount: 3, unit: 'businessDays' } },
        },
      },
      {
        ...envelope(6),
        type: 'RoutedToUnitLead',
        payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
      },
    ]);
  });

  it('sets no new targets when neither priority nor received time changes', () => {
    const events = editFields(inquiry(), { description: 'Ride to dialysis did not come (twice).', priority: 'high' }, testContext());
    expect(events.map((e) => e.type)).toEqual(['FieldEdited']);
  });

  it('emits nothing for fields given with their current value', () => {
    const events = editFields(
      inquiry(),
      { priority: 'high', mcoId: 'itc', description: 'Ride to dialysis did not come (twice).' },
      testContext(),
    );
    expect(events.map((e) => e.payload)).toEqual([
      { field: 'description', from: 'Ride to dialysis did not come.', to: 'Ride to dialysis did not come (twice).' },
    ]);
  });

  it('skips a field given as undefined', () => {
    const events = editFields(inquiry(), { priority: undefined, rootCause: 'Vendor no-show' }, testContext());
    expect(events.map((e) => e.payload)).toEqual([{ field: 'rootCause', from: '', to: 'Vendor no-show' }]);
  });

  it('refuses an edit that changes nothing with no_change', () => {
    for (const changes of [{}, { priority: 'high' }, { assignee: { id: 'p-ben', name: 'Ben Cho' } }]) {
      const e = thrown(() => editFields(inquiry(), changes, testContext()));
      expect([e.code, e.message]).toEqual(['no_change', 'Nothing changed: the new value is the same as the current one.']);
    }
  });

  it('compares the assignee by value: a new object for the same person is no change, another person or a renamed one is', () => {
    const state = inquiry();
    expect(thrown(() => editFields(state, { assignee: { id: 'p-ben', name: 'Ben Cho' } }, testContext())).code).toBe('no_change');
    expect(editFields(state, { assignee: { id: 'p-cam', name: 'Cam Diaz' } }, testContext()).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: { id: 'p-cam', name: 'Cam Diaz' } },
    ]);
    expect(editFields(state, { assignee: { id: 'p-ben', name: 'Benjamin Cho' } }, testContext()).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: { id: 'p-ben', name: 'Benjamin Cho' } },
    ]);
  });

  it('unassigns and assigns', () => {
    const unassigned = editFields(inquiry(), { assignee: null }, testContext());
    expect(unassigned.map((e) => e.payload)).toEqual([{ field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: null }]);
    const state = projectInquiry([
      ...logInquiry(
        { fields: { ...FIELDS, assignee: null }, caseNumber: '261123-K7QM2-005' as CaseNumber },
        testContext(LOGGED_AT, 'DESKL'),
      ),
    ]) as InquiryRecord;
    expect(editFields(state, { assignee: { id: 'p-ben', name: 'Ben Cho' } }, testContext()).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: null, to: { id: 'p-ben', name: 'Ben Cho' } },
    ]);
  });

  it('changes the record when its events are folded', () => {
    const state = inquiry();
    const events = editFields(state, { priority: 'escalated', assignee: null }, testContext());
    const logged = logInquiry({ fields: FIELDS, caseNumber: '261123-K7QM2-004' as CaseNumber }, testContext(LOGGED_AT, 'DESKL'));
    expect(projectInquiry([...logged, ...events])).toMatchObject({
      priority: 'escalated',
      assignee: null,
      eventCount: logged.length + events.length,
      workflow: { targets: { priority: 'escalated' } },
    });
  });
});
