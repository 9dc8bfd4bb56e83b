import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/people';
import { MONDAY_2PM, openDesk, PAT_LEE, seedInquiries, type TestDesk } from '../test/fixtures';
import {
  BackupError,
  backupDbOf,
  backupNow,
  backupSettings,
  backupSource,
  type ExportSource,
  ensureDailyBackup,
  exportDatabaseFile,
  exportLines,
  fileSource,
  inspectExport,
  listBackups,
  ROWS_PER_LINE,
  restoreDatabase,
  setBackupsToKeep,
  textSource,
} from './backup';
import type { LiaisonDb } from './db';
import { timelinePages } from './eventStore/timeline';
import { SCHEMA_VERSION } from './migrations';

let desk: TestDesk;
let ana: Profile;
const NOW = Date.parse(MONDAY_2PM);
const HOUR = 3_600_000;

beforeEach(async () => {
  desk = openDesk(MONDAY_2PM);
  ana = await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' });
});

afterEach(async () => {
  backupDbOf(desk.db.name).close();
  await Dexie.delete(`${desk.db.name}-backups`);
  await desk.close();
});

/** Everything stored, table by table, in key order: what "nothing changed" is checked against. */
async function snapshot(db: LiaisonDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** A desk with a realistic week: logged inquiries, notes, edits, a draft, an outbox. */
async function fillDesk(n = 30) {
  const { id } = await desk.repo.logInquiry(PAT_LEE);
  await desk.repo.addNote(id, 'Called the member; left a voicemail.');
  await desk.repo.editFields(id, { priority: 'escalated' });
  await seedInquiries(desk.db, n, { id: ana.id, name: ana.displayName, role: ana.role });
  await desk.db.drafts.put({ id: `intake:${ana.id}`, profileId: ana.id, savedAt: NOW, values: { memberName: 'Half typed' } });
}

async function exportText(db: Dexie): Promise<string> {
  let text = '';
  for await (const line of exportLines(db, { reason: 'export', now: NOW })) text += `${line}\n`;
  return text;
}

describe('backups', () => {
  it('copies every table but the derived inquiry rows, with counts for the preview', async () => {
    await fillDesk();
    const events = await desk.db.events.count();
    const b = await backupNow(desk.db, 'manual', { now: NOW });
    expect(b).toMatchObject({ reason: 'manual', schemaVersion: SCHEMA_VERSION, inquiries: 31, events, complete: true });
    expect(b.counts).toEqual({ events, outbox: await desk.db.outbox.count(), profiles: 1, drafts: 1, meta: await desk.db.meta.count() });
    expect(b.bytes).toBeGreaterThan(0);
    expect(await listBackups(desk.db.name)).toEqual([b]);
  });

  it('keeps the configured number, newest first, removing the oldest', async () => {
    await fillDesk(3);
    expect((await backupSettings(desk.db.name)).keep).toBe(14);
    await setBackupsToKeep(desk.db.name, 3);
    for (let i = 0; i < 5; i++) await backupNow(desk.db, 'daily', { now: NOW + i * HOUR });
    expect((await listBackups(desk.db.name)).map((b) => b.createdAt)).toEqual([NOW + 4 * HOUR, NOW + 3 * HOUR, NOW + 2 * HOUR]);
    // Their chunks went with them.
    const ids = new Set((await listBackups(desk.db.name)).map((b) => b.id));
    for (const c of await backupDbOf(desk.db.name).chunks.toArray()) expect(ids.has(c.backupId)).toBe(true);
    await expect(setBackupsToKeep(desk.db.name, 0)).rejects.toThrow('Keep between 1 and 365 backups.');
  });

  it('takes a daily backup only when the newest is a day old', async () => {
    expect(await ensureDailyBackup(desk.db, NOW)).toMatchObject({ reason: 'daily' });
    expect(await ensureDailyBackup(desk.db, NOW + 23 * HOUR)).toBeNull();
    expect(await ensureDailyBackup(desk.db, NOW + 24 * HOUR)).toMatchObject({ reason: 'daily', createdAt: NOW + 24 * HOUR });
    expect(await listBackups(desk.db.name)).toHaveLength(2);
  });

  it('removes a backup left incomplete by a crash', async () => {
    const store = backupDbOf(desk.db.name);
    await store.backups.add({
      id: 'crashed',
      createdAt: NOW - HOUR,
      reason: 'daily',
      schemaVersion: 2,
      appVersion: 'test',
      inquiries: 0,
      events: 0,
      counts: {},
      bytes: 0,
      complete: false,
    });
    await store.chunks.add({ backupId: 'crashed', seq: 0, data: new Uint8Array([1, 2, 3]) });
    await backupNow(desk.db, 'manual', { now: NOW });
    expect((await store.backups.toArray()).map((b) => b.id)).not.toContain('crashed');
    expect(await store.chunks.where('[backupId+seq]').between(['crashed', Dexie.minKey], ['crashed', Dexie.maxKey]).count()).toBe(0);
  });
});

describe('restoring', () => {
  it('brings back every table exactly, rebuilds the inquiry rows, and backs up what it replaced', async () => {
    await fillDesk();
    const before = await snapshot(desk.db);
    const events = before.events?.length ?? 0;
    const b = await backupNow(desk.db, 'manual', { now: NOW });
    // Work continues after the backup…
    await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Logged later' });
    await desk.db.drafts.clear();
    const afterWork = await snapshot(desk.db);

    const result = await restoreDatabase(desk.db, backupSource(desk.db.name, b.id), { reason: 'before-restore', now: NOW + HOUR });
    expect(result).toMatchObject({ inquiries: 31, events });
    expect(await snapshot(desk.db)).toEqual(before);

    // …and that later state was itself backed up first, so the restore can be undone.
    expect(result.safetyBackup).toMatchObject({ reason: 'before-restore', inquiries: 32, events: afterWork.events?.length });
    await restoreDatabase(desk.db, backupSource(desk.db.name, result.safetyBackup.id), { reason: 'before-restore' });
    expect(await snapshot(desk.db)).toEqual(afterWork);
  });

  it('streams a log larger than one record block, in timeline order', async () => {
    await seedInquiries(desk.db, ROWS_PER_LINE / 2 + 150, { id: ana.id, name: ana.displayName, role: ana.role });
    const before = await snapshot(desk.db);
    const text = await exportText(desk.db);
    const blocks = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { table?: string; rows?: unknown[] })
      .filter((l) => l.table === 'events');
    const events = before.events?.length ?? 0;
    const sizes = Array.from({ length: Math.ceil(events / ROWS_PER_LINE) }, (_, i) => Math.min(ROWS_PER_LINE, events - i * ROWS_PER_LINE));
    expect(sizes.length).toBeGreaterThan(1);
    expect(blocks.map((b) => b.rows?.length)).toEqual(sizes);
    const progress: number[] = [];
    await restoreDatabase(desk.db, textSource(text), {
      reason: 'before-import',
      onProgress: (p) => p.phase === 'restoring' && progress.push(p.done),
    });
    expect(await snapshot(desk.db)).toEqual(before);
    // Progress counts rows across every table copied.
    expect(progress.at(-1)).toBe(Object.entries(before).reduce((sum, [t, rows]) => (t === 'inquiries' ? sum : sum + rows.length), 0));
  }, 30_000);

  it('folds inquiries right even when a file lists their events out of order', async () => {
    await fillDesk(5);
    const before = await snapshot(desk.db);
    const lines = (await exportText(desk.db)).trim().split('\n');
    const i = lines.findIndex((l) => l.startsWith('{"table":"events"'));
    const block = JSON.parse(lines[i] as string) as { table: string; rows: unknown[] };
    block.rows.reverse();
    lines[i] = JSON.stringify(block);
    await restoreDatabase(desk.db, textSource(`${lines.join('\n')}\n`), { reason: 'before-import' });
    expect(await snapshot(desk.db)).toEqual(before);
  });

  it('keeps the person doing the restore on the desk, and active', async () => {
    await fillDesk(2);
    const b = await backupNow(desk.db, 'manual', { now: NOW });
    const ben = await desk.repo.createProfile({ displayName: 'Ben Cho', role: 'lead' });
    await restoreDatabase(desk.db, backupSource(desk.db.name, b.id), { reason: 'before-restore', keepProfileId: ben.id });
    expect((await desk.db.profiles.toArray()).map((p) => p.displayName).sort()).toEqual(['Ana Ortiz', 'Ben Cho']);
    expect((await desk.repo.activeProfile())?.id).toBe(ben.id);
  });

  it('drops outbox entries whose event is not in the copy', async () => {
    await fillDesk(1);
    const outbox = await desk.db.outbox.count();
    const text = (await exportText(desk.db)).replace(
      /\{"table":"outbox","rows":\[/,
      '{"table":"outbox","rows":[{"eventId":"01JNOTANEVENT0000000000000","hlc":"x"},',
    );
    const fixed = text.replace(/"outbox":(\d+)/, (_, n) => `"outbox":${Number(n) + 1}`);
    await restoreDatabase(desk.db, textSource(fixed), { reason: 'before-import' });
    expect(await desk.db.outbox.get('01JNOTANEVENT0000000000000')).toBeUndefined();
    expect(await desk.db.outbox.count()).toBe(outbox);
  });
});

describe('full export file', () => {
  it('is a gzip file that imports back to the same database', async () => {
    await fillDesk();
    const before = await snapshot(desk.db);
    const events = before.events?.length;
    const blob = await exportDatabaseFile(desk.db, NOW);
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    expect([...head]).toEqual([0x1f, 0x8b]);
    const summary = await inspectExport(fileSource(blob));
    expect(summary).toMatchObject({ inquiries: 31, events, header: { reason: 'export', schemaVersion: SCHEMA_VERSION, createdAt: NOW } });
    expect(summary.header.deskCode).toMatch(/^[0-9A-Z]{5}$/);
    await desk.db.events.clear();
    await restoreDatabase(desk.db, fileSource(blob), { reason: 'before-import' });
    expect(await snapshot(desk.db)).toEqual(before);
  });
});

describe('a bad file or backup', () => {
  /** Each bad input is refused with its message, and nothing stored changes (not even a safety backup). */
  async function expectRefused(source: ExportSource, message: string | RegExp) {
    await fillDesk(3);
    const before = await snapshot(desk.db);
    const backupsBefore = await listBackups(desk.db.name);
    const error = await restoreDatabase(desk.db, source, { reason: 'before-import' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
    expect(await snapshot(desk.db)).toEqual(before);
    expect(await listBackups(desk.db.name)).toEqual(backupsBefore);
  }
  const valid = async () => {
    const other = openDesk(MONDAY_2PM);
    const p = await other.repo.createProfile({ displayName: 'Other Desk', role: 'liaison' });
    await seedInquiries(other.db, 4, { id: p.id, name: p.displayName, role: p.role });
    const text = await exportText(other.db);
    await other.close();
    return text.trim().split('\n');
  };

  it('refuses an empty file', () => expectRefused(textSource(''), 'The file is empty. Choose a full export made by Liaison Log.'));

  it('refuses a file that is not an export', () =>
    expectRefused(
      fileSource(new Blob(['Case number,Member\n261123-K7QM2-001,Pat Lee\n'])),
      'This file is not a Liaison Log full export (its first record is not readable). Choose a file made by “Export the full database”.',
    ));

  it('refuses a damaged gzip file', () =>
    expectRefused(
      fileSource(new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4])])),
      'This file is not a Liaison Log full export, or it is damaged (it cannot be decompressed as text).',
    ));

  it('refuses JSON of another kind', () =>
    expectRefused(
      textSource('{"hello":"world"}\n'),
      'This file is not a Liaison Log full export. Choose a file made by “Export the full database”.',
    ));

  it('refuses a copy of a newer log', async () => {
    const lines = await valid();
    lines[0] = (lines[0] as string).replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":9');
    await expectRefused(
      textSource(lines.join('\n')),
      `This export holds a newer log (schema 9; this app reads up to ${SCHEMA_VERSION}). Update Liaison Log on this desk, then import it.`,
    );
  });

  it('refuses a file cut short', async () => {
    const lines = await valid();
    await expectRefused(
      textSource(lines.slice(0, -1).join('\n')),
      'The file was cut short (its last record is missing). Nothing was changed; use a complete copy.',
    );
  });

  it('refuses an event that does not parse, naming the row', async () => {
    const lines = await valid();
    lines[1] = (lines[1] as string).replace(/"receivedAt":\d+/, '"receivedAt":"yesterday"');
    await expectRefused(
      textSource(lines.join('\n')),
      /^Row 1 of events is not valid \(payload\.fields\.receivedAt: .*\)\. Nothing was changed\.$/,
    );
  });

  it('refuses counts that do not match the rows', async () => {
    const lines = await valid();
    const events = (lines.at(-1) as string).match(/"events":(\d+)/)?.[1];
    lines[lines.length - 1] = (lines.at(-1) as string).replace(/"events":\d+/, '"events":999');
    await expectRefused(
      textSource(lines.join('\n')),
      `The file is damaged: it says it holds 999 events rows but ${events} were found. Nothing was changed.`,
    );
  });

  it('refuses a table the log does not have', async () => {
    const lines = await valid();
    lines.splice(1, 0, '{"table":"secrets","rows":[{"id":"x"}]}');
    await expectRefused(
      textSource(lines.join('\n')),
      'The file holds a table this version of the log does not have (“secrets”). Nothing was changed.',
    );
  });

  it('refuses two inquiries with one case number, after checking, without changing anything', async () => {
    const lines = await valid();
    const block = JSON.parse(lines[1] as string) as { rows: { payload: { caseNumber: string } }[] };
    for (const e of block.rows) e.payload.caseNumber = '261001-SEED0-001';
    lines[1] = JSON.stringify(block);
    await expectRefused(
      textSource(lines.join('\n')),
      'The file is damaged: two inquiries in it have case number 261001-SEED0-001. Nothing was changed.',
    );
  });
});

describe('timelinePages', () => {
  it('pages a non-unique index without losing or repeating rows', async () => {
    const db = new Dexie(`pages-${crypto.randomUUID()}`);
    db.version(1).stores({ events: 'id, [inquiryId+hlc]' });
    // Five events share one key and straddle the page boundary.
    const rows = [
      { id: 'a1', inquiryId: 'A', hlc: '1' },
      { id: 'a2', inquiryId: 'A', hlc: '2' },
      ...['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, inquiryId: 'A', hlc: '3' })),
      { id: 'b1', inquiryId: 'B', hlc: '1' },
    ];
    await db.table('events').bulkAdd(rows);
    const seen: string[] = [];
    for await (const page of timelinePages(db.table('events'), 3)) {
      expect(page.length).toBeLessThanOrEqual(3 + 5);
      seen.push(...page.map((r) => r.id));
    }
    expect(seen).toEqual(['a1', 'a2', 's1', 's2', 's3', 's4', 's5', 'b1']);
    db.close();
    await db.delete();
  });
});
