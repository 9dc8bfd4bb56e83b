import { DomainError } from '../../shared/errors';
import type { Profile } from '../../shared/people';
import { EMPTY_ROSTER, type RosterPerson, rosterEntryFor } from '../../shared/roster/roster';
import type { LiaisonDb } from './db';
import { draftKey } from './draftStore';
import { deleteMeta, getMeta, getMetas, type MetaKey, putMeta } from './meta';

/*
 * A person who set up a desk of their own before it joined the unit's share has a profile of their own id, while
 * a lead put them on the roster from another desk under another id: work assigned to them there never reached
 * this desk's "My inquiries". Once the roster arrives, the person is asked whether the roster entry of their name
 * is them (shared/roster/roster.ts rosterEntryFor); if so, their profile takes the entry's id, with everything
 * this desk keeps per person, and their open inquiries are reassigned to it by the caller.
 */

/** What this desk keeps per person, by profile id (meta.ts). */
const PER_PERSON = ['opened', 'savedViews', 'logLayout', 'rosterLinkDeclined'] as const;
const keyOf = (kind: (typeof PER_PERSON)[number], profileId: string) => `${kind}:${profileId}` as MetaKey;

/** The roster entry to offer the person at the desk, unless they said it is not them. */
export async function rosterLinkOffer(db: LiaisonDb, profileId: string): Promise<RosterPerson | null> {
  const [[roster, declined], profiles] = await Promise.all([
    getMetas(db.meta, ['roster', `rosterLinkDeclined:${profileId}`] as const),
    db.profiles.toArray(),
  ]);
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) return null;
  const entry = rosterEntryFor(
    roster ?? EMPTY_ROSTER,
    profile,
    profiles.map((p) => p.id),
  );
  return entry && entry.id !== declined ? entry : null;
}

export async function declineRosterLink(db: LiaisonDb, profileId: string, personId: string): Promise<void> {
  await putMeta(db.meta, `rosterLinkDeclined:${profileId}`, personId);
}

/**
 * The profile becomes the roster entry: same PIN and name, the role the roster gives, the entry's id; what this
 * desk keeps per person moves with it, and it stays the active profile. One transaction: all or nothing. Refused
 * when the entry is no longer the one to offer (the roster changed meanwhile).
 */
export async function linkProfileToRoster(db: LiaisonDb, profileId: string, personId: string): Promise<Profile> {
  return db.transaction('rw', db.profiles, db.meta, db.drafts, async () => {
    const offer = await rosterLinkOffer(db, profileId);
    const profile = await db.profiles.get(profileId);
    if (!profile || !offer || offer.id !== personId)
      throw new DomainError('no_change', 'The roster changed since this was offered: look at Settings → People and ask a lead.');
    const linked: Profile = { ...profile, id: offer.id, role: offer.role ?? profile.role };
    await db.profiles.delete(profile.id);
    await db.profiles.add(linked);
    for (const kind of PER_PERSON) {
      const value = await getMeta(db.meta, keyOf(kind, profile.id));
      await deleteMeta(db.meta, keyOf(kind, profile.id));
      if (value !== undefined && kind !== 'rosterLinkDeclined') await putMeta(db.meta, keyOf(kind, linked.id), value as never);
    }
    // Forms in progress (an intake half typed) are the person's too: `<form>:<profileId>` (draftStore.ts).
    const drafts = (await db.drafts.toArray()).filter((d) => d.profileId === profile.id);
    await db.drafts.bulkDelete(drafts.map((d) => d.id));
    await db.drafts.bulkPut(drafts.map((d) => ({ ...d, id: draftKey(d.id.slice(0, d.id.indexOf(':')), linked.id), profileId: linked.id })));
    if ((await getMeta(db.meta, 'activeProfile')) === profile.id) await putMeta(db.meta, 'activeProfile', linked.id);
    return linked;
  });
}
