import { describe, expect, it } from 'vitest';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { encodeHlc } from '../../shared/sync/hlc';
import { addMs, type Instant } from '../../shared/time/types';
import { freshDeskPerTest, instant, LEE_GRANT, PAT_LEE, type TestDesk } from '../test/fixtures';
import { checkChainsInBackground, storedFindings } from './chainStore';
import { DAY_MS, sweepPause, sweepState, sweepStep } from './chainSweep';

const NOW = '2026-11-23T20:00:00.000Z';
let desk: TestDesk;
let deviceId: string;

freshDeskPerTest(
  async (d) => {
    desk = d;
    ({ deviceId } = await desk.repo.device());
    for (let i = 0; i < 3; i++) {
      const { id } = await desk.repo.logInquiry({ ...PAT_LEE, memberName: `Member ${i}` });
      await desk.repo.addNote(id, `Called the member (${i}).`);
    }
  },
  LEE_GRANT,
  NOW,
);

const ownChain = async () =>
  (await desk.db.events.where('[deviceId+chain.seq]').between([deviceId, 0], [deviceId, Number.POSITIVE_INFINITY]).toArray()).sort(
    (a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0),
  );

/** Steps until the pass is complete; returns the steps taken. */
async function wholePass(now: Instant, chunk: number): Promise<number> {
  for (let steps = 1; steps < 100; steps++) if ((await sweepStep(desk.db, now, chunk)).complete) return steps;
  throw new Error('the pass never completed');
}

describe('the background check looks back over every chain, over a day', () => {
  it('finds a change to an old event that checking only what is new never would', async () => {
    const now = instant(NOW);
    expect(await checkChainsInBackground(desk.db, () => now)).toBe(9);
    const chain = await ownChain();
    await desk.db.events.put({ ...(chain[2] as InquiryEvent), payload: { text: 'Never called.' } } as InquiryEvent);
    // What is new: nothing, so the change to #3 is not seen there.
    expect(await checkChainsInBackground(desk.db, () => now)).toBe(0);
    expect(await storedFindings(desk.db)).toEqual([]);

    // The daily pass, 2 events a step: 9 events, 5 steps, across restarts (its place is stored).
    expect(await wholePass(now, 2)).toBe(5);
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.event.seq, f.via])).toEqual([
      ['altered', 3, 'background'],
      ['link', 4, 'background'],
    ]);
    expect(await sweepState(desk.db)).toEqual({ startedAt: now, lastCompletedAt: now, cursor: null });
    // Done for the day: the next pass begins a day after this one began.
    expect(await sweepStep(desk.db, addMs(now, DAY_MS - 1), 2)).toEqual({ checked: 0, complete: true });
    expect(await sweepStep(desk.db, addMs(now, DAY_MS), 2)).toEqual({ checked: 2, complete: false });
  });

  it('names an event removed from the middle of this desk’s chain', async () => {
    const chain = await ownChain();
    await desk.db.events.delete((chain[4] as InquiryEvent).id);
    await wholePass(instant(NOW), 250);
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.event.seq, f.missing])).toEqual([['removed', 6, { from: 5, to: 5 }]]);
  });

  it('ends each pass by looking for this desk’s events put in without a link (cheaply, when there are none)', async () => {
    await wholePass(instant(NOW), 250);
    expect(await storedFindings(desk.db)).toEqual([]);
    const chain = await ownChain();
    const { chain: _none, ...bare } = chain[2] as InquiryEvent;
    await desk.db.events.add({
      ...bare,
      id: '01JPVTXN000000000000000001',
      hlc: encodeHlc({ wall: instant(NOW) + 5, counter: 0, deviceId }),
    } as InquiryEvent);
    await wholePass(addMs(instant(NOW), DAY_MS), 250);
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.event.eventId, f.via])).toEqual([
      ['unchained', '01JPVTXN000000000000000001', 'background'],
    ]);
  });

  it('is paced so a pass takes most of a day, a small log at once', () => {
    expect(sweepPause(24)).toBe(10 * 60_000);
    // 966,507 events (the bench's log): 3,867 steps of 250, about 18 s apart.
    expect(sweepPause(966_507)).toBe(Math.floor((DAY_MS * 0.8) / 3867));
    expect(sweepPause(100_000_000)).toBe(1000);
  });
});
