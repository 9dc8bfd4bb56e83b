import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { actorOf, type Profile } from '../../shared/people';
import { instant, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { exportLines, textSource } from './backup';
import { loadSignOffs, signOff, storedFindings, verifiedPrefixes, verifyLog } from './chainStore';
import { sweepState } from './chainSweep';
import { checkCopy, ImportDecisionError, importRecords, restoreCheckedCopy } from './verifyImport';

/*
 * Importing or restoring a full export: every chain in the file is checked first; a file with breaks
 * needs a lead's recorded decision; the desk's own chain records (check progress, sign-offs, findings)
 * are never the file's.
 */

const NOW = '2026-11-23T20:00:00.000Z';

let source: TestDesk;
let target: TestDesk;
let lee: Profile;
let sam: Profile;

beforeEach(async () => {
  source = openDesk(NOW);
  await source.repo.createProfile({ displayName: 'Ana Ruiz', role: 'liaison' });
  for (let i = 0; i < 3; i++) {
    const { id } = await source.repo.logInquiry({ ...PAT_LEE, memberName: `Member ${i}` });
    await source.repo.addNote(id, `Called the member (${i}).`);
  }
  target = openDesk(NOW);
  lee = await target.repo.createProfile({ displayName: 'Lee Grant', role: 'lead' });
  sam = await target.repo.createProfile({ displayName: 'Sam Patel', role: 'esr' });
  await target.repo.logInquiry(PAT_LEE);
  // The desk's own sign-off, before any import.
  const { deviceId } = await target.repo.device();
  const report = await verifyLog(target.db, { deviceId, ranBy: actorOf(lee), now: () => target.clock.now() });
  await signOff(target.db, report, { name: 'Lee Grant', profile: actorOf(lee) }, instant(NOW));
});
afterEach(async () => {
  await source.close();
  await target.close();
});

/** The source desk's export; `edit` changes its events, and forged chain records can be put in its meta. */
async function exportOf(
  edit: (events: InquiryEvent[]) => InquiryEvent[] = (e) => e,
  forgedMeta: { key: string; value: unknown }[] = [],
): Promise<string> {
  const lines: string[] = [];
  for await (const line of exportLines(source.db, { reason: 'export', now: instant(NOW) })) lines.push(line);
  const records = lines
    .slice(1)
    .map((l) => JSON.parse(l) as { table?: string; rows?: unknown[]; end?: true; counts: Record<string, number> });
  const events = edit(records.filter((r) => r.table === 'events').flatMap((r) => r.rows as InquiryEvent[]));
  const meta = [...records.filter((r) => r.table === 'meta').flatMap((r) => r.rows as { key: string }[]), ...forgedMeta];
  const rest = records.filter((r) => r.table !== 'events' && r.table !== 'meta' && !r.end);
  const end = records.find((r) => r.end);
  return [
    lines[0],
    JSON.stringify({ table: 'events', rows: events }),
    ...rest.map((r) => JSON.stringify(r)),
    JSON.stringify({ table: 'meta', rows: meta }),
    JSON.stringify({ end: true, counts: { ...end?.counts, events: events.length, meta: meta.length } }),
  ].join('\n');
}

const changeNote = (events: InquiryEvent[]) =>
  events.map((e) => (e.type === 'NoteAdded' && e.chain?.seq === 3 ? ({ ...e, payload: { text: 'Never called.' } } as InquiryEvent) : e));

/** What a forger would put in the file's meta: checks "done" far ahead, no sign-offs, no findings. */
const FORGED = [
  { key: 'chainVerified', value: { X: { seq: 999, hash: 'f'.repeat(64) } } },
  { key: 'chainSignOffs', value: [] },
  { key: 'chainFindings', value: [] },
];

describe('importing a full export checks every chain first', { timeout: 30_000 }, () => {
  it('a clean file: the preview says so; the import keeps the desk’s sign-offs and never takes the file’s chain records', async () => {
    const text = await exportOf(undefined, FORGED);
    const check = await checkCopy(textSource(text));
    expect(check.chains.totals).toMatchObject({ chained: 9, breaks: 0, gaps: 0 });
    expect(check.ownFrom).toBe('device');
    const before = await loadSignOffs(target.db);
    expect(before).toHaveLength(1);
    await restoreCheckedCopy(target.db, textSource(text), {
      check,
      reason: 'before-import',
      by: { name: 'Sam Patel', profile: actorOf(sam) },
      fileName: 'liaison-log-full-export.json',
      acceptBreaks: false,
      now: instant(NOW),
    });
    expect(await target.db.events.count()).toBe(9);
    expect(await loadSignOffs(target.db)).toEqual(before);
    expect(await verifiedPrefixes(target.db)).toEqual({});
    expect(await sweepState(target.db)).toBeNull();
    expect(await storedFindings(target.db)).toEqual([]);
    expect((await importRecords(target.db)).map((r) => [r.decision, r.by.name, r.breaks, r.fileName])).toEqual([
      ['clean', 'Sam Patel', 0, 'liaison-log-full-export.json'],
    ]);
  });

  it('a file with breaks: refused without a lead’s decision; imported on it, recorded, its breaks kept as findings', async () => {
    const text = await exportOf(changeNote, FORGED);
    const check = await checkCopy(textSource(text));
    expect(check.chains.breaks.map((b) => [b.kind, b.event.seq])).toEqual([
      ['altered', 3],
      ['link', 4],
    ]);
    const input = { check, reason: 'before-import' as const, fileName: 'x.json', now: instant(NOW) };
    await expect(
      restoreCheckedCopy(target.db, textSource(text), { ...input, by: { name: 'Lee Grant', profile: actorOf(lee) }, acceptBreaks: false }),
    ).rejects.toBeInstanceOf(ImportDecisionError);
    await expect(
      restoreCheckedCopy(target.db, textSource(text), { ...input, by: { name: 'Sam Patel', profile: actorOf(sam) }, acceptBreaks: true }),
    ).rejects.toThrow('Only a unit lead can import a copy with breaks');
    // Nothing was changed.
    expect(await target.db.events.count()).toBe(2);
    expect(await importRecords(target.db)).toEqual([]);

    await restoreCheckedCopy(target.db, textSource(text), {
      ...input,
      by: { name: 'Lee Grant', profile: actorOf(lee) },
      acceptBreaks: true,
    });
    expect(await target.db.events.count()).toBe(9);
    expect((await storedFindings(target.db)).map((f) => [f.kind, f.event.seq, f.via])).toEqual([
      ['altered', 3, 'import'],
      ['link', 4, 'import'],
    ]);
    expect(await loadSignOffs(target.db)).toHaveLength(1);
    expect(await verifiedPrefixes(target.db)).toEqual({});
    expect((await importRecords(target.db)).map((r) => [r.decision, r.by.name, r.by.role, r.breaks])).toEqual([
      ['accepted', 'Lee Grant', 'lead', 2],
    ]);
    // A full verification afterwards names the same events.
    const { deviceId } = await target.repo.device();
    const report = await verifyLog(target.db, { deviceId, ranBy: actorOf(lee), now: () => target.clock.now() });
    expect(report.breaks.map((b) => [b.kind, b.event.seq])).toEqual([
      ['altered', 3],
      ['link', 4],
    ]);
  });

  it('a file that changed after its check is not imported', async () => {
    const check = await checkCopy(textSource(await exportOf()));
    await expect(
      restoreCheckedCopy(target.db, textSource(await exportOf(changeNote)), {
        check,
        reason: 'before-import',
        by: { name: 'Lee Grant', profile: actorOf(lee) },
        fileName: null,
        acceptBreaks: true,
        now: instant(NOW),
      }),
    ).rejects.toThrow('The copy has changed since it was checked');
    expect(await target.db.events.count()).toBe(2);
  });
});
