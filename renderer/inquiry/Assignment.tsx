import { useEffect, useMemo, useRef } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { handOffMessage } from '../../shared/inquiry/message';
import { fieldStamp, type InquiryRecord } from '../../shared/inquiry/projection';
import type { ReadyMessage } from '../../shared/mailto';
import { leadsTheUnit, type Profile } from '../../shared/people';
import { assignedToInactive, type RosterPerson } from '../../shared/roster/roster';
import type { Instant } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { useRoster, useServices } from '../data/hooks';
import { isEscalated } from '../intake/assignees';
import { useReadyMessage } from './useReadyMessage';

/*
 * Who has the inquiry (SPEC.md "The unit's roster", "The process" 5): the hand-off message when an Escalated
 * inquiry is with an ESR, the lead's "assigned to someone inactive: reassign", and "new to you" ending when the
 * assignee opens it.
 */
export function AssignmentPanel({
  inquiry,
  config,
  profile,
  focusHandOff,
  onReassign,
}: {
  inquiry: InquiryRecord;
  config: AgencyConfig;
  profile: Profile;
  /** The assignee was just changed here: focus goes to the hand-off, where the next step is. */
  focusHandOff: boolean;
  onReassign: () => void;
}) {
  const { repo } = useServices();
  const roster = useRoster();
  const mine = inquiry.assignee?.id === profile.id;
  const assignedHlc = fieldStamp(inquiry, 'assignee') ?? '';
  useEffect(() => {
    // Opened by its assignee: no longer "new to you" (until it is assigned to them again).
    if (mine) repo.markOpened(profile.id, inquiry.id, assignedHlc).catch(() => undefined);
  }, [repo, mine, profile.id, inquiry.id, assignedHlc]);

  if (inquiry.status !== 'open') return null;
  const assignee = inquiry.assignee ? roster[inquiry.assignee.id] : undefined;
  const inactive = leadsTheUnit(profile.role) && assignedToInactive(roster, inquiry.assignee);
  const handOff = assignee?.added && assignee.active && assignee.role === 'esr' && isEscalated(config, inquiry.priority) && !mine;
  return (
    <>
      {inactive && (
        <p className="notice notice-warning" role="note">
          Assigned to someone inactive ({inquiry.assignee?.name}):{' '}
          <button type="button" className="link-button" onClick={onReassign}>
            reassign
          </button>
        </p>
      )}
      {handOff && assignee && <HandOff key={assignee.id} inquiry={inquiry} config={config} to={assignee} focus={focusHandOff} />}
    </>
  );
}

/** The ready hand-off message for the ESR: copied, or opened as an e-mail to their address; the timeline records which. */
function HandOff({ inquiry, config, to, focus }: { inquiry: InquiryRecord; config: AgencyConfig; to: RosterPerson; focus: boolean }) {
  const zone = config.timeZone;
  const message: ReadyMessage = useMemo(
    () => handOffMessage(inquiry, config, to, (at: Instant) => formatLong(at, zone)),
    [inquiry, config, to, zone],
  );
  const ready = useReadyMessage({ inquiryId: inquiry.id, kind: 'hand_off', message, to: to.email, recipient: to });
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when it appears (keyed by the ESR), not on every change.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  const first = to.name.split(/\s+/)[0];
  return (
    <section className="gate handoff" aria-labelledby="handoff-title">
      <h3 id="handoff-title" tabIndex={-1} ref={heading}>
        Hand-off to {to.name}
      </h3>
      <p>
        {first} works this Escalated inquiry and sees it in My inquiries, marked new until they open it. Send them this message: it carries
        no member identifiers.
      </p>
      <label htmlFor="handoff-message">Hand-off message</label>
      <textarea id="handoff-message" readOnly rows={16} value={ready.text} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void ready.copy()}>
          Copy message
        </button>
        <button type="button" className="secondary" data-mailto={ready.mailto} onClick={() => void ready.email()}>
          {to.email ? `Open as e-mail to ${to.email}` : 'Open as e-mail'}
        </button>
        <span role="status">{ready.status}</span>
      </div>
      {!to.email && (
        <p className="muted small">
          {to.name} has no e-mail address on the roster (Settings → People): your mail program asks whom to send it to.
        </p>
      )}
    </section>
  );
}
