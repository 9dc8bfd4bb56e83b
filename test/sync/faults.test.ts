import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentPath } from '../../shared/sync/layout';
import { type Desk, openDesk, shareFiles, syncAll, team, tempShare, tempShareEachTest } from './desks';
import { FaultyFs } from './faultyFs';
import { FIELDS } from './memoryHarness';

/**
 * SYNC.md "What the tests must cover": the folder misbehaving. Whole desks over a real temp
 * folder; faults come from the folder itself (files damaged, moved, hidden) or from Node's fs
 * failing the way Windows shares do.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const abs = (rel: string) => path.join(share.root, ...rel.split('/'));
const deviceOf = async (d: Desk) => (await d.repo.device()).deviceId;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const fileNames = async () => [...(await shareFiles(share.root)).keys()].sort();

async function noteCount(d: Desk, id: string): Promise<number> {
  return (await d.rows())[id]?.noteCount ?? 0;
}

describe('a folder that vanishes, lists empty or is not the share', () => {
  it('the share vanishing mid-write leaves only a temp file; the outbox is kept and sent when the folder is back', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana', 'Ben'], { fs: fs.api });
    const [a, b] = desks as [Desk, Desk];
    await syncAll(desks);
    const { id } = await a.repo.logInquiry(FIELDS);
    // The server goes away after the temp file was written: naming it fails, and so does cleaning up.
    const gone = () => fsError('EHOSTDOWN');
    const stopLink = fs.fail('link', gone);
    const stopRename = fs.fail('rename', gone);
    const stopUnlink = fs.fail('unlink', (p) => (p.endsWith('.tmp') ? gone() : null));
    const r = await a.sync();
    expect(codes(r)).toEqual(['unreachable']);
    expect(r.published).toBe(0);
    const me = await deviceOf(a);
    const mine = (await fileNames()).filter((f) => f.startsWith(`devices/${me}/`) && !f.includes('/state/'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(/\/\.seg-0000000001\.[0-9a-f]+\.tmp$/);
    expect(a.engine.status.pending).toBeGreaterThan(0);
    const pending = a.engine.status.pending;
    stopLink();
    stopRename();
    stopUnlink();
    const back = await a.sync();
    expect(back.problems).toEqual([]);
    expect(back.published).toBe(pending);
    // The temp file the failed write left behind is gone: this desk removes its own leftovers.
    expect((await fileNames()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await b.sync();
    expect((await b.rows())[id]?.caseNumber).toBe((await a.rows())[id]?.caseNumber);
    expect(a.engine.status.pending).toBe(0);
  });

  it('a folder that cannot be reached stops the cycle; nothing is lost and it resumes', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    await syncAll(desks);
    const { id } = await a.repo.logInquiry(FIELDS);
    await rename(share.root, `${share.root}-away`);
    const r = await a.sync();
    expect(codes(r)).toEqual(['unreachable']);
    expect(r.problems[0]?.message).toMatch(/cannot be reached.*Everything recorded on this desk is kept/);
    expect(a.engine.status.phase).toBe('problem');
    await rename(`${share.root}-away`, share.root);
    await syncAll(desks);
    expect(Object.keys(await b.rows())).toEqual([id]);
    expect(a.engine.status.phase).toBe('idle');
    expect(a.engine.status.lastSuccessAt).not.toBeNull();
  });

  it('a missing SHARE.json stops sync before anything is written or deleted, and never re-creates the share', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { retentionMs: 0, maintenanceEveryMs: 0 } });
    const [a, b] = desks as [Desk, Desk];
    await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    await a.repo.addNote((await a.db.inquiries.toCollection().first())?.id as string, 'Left a voicemail.');
    await rename(abs('SHARE.json'), abs('SHARE.moved'));
    const before = await fileNames();
    for (const d of desks) {
      const r = await d.sync(true);
      expect(codes(r)).toEqual(['share_missing']);
      expect((await d.engine.maintainNow()).problems.map((p) => p.code)).toEqual(['share_missing']);
    }
    expect(await fileNames()).toEqual(before);
    expect(a.engine.status.pending).toBe(1);
    await rename(abs('SHARE.moved'), abs('SHARE.json'));
    await syncAll(desks);
    expect(await noteCount(b, (await b.db.inquiries.toCollection().first())?.id as string)).toBe(1);
  });

  it('an empty listing stops sync with nothing written or deleted', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { retentionMs: 0, maintenanceEveryMs: 0 } });
    const [a] = desks as [Desk, Desk];
    await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    await a.repo.logInquiry({ ...FIELDS, memberName: 'Sam Ortiz' });
    // The devices folder lists as empty (a drive not fully connected).
    await rename(abs('devices'), abs('devices-hidden'));
    const before = await fileNames();
    for (const d of desks) {
      const r = await d.sync(true);
      expect(codes(r)).toEqual(['listing_empty']);
      expect(r.problems[0]?.message).toMatch(/looks empty.*nothing was deleted/);
    }
    expect(await fileNames()).toEqual(before);
    await rm(abs('devices'), { recursive: true, force: true });
    await rename(abs('devices-hidden'), abs('devices'));
    expect((await a.sync()).problems).toEqual([]);
  });

  it("a listing that no longer shows a desk's files stops sync, names the desk, and can be accepted on purpose", async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam']);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    await c.repo.logInquiry(FIELDS);
    await syncAll(desks);
    const cam = await deviceOf(c);
    await rename(abs(`devices/${cam}`), `${share.root}-cam`);
    const r = await a.sync();
    expect(codes(r)).toEqual(['listing_shrank']);
    expect(r.problems[0]?.message).toContain(`desk ${cam.slice(0, 5)}`);
    await a.engine.acceptFolderAsIs();
    expect((await a.sync()).problems).toEqual([]);
    expect(Object.keys(await b.rows())).toHaveLength(1);
  });

  it('a folder belonging to another share is refused', async () => {
    desks = await team(share.root, ['Ana']);
    const other = await tempShare();
    try {
      const elsewhere = await team(other.root, ['Zed']);
      await elsewhere[0]?.close();
      // Someone points the team's path at another share's folder.
      await rename(share.root, `${share.root}-real`);
      await rename(other.root, share.root);
      const r = await (desks[0] as Desk).sync();
      expect(codes(r)).toEqual(['share_mismatch']);
      expect(r.problems[0]?.message).toMatch(/belongs to a different share/);
      await rm(share.root, { recursive: true });
      await rename(`${share.root}-real`, share.root);
    } finally {
      await other.cleanup();
    }
  });
});

describe('damaged, missing and early files', () => {
  it('truncated, zero-byte, bit-flipped and copied segments are set aside, everything else syncs, and the writer sends the work again', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { segmentEvents: 1, deskStatesEveryMs: 0 } });
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry({ ...FIELDS, priority: 'unlisted' }); // one event: no targets for an unknown level
    await a.sync();
    await b.sync();
    for (const text of ['one', 'two', 'three', 'four']) await a.repo.addNote(id, `Note ${text}`);
    await a.sync();
    const ana = await deviceOf(a);
    const seg = (n: number) => abs(segmentPath(ana, n));
    const truncated = await readFile(seg(2));
    await writeFile(seg(2), truncated.subarray(0, truncated.length - 7));
    await writeFile(seg(3), Buffer.alloc(0));
    const flipped = await readFile(seg(4));
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0x10;
    await writeFile(seg(4), flipped);
    // A copy of segment 5 saved as segment 6 (someone copied files by hand).
    await writeFile(seg(6), await readFile(seg(5)));

    const r = await b.sync();
    expect(codes(r)).toEqual(['quarantined']);
    expect(r.problems[0]?.message).toContain(`4 files from desk ${ana.slice(0, 5)} could not be read`);
    expect(b.engine.status.quarantined.map((q) => [q.seq, q.reason])).toEqual([
      [2, 'damaged'],
      [3, 'empty'],
      [4, 'damaged'],
      [6, 'wrong_name'],
    ]);
    expect(await noteCount(b, id)).toBe(1); // segment 5 applied
    // Ana learns from Ben's heartbeat, publishes the lost work again (past the stray copy's number), and Ben catches up.
    await syncAll(desks, 3);
    expect(await noteCount(b, id)).toBe(4);
    expect(await b.rows()).toEqual(await a.rows());
    expect(b.engine.status.quarantined).toEqual([]);
    expect(b.engine.status.problems).toEqual([]);
  });

  it('segment N+1 visible before segment N: the desk waits, then applies both in order', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana', 'Ben'], { options: { segmentEvents: 1 } });
    const [a] = desks as [Desk, Desk];
    const b = await openDesk('Ben2', share.root, { fs: fs.api, options: { segmentEvents: 1 } });
    expect((await b.engine.joinShare('correct horse battery staple')).ok).toBe(true);
    desks.push(b);
    const { id } = await a.repo.logInquiry({ ...FIELDS, priority: 'unlisted' });
    await a.repo.addNote(id, 'First note');
    await a.sync();
    const ana = await deviceOf(a);
    const unhide = fs.fail('readFile', (p) => (p.endsWith(segmentPath(ana, 1).split('/').join(path.sep)) ? fsError('ENOENT') : null));
    const r = await b.sync();
    expect(r.problems).toEqual([]);
    expect(r.received).toBe(0);
    expect(await b.rows()).toEqual({});
    unhide();
    const later = await b.sync();
    expect(later.received).toBe(2);
    expect(await noteCount(b, id)).toBe(1);
  });

  it('a crash after publishing but before the outbox was cleared: the events go out again and are applied once', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await a.repo.addNote(id, 'Called the member.');
    const markPublished = a.store.markPublished.bind(a.store);
    a.store.markPublished = async () => {
      throw new Error('the app was closed');
    };
    const crashed = await a.sync();
    expect(codes(crashed)).toEqual(['internal']);
    a.store.markPublished = markPublished;
    const pending = a.engine.status.pending;
    expect(pending).toBeGreaterThan(0);
    const again = await a.sync();
    expect(again.published).toBe(pending);
    const ana = await deviceOf(a);
    expect((await fileNames()).filter((f) => f.startsWith(`devices/${ana}/seg-`))).toEqual([segmentPath(ana, 1), segmentPath(ana, 2)]);
    const r = await b.sync();
    expect(r.received).toBe(pending);
    expect(await b.db.events.count()).toBe(pending);
    expect(await b.rows()).toEqual(await a.rows());
  });
});

describe('a share that fights back', () => {
  it('EPERM and EBUSY on rename are retried, and the file is verified', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana', 'Ben'], { fs: fs.api });
    const [a, b] = desks as [Desk, Desk];
    await a.repo.logInquiry(FIELDS);
    fs.fail('link', () => fsError('EPERM')); // no hard links here (SMB through FUSE): check-then-rename
    fs.failTimes('rename', 'EPERM', 2);
    fs.failTimes('rename', 'EBUSY', 2);
    const r = await a.sync();
    expect(r.problems).toEqual([]);
    expect(r.published).toBeGreaterThan(0);
    expect((await b.sync()).received).toBe(r.published);
  });

  it('a rename that keeps failing is reported and retried at the next sync', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana'], { fs: fs.api });
    const [a] = desks as [Desk];
    await a.repo.logInquiry(FIELDS);
    const stopLink = fs.fail('link', () => fsError('EPERM'));
    const stop = fs.fail('rename', () => fsError('EBUSY'));
    const r = await a.sync();
    expect(codes(r)).toEqual(['busy']);
    expect(a.engine.status.pending).toBeGreaterThan(0);
    stop();
    stopLink();
    expect((await a.sync()).problems).toEqual([]);
    expect(a.engine.status.pending).toBe(0);
  });

  it('a full disk keeps the outbox, still receives, and sends once there is room', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana', 'Ben']);
    const [, b] = desks as [Desk, Desk];
    const a = await openDesk('Ana2', share.root, { fs: fs.api });
    expect((await a.engine.joinShare('correct horse battery staple')).ok).toBe(true);
    desks.push(a);
    await b.repo.logInquiry(FIELDS);
    await b.sync();
    await a.repo.logInquiry({ ...FIELDS, memberName: 'Sam Ortiz' });
    const stop = fs.fail('open', (p) => (p.endsWith('.tmp') ? fsError('ENOSPC') : null));
    const r = await a.sync();
    expect(codes(r)).toContain('disk_full');
    expect(r.problems.find((p) => p.code === 'disk_full')?.message).toMatch(/folder is full/);
    expect(r.received).toBeGreaterThan(0);
    expect(a.engine.status.pending).toBeGreaterThan(0);
    stop();
    await syncAll(desks);
    expect(Object.keys(await b.rows())).toHaveLength(2);
    expect(a.engine.status.pending).toBe(0);
  });

  it('a file that reads back different from what was written is not counted as sent', async () => {
    const fs = new FaultyFs();
    desks = await team(share.root, ['Ana'], { fs: fs.api });
    const [a] = desks as [Desk];
    await a.repo.logInquiry(FIELDS);
    // The server acknowledged the write but hands back other bytes (a caching client, a failing disk).
    const stop = fs.readInstead(/seg-0000000001$/, () => Buffer.from('not what was written'));
    const r = await a.sync();
    expect(codes(r)).toEqual(['busy']);
    expect(r.problems[0]?.message).toMatch(/did not save correctly/);
    expect(a.engine.status.pending).toBeGreaterThan(0);
    stop();
    const again = await a.sync();
    expect(again.problems).toEqual([]);
    expect(a.engine.status.pending).toBe(0);
  });

  it('the app started twice on one desk: one sync runs at a time, no file is written twice, every event arrives once', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { segmentEvents: 2 } });
    const [a, b] = desks as [Desk, Desk];
    const twin = await openDesk('Ana', share.root, { dbName: a.db.name, options: { segmentEvents: 2 } });
    await twin.engine.joinShare('correct horse battery staple');
    desks.push(twin);
    const { id } = await a.repo.logInquiry(FIELDS);
    for (let i = 0; i < 6; i++) await (i % 2 ? twin : a).repo.addNote(id, `Note ${i}`);
    const [r1, r2] = await Promise.all([a.sync(), twin.sync()]);
    expect([r1.ran, r2.ran].sort()).toEqual([false, true]);
    for (let i = 0; i < 4; i++) {
      await (i % 2 ? twin : a).repo.addNote(id, `Later ${i}`);
      await Promise.all([a.sync(), twin.sync()]);
      await (i % 2 ? a : twin).sync();
    }
    await b.sync();
    expect(await noteCount(b, id)).toBe(10);
    expect(await b.db.events.count()).toBe(await a.db.events.count());
    expect(await b.rows()).toEqual(await a.rows());
  });
});

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}
