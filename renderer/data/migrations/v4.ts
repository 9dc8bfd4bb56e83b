import type { Table } from 'dexie';
import type { InquiryEvent } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import type { Migration } from './migration';
import { v3 } from './v3';

/** Rows per read and write of the upgrade. */
const CHUNK = 2000;

/**
 * Version 4: inquiry rows gain `assignedBy`, the id of whoever made the current assignment ("new to you" only when
 * someone else assigned it; shared/log/logRow.ts `newToYou`). The fold sets it from the event that set `assignee`,
 * whose stamp the row already keeps (`fieldHlc.assignee`): each row takes the actor of its own event with that stamp,
 * one index read per row (`[inquiryId+hlc]`), never a re-fold of the whole log. The stores are v3's, unchanged.
 * Frozen: never edit; a change of schema is a new file.
 */
export const v4: Migration = {
  version: 4,
  stores: { ...v3.stores },
  upgrade: async (tx) => {
    const events = tx.table<InquiryEvent, string>('events');
    const inquiries = tx.table<InquiryRecord, string>('inquiries');
    let after: string | null = null;
    for (;;) {
      const rows: InquiryRecord[] = await (after === null ? inquiries.orderBy(':id') : inquiries.where(':id').above(after))
        .limit(CHUNK)
        .toArray();
      if (rows.length === 0) return;
      await inquiries.bulkPut(await Promise.all(rows.map((row) => withAssignedBy(events, row))));
      after = rows[rows.length - 1]?.id ?? null;
    }
  },
};

/** The row with `assignedBy`: the actor of the event that set its assignee (the logged event's when never edited). */
async function withAssignedBy(events: Table<InquiryEvent, string>, row: InquiryRecord): Promise<InquiryRecord> {
  const stamp = row.fieldHlc.assignee;
  const setBy = stamp ? await events.where('[inquiryId+hlc]').equals([row.id, stamp]).first() : undefined;
  return { ...row, assignedBy: setBy?.actor.id ?? row.loggedBy.id };
}
