import { describe, expect, it } from 'vitest';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import { projectInquiry } from '../../shared/inquiry/projection';
import type { ShareFolder } from '../../shared/sync/folder';
import { type Desk, openDesk, shareFiles, syncAll, team, tempShareEachTest } from './desks';
import { MemoryFolder } from './memoryFolder';
import { comparable, DESK_IDS, FIELDS, type MemoryDesk, memoryDesk, PASSPHRASE } from './memoryHarness';

const DAY = 86_400_000;

/** Records the segment files a desk reads (a desk starting from a snapshot reads none it covers). */
class CountingFolder implements ShareFolder {
  readonly segmentReads: number[] = [];
  constructor(private readonly inner: ShareFolder) {}
  list = (dir: string) => this.inner.list(dir);
  read = (p: string) => {
    const m = /\/seg-(\d+)$/.exec(p);
    if (m) this.segmentReads.push(Number(m[1]));
    return this.inner.read(p);
  };
  writeNew = (p: string, b: Uint8Array) => this.inner.writeNew(p, b);
  remove = (p: string) => this.inner.remove(p);
  probe = (p: string) => this.inner.probe(p);
}

describe('snapshots on a temp folder', () => {
  let desks: Desk[] = [];
  const share = tempShareEachTest(() => desks.splice(0));

  it('two desks publishing and snapshotting at once leave two complete snapshots, and a new desk starts from one', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { segmentEvents: 3 } });
    const [a, b] = desks as [Desk, Desk];
    for (let i = 0; i < 4; i++) {
      const { id } = await a.repo.logInquiry({ ...FIELDS, memberName: `Member A${i}` });
      await b.repo.logInquiry({ ...FIELDS, memberName: `Member B${i}` });
      await a.repo.addNote(id, `Note ${i}`);
    }
    await syncAll(desks);
    await Promise.all([
      a.repo.addNote((await a.db.inquiries.toCollection().first())?.id as string, 'Late note'),
      b.repo.logInquiry(FIELDS),
    ]);
    const [ra, rb] = await Promise.all([a.engine.maintainNow(), b.engine.maintainNow()]);
    expect(ra.problems).toEqual([]);
    expect(rb.problems).toEqual([]);
    const manifests = [...(await shareFiles(share.root)).keys()].filter((f) => f.endsWith('/manifest'));
    expect(manifests).toHaveLength(2);
    await Promise.all([a.sync(), b.sync()]);
    await syncAll(desks);

    const counting = new CountingFolder(new FsShareFolder(share.root));
    const c = await openDesk('Cam', share.root, { folder: counting });
    desks.push(c);
    expect((await c.engine.joinShare(PASSPHRASE)).ok).toBe(true);
    const progress: string[] = [];
    c.engine.onStatus((st) => {
      if (st.catchingUp) progress.push(`${st.catchingUp.done}/${st.catchingUp.total}`);
    });
    const first = await c.sync();
    // The status said how far catching up from the snapshot was, part by part, and says nothing once done.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatch(/^0\/\d+$/);
    expect(c.engine.status.catchingUp).toBeNull();
    expect(first.problems).toEqual([]);
    // Started from a snapshot: only segments published after it were read, none of those it covers.
    expect(counting.segmentReads.length).toBeGreaterThan(0);
    expect(Math.min(...counting.segmentReads)).toBeGreaterThan(3);
    expect(await c.rows()).toEqual(await a.rows());
    expect(await b.rows()).toEqual(await a.rows());
  });
});

describe('clean-up and a desk away longer than the retention period (in-memory folder, so the share clock moves with simulated days)', () => {
  const options = {
    segmentEvents: 4,
    retentionMs: 30 * DAY,
    maintenanceEveryMs: DAY,
    snapshotEveryMs: 7 * DAY,
    deskStatesEveryMs: 0,
  };

  async function setUp() {
    const world = { t: Date.parse('2026-01-05T15:00:00.000Z') };
    const folder = new MemoryFolder(() => world.t);
    const [a, b, c] = DESK_IDS.slice(0, 3).map((id) => memoryDesk(id, folder, world, 0, options)) as [MemoryDesk, MemoryDesk, MemoryDesk];
    await a.engine.createShare(PASSPHRASE);
    await b.engine.joinShare(PASSPHRASE);
    await c.engine.joinShare(PASSPHRASE);
    const id = a.store.log(FIELDS);
    for (const d of [a, b, c, a, b, c]) await d.engine.syncOnce();
    return { world, folder, a, b, c, id };
  }

  it('removes only its own segments that a snapshot covers, every active desk has read, and are past retention', async () => {
    const { world, folder, a, b, c, id } = await setUp();
    const segs = (d: MemoryDesk) => [...folder.files.keys()].filter((f) => f.startsWith(`devices/${d.id}/seg-`)).sort();
    // 20 days of work: nothing is old enough to remove.
    for (let day = 0; day < 20; day++) {
      world.t += DAY;
      a.store.note(id, `Day ${day}`);
      for (const d of [a, b, c]) await d.engine.syncOnce();
    }
    const published = segs(a);
    expect(published.length).toBeGreaterThan(5);
    expect(published[0]).toBe(`devices/${a.id}/seg-0000000001`);
    // Cam stops syncing for five days (well within retention): Ana must not remove what Cam has not read.
    for (let day = 20; day < 45; day++) {
      world.t += DAY;
      a.store.note(id, `Day ${day}`);
      await a.engine.syncOnce();
      await b.engine.syncOnce();
      if (day < 40) await c.engine.syncOnce();
    }
    const camRead = (await c.store.loadState()).cursors[a.id] ?? 0;
    const left = segs(a).map((f) => Number(f.slice(-10)));
    expect(left[0]).toBeGreaterThan(1); // the oldest were removed
    expect(left[0]).toBeLessThanOrEqual(camRead + 1); // but nothing Cam has not read
    const last = (await a.store.loadState()).nextSeq - 1;
    expect(left).toEqual(Array.from({ length: last - (left[0] ?? 0) + 1 }, (_, i) => (left[0] ?? 0) + i));
    // Other desks' files are never touched.
    expect([...folder.files.keys()].filter((f) => f.startsWith(`devices/${c.id}/state/`))).toHaveLength(1);
    for (const d of [a, b, c, a, b, c]) await d.engine.syncOnce();
    expect(comparable(c.store.projections())).toEqual(comparable(a.store.projections()));
    expect(c.store.inquiry(id)?.noteCount).toBe(45);
  });

  it('a desk away longer than retention catches up from a snapshot and loses nothing', async () => {
    const { world, folder, a, b, c, id } = await setUp();
    c.store.note(id, 'Written on Cam before going away');
    for (let day = 0; day < 50; day++) {
      world.t += DAY;
      a.store.note(id, `Ana day ${day}`);
      if (day % 3 === 0) b.store.edit(id, { callbackAvailability: `Day ${day} afternoons` });
      await a.engine.syncOnce();
      await b.engine.syncOnce();
    }
    expect(folder.files.has(`devices/${a.id}/seg-0000000001`)).toBe(false);
    expect([...folder.files.keys()].some((f) => f.startsWith('snapshots/') && f.endsWith('/manifest'))).toBe(true);
    const back = await c.engine.syncOnce();
    expect(back.problems).toEqual([]);
    for (const d of [a, b, c, a, b, c]) await d.engine.syncOnce();
    for (const d of [a, b, c]) expect(d.store.inquiry(id)?.noteCount).toBe(51);
    expect(comparable(c.store.projections())).toEqual(comparable(a.store.projections()));
    expect(comparable(b.store.projections())).toEqual(comparable(a.store.projections()));
  });
});

/** Records the snapshot parts a desk reads, and can fail reading them after a number of parts (the desk stopped half-way). */
class PartsFolder implements ShareFolder {
  readonly partReads: number[] = [];
  failAfter = Number.POSITIVE_INFINITY;
  constructor(private readonly inner: ShareFolder) {}
  list = (dir: string) => this.inner.list(dir);
  read = async (p: string) => {
    const m = /\/part-(\d+)$/.exec(p);
    if (m) {
      if (this.partReads.length >= this.failAfter) throw new Error('the window was closed');
      this.partReads.push(Number(m[1]));
    }
    return this.inner.read(p);
  };
  writeNew = (p: string, b: Uint8Array) => this.inner.writeNew(p, b);
  remove = (p: string) => this.inner.remove(p);
  probe = (p: string) => this.inner.probe(p);
}

/** Every row as the fold of the desk's own stored events gives it (what the rows must be once the events are in). */
async function foldedFromEvents(d: Desk): Promise<Record<string, unknown>> {
  const events = await d.db.events.toArray();
  const out: Record<string, unknown> = {};
  for (const id of [...new Set(events.map((e) => e.inquiryId))].sort()) {
    const row = projectInquiry(events.filter((e) => e.inquiryId === id));
    if (row) out[id] = row;
  }
  return out;
}

describe('a new desk joining from a snapshot’s rows (issue 18)', () => {
  let desks: Desk[] = [];
  const share = tempShareEachTest(() => desks.splice(0));

  /** Two desks with concurrent edits (a losing value), notes, and work published after the snapshot. */
  async function history(): Promise<[Desk, Desk, string[]]> {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { segmentEvents: 4, snapshotPartEvents: 3 } });
    const [a, b] = desks as [Desk, Desk];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await a.repo.logInquiry({ ...FIELDS, memberName: `Member A${i}` })).id);
      ids.push((await b.repo.logInquiry({ ...FIELDS, memberName: `Member B${i}` })).id);
    }
    await syncAll(desks);
    const [first, second] = ids as [string, string];
    await a.repo.editFields(first, { expectedOutcome: 'Rebook for Thursday' });
    b.clock.skewMs = 1000;
    await b.repo.editFields(first, { expectedOutcome: 'Rebook for Friday' });
    await a.repo.addNote(second, 'Called the member back');
    await syncAll(desks);
    expect((await a.engine.maintainNow()).problems).toEqual([]);
    // After the snapshot: segments the new desk reads once the snapshot is in.
    await b.repo.addNote(first, 'Ride booked');
    ids.push((await a.repo.logInquiry({ ...FIELDS, memberName: 'Member after' })).id);
    await syncAll(desks);
    return [a, b, ids];
  }

  it('lists the log from the rows first, fills in every event behind them with progress, and ends as the others', async () => {
    const [a, b] = await history();
    const counting = new PartsFolder(new FsShareFolder(share.root));
    const c = await openDesk('Cam', share.root, { folder: counting, options: { segmentEvents: 4, snapshotPartEvents: 3 } });
    desks.push(c);
    expect((await c.engine.joinShare(PASSPHRASE)).ok).toBe(true);
    const seen: Array<{ done: number; total: number; listed: boolean; rows: number; events: number }> = [];
    const checks: Promise<void>[] = [];
    c.engine.onStatus((st) => {
      const p = st.catchingUp;
      if (p)
        checks.push(
          Promise.all([c.db.inquiries.count(), c.db.events.count()]).then(([rows, events]) => {
            seen.push({ ...p, rows, events });
          }),
        );
    });
    const first = await c.sync();
    await Promise.all(checks);
    expect(first.problems).toEqual([]);
    const listed = seen.filter((p) => p.listed);
    // Once the progress says the log is listed, every row of the snapshot is there while events are still coming.
    expect(listed.length).toBeGreaterThan(1);
    expect(listed[0]?.rows).toBe(10);
    expect(listed[0]?.events).toBe(0);
    expect(c.engine.status.catchingUp).toBeNull();
    // The rows came from the snapshot's row parts (numbered after its event parts), newest first.
    const manifestParts = Math.max(...counting.partReads);
    expect(counting.partReads[0]).toBe(manifestParts);
    expect(await c.rows()).toEqual(await a.rows());
    expect(await b.rows()).toEqual(await a.rows());
    expect((await c.events()).map((e) => e.id)).toEqual((await a.events()).map((e) => e.id));
    // The rows are what the desk's own events fold to, the losing edit is still there, and work goes on.
    expect(await c.rows()).toEqual(await foldedFromEvents(c));
    const id = Object.keys(await c.rows())[0] as string;
    await c.repo.addNote(id, 'Cam was here');
    await syncAll(desks);
    expect(await c.rows()).toEqual(await a.rows());
    expect(await a.rows()).toEqual(await foldedFromEvents(a));
  });

  it('a desk stopped half-way goes on where it stopped, and ends with every event and the same rows', async () => {
    const [a] = await history();
    const counting = new PartsFolder(new FsShareFolder(share.root));
    const c = await openDesk('Cam', share.root, { folder: counting, options: { segmentEvents: 4, snapshotPartEvents: 3 } });
    desks.push(c);
    expect((await c.engine.joinShare(PASSPHRASE)).ok).toBe(true);
    counting.failAfter = 6; // the rows (4 parts of 3) and two parts of events, then the window closes
    const stopped = await c.sync();
    expect(stopped.problems.length).toBeGreaterThan(0);
    expect(await c.db.inquiries.count()).toBe(10);
    const partial = await c.db.events.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan((await a.events()).length);
    // Work done meanwhile on a listed row is kept.
    const id = Object.keys(await c.rows())[0] as string;
    await c.repo.addNote(id, 'Noted while the history filled in');
    counting.failAfter = Number.POSITIVE_INFINITY;
    const before = counting.partReads.length;
    expect((await c.sync()).problems).toEqual([]);
    // No row part was read again, nor an event part already in.
    const again = counting.partReads.slice(before);
    expect(new Set(again).size).toBe(again.length);
    expect(again.some((n) => counting.partReads.slice(0, before).includes(n))).toBe(false);
    await syncAll([...desks]);
    expect(await c.rows()).toEqual(await a.rows());
    expect(await c.rows()).toEqual(await foldedFromEvents(c));
    expect((await c.events()).map((e) => e.id)).toEqual((await a.events()).map((e) => e.id));
  });

  it('a desk holding a log of its own joins by the events (the rows are only for a desk holding nothing)', async () => {
    const [a] = await history();
    const counting = new PartsFolder(new FsShareFolder(share.root));
    const c = await openDesk('Cam', share.root, { folder: counting, options: { segmentEvents: 4, snapshotPartEvents: 3 } });
    desks.push(c);
    await c.repo.logInquiry({ ...FIELDS, memberName: 'Logged before joining' });
    expect((await c.engine.joinShare(PASSPHRASE)).ok).toBe(true);
    expect((await c.sync()).problems).toEqual([]);
    await syncAll([...desks]);
    // Event parts only: of the snapshot's parts, the last 4 hold its 10 rows (3 a part), and none of those was read.
    const parts = [...(await shareFiles(share.root)).keys()].filter((f) => /\/part-\d+$/.test(f)).length;
    expect(counting.partReads.length).toBeGreaterThan(0);
    expect(Math.max(...counting.partReads)).toBe(parts - 4);
    expect(await c.rows()).toEqual(await a.rows());
    expect(await c.rows()).toEqual(await foldedFromEvents(c));
  });
});
