import { useState } from 'react';
import { failureText } from '../../shared/errors';
import type { ReadyMessageKind, SendWay } from '../../shared/inquiry/events';
import { mailtoOf, type ReadyMessage } from '../../shared/mailto';
import type { PersonRef } from '../../shared/people';
import { useBridge } from '../app/bridgeContext';
import { useServices } from '../data/hooks';

/**
 * A ready message on an inquiry (the hand-off to an ESR, the unit lead callback's message for the inbox): its text,
 * copied through the bridge or opened as an e-mail to `to` through the bridge (main writes the mailto: URL), with a
 * status line saying what happened, and each sending recorded on the timeline (`recordMessageSent`: whom it was for
 * and how, never what it said).
 */
export function useReadyMessage({
  inquiryId,
  kind,
  message,
  to,
  recipient,
}: {
  inquiryId: string;
  kind: ReadyMessageKind;
  message: ReadyMessage;
  /** The address it opens to as an e-mail ('' none: the mail program asks). */
  to: string;
  /** Whom it is for (a hand-off's ESR), or null (the inbox). */
  recipient: PersonRef | null;
}) {
  const bridge = useBridge();
  const { repo } = useServices();
  const [status, setStatus] = useState<string | null>(null);
  const text = `Subject: ${message.subject}\n\n${message.body}`;

  /** Records that it went (done: what the person reads when it is recorded); a failure to record is said, not hidden. */
  async function record(way: SendWay, done: string) {
    try {
      await repo.execute('recordMessageSent', inquiryId, {
        message: kind,
        recipient: recipient ? { id: recipient.id, name: recipient.name } : null,
        address: way === 'email' ? to : '',
        way,
      });
      setStatus(`${done} The timeline records it.`);
    } catch (err) {
      setStatus(`${done} It is not on the timeline: ${failureText(err)}`);
    }
  }

  async function copy() {
    try {
      await bridge.copyText({ text });
    } catch {
      setStatus('Could not copy: select the text and press Ctrl+C.');
      return;
    }
    await record('copied', 'Copied to the clipboard.');
  }

  async function email() {
    let opened = false;
    try {
      opened = (await bridge.openMailto({ to, ...message })).opened;
    } catch {
      opened = false;
    }
    if (!opened) {
      setStatus('No mail program opened it: copy the message instead.');
      return;
    }
    await record('email', `Opened as an e-mail${to ? ` to ${to}` : ''} in your mail program.`);
  }

  return { text, status, setStatus, copy, email, mailto: mailtoOf(to, message) };
}
