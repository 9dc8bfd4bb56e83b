import { describe, expect, it } from 'vitest';
import { dueItems } from '../due';
import { closeCallback } from './closeCallback';
import { resolveInquiry } from './resolveInquiry';
import { BEN, ct, Desk, oneEvent, refusal, testContext } from './testKit';

/** A High inquiry received Mon 23 Nov 09:00 with callbacks to the member at 10:30 and the originator at 15:30, both Ben's. */
function withCallbacks(): { desk: Desk; member: string; originator: string } {
  const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 0) });
  desk.callback('member', ct(2026, 11, 23, 10, 30), BEN, ct(2026, 11, 23, 9, 5));
  desk.callback('originator', ct(2026, 11, 23, 15, 30), BEN, ct(2026, 11, 23, 9, 6));
  const [member, originator] = desk.record.workflow.callbacks.map((c) => c.id) as [string, string];
  return { desk, member, originator };
}

const kinds = (desk: Desk) => dueItems(desk.record).map((i) => (i.kind === 'callback' ? `callback:${i.label}` : i.kind));

describe('closeCallback', () => {
  it('emits one CallbackClosed with the outcome and the trimmed note', () => {
    const { desk, member } = withCallbacks();
    const now = ct(2026, 11, 23, 11, 2);
    expect(
      closeCallback(desk.record, { callbackId: member, outcome: 'no_answer', note: ' Rang 10 times. ' }, testContext(now, { actor: BEN })),
    ).toEqual(
      oneEvent(desk.record.id, now, 'CallbackClosed', { callbackId: member, outcome: 'no_answer', note: 'Rang 10 times.' }, { actor: BEN }),
    );
  });

  it('reaching the member is the first contact: the first-contact timer and that callback end', () => {
    const { desk, member } = withCallbacks();
    expect(kinds(desk)).toEqual(['callback:Callback to member', 'first_contact', 'callback:Callback to originator']);
    desk.run(closeCallback, { callbackId: member, outcome: 'reached' }, ct(2026, 11, 23, 11, 4), BEN);
    expect(desk.record.workflow).toMatchObject({ firstContactAt: ct(2026, 11, 23, 11, 4), outreachAttempts: 0 });
    expect(desk.record.workflow.callbacks.map((c) => c.status)).toEqual(['reached', 'scheduled']);
    expect(kinds(desk)).toEqual(['callback:Callback to originator']);
  });

  it.each(['no_answer', 'voicemail'] as const)('%s counts as an outreach attempt and leaves first contact due', (outcome) => {
    const { desk, member } = withCallbacks();
    desk.run(closeCallback, { callbackId: member, outcome }, ct(2026, 11, 23, 11, 4), BEN);
    expect(desk.record.workflow).toMatchObject({ firstContactAt: null, outreachAttempts: 1 });
    expect(desk.record.workflow.callbacks.map((c) => c.status)).toEqual([outcome, 'scheduled']);
    expect(kinds(desk)).toEqual(['first_contact', 'callback:Callback to originator']);
  });

  it('a cancelled callback is neither a contact nor an attempt', () => {
    const { desk, originator } = withCallbacks();
    desk.run(closeCallback, { callbackId: originator, outcome: 'cancelled', note: 'Originator emailed instead.' }, ct(2026, 11, 23, 10, 0));
    expect(desk.record.workflow).toMatchObject({ firstContactAt: null, outreachAttempts: 0 });
    expect(kinds(desk)).toEqual(['callback:Callback to member', 'first_contact']);
  });

  describe('refusals', () => {
    const now = testContext(ct(2026, 11, 23, 11, 5));

    it('a callback that is not on this inquiry', () => {
      const { desk } = withCallbacks();
      expect(refusal(() => closeCallback(desk.record, { callbackId: '01JOTHER000000000000000001', outcome: 'reached' }, now))).toEqual([
        'not_found',
        'That callback is not on this inquiry.',
      ]);
    });

    it('a callback already recorded', () => {
      const { desk, member } = withCallbacks();
      desk.run(closeCallback, { callbackId: member, outcome: 'voicemail' }, ct(2026, 11, 23, 11, 2));
      expect(refusal(() => closeCallback(desk.record, { callbackId: member, outcome: 'reached' }, now))).toEqual([
        'invalid_step',
        'That callback has already been recorded.',
      ]);
    });

    it('a note over 4000 characters', () => {
      const { desk, member } = withCallbacks();
      expect(refusal(() => closeCallback(desk.record, { callbackId: member, outcome: 'reached', note: 'x'.repeat(4001) }, now))).toEqual([
        'validation',
        'Shorten the note to 4000 characters or fewer (now 4001).',
      ]);
    });

    it('a resolved inquiry', () => {
      const { desk, member } = withCallbacks();
      desk.run(resolveInquiry, { resolution: 'agency', text: 'Done.' }, ct(2026, 11, 23, 10, 0));
      expect(refusal(() => closeCallback(desk.record, { callbackId: member, outcome: 'reached' }, now))).toEqual([
        'invalid_step',
        'This inquiry is resolved: reopen it before you record a callback.',
      ]);
    });
  });
});
