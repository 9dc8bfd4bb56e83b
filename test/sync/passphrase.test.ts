import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentPath } from '../../shared/sync/layout';
import { type Desk, openDesk, shareFiles, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS, PASSPHRASE } from './memoryHarness';

/**
 * Issue 18: changing the team passphrase rotates the data key. A new keyring wraps a new key for
 * the share; old files stay readable; every desk holding the key follows on its next cycle; a desk
 * that was away (its key not kept) joins with the new passphrase, and the old one is refused.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const NEW_PASSPHRASE = 'a new sentence for the whole unit';
const abs = (rel: string) => path.join(share.root, ...rel.split('/'));
const deviceOf = async (d: Desk) => (await d.repo.device()).deviceId;
/** The key id in a sealed file's header ("LLSY" | format | kind | keyId u16). */
const keyIdOf = (bytes: Buffer) => bytes.readUInt16BE(6);
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

async function newestSegment(d: Desk): Promise<Buffer> {
  const state = await d.store.loadState();
  return readFile(abs(segmentPath(await deviceOf(d), state.nextSeq - 1)));
}

describe('changing the team passphrase', () => {
  it('every desk follows on its next cycle; new files use the new key; old files stay readable; a desk away joins with the new passphrase', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam']);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    await b.repo.addNote(id, 'Before the change, from Ben');
    await syncAll(desks);
    expect(keyIdOf(await newestSegment(b))).toBe(1);
    // Cam's desk keeps no key (no protected storage): it is away during the change.
    c.engine.lock();

    const changed = await a.engine.changePassphrase(NEW_PASSPHRASE, false);
    expect(changed).toEqual({ ok: true, keyId: 2 });
    expect([...(await shareFiles(share.root)).keys()].filter((f) => f.startsWith('keys/')).sort()).toEqual([
      'keys/keyring-1.json',
      'keys/keyring-2.json',
    ]);
    const ring = JSON.parse(await readFile(abs('keys/keyring-2.json'), 'utf8'));
    expect(ring.kdf.iterations).toBeGreaterThan(0);
    expect(JSON.stringify(ring)).not.toContain(NEW_PASSPHRASE);

    await a.repo.addNote(id, 'After the change, from Ana');
    await a.sync();
    expect(keyIdOf(await newestSegment(a))).toBe(2);
    // Ben follows on his next cycle, reads Ana's new segment, and seals his own with the new key.
    await b.repo.addNote(id, 'After the change, from Ben');
    const r = await b.sync();
    expect(r.problems).toEqual([]);
    expect((await b.store.loadState()).keyId).toBe(2);
    expect(keyIdOf(await newestSegment(b))).toBe(2);
    expect((await b.rows())[id]?.noteCount).toBe(3);

    // Cam comes back: the old passphrase is refused with a clear message, the new one works.
    expect(codes(await c.sync())).toEqual(['locked']);
    const old = await c.engine.joinShare(PASSPHRASE);
    expect(old).toMatchObject({ ok: false, code: 'old_passphrase' });
    expect(old.ok ? '' : old.message).toMatch(/old passphrase.*changed on another desk/);
    expect((await c.engine.joinShare(NEW_PASSPHRASE)).ok).toBe(true);
    await syncAll(desks, 2);
    for (const d of desks) {
      expect((await d.rows())[id]?.noteCount).toBe(3);
      expect(d.engine.status.problems).toEqual([]);
    }
    expect(await c.rows()).toEqual(await a.rows());

    // A new desk joins with the new passphrase and reads every file, those sealed with the old key too.
    const dee = await openDesk('Dee', share.root);
    desks.push(dee);
    expect((await dee.engine.joinShare(PASSPHRASE)).ok).toBe(false);
    expect((await dee.engine.joinShare(NEW_PASSPHRASE)).ok).toBe(true);
    const first = await dee.sync();
    expect(first.problems).toEqual([]);
    expect(await dee.rows()).toEqual(await a.rows());
    expect(await readFile(abs(segmentPath(await deviceOf(b), 1))).then(keyIdOf)).toBe(1);
  });

  it('a desk restarted with only the newest key (kept by the OS) still reads files sealed with older ones', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    const keys: Array<{ keyId: number; raw: Uint8Array }> = [];
    const changed = await a.engine.changePassphrase(NEW_PASSPHRASE, false);
    expect(changed.ok).toBe(true);
    await a.repo.addNote(id, 'Sealed with key 2');
    await syncAll(desks);
    // The app starts again on a fresh database of a colleague, given only key 2 (as safeStorage would give it back).
    const opened = await b.engine.joinShare(NEW_PASSPHRASE);
    if (!opened.ok) throw new Error(opened.message);
    keys.push({ keyId: opened.keyId, raw: opened.dataKey });
    const cam = await openDesk('Cam', share.root);
    desks.push(cam);
    expect((await cam.engine.joinShare(NEW_PASSPHRASE)).ok).toBe(true);
    cam.engine.lock();
    await cam.engine.unlock(keys[0]?.keyId as number, keys[0]?.raw as Uint8Array);
    expect((await cam.sync()).problems).toEqual([]);
    expect(await cam.rows()).toEqual(await a.rows());
  });

  it('locking the old passphrase out: other desks are asked for the new one, and nothing is lost meanwhile', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    expect((await a.engine.changePassphrase(NEW_PASSPHRASE, true)).ok).toBe(true);
    await b.repo.addNote(id, 'Written while locked out');
    const r = await b.sync();
    expect(codes(r)).toEqual(['locked']);
    expect(r.problems[0]?.message).toMatch(/passphrase was changed on another desk/);
    expect(b.engine.status.phase).toBe('locked');
    expect(b.engine.status.pending).toBe(1);
    expect((await b.engine.joinShare(NEW_PASSPHRASE)).ok).toBe(true);
    await syncAll(desks);
    expect((await a.rows())[id]?.noteCount).toBe(1);
    expect(await a.rows()).toEqual(await b.rows());
  });
});
