import type { InquiryEvent } from '../../../shared/inquiry/events';
import type { KnownPerson } from '../meta';

/** `known` with the actors of `events` added or updated; null when nothing changed. */
export function peopleSeen(
  known: Readonly<Record<string, KnownPerson>>,
  events: readonly InquiryEvent[],
): Record<string, KnownPerson> | null {
  let next: Record<string, KnownPerson> | null = null;
  for (const { actor } of events) {
    const was = (next ?? known)[actor.id];
    if (was && was.name === actor.name && was.role === actor.role) continue;
    next ??= { ...known };
    next[actor.id] = { id: actor.id, name: actor.name, role: actor.role };
  }
  return next;
}
