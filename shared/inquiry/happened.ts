import type { Instant } from '../time/types';

/**
 * When an event's step happened: its `happenedAt` when a person set one (event format 2), else when it was recorded
 * (`at`; every older event). Everything that gives a time business meaning (timers, warnings, reports, the
 * scorecard, exports, the grievance record) reads this, never `at`; `at` stays the recording time, shown beside it
 * in the timeline, and the fold's order stays the HLC's. Its own module: no zod, for the lightest readers.
 */
export const happenedAt = (e: { readonly at: Instant; readonly happenedAt?: Instant | undefined }): Instant => e.happenedAt ?? e.at;

/** True when the event says its step happened before it was recorded. */
export const recordedLater = (e: { readonly at: Instant; readonly happenedAt?: Instant | undefined }): boolean =>
  e.happenedAt !== undefined && e.happenedAt < e.at;

/**
 * The first time a kind of step happened (the first contact, the MCO's first report-back), given the one found so
 * far in the fold's order (HLC) and the next such event: the first folded stays first, unless a person said this
 * one happened earlier (its `happenedAt`). Events without a happened time of their own keep the fold's order, as
 * they always have: an earlier `at` folded later only means two desks' clocks disagree, not that it came first.
 */
export function firstHappened(first: Instant | null, e: { readonly at: Instant; readonly happenedAt?: Instant | undefined }): Instant {
  const at = happenedAt(e);
  if (first === null) return at;
  return e.happenedAt !== undefined && at < first ? at : first;
}
