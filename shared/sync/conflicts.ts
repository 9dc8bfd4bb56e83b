import type { FieldEdited, InquiryEvent } from '../inquiry/events';
import type { FieldValue } from '../inquiry/fields';

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && a.id === b.id && a.name === b.name);

/**
 * Field edits whose value was overwritten by a concurrent edit: one made on another desk by
 * someone who had not seen it. Two desks edited the same field while apart; the projection kept
 * the later stamp (last writer wins, the same on every desk), and the losing value stays in the
 * timeline, flagged with this so a person can see it and put it back if it was the right one.
 *
 * An edit is superseded when the next edit of the same field (in HLC order) started from a
 * different value than the one it set, and set a different value. Returns loser id → winner.
 */
export function supersededEdits(events: readonly InquiryEvent[]): Map<string, FieldEdited> {
  const lastByField = new Map<string, FieldEdited>();
  const out = new Map<string, FieldEdited>();
  const edits = events
    .filter((e): e is FieldEdited => e.type === 'FieldEdited')
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (const e of edits) {
    const prev = lastByField.get(e.payload.field);
    if (prev && prev.id !== e.id && !sameValue(e.payload.from, prev.payload.to) && !sameValue(e.payload.to, prev.payload.to))
      out.set(prev.id, e);
    lastByField.set(e.payload.field, e);
  }
  return out;
}
