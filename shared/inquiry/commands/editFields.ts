import { DomainError } from '../../errors';
import type { FieldEdit, FieldEdited } from '../events';
import type { FieldName, FieldValue, InquiryFields } from '../fields';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && a.id === b.id && a.name === b.name);

/**
 * Changes fields of an inquiry from validated values (see `validateEdit`). One event per changed
 * field records who, when, the old value and the new; unchanged fields produce nothing.
 */
export function editFields(state: InquiryRecord, changes: Partial<InquiryFields>, ctx: CommandContext): FieldEdited[] {
  const events: FieldEdited[] = [];
  for (const field of Object.keys(changes) as FieldName[]) {
    const to = changes[field];
    if (to === undefined || sameValue(state[field], to)) continue;
    const payload = { field, from: state[field], to } as FieldEdit;
    events.push({ ...envelopeOf(ctx, state.id), type: 'FieldEdited', payload });
  }
  if (events.length === 0) throw new DomainError('no_change', 'Nothing changed: the new value is the same as the current one.');
  return events;
}
