import { DomainError } from '../../errors';
import type { FieldEdit, FieldEdited, InquiryEvent } from '../events';
import type { FieldName, FieldValue, InquiryFields } from '../fields';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';
import { gateEvent, targetsEvent, unitLeadCallbackEvent } from './targets';

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && a.id === b.id && a.name === b.name);

/**
 * Changes fields of an inquiry from validated values (see `validateEdit`). One event per changed
 * field records who, when, the old value and the new; unchanged fields produce nothing.
 * A new priority or received time sets new first-contact targets; a change to "not enrolled" passes the MCO gate again.
 */
export function editFields(state: InquiryRecord, changes: Partial<InquiryFields>, ctx: CommandContext): InquiryEvent[] {
  const events: FieldEdited[] = [];
  for (const field of Object.keys(changes) as FieldName[]) {
    const to = changes[field];
    if (to === undefined || sameValue(state[field], to)) continue;
    const payload = { field, from: state[field], to } as FieldEdit;
    events.push({ ...envelopeOf(ctx, state.id), type: 'FieldEdited', payload });
  }
  if (events.length === 0) throw new DomainError('no_change', 'Nothing changed: the new value is the same as the current one.');
  const changed = new Set(events.map((e) => e.payload.field));
  const after = { ...state, ...changes };
  const timing = changed.has('priority') || changed.has('receivedAt') || changed.has('mcoEnrollment');
  const follow = [
    !timing
      ? null
      : after.mcoEnrollment === 'not_enrolled'
        ? unitLeadCallbackEvent(ctx, state.id, after.receivedAt)
        : changed.has('priority') || changed.has('receivedAt') || state.mcoEnrollment === 'not_enrolled'
          ? targetsEvent(ctx, state.id, after.priority, after.receivedAt)
          : null,
    changed.has('mcoEnrollment') ? gateEvent(ctx, state.id, after) : null,
  ];
  return [...events, ...follow.filter((e) => e !== null)];
}
