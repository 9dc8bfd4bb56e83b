import type { InquiryFields } from '../../shared/inquiry/fields';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { sampleInquiry } from '../../shared/inquiry/testInquiry';
import { SyncEngine, type SyncOptions } from '../../shared/sync/engine';
import type { ShareFolder } from '../../shared/sync/folder';
import { webPlatform } from '../../shared/sync/platform';
import { asInstant, type Clock } from '../../shared/time/types';
import { MemoryStore } from './memoryStore';

export const PASSPHRASE = 'correct horse battery staple';

/** Fast key derivation for tests that are not about it (the default, 600,000, is tested on its own). */
export const TEST_OPTIONS: Partial<SyncOptions> = { kdfIterations: 1000 };

/** A moving clock: a base instant plus however far the test has advanced it, plus this desk's skew. */
export class SimClock implements Clock {
  constructor(
    private readonly world: { t: number },
    public skew = 0,
  ) {}
  now() {
    return asInstant(this.world.t + this.skew);
  }
}

export interface MemoryDesk {
  id: string;
  store: MemoryStore;
  engine: SyncEngine;
  clock: SimClock;
}

export function memoryDesk(
  id: string,
  folder: ShareFolder,
  world: { t: number },
  skew = 0,
  options: Partial<SyncOptions> = {},
): MemoryDesk {
  const clock = new SimClock(world, skew);
  const store = new MemoryStore(id, clock);
  const engine = new SyncEngine({ folder, store, clock, platform: webPlatform(), options: { ...TEST_OPTIONS, ...options } });
  return { id, store, engine, clock };
}

/** Desk ids as the app makes them: 16 Crockford base-32 characters. */
export const DESK_IDS = ['A1DESK00000000AA', 'B2DESK00000000BB', 'C3DESK00000000CC', 'D4DESK00000000DD', 'E5DESK00000000EE'];

/** Pat Lee with a birth date and a phone of the member's own: more member data that must never reach the share in clear. */
export const FIELDS = sampleInquiry({
  memberDob: '1961-04-09' as InquiryFields['memberDob'],
  memberPhone: '(515) 555-0142',
});

/** The projections of a desk, keyed by inquiry id, minus what legitimately differs per desk (nothing). */
export function comparable(projections: Map<string, InquiryRecord>): Record<string, InquiryRecord> {
  return Object.fromEntries([...projections].sort(([a], [b]) => (a < b ? -1 : 1)));
}
