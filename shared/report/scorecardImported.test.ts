import { describe, expect, it } from 'vitest';
import type { InquiryEvent } from '../inquiry/events';
import { referralEpisodes } from './scorecard';

/** Just what referralEpisodes reads of an event. */
const ev = (n: number, type: string, payload: object, imported = false) =>
  ({
    id: `e${n}`,
    inquiryId: 'i1',
    type,
    payload,
    hlc: `00000000${n}-0000-DESKA`,
    at: n * 1000,
    ...(imported ? { imported: true } : {}),
  }) as unknown as InquiryEvent;

const referral = ev(
  2,
  'McoReferred',
  { mcoId: 'itc', department: '', contact: '', note: '', mcoContactDue: 5000, followUpDue: 5000 },
  true,
);
const imported = ev(3, 'InquiryImported', { kind: 'new' });

describe("the scorecard's current figures leave out imported inquiries not reviewed yet", () => {
  it('an imported open referral is not "awaiting report-back" until a unit lead keeps it open', () => {
    expect(referralEpisodes([referral, imported]).map((e) => e.standing)).toEqual([false]);
    expect(
      referralEpisodes([referral, imported, ev(4, 'ImportReviewed', { decision: 'kept_open', note: '' })]).map((e) => e.standing),
    ).toEqual([true]);
    expect(referralEpisodes([referral]).map((e) => e.standing)).toEqual([true]);
  });
});
