import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { handOffMessage } from '../../shared/inquiry/message';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { mailtoOf, type ReadyMessage } from '../../shared/mailto';
import { leadsTheUnit, type Profile } from '../../shared/people';
import { assignedToInactive, type RosterPerson } from '../../shared/roster/roster';
import type { Instant } from '../../shared/time/types';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { useRoster, useServices } from '../data/hooks';
import { isEscalated } from '../intake/assignees';

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
  const assignedHlc = inquiry.fieldHlc.assignee ?? '';
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

/** The ready hand-off message for the ESR: copied, or opened as an e-mail to their address. */
function HandOff({ inquiry, config, to, focus }: { inquiry: InquiryRecord; config: AgencyConfig; to: RosterPerson; focus: boolean }) {
  const bridge = useBridge();
  const zone = config.timeZone;
  const message: ReadyMessage = useMemo(
    () => handOffMessage(inquiry, config, to, (at: Instant) => formatLong(at, zone)),
    [inquiry, config, to, zone],
  );
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when it appears (keyed by the ESR), not on every change.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  const text = `Subject: ${message.subject}\n\n${message.body}`;
  const first = to.name.split(/\s+/)[0];
  async function copy() {
    try {
      await bridge.copyText({ text });
      setStatus('Copied to the clipboard.');
    } catch {
      setStatus('Could not copy: select the text and press Ctrl+C.');
    }
  }
  async function email() {
    try {
      const r = await bridge.openMailto({ to: to.email, ...message });
      setStatus(
        r.opened
          ? `Opened as an e-mail${to.email ? ` to ${to.email}` : ''} in your mail program.`
          : 'No mail program opened it: copy the message instead.',
      );
    } catch {
      setStatus('No mail program opened it: copy the message instead.');
    }
  }
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
      <textarea id="handoff-message" readOnly rows={16} value={text} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy message
        </button>
        <button type="button" className="secondary" data-mailto={mailtoOf(to.email, message)} onClick={() => void email()}>
          {to.email ? `Open as e-mail to ${to.email}` : 'Open as e-mail'}
        </button>
        <span role="status">{status}</span>
      </div>
      {!to.email && (
        <p className="muted small">
          {to.name} has no e-mail address on the roster (Settings → People): your mail program asks whom to send it to.
        </p>
      )}
    </section>
  );
}
