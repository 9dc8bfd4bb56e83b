import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events';
import { applyEvent } from '../projection';
import { messageSentText, recordMessageSent } from './recordMessageSent';
import { BEN, briefFields, ct, Desk, oneEvent, refusal, testContext } from './testKit';

/** Mon 23 Nov 2026 10:00 CST. */
const NOW = ct(2026, 11, 23, 10, 0);
const anas = () => testContext(NOW);
const MARCUS = { id: 'p-marcus', name: 'Marcus Lee' };

/** The brief inquiry (received 09:15), assigned to Marcus. */
const handedToMarcus = () => new Desk(briefFields({ assignee: MARCUS }), { at: ct(2026, 11, 23, 9, 20) }).record;

describe('recordMessageSent', () => {
  it('records a hand-off opened as an e-mail: to whom, the address, how; the row changes only by its count', () => {
    const state = handedToMarcus();
    const events = recordMessageSent(
      state,
      { message: 'hand_off', recipient: MARCUS, address: ' marcus.lee@hhs.iowa.gov ', way: 'email' },
      anas(),
    );
    expect(events).toEqual(
      oneEvent(state.id, NOW, 'MessageSent', { message: 'hand_off', recipient: MARCUS, address: 'marcus.lee@hhs.iowa.gov', way: 'email' }),
    );
    const [event] = events;
    expect(parseEvent(event).ok).toBe(true);
    const next = applyEvent(state, event);
    expect(next).toEqual({ ...state, eventCount: state.eventCount + 1, updatedAt: NOW, lastHlc: event.hlc });
    expect(messageSentText(event.payload)).toBe('Hand-off sent to Marcus Lee by e-mail (opened to marcus.lee@hhs.iowa.gov).');
  });

  it('a copied message keeps no address', () => {
    const [event] = recordMessageSent(
      handedToMarcus(),
      { message: 'hand_off', recipient: MARCUS, address: 'x@y.gov', way: 'copied' },
      anas(),
    );
    expect(event.payload.address).toBe('');
    expect(messageSentText(event.payload)).toBe('Hand-off sent to Marcus Lee: copied to the clipboard.');
  });

  it('refuses a hand-off to someone the inquiry is no longer assigned to, and one to nobody', () => {
    const state = handedToMarcus();
    expect(refusal(() => recordMessageSent(state, { message: 'hand_off', recipient: BEN, address: '', way: 'copied' }, anas()))).toEqual([
      'invalid_step',
      'The inquiry is no longer assigned to Ben Cho: look at who has it now.',
    ]);
    expect(refusal(() => recordMessageSent(state, { message: 'hand_off', recipient: null, address: '', way: 'copied' }, anas()))).toEqual([
      'validation',
      'Say whom the hand-off was for.',
    ]);
  });

  it('the unit lead callback message goes to the inbox, never a person; the timeline says case number only', () => {
    const state = handedToMarcus();
    const [event] = recordMessageSent(
      state,
      { message: 'unit_lead_callback', recipient: null, address: 'member.escalations@hhs.iowa.gov', way: 'email' },
      anas(),
    );
    expect(messageSentText(event.payload)).toBe(
      'Unit lead callback message opened as an e-mail to the Member Escalations inbox (member.escalations@hhs.iowa.gov): case number only.',
    );
    expect(
      refusal(() => recordMessageSent(state, { message: 'unit_lead_callback', recipient: MARCUS, address: '', way: 'email' }, anas())),
    ).toEqual(['validation', 'The unit lead callback message goes to the inbox, not a person.']);
  });
});
