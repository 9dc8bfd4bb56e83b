import type { Actor } from '../../people';
import type { HlcStamp } from '../../sync/hlc';
import type { Instant } from '../../time/types';

/** What a command needs from its surroundings; the storage adapter supplies it inside its transaction. */
export interface CommandContext {
  actor: Actor;
  deviceId: string;
  now: Instant;
  /** Issues the next HLC stamp of this desk. */
  stamp(): HlcStamp;
  /** A new ULID. */
  newId(): string;
}

export const envelopeOf = (ctx: CommandContext, inquiryId: string) => ({
  id: ctx.newId(),
  inquiryId,
  actor: ctx.actor,
  deviceId: ctx.deviceId,
  hlc: ctx.stamp(),
  at: ctx.now,
  v: 1 as const,
});
