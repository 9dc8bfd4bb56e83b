import { useState } from 'react';
import { failureText } from '../../shared/errors';
import { type Profile, ROLE_LABELS } from '../../shared/people';
import { FormError } from '../components/ErrorSummary';
import { useRosterLinkOffer, useServices } from '../data/hooks';
import { moveCheckStore } from './useDesktopIntegration';

/**
 * Asks the person at the desk whether the roster entry of their name is them (renderer/data/rosterLink.ts): a desk
 * set up before it joined the unit's share has a profile of its own, and work a colleague assigned to the roster
 * entry from another desk would otherwise never reach this person's "My inquiries". Asked, never assumed.
 */
export function RosterLinkNotice({ profile }: { profile: Profile }) {
  const { repo } = useServices();
  const offer = useRosterLinkOffer(profile.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!offer) return null;
  const role = offer.role ?? profile.role;

  async function answer(link: boolean) {
    if (!offer) return;
    setBusy(true);
    setError(undefined);
    try {
      if (link) {
        const linked = await repo.linkProfileToRoster(profile.id, offer.id);
        // The notifications' last look too, so linking brings no second summary of what was already shown.
        moveCheckStore(profile.id, linked.id);
      } else await repo.declineRosterLink(profile.id, offer.id);
      document.getElementById('main')?.focus();
    } catch (e) {
      setError(`Nothing was changed: ${failureText(e)}`);
      setBusy(false);
    }
  }

  return (
    <section className="calendar-notice roster-link-notice" aria-labelledby="roster-link-title">
      <h2 id="roster-link-title">Is this you on the unit’s roster?</h2>
      <p>
        The roster this desk received lists <strong>{offer.name}</strong>, {ROLE_LABELS[role]}
        {offer.email ? ` (${offer.email})` : ''}
        {offer.addedBy ? `, added by ${offer.addedBy.name}` : ''}. Your profile on this desk was made before it joined the share, so work
        assigned to that entry from other desks does not reach your My inquiries yet.
      </p>
      {role !== profile.role && (
        <p>
          Linking makes your role on this desk {ROLE_LABELS[role]}, as the roster has it (now {ROLE_LABELS[profile.role]}).
        </p>
      )}
      <FormError message={error} />
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void answer(true)}>
          Yes, that is me: link my profile
        </button>
        <button type="button" disabled={busy} onClick={() => void answer(false)}>
          No, that is someone else
        </button>
      </div>
    </section>
  );
}
