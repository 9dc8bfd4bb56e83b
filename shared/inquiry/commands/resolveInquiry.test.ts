import { describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from '../../config/agencyConfig';
import { dueItems } from '../due';
import { RESOLUTIONS } from '../events';
import { closeCallback } from './closeCallback';
import { recordOutreach } from './recordOutreach';
import { referToMco } from './referToMco';
import { RESOLUTION_LABELS, resolutionBlocked, resolveInquiry } from './resolveInquiry';
import { scheduleCallback } from './scheduleCallback';
import { BEN, ct, Desk, oneEvent, refusal, testContext } from './testKit';

const NOW = ct(2026, 11, 27, 9, 0);
const unanswered = (desk: Desk, minute: number) =>
  desk.run(recordOutreach, { party: 'member', method: 'call', reached: false }, ct(2026, 11, 25, 15, minute));

describe('resolveInquiry', () => {
  it('emits one InquiryResolved with the resolution and the trimmed text', () => {
    const desk = new Desk();
    expect(
      resolveInquiry(desk.record, { resolution: 'agency', text: ' Ride rebooked for Friday. ' }, testContext(NOW, { actor: BEN })),
    ).toEqual(
      oneEvent(desk.record.id, NOW, 'InquiryResolved', { resolution: 'agency', text: 'Ride rebooked for Friday.' }, { actor: BEN }),
    );
  });

  it('resolves the record: how, what, who and when; nothing is due any more', () => {
    const desk = new Desk();
    desk.run(referToMco, { mcoId: 'itc', department: 'Member Services', contact: '' }, ct(2026, 11, 25, 15, 30));
    desk.run(resolveInquiry, { resolution: 'mco', text: 'ITC booked the ride.' }, NOW, BEN);
    expect(desk.record.status).toBe('resolved');
    expect(desk.record.workflow.resolution).toEqual({
      type: 'mco',
      text: 'ITC booked the ride.',
      at: NOW,
      by: { id: 'p-ben', name: 'Ben Cho' },
    });
    expect(dueItems(desk.record)).toEqual([]);
  });

  it('names every resolution in the log’s words', () => {
    expect(RESOLUTIONS.map((r) => RESOLUTION_LABELS[r])).toEqual([
      'Resolved by the agency',
      'Resolved by the MCO',
      'Routed to the unit lead',
      'Unable to reach the member',
      'Withdrawn',
    ]);
  });

  it('offers agency, unit lead and withdrawn at any time', () => {
    const { record } = new Desk();
    for (const resolution of ['agency', 'unit_lead', 'withdrawn'] as const) expect(resolutionBlocked(record, resolution, 2)).toBeNull();
  });

  describe('"unable to reach" after the configured number of unanswered attempts (default 2)', () => {
    it('is refused with 0 and with 1 attempt, saying how many are needed and recorded', () => {
      const desk = new Desk();
      const tryIt = () =>
        refusal(() => resolveInquiry(desk.record, { resolution: 'unable_to_reach', text: 'No answer.' }, testContext(NOW)));
      expect(tryIt()).toEqual(['invalid_step', '"Unable to reach" needs 2 unanswered outreach attempts; 0 are recorded.']);
      unanswered(desk, 10);
      expect(tryIt()).toEqual(['invalid_step', '"Unable to reach" needs 2 unanswered outreach attempts; 1 is recorded.']);
    });

    it('is allowed after 2 unanswered attempts, counting missed callbacks; a reached contact does not count', () => {
      const desk = new Desk();
      desk.run(recordOutreach, { party: 'originator', method: 'call', reached: true }, ct(2026, 11, 25, 15, 5));
      unanswered(desk, 10);
      expect(resolutionBlocked(desk.record, 'unable_to_reach', 2)).not.toBeNull();
      desk.run(
        scheduleCallback,
        { party: 'member', number: '515-555-0188', at: ct(2026, 11, 27, 8, 30), caller: BEN },
        ct(2026, 11, 25, 15, 20),
      );
      desk.run(
        closeCallback,
        { callbackId: desk.record.workflow.callbacks[0]?.id as string, outcome: 'voicemail' },
        ct(2026, 11, 27, 8, 31),
      );
      expect(desk.record.workflow.outreachAttempts).toBe(2);
      expect(desk.run(resolveInquiry, { resolution: 'unable_to_reach', text: 'Two attempts, no answer.' }, NOW).map((e) => e.type)).toEqual(
        ['InquiryResolved'],
      );
    });

    it('follows the agency’s maximum', () => {
      const config: AgencyConfig = { ...DEFAULT_AGENCY_CONFIG, outreachMaxAttempts: 3 };
      const desk = new Desk();
      unanswered(desk, 10);
      unanswered(desk, 11);
      expect(
        refusal(() => resolveInquiry(desk.record, { resolution: 'unable_to_reach', text: 'No answer.' }, testContext(NOW, { config }))),
      ).toEqual(['invalid_step', '"Unable to reach" needs 3 unanswered outreach attempts; 2 are recorded.']);
      unanswered(desk, 12);
      expect(resolveInquiry(desk.record, { resolution: 'unable_to_reach', text: 'No answer.' }, testContext(NOW, { config }))).toHaveLength(
        1,
      );
    });
  });

  describe('refusals', () => {
    it('"resolved by the MCO" with no referral', () => {
      expect(refusal(() => resolveInquiry(new Desk().record, { resolution: 'mco', text: 'MCO fixed it.' }, testContext(NOW)))).toEqual([
        'invalid_step',
        '"Resolved by the MCO" needs a referral to the MCO first.',
      ]);
    });

    it('no text', () => {
      expect(refusal(() => resolveInquiry(new Desk().record, { resolution: 'agency', text: ' ' }, testContext(NOW)))).toEqual([
        'validation',
        'Type what was done to resolve it.',
      ]);
    });

    it('a resolved inquiry', () => {
      const desk = new Desk();
      desk.run(resolveInquiry, { resolution: 'withdrawn', text: 'Withdrawn by the originator.' }, ct(2026, 11, 25, 15, 30));
      expect(refusal(() => resolveInquiry(desk.record, { resolution: 'agency', text: 'Done.' }, testContext(NOW)))).toEqual([
        'invalid_step',
        'This inquiry is resolved: reopen it before you resolve it again.',
      ]);
    });
  });
});
