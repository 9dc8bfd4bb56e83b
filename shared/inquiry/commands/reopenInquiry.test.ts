import { describe, expect, it } from 'vitest';
import { dueItems, dueState } from '../due';
import { projectInquiry } from '../projection';
import { recordOutreach } from './recordOutreach';
import { referToMco } from './referToMco';
import { reopenInquiry } from './reopenInquiry';
import { resolveInquiry } from './resolveInquiry';
import { itRefuses } from './testCases';
import { ct, Desk, LEE, oneEvent, testContext } from './testKit';

/** The default High inquiry (received Wed 25 Nov 15:00), referred at 15:30 and resolved by the agency at 16:00. */
function resolved(): Desk {
  const desk = new Desk();
  desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 25, 15, 30));
  desk.run(resolveInquiry, { resolution: 'agency', text: 'Ride rebooked.' }, ct(2026, 11, 25, 16, 0));
  return desk;
}

describe('reopenInquiry', () => {
  it('emits one InquiryReopened with the trimmed reason', () => {
    const desk = resolved();
    const now = ct(2026, 11, 30, 9, 0);
    expect(reopenInquiry(desk.record, { reason: ' The ride did not come again. ' }, testContext(now, { actor: LEE }))).toEqual(
      oneEvent(desk.record.id, now, 'InquiryReopened', { reason: 'The ride did not come again.' }, { actor: LEE }),
    );
  });

  it('opens the inquiry again with what was still due, at the times recorded then; the resolution stays in the timeline', () => {
    const desk = resolved();
    expect(dueItems(desk.record)).toEqual([]);
    desk.run(reopenInquiry, { reason: 'The ride did not come again.' }, ct(2026, 11, 30, 9, 0));
    expect(desk.record).toMatchObject({ status: 'open', workflow: { resolution: null } });
    const items = dueItems(desk.record);
    expect(items.map((i) => [i.kind, i.deadline])).toEqual([
      ['mco_contact', ct(2026, 11, 25, 16, 30)],
      ['mco_follow_up', ct(2026, 11, 25, 16, 30)],
      ['first_contact', ct(2026, 11, 27, 10, 30)],
    ]);
    expect(items.map((i) => dueState(i, ct(2026, 11, 30, 9, 0)))).toEqual(['overdue', 'overdue', 'overdue']);
    expect(desk.events.map((e) => e.type)).toEqual(['InquiryLogged', 'TargetsSet', 'McoReferred', 'InquiryResolved', 'InquiryReopened']);
  });

  it('lets the reopened inquiry be worked and resolved again', () => {
    const desk = resolved();
    desk.run(reopenInquiry, { reason: 'Member called back.' }, ct(2026, 11, 30, 9, 0));
    desk.run(recordOutreach, { party: 'member', method: 'call', reached: true }, ct(2026, 11, 30, 9, 15));
    desk.run(resolveInquiry, { resolution: 'agency', text: 'Second ride confirmed.' }, ct(2026, 11, 30, 10, 0));
    expect(desk.record.workflow.resolution).toMatchObject({ type: 'agency', text: 'Second ride confirmed.', at: ct(2026, 11, 30, 10, 0) });
    expect(projectInquiry(desk.events)).toEqual(desk.record);
  });

  describe('refusals', () => {
    itRefuses(reopenInquiry, testContext(ct(2026, 11, 30, 9, 0)), [
      ['an inquiry that is open', () => new Desk().record, { reason: 'Why not.' }, ['invalid_step', 'This inquiry is open already.']],
      ['no reason', () => resolved().record, { reason: '' }, ['validation', 'Type why it is reopened.']],
    ]);
  });
});
