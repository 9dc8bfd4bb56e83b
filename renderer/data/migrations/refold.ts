import type { Table } from 'dexie';
import type { InquiryEvent } from '../../../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../../../shared/inquiry/projection';

interface TimelineRow {
  id: string;
  inquiryId: string;
  hlc: string;
}

/**
 * The events table in timeline order (`[inquiryId+hlc]`), `size` rows at a time, without offsets
 * (which cost a full scan per page). The index is not unique, so each page restarts at the last key
 * and skips the rows already given there.
 */
export async function* timelinePages<T extends TimelineRow>(events: Table<T>, size: number): AsyncGenerator<T[]> {
  let lastKey: [string, string] | null = null;
  let seenAtLast = new Set<string>();
  for (;;) {
    const limit = size + seenAtLast.size;
    const page: T[] =
      lastKey === null
        ? await events.orderBy('[inquiryId+hlc]').limit(limit).toArray()
        : await events.where('[inquiryId+hlc]').aboveOrEqual(lastKey).limit(limit).toArray();
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

/**
 * Rebuilds every inquiry row from its events with the current fold, streaming the events in timeline
 * order (one inquiry's events in memory at a time). Works inside a transaction (an upgrade's too):
 * it awaits nothing but the tables. Rows with no events left are removed.
 */
export async function refoldAll(events: Table<InquiryEvent>, inquiries: Table<InquiryRecord>): Promise<number> {
  const stale = new Set((await inquiries.toCollection().primaryKeys()) as string[]);
  const pending: InquiryRecord[] = [];
  let group: InquiryEvent[] = [];
  let count = 0;
  const close = async () => {
    const record = group.length ? projectInquiry(group) : undefined;
    group = [];
    if (!record) return;
    stale.delete(record.id);
    pending.push(record);
    count++;
    if (pending.length >= 1000) await inquiries.bulkPut(pending.splice(0));
  };
  for await (const page of timelinePages(events, 2000)) {
    for (const e of page) {
      if (group.length && (group[0] as InquiryEvent).inquiryId !== e.inquiryId) await close();
      group.push(e);
    }
  }
  await close();
  if (pending.length) await inquiries.bulkPut(pending);
  if (stale.size) await inquiries.bulkDelete([...stale]);
  return count;
}
