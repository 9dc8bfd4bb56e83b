import type { InquiryEvent } from './events';
import { applyEvent, byHlc, type InquiryRecord, projectInquiry } from './projection';

/**
 * How an inquiry's row takes in events that are new to the store. Folding onto the stored row is
 * cheap and needs no read; it is only right when the row already holds every stored event and the
 * new ones all sort after what it has seen. Anything else (an event stamped before the row's
 * newest, events held with no row yet, a stored event whose stamp changed) folds the whole timeline.
 */
export type FoldPlan = { kind: 'fold'; onto: InquiryRecord | undefined } | { kind: 'refold' };

export interface FoldSituation {
  /** The inquiry's row as stored, if any. */
  row: InquiryRecord | undefined;
  /** Its events new to the store (any order, no duplicates). */
  fresh: readonly InquiryEvent[];
  /**
   * Whether events of this inquiry are stored already. Only asked when there is no row (a stored row
   * holds all of them): notes synced before the inquiry's first event have no row but must be folded in.
   */
  heldBefore: () => boolean;
  /** True when the events replace stored ones of the same id (a re-stamp): the old stamps are folded into the row. */
  replacing?: boolean;
}

export function planFold({ row, fresh, heldBefore, replacing = false }: FoldSituation): FoldPlan {
  if (replacing) return { kind: 'refold' };
  if (row === undefined) return heldBefore() ? { kind: 'refold' } : { kind: 'fold', onto: undefined };
  // At the row's newest stamp is not after it: that event may be in the row already (a snapshot's row
  // holds events its writer made while writing it, which then arrive in a segment): fold it again.
  return fresh.some((e) => e.hlc <= row.lastHlc) ? { kind: 'refold' } : { kind: 'fold', onto: row };
}

/**
 * The row after the plan: `fresh` folded in stamp order onto the row, or the projection of every
 * event of the inquiry (`timeline`: the stored ones and the fresh ones; duplicates are ignored).
 */
export function applyFoldPlan(
  plan: FoldPlan,
  fresh: readonly InquiryEvent[],
  timeline: () => readonly InquiryEvent[],
): InquiryRecord | undefined {
  if (plan.kind === 'refold') return projectInquiry(timeline());
  return [...fresh].sort(byHlc).reduce<InquiryRecord | undefined>(applyEvent, plan.onto);
}
