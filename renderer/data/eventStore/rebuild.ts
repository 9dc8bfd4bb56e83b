import type { Table } from 'dexie';
import type { InquiryEvent } from '../../../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../../../shared/inquiry/projection';
import { byInquiry, eventsOf, TIMELINE } from './timeline';

export type RebuildProgress = (done: number, total: number) => void;

export interface RebuildOptions {
  /** Events per chunk: about a tenth as many inquiries. */
  chunkEvents?: number;
  /**
   * Runs one chunk's reads, folds and writes: in a transaction of its own (Settings → Rebuild, so the
   * window can paint between chunks), or as it is, inside the caller's (a schema upgrade's).
   */
  runChunk?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Hears after each chunk which inquiries it rebuilt, and how far the rebuild is. */
  afterChunk?: (inquiryIds: string[], done: number, total: number) => Promise<void> | void;
}

/**
 * Folds every inquiry row again from its events (after the fold changed, or to repair), and removes
 * rows that no longer fold from any event. Reads the events in timeline order, `chunkEvents` at a
 * time (one read and one write per chunk, not one per inquiry): a million events rebuild in memory
 * for one chunk. A chunk's reading, folding and writing run as one task (a transaction cannot wait
 * for the window), so chunks are small: 1,000 events, about 100 inquiries.
 */
export async function rebuild(
  events: Table<InquiryEvent, string>,
  inquiries: Table<InquiryRecord, string>,
  { chunkEvents = 1000, runChunk = (work) => work(), afterChunk }: RebuildOptions = {},
): Promise<number> {
  const total = await inquiries.count();
  // Rows not met while reading the events: they have none left to fold, so they go at the end.
  const unmet = new Set((await inquiries.toCollection().primaryKeys()) as string[]);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const from = after;
    const ids = await runChunk(async () => {
      const range = from === null ? events.orderBy(TIMELINE) : events.where(TIMELINE).above([from, '\uffff']);
      const chunk = await range.limit(chunkEvents).toArray();
      if (chunk.length === 0) return null;
      const groups = byInquiry(chunk);
      // A full chunk may end part-way through an inquiry: it is read again, whole, with the next
      // chunk; an inquiry with more events than a chunk holds is read whole on its own.
      const last = (chunk[chunk.length - 1] as InquiryEvent).inquiryId;
      if (chunk.length === chunkEvents) {
        if (groups.size === 1) groups.set(last, await eventsOf(events, last));
        else groups.delete(last);
      }
      const records: InquiryRecord[] = [];
      const gone: string[] = [];
      for (const [id, list] of groups) {
        const record = projectInquiry(list);
        if (record) records.push(record);
        else gone.push(id);
      }
      await inquiries.bulkPut(records);
      if (gone.length > 0) await inquiries.bulkDelete(gone);
      return [...groups.keys()];
    });
    if (ids === null) break;
    after = ids[ids.length - 1] as string;
    for (const id of ids) unmet.delete(id);
    done += ids.length;
    await afterChunk?.(ids, done, Math.max(total, done));
  }
  if (unmet.size > 0) {
    const removed = await runChunk(async () => {
      const orphans: string[] = [];
      for (const id of unmet) if ((await eventsOf(events, id)).length === 0) orphans.push(id);
      await inquiries.bulkDelete(orphans);
      return orphans;
    });
    done += removed.length;
    await afterChunk?.(removed, done, Math.max(total, done));
  }
  return done;
}
