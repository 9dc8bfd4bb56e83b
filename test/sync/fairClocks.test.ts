import { describe, expect, it } from 'vitest';
import { supersededEdits } from '../../shared/sync/conflicts';
import { decodeHlc } from '../../shared/sync/hlc';
import { type Desk, shareNow, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS } from './memoryHarness';

/**
 * Issue 18, fair clocks: received stamps are bounded by the share's clock (the file server's, read
 * from a probe file's modification time), not by this desk's. A desk whose clock runs 3 hours slow
 * that edits after receiving a newer value keeps its edit, on its own screen and, once its clock
 * is corrected and its work sent, everywhere; it is told its clock is off meanwhile.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const SLOW = -3 * 3_600_000;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('a desk whose clock runs 3 hours slow', () => {
  it('keeps its edit made after receiving a newer value, on its own screen and everywhere once its clock is corrected', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam']);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    b.clock.skewMs = SLOW;
    c.clock.skewMs = SLOW;

    await a.repo.editFields(id, { expectedOutcome: 'Rebook for Thursday' });
    await a.sync();
    const received = await b.sync();
    expect((await b.rows())[id]?.expectedOutcome).toBe('Rebook for Thursday');
    // Ben's clock moved to what he received (the share's time), not held back by his own slow clock.
    const hlc = await b.store.localClock();
    expect(hlc?.wall).toBeGreaterThan(shareNow() - 60_000);
    // Told plainly, even with nothing of his own to send.
    expect(codes(received)).toContain('clock_off');
    expect(received.problems.find((p) => p.code === 'clock_off')?.message).toMatch(/3 hours behind the file server/);

    // Ben (reading Ana's value) changes it; Cam, slow too but offline, changes it after Ana as well.
    await b.repo.editFields(id, { expectedOutcome: 'Rebook for Friday' });
    expect((await b.rows())[id]?.expectedOutcome).toBe('Rebook for Friday');
    expect([...supersededEdits(await b.events()).keys()]).toEqual([]);
    const blocked = await b.sync();
    expect(codes(blocked)).toContain('clock_off');
    expect(b.engine.status.pending).toBe(1);

    // The clocks are corrected: Ben's work goes out and wins everywhere, as he expects.
    b.clock.skewMs = 0;
    c.clock.skewMs = 0;
    await syncAll(desks, 3);
    for (const d of desks) {
      expect((await d.rows())[id]?.expectedOutcome).toBe('Rebook for Friday');
      expect(d.engine.status.problems).toEqual([]);
    }
    expect(await a.rows()).toEqual(await b.rows());
    expect(await c.rows()).toEqual(await b.rows());
    // Ordered after Ana's edit by stamp, although stamped on a clock 3 hours behind.
    const edits = (await a.events()).filter((e) => e.type === 'FieldEdited');
    expect(edits.map((e) => (e.type === 'FieldEdited' ? e.payload.to : null))).toEqual(['Rebook for Thursday', 'Rebook for Friday']);
    expect(decodeHlc(edits[1]?.hlc as string)?.deviceId).toBe((await b.repo.device()).deviceId);
  });
});
