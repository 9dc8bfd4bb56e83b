import { type Scorecard, type ScorecardContext, type ScorecardFilter, scorecardBuilder } from '../../shared/report/scorecard';
import type { LiaisonDb } from './db';

/*
 * Reads for the MCO scorecard. A referral made in the period happened at or after the period's start
 * and was recorded then or later (an event is never recorded before it happened), so its inquiry's
 * newest event is too: the caller passes the inquiries the log's rows show
 * updated since then (`updatedAt`). Of those, only records that have been referred at all
 * (`workflow.referral`) have their events read, by the `[inquiryId+hlc]` index, a chunk of
 * inquiries at a time, yielding to the window between chunks; each inquiry's events go to the
 * builder and are let go.
 */

const CHUNK = 500;
const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

export async function mcoScorecard(
  db: LiaisonDb,
  filter: ScorecardFilter,
  ctx: ScorecardContext,
  candidateIds: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Scorecard> {
  const builder = scorecardBuilder(filter, ctx);
  for (let i = 0; i < candidateIds.length; i += CHUNK) {
    const records = await db.inquiries.bulkGet(candidateIds.slice(i, i + CHUNK));
    const referred = records.filter((r) => r?.workflow?.referral).map((r) => r?.id as string);
    if (referred.length > 0) {
      // One key-range read per inquiry (a getAll each), all in one read transaction.
      const lists = await db.transaction('r', db.events, () =>
        Promise.all(referred.map((id) => db.events.where('[inquiryId+hlc]').between([id, ''], [id, '\uffff']).toArray())),
      );
      for (const list of lists) if (list.length > 0) builder.add(list);
    }
    onProgress?.(Math.min(i + CHUNK, candidateIds.length), candidateIds.length);
    await yieldToWindow();
  }
  return builder.finish();
}
