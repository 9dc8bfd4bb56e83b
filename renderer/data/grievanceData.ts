import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { LiaisonDb } from './db';

/*
 * Reads for the grievance report: the records of the complaints the log's rows point at (a row knows
 * whether it is a complaint and when it was received, so only those records are read), a chunk at a
 * time, yielding to the window between chunks.
 */

const CHUNK = 2000;
const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

/** The records of `ids`, in that order (ids no longer in the log are skipped). */
export async function readComplaintRecords(
  db: LiaisonDb,
  ids: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<InquiryRecord[]> {
  const out: InquiryRecord[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await db.inquiries.bulkGet(ids.slice(i, i + CHUNK))) if (r) out.push(r);
    onProgress?.(Math.min(i + CHUNK, ids.length), ids.length);
    await yieldToWindow();
  }
  return out;
}
