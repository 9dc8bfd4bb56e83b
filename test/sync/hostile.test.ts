import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentPath, statePath } from '../../shared/sync/layout';
import { type Desk, shareFiles, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS } from './memoryHarness';

/**
 * Issue 18: a shared folder anyone can write to. People who can write to the folder but have no
 * passphrase (or programs: Explorer, OneDrive, a restore) put files under names the app uses.
 * No name that does not authenticate may change what a desk does. One test per failure class,
 * three or four whole desks on a temp folder; each ends with identical projections, every note on
 * every desk exactly once, nothing lost, and publishing and clean-up still working.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const abs = (rel: string) => path.join(share.root, ...rel.split('/'));
const deviceOf = async (d: Desk) => (await d.repo.device()).deviceId;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
/** Cleans up at once (retention 0), reads heartbeats every cycle; missing segments are waited for a day. */
const OPTIONS = { segmentEvents: 1, retentionMs: 0, maintenanceEveryMs: 0, deskStatesEveryMs: 0, missingGraceMs: 86_400_000 };

/** Bytes that are not a sync file: random, or random behind the format's magic. */
function junk(header = false): Buffer {
  const noise = randomBytes(64 + Math.floor(Math.random() * 400));
  return header ? Buffer.concat([Buffer.from('LLSY\x01\x01\x00\x01'), noise]) : noise;
}

async function plant(rel: string, bytes: Buffer = junk()): Promise<void> {
  await mkdir(path.dirname(abs(rel)), { recursive: true });
  await writeFile(abs(rel), bytes);
}

/** The work of a unit's morning: inquiries on two desks, notes on every desk. Returns the notes written, per inquiry. */
async function work(ds: readonly Desk[], round: number, notes: Map<string, number>): Promise<void> {
  const [a, b] = ds as [Desk, Desk];
  for (const d of [a, b]) {
    const { id } = await d.repo.logInquiry({ ...FIELDS, memberName: `Member ${d.name} ${round}`, priority: 'unlisted' });
    notes.set(id, 0);
  }
  await syncAll(ds);
  for (const d of ds)
    for (const id of notes.keys()) {
      if (!(await d.db.inquiries.get(id))) continue;
      await d.repo.addNote(id, `Note from ${d.name} in round ${round}`);
      notes.set(id, (notes.get(id) ?? 0) + 1);
    }
}

/**
 * Every desk syncs until settled, then: the same rows everywhere, every note exactly once on every
 * desk, nothing waiting to be sent, no problem left; a new note still travels; and clean-up removes
 * each desk's segments (a snapshot covers them and everyone has read them).
 */
async function expectSettled(ds: readonly Desk[], notes: Map<string, number>): Promise<void> {
  for (let round = 0; round < 4; round++) for (const d of ds) await d.sync(true);
  const first = ds[0] as Desk;
  const rows = await first.rows();
  expect(Object.keys(rows).sort()).toEqual([...notes.keys()].sort());
  for (const d of ds) {
    expect(await d.rows()).toEqual(rows);
    for (const [id, count] of notes) {
      expect((await d.rows())[id]?.noteCount).toBe(count);
      expect((await d.db.events.where('inquiryId').equals(id).toArray()).filter((e) => e.type === 'NoteAdded')).toHaveLength(count);
    }
    expect(d.engine.status.pending).toBe(0);
    expect(d.engine.status.problems).toEqual([]);
    expect(d.engine.status.quarantined).toEqual([]);
  }
  // Publishing still works...
  const id = [...notes.keys()][0] as string;
  await first.repo.addNote(id, 'One more, after it all');
  notes.set(id, (notes.get(id) ?? 0) + 1);
  for (let round = 0; round < 2; round++) for (const d of ds) await d.sync(true);
  for (const d of ds) expect((await d.rows())[id]?.noteCount).toBe(notes.get(id));
  // ...and so does clean-up: each desk's published segments go once a snapshot covers them and all have read them.
  for (const d of ds) expect(codes(await d.engine.maintainNow())).toEqual([]);
  for (const d of ds) await d.sync(true);
  for (const d of ds) expect(codes(await d.engine.maintainNow())).toEqual([]);
  for (const d of ds) {
    const state = await d.store.loadState();
    expect(state.published).toEqual([]);
    expect(state.oldestSeq).toBeGreaterThan(1);
    const me = await deviceOf(d);
    for (let seq = 1; seq < state.oldestSeq; seq++) {
      if (state.skipped.includes(seq)) continue;
      await expect(readFile(abs(segmentPath(me, seq)))).rejects.toThrow(/ENOENT/);
    }
  }
}

describe('no unauthenticated name changes what a desk does', () => {
  it('junk under this desk’s own next segment names, up to the layout’s last number, never moves its numbering', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam'], { options: OPTIONS });
    const [a, b] = desks as [Desk, Desk, Desk];
    const notes = new Map<string, number>();
    await work(desks, 1, notes);
    await syncAll(desks);
    const ana = await deviceOf(a);
    const next = (await a.store.loadState()).nextSeq;
    const reported: string[] = [];
    a.engine.onStatus((st) => {
      if (st.phase === 'syncing') return; // the status while a cycle runs still shows the last cycle's problems
      for (const p of st.problems) if (p.code === 'unknown_files') reported.push(p.message);
    });
    await plant(segmentPath(ana, 9_999_999_999));
    await plant(segmentPath(ana, next), junk(true));
    await plant(segmentPath(ana, next + 2));
    await work(desks, 2, notes);
    const r = await a.sync(true);
    expect(r.problems.filter((p) => p.blocking)).toEqual([]);
    const state = await a.store.loadState();
    expect(state.skipped).toEqual([next, next + 2]);
    expect(state.nextSeq).toBeLessThan(next + 20);
    expect(Math.max(...state.published.map((p) => p.seq))).toBeLessThan(next + 20);
    // The junk Ana stepped over is reported once, by name.
    await syncAll(desks);
    for (const junkName of [segmentPath(ana, next), segmentPath(ana, next + 2)])
      expect(reported.filter((m) => m.includes(junkName))).toHaveLength(1);
    expect((await b.sync(true)).problems.map((p) => p.code)).not.toContain('unknown_files');
    await expectSettled(desks, notes);
  });

  it('readers never wait out numbers that junk took, even when the junk is gone before they look', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam'], { options: OPTIONS });
    const [a, b, c] = desks as [Desk, Desk, Desk];
    const notes = new Map<string, number>();
    await work(desks, 1, notes);
    await syncAll(desks);
    const ana = await deviceOf(a);
    const next = (await a.store.loadState()).nextSeq;
    // A moderately high number, and the very next one; Ana skips the next one...
    await plant(segmentPath(ana, next + 3));
    await plant(segmentPath(ana, next));
    const id = [...notes.keys()][0] as string;
    for (const text of ['one', 'two', 'three', 'four', 'five']) {
      await a.repo.addNote(id, `Ana's note ${text}`);
      notes.set(id, (notes.get(id) ?? 0) + 1);
    }
    await a.sync(true);
    expect((await a.store.loadState()).skipped).toEqual([next, next + 3]);
    // ...and someone removes both junk files before Ben or Cam look: their numbers stay missing for good.
    await unlink(abs(segmentPath(ana, next)));
    await unlink(abs(segmentPath(ana, next + 3)));
    // Readers waiting a day for a missing number would hold everything after it back: they do not.
    await b.sync(true);
    await c.sync(true);
    for (const d of [b, c]) expect((await d.rows())[id]?.noteCount).toBe(notes.get(id));
    expect(b.engine.status.quarantined).toEqual([]);
    await expectSettled(desks, notes);
  });

  it('junk heartbeats under the highest numbers cannot hide a desk’s real one, and a gap still heals', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam'], { options: { ...OPTIONS, missingGraceMs: 0 } });
    const [a, b] = desks as [Desk, Desk, Desk];
    const notes = new Map<string, number>();
    await work(desks, 1, notes);
    await syncAll(desks);
    const ana = await deviceOf(a);
    for (let n = 9_999_999_999; n > 9_999_999_999 - 30; n--) await plant(statePath(ana, n), junk(n % 2 === 0));
    // A segment of Ana's goes missing (a restore): Ben learns from Ana's heartbeat that it exists, waits, sets it aside, Ana sends it again.
    const id = [...notes.keys()][1] as string;
    await a.repo.addNote(id, 'The note that goes missing');
    await a.repo.addNote(id, 'The note after it');
    notes.set(id, (notes.get(id) ?? 0) + 2);
    await a.sync(true);
    const last = (await a.store.loadState()).nextSeq - 1;
    await rm(abs(segmentPath(ana, last - 1)));
    for (let round = 0; round < 4; round++) await syncAll(desks);
    expect((await b.rows())[id]?.noteCount).toBe(notes.get(id));
    // Ben reads Ana's real heartbeat, not a stale one and not junk.
    const seen = b.engine.status.desks.find((d) => d.deviceId === ana);
    expect(seen?.label).toBe('Ana');
    expect(seen?.lastHeartbeat).not.toBeNull();
    await expectSettled(desks, notes);
    // The junk stays where it is: never removed by a desk that did not write it.
    expect([...(await shareFiles(share.root)).keys()].filter((f) => f.startsWith(`devices/${ana}/state/state-99999`))).toHaveLength(30);
  });

  it('a folder under devices/ that looks like a desk is not one until a file in it authenticates; it blocks nothing, and its removal trips nothing', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam', 'Dee'], { options: OPTIONS });
    const [a, b] = desks as [Desk, Desk, Desk, Desk];
    const notes = new Map<string, number>();
    await work(desks, 1, notes);
    const fake = 'ZZFAKE00000000ZZ';
    const ana = await deviceOf(a);
    await plant(`devices/${fake}/seg-0000000001`, await readFile(abs(segmentPath(ana, 1)))); // a real segment copied: wrong name
    await plant(`devices/${fake}/seg-0000000002`);
    await plant(`devices/${fake}/state/state-0000000001`, junk(true));
    await plant(`devices/${fake}/desktop.ini`, Buffer.from('[.ShellClassInfo]'));
    const r = await b.sync(true);
    expect(codes(r)).toEqual(['unknown_files']);
    expect(r.problems[0]?.message).toContain(`devices/${fake}/seg-0000000002`);
    expect(r.problems[0]?.message).not.toMatch(/Member|Pat/);
    expect(b.engine.status.desks.map((d) => d.deviceId)).not.toContain(fake);
    await work(desks, 2, notes);
    await expectSettled(desks, notes);
    // Gone again: no desk stops with "listing shrank".
    await rm(abs(`devices/${fake}`), { recursive: true });
    for (const d of desks) expect(codes(await d.sync(true))).toEqual([]);
    expect((await b.store.loadState()).knownDesks).not.toContain(fake);
  });

  it('symbolic links and anything but regular files are refused, wherever they sit', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam'], { options: OPTIONS });
    const [a, b] = desks as [Desk, Desk, Desk];
    const notes = new Map<string, number>();
    await work(desks, 1, notes);
    await syncAll(desks);
    const [ana, ben] = [await deviceOf(a), await deviceOf(b)];
    const outside = `${share.root}-outside`;
    await mkdir(outside, { recursive: true });
    try {
      await writeFile(path.join(outside, 'secret.txt'), 'not for the share');
      // A "desk" that is a link to Ana's folder, a link at Ben's next segment name, a link among Ana's heartbeats.
      await symlink(abs(`devices/${ana}`), abs('devices/LINKDESK0000000L'));
      const next = (await b.store.loadState()).nextSeq;
      await symlink(abs(segmentPath(ana, 1)), abs(segmentPath(ben, next)));
      await symlink(path.join(outside, 'secret.txt'), abs(statePath(ana, 9_999_999_999)));
      await work(desks, 2, notes);
      for (const d of desks) await d.sync(true);
      expect((await b.store.loadState()).skipped).toEqual([next]);
      for (const d of desks) expect(d.engine.status.desks.map((x) => x.deviceId)).not.toContain('LINKDESK0000000L');
      await expectSettled(desks, notes);
      expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('not for the share');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
