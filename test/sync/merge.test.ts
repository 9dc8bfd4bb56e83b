import { describe, expect, it } from 'vitest';
import { supersededEdits } from '../../shared/sync/conflicts';
import { decodeHlc } from '../../shared/sync/hlc';
import { type Desk, shareNow, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS } from './memoryHarness';

/**
 * SYNC.md "What the tests must cover": the merge. Each test runs whole desks (Repo, Dexie,
 * engine) over a real temp folder through the main process's fs module.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

async function loggedEverywhere(): Promise<string> {
  const [a] = desks as [Desk];
  const { id } = await a.repo.logInquiry(FIELDS);
  await syncAll(desks);
  return id;
}

describe('merging work from several desks', () => {
  it('different fields edited offline on two desks are both kept', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const id = await loggedEverywhere();
    await a.repo.editFields(id, { description: 'Ride to dialysis missed twice.' });
    await b.repo.editFields(id, { callbackAvailability: 'Mornings only' });
    await syncAll(desks);
    for (const d of desks) {
      const row = (await d.rows())[id];
      expect(row?.description).toBe('Ride to dialysis missed twice.');
      expect(row?.callbackAvailability).toBe('Mornings only');
    }
    expect(await a.rows()).toEqual(await b.rows());
  });

  it('the same field edited on two desks ends the same everywhere, and the losing value stays in the timeline, flagged', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam']);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    const id = await loggedEverywhere();
    await a.repo.editFields(id, { expectedOutcome: 'Rebook for Thursday' });
    b.clock.skewMs = 1000; // Ben saves a moment later
    await b.repo.editFields(id, { expectedOutcome: 'Rebook for Friday' });
    await b.sync(); // Ben's change reaches the share first
    await a.sync();
    await c.sync();
    await syncAll(desks);
    for (const d of desks) expect((await d.rows())[id]?.expectedOutcome).toBe('Rebook for Friday');
    expect(await a.rows()).toEqual(await c.rows());
    for (const d of desks) {
      const events = await d.events();
      const edits = events.filter((e) => e.type === 'FieldEdited');
      expect(edits.map((e) => (e.type === 'FieldEdited' ? e.payload.to : null))).toEqual(['Rebook for Thursday', 'Rebook for Friday']);
      const losers = supersededEdits(events);
      expect([...losers.keys()]).toEqual([edits[0]?.id]);
      expect(losers.get(edits[0]?.id as string)?.actor.name).toBe('Ben');
    }
  });

  it('two edits in the same millisecond are ordered by desk id, the same on every desk', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const id = await loggedEverywhere();
    const t = shareNow() + 5000; // ahead of the logged event's stamp on both desks
    a.clock.frozen = t;
    b.clock.frozen = t;
    await a.repo.editFields(id, { mcoId: 'amerigroup' });
    await b.repo.editFields(id, { mcoId: 'molina' });
    await syncAll(desks);
    const edits = (await a.events()).filter((e) => e.type === 'FieldEdited');
    expect(edits.map((e) => decodeHlc(e.hlc)?.wall)).toEqual([t, t]);
    const winner = [...edits].sort((x, y) => (x.deviceId < y.deviceId ? -1 : 1))[1];
    const expected = winner?.type === 'FieldEdited' ? winner.payload.to : null;
    expect((await a.rows())[id]?.mcoId).toBe(expected);
    expect((await b.rows())[id]?.mcoId).toBe(expected);
  });

  it('the OS clock going backwards never makes a later edit lose to an earlier one', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const id = await loggedEverywhere();
    await a.repo.editFields(id, { subcategory: 'First edit' });
    a.clock.skewMs = -3_600_000; // the clock jumps an hour back
    await a.repo.editFields(id, { subcategory: 'Second edit' });
    const [first, second] = (await a.events()).filter((e) => e.type === 'FieldEdited');
    expect((second?.hlc ?? '') > (first?.hlc ?? '')).toBe(true);
    a.clock.skewMs = 0;
    await syncAll(desks);
    expect((await b.rows())[id]?.subcategory).toBe('Second edit');
    expect((await a.rows())[id]?.subcategory).toBe('Second edit');
  });

  it('a desk whose clock is a day fast stops sending and says so; once corrected, its work arrives without beating later edits', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const id = await loggedEverywhere();
    b.clock.skewMs = 24 * 3_600_000;
    await b.repo.editFields(id, { rootCause: 'Vendor scheduling error' });
    await b.repo.addNote(id, 'Spoke with the transport vendor.');
    const fast = await b.sync();
    expect(fast.problems.map((p) => p.code)).toEqual(['clock_off']);
    expect(fast.problems[0]?.message).toMatch(/clock is 24 hours ahead of the file server's/);
    expect(fast.published).toBe(0);
    expect(b.engine.status.pending).toBe(2);
    await a.sync();
    expect((await a.rows())[id]?.rootCause).toBe('');

    // Ana edits the same field after Ben did, by real time.
    await a.repo.editFields(id, { rootCause: 'Member gave the wrong address' });
    await a.sync();
    b.clock.skewMs = 0; // IT fixes Ben's clock
    const fixed = await b.sync();
    expect(fixed.problems).toEqual([]);
    expect(fixed.published).toBe(2);
    await syncAll(desks);
    // No stamp a day ahead reached the share: Ben's unpublished work was re-stamped when it was
    // sent after the correction, so it orders as made then (after Ana's edit), the same on both
    // desks, and Ana's value stays in the timeline flagged as overwritten.
    for (const d of desks) {
      const events = await d.events();
      expect(events.every((e) => (decodeHlc(e.hlc)?.wall ?? 0) < shareNow() + 60_000)).toBe(true);
      expect((await d.rows())[id]?.rootCause).toBe('Vendor scheduling error');
      expect((await d.rows())[id]?.noteCount).toBe(1);
      const anas = events.find((e) => e.type === 'FieldEdited' && e.actor.name === 'Ana');
      expect(supersededEdits(events).has(anas?.id as string)).toBe(true);
    }
    expect(await a.rows()).toEqual(await b.rows());
  });
});
