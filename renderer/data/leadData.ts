import type { InquiryRecord } from '../../shared/inquiry/projection';
import { type Report, type ReportContext, type ReportFilter, reportBuilder } from '../../shared/report/report';
import type { LiaisonDb } from './db';

/*
 * Reads for the lead screens: whole inquiry records in chunks (the log table holds only list rows),
 * yielding to the window between chunks so a 100,000-inquiry export or report never freezes it.
 */

const CHUNK = 2000;
const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

/** The records of `ids`, in that order (ids no longer in the log are skipped). */
export async function readRecords(
  db: LiaisonDb,
  ids: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<InquiryRecord[]> {
  const out: InquiryRecord[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = await db.inquiries.bulkGet(ids.slice(i, i + CHUNK));
    for (const r of chunk) if (r) out.push(r);
    onProgress?.(Math.min(i + CHUNK, ids.length), ids.length);
    await yieldToWindow();
  }
  return out;
}

/** Feeds `visit` every record of `ids`, a chunk at a time, without holding them all. */
async function eachRecord(
  db: LiaisonDb,
  ids: readonly string[],
  visit: (r: InquiryRecord) => void,
  onChunk?: (n: number) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await db.inquiries.bulkGet(ids.slice(i, i + CHUNK))) if (r) visit(r);
    onChunk?.(Math.min(CHUNK, ids.length - i));
    await yieldToWindow();
  }
}

/**
 * The lead report: inquiries received in the period (by the `receivedAt` index) and the inquiries
 * open now (`openIds`, from the log's rows), each fed to the report builder once.
 */
export async function leadReport(
  db: LiaisonDb,
  filter: ReportFilter,
  ctx: ReportContext,
  openIds: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Report> {
  const inPeriod = (await db.inquiries.where('receivedAt').between(filter.from, filter.to, true, false).primaryKeys()) as string[];
  const periodSet = new Set(inPeriod);
  const openOnly = openIds.filter((id) => !periodSet.has(id));
  const total = inPeriod.length + openOnly.length;
  const builder = reportBuilder(filter, ctx);
  let done = 0;
  const tick = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  await eachRecord(db, inPeriod, builder.add, tick);
  await eachRecord(db, openOnly, builder.add, tick);
  return builder.finish();
}
