import { describe, expect, it } from 'vitest';
import type { Instant } from '../../time/types';
import { projectInquiry } from '../projection';
import { editFields } from './editFields';
import { BEN, briefFields, ct, Desk, envelope, refusal, testContext } from './testKit';

/** Mon 23 Nov 2026 14:00 CST. */
const NOW = ct(2026, 11, 23, 14, 0);
const FIELDS = briefFields({ assignee: { id: BEN.id, name: BEN.name } });

/** The brief inquiry assigned to Ben, logged at 09:20 on another desk (DESKL), so Ana's ids here start at 1. */
const desk = (fields = FIELDS) => new Desk(fields, { at: ct(2026, 11, 23, 9, 20), deviceId: 'DESKL' });
const inquiry = () => desk().record;

describe('editFields', () => {
  it('emits one FieldEdited per changed field, in the order given, with exact from and to', () => {
    const state = inquiry();
    const edited = (n: number) => ({ ...envelope(state.id, NOW, { n }), type: 'FieldEdited' });
    const events = editFields(
      state,
      { priority: 'escalated', mcoEnrollment: 'not_enrolled', mcoId: '', receivedAt: Date.UTC(2026, 10, 23, 14, 0) as Instant },
      testContext(NOW),
    );
    expect(events.slice(0, 4)).toEqual([
      { ...edited(1), payload: { field: 'priority', from: 'high', to: 'escalated' } },
      { ...edited(2), payload: { field: 'mcoEnrollment', from: 'enrolled', to: 'not_enrolled' } },
      { ...edited(3), payload: { field: 'mcoId', from: 'itc', to: '' } },
      { ...edited(4), payload: { field: 'receivedAt', from: Date.UTC(2026, 10, 23, 15, 15), to: Date.UTC(2026, 10, 23, 14, 0) } },
    ]);
    // A new priority and received time set new first-contact targets; "not enrolled" passes the MCO gate.
    expect(events.slice(4)).toEqual([
      {
        ...edited(5),
        type: 'TargetsSet',
        payload: {
          // Not enrolled: the unit lead's callback, due at the end of the next business day, with no priority.
          priority: '',
          from: Date.UTC(2026, 10, 23, 14, 0),
          // Received Mon 08:00 CST: 1 business day (8 h 30 m) → Mon 16:30; 3 → Wed 16:30.
          // Received Mon 23 Nov 08:00 CST: the close of the next business day is Tue 24 Nov 16:30 CST.
          firstContactTarget: Date.UTC(2026, 10, 24, 22, 30),
          firstContactDeadline: Date.UTC(2026, 10, 24, 22, 30),
          policy: { target: { amount: 1, unit: 'businessDays' }, deadline: { amount: 1, unit: 'businessDays' } },
        },
      },
      {
        ...edited(6),
        type: 'RoutedToUnitLead',
        payload: { reason: 'The member is not enrolled with an MCO: the unit lead takes the callback.' },
      },
    ]);
  });

  it('sets no new targets when neither priority nor received time changes', () => {
    const events = editFields(inquiry(), { description: 'Ride to dialysis did not come (twice).', priority: 'high' }, testContext(NOW));
    expect(events.map((e) => e.type)).toEqual(['FieldEdited']);
  });

  it('emits nothing for fields given with their current value', () => {
    const events = editFields(
      inquiry(),
      { priority: 'high', mcoId: 'itc', description: 'Ride to dialysis did not come (twice).' },
      testContext(NOW),
    );
    expect(events.map((e) => e.payload)).toEqual([
      { field: 'description', from: 'Ride to dialysis did not come.', to: 'Ride to dialysis did not come (twice).' },
    ]);
  });

  it('skips a field given as undefined', () => {
    const events = editFields(inquiry(), { priority: undefined, rootCause: 'Vendor no-show' }, testContext(NOW));
    expect(events.map((e) => e.payload)).toEqual([{ field: 'rootCause', from: '', to: 'Vendor no-show' }]);
  });

  it('refuses an edit that changes nothing with no_change', () => {
    for (const changes of [{}, { priority: 'high' }, { assignee: { id: 'p-ben', name: 'Ben Cho' } }]) {
      expect(refusal(() => editFields(inquiry(), changes, testContext(NOW)))).toEqual([
        'no_change',
        'Nothing changed: the new value is the same as the current one.',
      ]);
    }
  });

  it('compares the assignee by value: a new object for the same person is no change, another person or a renamed one is', () => {
    const state = inquiry();
    expect(refusal(() => editFields(state, { assignee: { id: 'p-ben', name: 'Ben Cho' } }, testContext(NOW)))[0]).toBe('no_change');
    expect(editFields(state, { assignee: { id: 'p-cam', name: 'Cam Diaz' } }, testContext(NOW)).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: { id: 'p-cam', name: 'Cam Diaz' } },
    ]);
    expect(editFields(state, { assignee: { id: 'p-ben', name: 'Benjamin Cho' } }, testContext(NOW)).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: { id: 'p-ben', name: 'Benjamin Cho' } },
    ]);
  });

  it('unassigns and assigns', () => {
    const unassigned = editFields(inquiry(), { assignee: null }, testContext(NOW));
    expect(unassigned.map((e) => e.payload)).toEqual([{ field: 'assignee', from: { id: 'p-ben', name: 'Ben Cho' }, to: null }]);
    const state = desk({ ...FIELDS, assignee: null }).record;
    expect(editFields(state, { assignee: { id: 'p-ben', name: 'Ben Cho' } }, testContext(NOW)).map((e) => e.payload)).toEqual([
      { field: 'assignee', from: null, to: { id: 'p-ben', name: 'Ben Cho' } },
    ]);
  });

  it('changes the record when its events are folded', () => {
    const logged = desk().events;
    const events = editFields(inquiry(), { priority: 'escalated', assignee: null }, testContext(NOW));
    expect(projectInquiry([...logged, ...events])).toMatchObject({
      priority: 'escalated',
      assignee: null,
      eventCount: logged.length + events.length,
      workflow: { targets: { priority: 'escalated' } },
    });
  });
});
