import { describe, expect, it } from 'vitest';
import { MemoryFolder } from './memoryFolder';
import { comparable, DESK_IDS, FIELDS, memoryDesk, PASSPHRASE } from './memoryHarness';

describe('sync engine on an in-memory folder', () => {
  it('a created share is joined by a second desk and both converge', async () => {
    const world = { t: Date.parse('2026-11-23T20:00:00.000Z') };
    const folder = new MemoryFolder(() => world.t);
    const a = memoryDesk(DESK_IDS[0] as string, folder, world);
    const b = memoryDesk(DESK_IDS[1] as string, folder, world);
    expect((await a.engine.createShare(PASSPHRASE)).ok).toBe(true);
    expect((await b.engine.joinShare(PASSPHRASE)).ok).toBe(true);

    const id = a.store.log(FIELDS);
    a.store.note(id, 'Called the member, no answer.');
    const ra = await a.engine.syncOnce();
    expect(ra.problems).toEqual([]);
    expect(ra.published).toBeGreaterThan(1);
    world.t += 1000;
    const rb = await b.engine.syncOnce();
    expect(rb.problems).toEqual([]);
    expect(rb.received).toBe(ra.published);
    b.store.edit(id, { priority: 'escalated' });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(a.store.inquiry(id)?.priority).toBe('escalated');
    expect(comparable(a.store.projections())).toEqual(comparable(b.store.projections()));
    expect(a.engine.status.desks.map((d) => d.deskCode).sort()).toEqual(['A1DES', 'B2DES']);
  });
});
