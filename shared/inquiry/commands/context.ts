import type { AgencyConfig, PolicyDuration } from '../../config/agencyConfig';
import type { Actor } from '../../people';
import type { HlcStamp } from '../../sync/hlc';
import type { Pause } from '../../time/calendar';
import type { Instant } from '../../time/types';
import { EVENT_FORMAT_VERSION } from '../events';

/**
 * The agency's clock arithmetic as commands need it (shared/time/timeRules.ts builds it over the
 * business calendar). Commands compute due times once, when the fact happens, and record them in
 * the event: a later change of policy or calendar never rewrites what was due when.
 */
export interface TimeRules {
  /**
   * `t` plus a policy duration: business hours/days count office time only; clock hours count all time.
   * Paused time (closed pauses only: a command never asks while a pause is open) does not count.
   */
  add(t: Instant, d: PolicyDuration, pauses?: readonly Pause[]): Instant;
  /** The close of the business day containing `t`, or of the next business day when `t` is outside office hours (pauses pushed past). */
  endOfBusinessDay(t: Instant, pauses?: readonly Pause[]): Instant;
  /**
   * The close of the `days`-th business day after the day of `t` (0: endOfBusinessDay), paused time not counting:
   * the unit lead callback's rule ("by the end of the next business day after receipt").
   */
  endOfNthBusinessDay(t: Instant, days: number, pauses?: readonly Pause[]): Instant;
}

/** What a command needs from its surroundings; the storage adapter supplies it inside its transaction. */
export interface CommandContext {
  actor: Actor;
  deviceId: string;
  now: Instant;
  /** Issues the next HLC stamp of this desk. */
  stamp(): HlcStamp;
  /** A new ULID. */
  newId(): string;
  /** The agency configuration in force now (priority levels, outreach limit, MCOs). */
  config: AgencyConfig;
  time: TimeRules;
}

/**
 * The envelope of a command's event, recorded now. `happened` (from `happenedOf`, commands/when.ts): when the step
 * happened; kept as `happenedAt` only when earlier than now (absent means it happened when recorded).
 */
export const envelopeOf = (ctx: CommandContext, inquiryId: string, happened?: Instant) => ({
  id: ctx.newId(),
  inquiryId,
  actor: ctx.actor,
  deviceId: ctx.deviceId,
  hlc: ctx.stamp(),
  at: ctx.now,
  ...(happened !== undefined && happened < ctx.now ? { happenedAt: happened } : {}),
  v: EVENT_FORMAT_VERSION,
});
