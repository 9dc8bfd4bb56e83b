import { useMemo, useRef, useState } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { unitLeadMessage } from '../../../shared/inquiry/message';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { mailtoOf } from '../../../shared/mailto';
import type { Profile } from '../../../shared/people';
import { useBridge } from '../../app/bridgeContext';
import { useServices } from '../../data/hooks';

/** What the timeline records when the message goes to the Member Escalations inbox (no member data: the case number is the inquiry's own). */
export const sentToInboxNote = (inbox: string) =>
  `Unit lead callback message opened as an e-mail to the Member Escalations inbox${inbox ? ` (${inbox})` : ''}: case number only.`;

/**
 * The inquiry of a member not enrolled with an MCO (SPEC.md "The process" 2): the message for the Member
 * Escalations inbox (the case number only), copied or opened as an e-mail to the inbox configured in Settings →
 * Policy (the timeline records that it was sent), and a unit lead's "Claim this callback".
 */
export function UnitLeadGate({ inquiry, config, profile }: { inquiry: InquiryRecord; config: AgencyConfig; profile: Profile }) {
  const message = useMemo(() => unitLeadMessage(inquiry), [inquiry]);
  const bridge = useBridge();
  const { repo } = useServices();
  const [status, setStatus] = useState<string | null>(null);
  /** Where focus goes once the claim button is gone: the next action in the same row, never the page body. */
  const emailButton = useRef<HTMLButtonElement>(null);
  const inbox = config.memberEscalationsInbox;
  const text = `Subject: ${message.subject}\n\n${message.body}`;
  const claimed = inquiry.assignee !== null;
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
      const r = await bridge.openMailto({ to: inbox, ...message });
      if (!r.opened) return setStatus('No mail program opened it: copy the message instead.');
      await repo.addNote(inquiry.id, sentToInboxNote(inbox));
      setStatus(`Opened as an e-mail${inbox ? ` to ${inbox}` : ''}; the timeline records it.`);
    } catch (err) {
      setStatus(`Not sent: ${(err as Error).message || 'no mail program opened it'}. Copy the message instead.`);
    }
  }
  async function claim() {
    try {
      await repo.editFields(inquiry.id, { assignee: { id: profile.id, name: profile.displayName } });
      emailButton.current?.focus();
      setStatus('You have the callback: it is in My inquiries.');
    } catch (err) {
      setStatus(`Not claimed: ${(err as Error).message}`);
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
      <textarea id="gate-message" readOnly rows={8} value={text} />
      <div className="actions">
        {profile.role === 'lead' && inquiry.assignee?.id !== profile.id && (
          <button type="button" className="primary" onClick={() => void claim()}>
            Claim this callback
          </button>
        )}
        <button ref={emailButton} type="button" className="secondary" data-mailto={mailtoOf(inbox, message)} onClick={() => void email()}>
          {inbox ? `Open as e-mail to ${inbox}` : 'Open as e-mail'}
        </button>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy message
        </button>
        <span role="status">{status}</span>
      </div>
      {!inbox && (
        <p className="muted small">No Member Escalations inbox is set (Settings → Policy): your mail program asks where to send it.</p>
      )}
    </div>
  );
}
