import Dexie, { type Table } from 'dexie';
import type { InquiryEvent } from '../../../shared/inquiry/events';

/** The index that keeps each inquiry's events together, in stamp order. */
export const TIMELINE = '[inquiryId+hlc]';

/** One inquiry's stored events, in stamp order. */
export function eventsOf(events: Table<InquiryEvent, string>, inquiryId: string): Promise<InquiryEvent[]> {
  return events.where(TIMELINE).between([inquiryId, Dexie.minKey], [inquiryId, Dexie.maxKey]).toArray();
}

/**
 * Which of these inquiries have events stored: one key-only read of at most one key per inquiry, all
 * issued at once (a single read over every range walks the index between them, thousands of times slower).
 */
export async function inquiriesWithEvents(events: Table<InquiryEvent, string>, inquiryIds: readonly string[]): Promise<Set<string>> {
  if (inquiryIds.length === 0) return new Set();
  const found = await Promise.all(
    inquiryIds.map((id) => events.where(TIMELINE).between([id, Dexie.minKey], [id, Dexie.maxKey]).limit(1).primaryKeys()),
  );
  return new Set(inquiryIds.filter((_, i) => (found[i]?.length ?? 0) > 0));
}

/** Events grouped by inquiry, in the order first met. */
export function byInquiry(events: readonly InquiryEvent[]): Map<string, InquiryEvent[]> {
  const groups = new Map<string, InquiryEvent[]>();
  for (const e of events) {
    const list = groups.get(e.inquiryId);
    if (list) list.push(e);
    else groups.set(e.inquiryId, [e]);
  }
  return groups;
}

interface TimelineRow {
  id: string;
  inquiryId: string;
  hlc: string;
}

/**
 * The events table in timeline order, `size` rows at a time, without offsets (which cost a full scan
 * per page). The index is not unique, so each page restarts at the last key and skips the rows
 * already given there.
 */
export async function* timelinePages<T extends TimelineRow>(events: Table<T>, size: number): AsyncGenerator<T[]> {
  let lastKey: [string, string] | null = null;
  let seenAtLast = new Set<string>();
  for (;;) {
    const limit = size + seenAtLast.size;
    const page: T[] =
      lastKey === null
        ? await events.orderBy(TIMELINE).limit(limit).toArray()
        : await events.where(TIMELINE).aboveOrEqual(lastKey).limit(limit).toArray();
    const at = lastKey;
    const fresh = at ? page.filter((e) => !(e.inquiryId === at[0] && e.hlc === at[1] && seenAtLast.has(e.id))) : page;
    if (fresh.length === 0) return;
    yield fresh;
    const tail = fresh[fresh.length - 1] as T;
    const next = at !== null && tail.inquiryId === at[0] && tail.hlc === at[1] ? seenAtLast : new Set<string>();
    for (const e of fresh) if (e.inquiryId === tail.inquiryId && e.hlc === tail.hlc) next.add(e.id);
    seenAtLast = next;
    lastKey = [tail.inquiryId, tail.hlc];
    if (page.length < limit) return;
  }
}
