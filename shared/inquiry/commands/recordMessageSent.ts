import { DomainError } from '../../errors';
import type { MessageSent, ReadyMessageKind, SendWay } from '../events';
import type { InquiryRecord } from '../projection';
import { type CommandContext, envelopeOf } from './context';

export interface MessageSentInput {
  message: ReadyMessageKind;
  /** The ESR a hand-off is for (the inquiry's assignee); null for the Member Escalations inbox. */
  recipient: { id: string; name: string } | null;
  /** The address the e-mail was opened to ('' when none, or when copied). */
  address: string;
  way: SendWay;
}

/**
 * Records on the timeline that a ready message went on its way (docs/events.md "MessageSent"): the hand-off to the ESR
 * the inquiry is assigned to, or the unit lead callback's message for the Member Escalations inbox. It names whom it
 * was for and how, never what it said (the message itself is made from the inquiry, without member identifiers).
 */
export function recordMessageSent(state: InquiryRecord, input: MessageSentInput, ctx: CommandContext): [MessageSent] {
  if (input.message === 'hand_off') {
    if (!input.recipient) throw new DomainError('validation', 'Say whom the hand-off was for.');
    if (state.assignee?.id !== input.recipient.id)
      throw new DomainError('invalid_step', `The inquiry is no longer assigned to ${input.recipient.name}: look at who has it now.`);
  } else if (input.recipient !== null)
    throw new DomainError('validation', 'The unit lead callback message goes to the inbox, not a person.');
  const address = input.way === 'email' ? input.address.trim() : '';
  return [
    {
      ...envelopeOf(ctx, state.id),
      type: 'MessageSent',
      payload: {
        message: input.message,
        recipient: input.recipient ? { id: input.recipient.id, name: input.recipient.name } : null,
        address,
        way: input.way,
      },
    },
  ];
}

/** What the timeline says of it (no member data: whom it was for, and how). */
export function messageSentText(p: MessageSent['payload']): string {
  if (p.message === 'hand_off') {
    const to = p.recipient?.name ?? 'the ESR';
    return p.way === 'email'
      ? `Hand-off sent to ${to} by e-mail${p.address ? ` (opened to ${p.address})` : ''}.`
      : `Hand-off sent to ${to}: copied to the clipboard.`;
  }
  return p.way === 'email'
    ? `Unit lead callback message opened as an e-mail to the Member Escalations inbox${p.address ? ` (${p.address})` : ''}: case number only.`
    : 'Unit lead callback message copied for the Member Escalations inbox: case number only.';
}
