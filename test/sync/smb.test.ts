import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Desk, shareFiles, team } from './desks';
import { FIELDS } from './memoryHarness';
import { SmbShare, smbUnavailable } from './smbShare';

/**
 * Two desks sync through a real SMB share (Samba on loopback, mounted with smbnetfs), and the
 * server is stopped in the middle of a sync and started again: both desks converge and nothing
 * is lost. CI installs Samba and smbnetfs (.ci/run), so there the test must run; elsewhere it is
 * skipped when the machine cannot host the share (no root, no FUSE, no Samba), and says why.
 */

const missing = smbUnavailable();
const required = process.env.CI === 'true';

describe.skipIf(missing !== null && !required)(`sync through a real SMB share${missing ? ` (${missing})` : ''}`, () => {
  let smb: SmbShare;
  let desks: Desk[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`CI must run the SMB test, but ${missing}.`);
    smb = await SmbShare.start();
  }, 90_000);

  afterAll(async () => {
    for (const d of desks) await d.close();
    await smb?.stop();
  }, 60_000);

  /** Syncs both desks until both are through (SMB reconnects take a few seconds after a restart). */
  async function syncUntilSettled(limitMs = 120_000): Promise<void> {
    const end = Date.now() + limitMs;
    while (Date.now() < end) {
      const reports = [];
      for (const d of desks) reports.push(await d.sync(true));
      const [a, b] = desks as [Desk, Desk];
      const clean = reports.every((r) => r.problems.length === 0);
      if (
        clean &&
        a.engine.status.pending === 0 &&
        b.engine.status.pending === 0 &&
        (await a.db.events.count()) === (await b.db.events.count())
      )
        return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it('two desks converge, with the server stopped mid-sync and started again, and nothing is lost', async () => {
    // Short time limits: a call into the stopped server fails in seconds, not minutes.
    desks = await team(smb.mounted, ['Ana', 'Ben'], { options: { segmentEvents: 10 }, folderTimeoutMs: 8000 });
    const [a, b] = desks as [Desk, Desk];

    const { id } = await a.repo.logInquiry(FIELDS);
    await a.repo.addNote(id, 'Called the member; left a voicemail.');
    expect((await a.sync()).problems).toEqual([]);
    expect((await b.sync()).problems).toEqual([]);
    expect(Object.keys(await b.rows())).toEqual([id]);

    // Both desks work; Ana has a lot to send (several segment files).
    for (let i = 0; i < 60; i++) await a.repo.addNote(id, `Follow-up note ${i}`);
    await b.repo.editFields(id, { callbackAvailability: 'After 4 pm' });
    await b.repo.addNote(id, 'Member called back.');

    // Stop the server as soon as Ana's first new segment lands on it.
    const mine = path.join(smb.served, 'devices', (await a.repo.device()).deviceId);
    const segments = async () => (await readdir(mine)).filter((f) => f.startsWith('seg-')).length;
    const before = await segments();
    const syncing = a.sync();
    for (let i = 0; i < 1000 && (await segments()) <= before; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await segments()).toBeGreaterThan(before);
    await smb.stopServer();
    const cut = await syncing;
    expect(cut.problems.map((p) => p.code)).toContain('unreachable');
    const down = await b.sync();
    expect(down.problems.map((p) => p.code)).toEqual(['unreachable']);
    expect(a.engine.status.pending).toBeGreaterThan(0);

    await smb.startServer();
    await syncUntilSettled();

    expect(a.engine.status.pending).toBe(0);
    expect(b.engine.status.pending).toBe(0);
    expect(await b.rows()).toEqual(await a.rows());
    const row = (await a.rows())[id];
    expect(row?.noteCount).toBe(62);
    expect(row?.callbackAvailability).toBe('After 4 pm');
    expect((await a.events()).map((e) => e.id)).toEqual((await b.events()).map((e) => e.id));
    for (const d of desks) expect(d.engine.status.problems).toEqual([]);
    // What reached the server's disk is encrypted.
    for (const [file, bytes] of await shareFiles(smb.served))
      if (file !== 'SHARE.json' && !file.startsWith('keys/')) expect(bytes.includes(Buffer.from('Pat Lee'))).toBe(false);
  }, 240_000);
});
