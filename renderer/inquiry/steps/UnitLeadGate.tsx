import { useMemo, useState } from 'react';
import { unitLeadMessage } from '../../../shared/inquiry/message';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { useBridge } from '../../app/bridgeContext';

/** The inquiry of a member not enrolled with an MCO: the message that hands the callback to the unit lead. */
export function UnitLeadGate({ inquiry }: { inquiry: InquiryRecord }) {
  const message = useMemo(() => unitLeadMessage(inquiry), [inquiry]);
  const bridge = useBridge();
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Subject: ${message.subject}\n\n${message.body}`;
  async function copy() {
    try {
      await bridge.copyText({ text });
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy: select the text and press Ctrl+C.');
    }
  }
  return (
    <div className="gate" role="note" aria-labelledby="gate-title">
      <h3 id="gate-title">In the unit lead callback queue</h3>
      <p>The member is not enrolled with an MCO, so the unit lead takes the callback. This message carries no member identifiers.</p>
      <label htmlFor="gate-message">Message for the unit lead</label>
      <textarea id="gate-message" readOnly rows={8} value={text} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy message
        </button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}
