import { PlainWordsError } from '../../shared/errors';
import type { PinHash } from '../../shared/people';
import type { LiaisonDb } from './db';

/** Stores a profile's PIN hash (the PIN itself is never stored; see renderer/lock/pin.ts). */
export async function setProfilePin(db: LiaisonDb, profileId: string, pin: PinHash): Promise<void> {
  const updated = await db.profiles.update(profileId, { pin });
  if (updated !== 1) throw new PlainWordsError('That profile is no longer on this desk.');
}
