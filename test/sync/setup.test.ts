import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataKey, sealFile } from '../../shared/sync/fileBox';
import { segmentPath } from '../../shared/sync/layout';
import { webPlatform } from '../../shared/sync/platform';
import { type Desk, openDesk, syncAll, team, tempShare, tempShareEachTest } from './desks';
import { FIELDS, PASSPHRASE } from './memoryHarness';

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const abs = (rel: string) => path.join(share.root, ...rel.split('/'));
const platform = webPlatform();

async function desk(name: string, options = {}): Promise<Desk> {
  const d = await openDesk(name, share.root, { options });
  desks.push(d);
  return d;
}

describe('creating and joining a share', () => {
  it('the first desk creates SHARE.json and a keyring derived with PBKDF2-SHA-256 at 600,000 iterations', async () => {
    const a = await desk('Ana', { kdfIterations: undefined });
    const r = await a.engine.createShare(PASSPHRASE);
    expect(r.ok).toBe(true);
    const info = JSON.parse(await readFile(abs('SHARE.json'), 'utf8'));
    expect(info).toMatchObject({ app: 'Liaison Log', format: 1, keyId: 1 });
    expect(info.shareId).toMatch(/^[0-9A-Z]{26}$/);
    const ring = JSON.parse(await readFile(abs('keys/keyring-1.json'), 'utf8'));
    expect(ring.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(JSON.stringify(ring)).not.toContain(PASSPHRASE);
  });

  it('a wrong passphrase, a damaged keyring and a missing keyring each say what is wrong', async () => {
    await (await desk('Ana')).engine.createShare(PASSPHRASE);
    const b = await desk('Ben');
    const wrong = await b.engine.joinShare('correct horse battery stable');
    expect(wrong).toMatchObject({ ok: false, code: 'wrong_passphrase' });
    if (!wrong.ok) expect(wrong.message).toMatch(/does not open this share/);

    const ring = await readFile(abs('keys/keyring-1.json'), 'utf8');
    const json = JSON.parse(ring);
    json.wrapped = `${json.wrapped.slice(0, -1)}${json.wrapped.endsWith('0') ? '1' : '0'}`;
    await writeFile(abs('keys/keyring-1.json'), JSON.stringify(json));
    const damaged = await b.engine.joinShare(PASSPHRASE);
    expect(damaged).toMatchObject({ ok: false, code: 'keyring_damaged' });
    if (!damaged.ok) expect(damaged.message).toMatch(/damaged.*restore the keys folder/);

    await writeFile(abs('keys/keyring-1.json'), ring.slice(0, 100));
    expect(await b.engine.joinShare(PASSPHRASE)).toMatchObject({ ok: false, code: 'keyring_damaged' });

    await writeFile(abs('keys/keyring-1.json'), ring);
    expect((await b.engine.joinShare(PASSPHRASE)).ok).toBe(true);
  });

  it('a share is created only in an empty folder, and a second desk creating at the same moment is told to join', async () => {
    const [a, b] = [await desk('Ana'), await desk('Ben')];
    await writeFile(abs('notes.txt'), 'old files');
    expect(await a.engine.createShare(PASSPHRASE)).toMatchObject({ ok: false, code: 'folder_not_empty' });
    expect(await a.engine.joinShare(PASSPHRASE)).toMatchObject({ ok: false, code: 'no_share' });
    await share.renew();
    const [a2, b2] = [await openDesk('Ana', share.root), await openDesk('Ben', share.root)];
    desks.push(a2, b2);
    const results = await Promise.all([a2.engine.createShare(PASSPHRASE), b2.engine.createShare(PASSPHRASE)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)[0]).toMatchObject({ code: 'share_exists' });
    void a;
    void b;
  });

  it('a desk that joins another share publishes all of its own work there', async () => {
    const [a, b] = await team(share.root, ['Ana', 'Ben']);
    desks.push(a as Desk, b as Desk);
    await (a as Desk).repo.logInquiry(FIELDS);
    await syncAll(desks);
    const other = await tempShare();
    try {
      const c = await openDesk('Cam', other.root);
      desks.push(c);
      await c.engine.createShare(PASSPHRASE);
      const moved = await openDesk('Ana', other.root, { dbName: (a as Desk).db.name });
      desks.push(moved);
      expect((await moved.engine.joinShare(PASSPHRASE)).ok).toBe(true);
      await moved.sync();
      await c.sync();
      expect(Object.keys(await c.rows())).toEqual(Object.keys(await (a as Desk).rows()));
    } finally {
      await other.cleanup();
    }
  });
});

describe('an older app meeting a newer format', () => {
  it('refuses a share written by a newer version and explains', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const info = JSON.parse(await readFile(abs('SHARE.json'), 'utf8'));
    await writeFile(abs('SHARE.json'), JSON.stringify({ ...info, format: 2 }));
    const r = await (desks[0] as Desk).sync();
    expect(r.problems.map((p) => p.code)).toEqual(['newer_format']);
    expect(r.problems[0]?.message).toMatch(/newer version of Liaison Log wrote this share \(format 2\)\. Update/);
    const c = await desk('Cam');
    expect(await c.engine.joinShare(PASSPHRASE)).toMatchObject({ ok: false, code: 'newer_format' });
  });

  it('sets aside newer files and unknown events, applies the rest, and carries on', async () => {
    desks = await team(share.root, ['Ana', 'Ben'], { options: { quarantineRetryMs: 0 } });
    const [a, b] = desks as [Desk, Desk];
    const created = await openDesk('Key', share.root);
    desks.push(created);
    const keyResult = await created.engine.joinShare(PASSPHRASE);
    if (!keyResult.ok) throw new Error(keyResult.message);
    const key = await importDataKey(platform, 1, keyResult.dataKey);
    const { id } = await a.repo.logInquiry(FIELDS);
    await a.sync();
    const ana = (await a.repo.device()).deviceId;
    // Segment 2 from "a newer app": a file format this version does not know.
    const next = (n: number) => abs(segmentPath(ana, n));
    const seg1 = await readFile(next(1));
    const newer = Buffer.from(seg1);
    newer[4] = 2;
    await writeFile(next(2), newer);
    // Segment 3: a known format holding one event type this version does not know, and a note it does.
    const note = (await a.events()).find((e) => e.type === 'InquiryLogged');
    const noteEvent = {
      ...note,
      id: '01KFUTURE0000000000000NOTE',
      type: 'NoteAdded',
      hlc: note?.hlc.replace(/-0000-/, '-0009-'),
      payload: { text: 'Added by a newer app.' },
    };
    const unknown = { ...noteEvent, id: '01KFUTURE00000000000000NEW', type: 'TelepathyRecorded', payload: {} };
    const payload = await platform.gzip(
      new TextEncoder().encode(JSON.stringify({ v: 1, device: ana, seq: 3, events: [noteEvent, unknown] })),
    );
    await writeFile(next(3), await sealFile(platform, key, 'segment', segmentPath(ana, 3), payload));

    const r = await b.sync();
    expect(r.problems.map((p) => p.code)).toEqual(['newer_format']);
    expect(r.problems[0]?.message).toMatch(/newer version of Liaison Log wrote 2 files this desk cannot read yet/);
    expect(r.problems[0]?.blocking).toBe(false);
    expect((await b.rows())[id]?.noteCount).toBe(1);
    expect(b.engine.status.quarantined.map((q) => [q.seq, q.kind, q.reason])).toEqual([
      [2, 'file', 'newer_format'],
      [3, 'partial', 'unknown_events'],
    ]);
    // Ana's desk publishes on, past the stray numbers; Ben keeps up.
    await a.repo.addNote(id, 'Normal note.');
    await syncAll(desks);
    expect((await b.rows())[id]?.noteCount).toBe(2);
  });
});
