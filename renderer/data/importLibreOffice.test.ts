// biome-ignore lint/style/noRestrictedImports: the test reads the fixture spreadsheets from disk; the renderer itself never does.
import { readFileSync } from 'node:fs';
// biome-ignore lint/style/noRestrictedImports: as above, to locate the fixtures.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findHeaderRow, headersOf, suggestMapping } from '../../shared/import/fields';
import { oldLogLine } from '../../shared/import/people';
import type { FieldEdited, InquiryEvent } from '../../shared/inquiry/events';
import { inQueue, queueCounts, queueTimeAt } from '../../shared/log/logQuery';
import { type LogRow, toLogRow } from '../../shared/log/logRow';
import type { Instant, TimeZone } from '../../shared/time/types';
import { readSpreadsheet } from '../leads/readSpreadsheet';
import { instant, openDesk, storedCounts, type TestDesk } from '../test/fixtures';
import { analyse, commitImport, importContext, planImport } from './importer';

/*
 * The import rules of issue 17 on files LibreOffice Calc wrote (test/fixtures/import/libreoffice/generate.mjs):
 * midnight instants in the date column with the time in its own column, a later copy with a corrected time and a
 * fixed typo, and the CSV and XLSX of one log. Every member in them is invented.
 */
const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/import/libreoffice');
/** Monday 7 December 2026, 9:00 in Des Moines. */
const NOW = '2026-12-07T15:00:00.000Z';

let desk: TestDesk;
beforeEach(async () => {
  desk = openDesk(NOW);
  await desk.repo.createProfile({ displayName: 'Dana Whitfield', role: 'lead' });
});
afterEach(async () => {
  await desk.close();
});

async function planFile(name: string) {
  const file = await readSpreadsheet(name, new Uint8Array(readFileSync(resolve(FIXTURES, name))));
  const sheet = file.sheets[0];
  const rows = sheet?.rows ?? [];
  const headerRow = findHeaderRow(rows);
  if (headerRow === null) throw new Error('no header row');
  const headers = headersOf(rows[headerRow], Math.max(...rows.map((r) => r.length)));
  const mapping = suggestMapping(headers);
  const ctx = await importContext(desk.repo, instant(NOW));
  const plan = await planImport(desk.db, await analyse(rows, headerRow, mapping, ctx), ctx);
  return { plan, headerRow, source: { fileName: name, sheet: sheet?.name ?? '', headers, mapping } };
}
async function importFile(name: string) {
  const { plan, source } = await planFile(name);
  const result = await commitImport(desk.repo, plan, source, instant(NOW));
  return { plan, result };
}
const at = (iso: string) => Date.parse(iso);

describe('import rules on LibreOffice files', () => {
  it('reads midnight instants as the civil day, with the time column; rejects a row naming no member; leaves out what it cannot read', async () => {
    const { plan } = await planFile('midnight-log.csv');
    const a = plan.analysis;
    expect(a.accepted.map((r) => [r.rowNumber, r.fields.receivedAt])).toEqual([
      [2, at('2025-07-01T16:03:00Z')], // 11:03 AM CDT, not 6/30 7:00 PM
      [3, at('2025-07-01T19:01:00Z')],
      [4, at('2025-07-02T14:40:00Z')],
      [6, at('2025-07-03T15:20:00Z')],
      [7, at('2025-11-05T14:45:00Z')], // 8:45 AM CST
    ]);
    expect(a.rejected).toEqual([
      { rowNumber: 5, reason: 'The row names no member: no member name and no Medicaid ID. Add either and import again.' },
    ]);
    const bob = a.accepted.find((r) => r.rowNumber === 3);
    expect(bob?.fields.memberDob).toBe('');
    expect(bob?.warnings).toContain(
      `Cell G3 (Date of birth) is not a real date: the date of birth is left out; the row's audit copy keeps what it says.`,
    );
    expect(bob?.quotes).toContainEqual({ cell: 'Cell G3 (Date of birth)', field: 'memberDob', text: '13/45/1990' });
    const cara = a.accepted.find((r) => r.rowNumber === 4);
    expect(cara?.fields.medicaidId).toBe('');
    expect(cara?.warnings[0]).toMatch(/^Cell F4 \(Medicaid ID\) is not a Medicaid ID/);
    expect(cara?.quotes).toEqual([{ cell: 'Cell F4 (Medicaid ID)', field: 'medicaidId', text: 'not on file' }]);
    expect(cara?.cells[5]).toBe('not on file');
  });

  it('a later copy with a corrected time and a fixed typo changes the inquiry (FieldEdited), adds the new row, and nothing twice', async () => {
    await importFile('midnight-log.csv');
    const before = await storedCounts(desk.db);
    const { plan, result } = await importFile('midnight-log-later.csv');
    expect(plan.fresh.map((f) => f.row.fields.memberName)).toEqual(['Finn Notreal']);
    expect(plan.additions.map((x) => [x.row.rowNumber, x.update.edits.map((e) => [e.field, e.from, e.to])])).toEqual([
      [
        3,
        [
          ['receivedAt', at('2025-07-01T19:01:00Z'), at('2025-07-01T19:05:00Z')],
          ['memberName', 'Bob Sampel', 'Bob Sample'],
        ],
      ],
    ]);
    expect(plan.unchanged).toHaveLength(4);
    expect(result).toMatchObject({ inquiriesAdded: 1, inquiriesUpdated: 1 });
    expect((await storedCounts(desk.db)).inquiries).toBe(before.inquiries + 1);
    const bob = (await desk.db.inquiries.toArray()).find((r) => r.memberName === 'Bob Sample');
    expect(bob?.receivedAt).toBe(at('2025-07-01T19:05:00Z'));
    const edits = (
      await desk.db.events
        .where('inquiryId')
        .equals(bob?.id ?? '')
        .toArray()
    ).filter((e: InquiryEvent): e is FieldEdited => e.type === 'FieldEdited');
    expect(edits.map((e) => e.payload.field)).toEqual(['receivedAt', 'memberName']);
    // The same later copy again: nothing new at all.
    const again = await planFile('midnight-log-later.csv');
    expect([again.plan.fresh.length, again.plan.additions.length]).toEqual([0, 0]);
  });

  it('the CSV of a log after its XLSX (LibreOffice) adds nothing; the XLSX with title rows finds its header', async () => {
    const xlsx = await importFile('one-log.xlsx');
    expect(xlsx.result.inquiriesAdded).toBe(5);
    const before = await storedCounts(desk.db);
    const csv = await planFile('one-log.csv');
    expect([csv.plan.fresh.length, csv.plan.additions.length, csv.plan.unchanged.length]).toEqual([0, 0, 5]);
    expect(await storedCounts(desk.db)).toEqual(before);
    const titled = await planFile('titled-log.xlsx');
    expect(titled.headerRow).toBe(3);
    expect([titled.plan.fresh.length, titled.plan.unchanged.length]).toEqual([0, 5]);
  });
});

describe('imported open rows wait for a unit lead: "Imported — to review"', () => {
  it('keeps them out of Due today and Overdue until reviewed; kept open is due from now, closed is resolved', async () => {
    await importFile('midnight-log.csv');
    const config = await desk.repo.config();
    const at = queueTimeAt(instant(NOW), config.timeZone);
    const rows = async () => (await desk.db.inquiries.toArray()).map((r) => toLogRow(r, config));
    const named = async (name: string) => (await rows()).find((r) => r.memberName === name) as LogRow;
    let counts = queueCounts(await rows(), 'nobody', at);
    expect([counts.imported_review, counts.due_today, counts.overdue]).toEqual([3, 0, 0]);
    // Oldest first, as the queue is read.
    const queue = (await rows()).filter((r) => inQueue(r, 'imported_review', 'nobody', at)).sort((a, b) => a.receivedAt - b.receivedAt);
    expect(queue.map((r) => r.memberName)).toEqual(['Bob Sampel', 'Cara Placeholder', 'Eve Madeup']);
    expect((await named('Bob Sampel')).nextDueAt).toBeNull();

    await desk.repo.execute('reviewImported', (await named('Bob Sampel')).id, { decision: 'kept_open' });
    const bob = await desk.db.inquiries.get((await named('Bob Sampel')).id);
    expect(bob?.imported?.reviewed?.decision).toBe('kept_open');
    expect(bob?.workflow.targets?.from).toBe(instant(NOW)); // fresh targets from now (Escalated: 1 business day)
    expect((await named('Bob Sampel')).nextDueAt).not.toBeNull();

    await desk.repo.execute('reviewImported', (await named('Eve Madeup')).id, {
      decision: 'closed',
      resolution: 'agency',
      text: 'Billing corrected by the agency in November.',
    });
    expect((await named('Eve Madeup')).status).toBe('resolved');
    counts = queueCounts(await rows(), 'nobody', at);
    expect(counts.imported_review).toBe(1);
    // Reviewed once only.
    await expect(desk.repo.execute('reviewImported', (await named('Bob Sampel')).id, { decision: 'kept_open' })).rejects.toThrow(
      'not waiting for review',
    );
  });

  it('only a unit lead reviews; the history names who logged the row in the old log and who imported it', async () => {
    await importFile('midnight-log.csv');
    const liaison = await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' });
    await desk.repo.switchProfile(liaison.id);
    const records = await desk.db.inquiries.toArray();
    const eve = records.find((r) => r.memberName === 'Eve Madeup');
    await expect(desk.repo.execute('reviewImported', eve?.id ?? '', { decision: 'kept_open' })).rejects.toThrow(
      'A unit lead reviews inquiries imported from the old log.',
    );
    expect(eve?.imported?.loggedBy).toBe('Marcus Lee');
    expect(
      oldLogLine(
        {
          receivedAt: eve?.receivedAt as Instant,
          loggedBy: eve?.imported?.loggedBy ?? '',
          importedBy: eve?.imported?.importedBy?.name ?? '',
          importedAt: eve?.imported?.at as Instant,
        },
        'America/Chicago' as TimeZone,
      ),
    ).toBe('Logged in the old log on 11/5/2025 by Marcus Lee (imported by Dana Whitfield on 12/7/2026)');
  });
});
