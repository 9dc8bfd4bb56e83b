import { useMemo, useRef } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { failureText } from '../../../shared/errors';
import { unitLeadMessage } from '../../../shared/inquiry/message';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import type { Profile } from '../../../shared/people';
import { useServices } from '../../data/hooks';
import { useReadyMessage } from '../useReadyMessage';

/**
 * The inquiry of a member not enrolled with an MCO (SPEC.md "The process" 2): the message for the Member
 * Escalations inbox (the case number only), copied or opened as an e-mail to the inbox configured in Settings →
 * Policy (the timeline records that it was sent), and a unit lead's "Claim this callback".
 */
export function UnitLeadGate({ inquiry, config, profile }: { inquiry: InquiryRecord; config: AgencyConfig; profile: Profile }) {
  const message = useMemo(() => unitLeadMessage(inquiry), [inquiry]);
  const { repo } = useServices();
  const inbox = config.memberEscalationsInbox;
  const ready = useReadyMessage({ inquiryId: inquiry.id, kind: 'unit_lead_callback', message, to: inbox, recipient: null });
  const { setStatus } = ready;
  /** Where focus goes once the claim button is gone: the next action in the same row, never the page body. */
  const emailButton = useRef<HTMLButtonElement>(null);
  const claimed = inquiry.assignee !== null;
  async function claim() {
    try {
      await repo.editFields(inquiry.id, { assignee: { id: profile.id, name: profile.displayName } });
      emailButton.current?.focus();
      setStatus('You have the callback: it is in My inquiries.');
    } catch (err) {
      setStatus(`Not claimed: ${failureText(err)}`);
    }
  }
  return (
    <div className="gate" role="note" aria-labelledby="gate-title">
      <h3 id="gate-title">In the unit lead callback queue</h3>
      <p>
        The member is not enrolled with an MCO, so a unit lead takes the callback{claimed ? ` (${inquiry.assignee?.name} has it)` : ''}. Its
        warnings go to unit leads. This message carries the case number only.
      </p>
      <label htmlFor="gate-message">Message for the Member Escalations inbox</label>
      <textarea id="gate-message" readOnly rows={8} value={ready.text} />
      <div className="actions">
        {profile.role === 'lead' && inquiry.assignee?.id !== profile.id && (
          <button type="button" className="primary" onClick={() => void claim()}>
            Claim this callback
          </button>
        )}
        <button ref={emailButton} type="button" className="secondary" data-mailto={ready.mailto} onClick={() => void ready.email()}>
          {inbox ? `Open as e-mail to ${inbox}` : 'Open as e-mail'}
        </button>
        <button type="button" className="secondary" onClick={() => void ready.copy()}>
          Copy message
        </button>
        <span role="status">{ready.status}</span>
      </div>
      {!inbox && (
        <p className="muted small">No Member Escalations inbox is set (Settings → Policy): your mail program asks where to send it.</p>
      )}
    </div>
  );
}
