// biome-ignore lint/style/noRestrictedImports: the test reads the fixture spreadsheets from disk; the renderer itself never does.
import { readFileSync } from 'node:fs';
// biome-ignore lint/style/noRestrictedImports: as above, to locate the fixtures.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedFile } from '../../shared/import/cells';
import { findHeaderRow, headersOf, suggestMapping } from '../../shared/import/fields';
import { ImportFileProblem } from '../../shared/import/sniff';
import type { InquiryEvent, InquiryImported } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { readSpreadsheet } from '../leads/readSpreadsheet';
import { instant, openDesk, storedCounts, type TestDesk } from '../test/fixtures';
import {
  analyse,
  commitImport,
  type ImportPlan,
  ImportStopped,
  importContext,
  learnedMapping,
  planImport,
  rememberMapping,
} from './importer';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));
/** Monday 23 November 2026, 2:30 pm in Des Moines. */
const NOW = '2026-11-23T20:30:00.000Z';

let desk: TestDesk;

beforeEach(async () => {
  desk = openDesk(NOW);
  await desk.repo.createProfile({ displayName: 'Lee Morgan', role: 'lead' });
});
afterEach(async () => {
  await desk.close();
});

async function planOf(
  file: ParsedFile,
  sheet = 0,
): Promise<{ plan: ImportPlan; headers: string[]; mapping: ReturnType<typeof suggestMapping> }> {
  const rows = file.sheets[sheet]?.rows ?? [];
  const headerRow = findHeaderRow(rows);
  if (headerRow === null) throw new Error('no header row');
  const headers = headersOf(rows[headerRow], Math.max(...rows.map((r) => r.length)));
  const mapping = suggestMapping(headers, await learnedMapping(desk.db));
  const ctx = await importContext(desk.repo, instant(NOW));
  const analysis = await analyse(rows, headerRow, mapping, ctx);
  return { plan: await planImport(desk.db, analysis, ctx), headers, mapping };
}

async function importFile(name: string) {
  const file = await readSpreadsheet(name, fixture(name));
  const { plan, headers, mapping } = await planOf(file);
  const result = await commitImport(desk.repo, plan, { fileName: name, sheet: file.sheets[0]?.name ?? '', headers, mapping }, instant(NOW));
  return { plan, result };
}

const eventsOf = (id: string): Promise<InquiryEvent[]> =>
  desk.db.events.where('[inquiryId+hlc]').between([id, ''], [id, '\uffff']).toArray();

describe('importing the 2025 shared-drive log', () => {
  it('finds the header under the title rows and previews every row with its number and reason', async () => {
    const file = await readSpreadsheet('mco-inquiry-log-2025.xlsx', fixture('mco-inquiry-log-2025.xlsx'));
    expect(file.sheets.map((s) => s.name)).toEqual(['2025 Log', 'MCO list']);
    expect(findHeaderRow(file.sheets[0]?.rows ?? [])).toBe(3);
    const { plan } = await planOf(file);
    expect(plan.analysis.accepted.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8, 10, 13, 15, 16, 20, 22]);
    expect(plan.analysis.rejected).toEqual([
      { rowNumber: 11, reason: 'Date received: "3/32/2025" is not a real date.' },
      { rowNumber: 12, reason: 'No date received.' },
      { rowNumber: 14, reason: 'Date resolved: 3/1/2025 is before the date received.' },
      { rowNumber: 21, reason: 'Date received (1/15/2031) is in the future.' },
      { rowNumber: 24, reason: 'Date received: "Total open:" is not a date (use m/d/yyyy, for example 3/2/2024).' },
    ]);
    expect(plan.analysis.duplicates).toEqual([{ rowNumber: 19, firstRow: 5 }]);
    expect(plan.analysis.blank).toBe(4);
    const warned = plan.analysis.accepted.filter((r) => r.warnings.length > 0).map((r) => [r.rowNumber, r.warnings]);
    expect(warned).toEqual([
      [
        10,
        [
          'Source "Jane Smith" is not one of the app\'s sources: imported as Other, with the text as the originator.',
          'MCO "UnitedHealthcare" is not in the MCO directory: kept as written. Add it, or add the name as an alias, and re-import to match it.',
        ],
      ],
      [
        13,
        [
          `Cell E13 (Medicaid ID) is not a Medicaid ID (7 digits followed by a capital letter, for example 1234567A): left out; the row's audit copy keeps what it says.`,
          'No priority: imported as Escalated.',
        ],
      ],
      [15, ['Date contacted: "next day" is not a date (use m/d/yyyy, for example 3/2/2024); left out.']],
    ]);
    expect(plan.fresh).toHaveLength(10);
  });

  it('writes every accepted row in one go, as inquiries with imported history; a re-import adds nothing', async () => {
    const { result } = await importFile('mco-inquiry-log-2025.xlsx');
    expect(result).toMatchObject({ inquiriesAdded: 10, inquiriesUpdated: 0 });
    const counts = await storedCounts(desk.db);
    expect(counts.inquiries).toBe(10);
    expect(counts.events).toBe(result.events);
    expect(counts.outbox).toBe(result.events);

    const all = await desk.db.inquiries.toArray();
    const { deskCode } = await desk.repo.device();
    const maria = all.find((r) => r.memberName === 'Maria Lopez') as InquiryRecord;
    expect(maria.caseNumber).toBe(`250303-${deskCode}-900001`);
    expect(maria.status).toBe('resolved');
    expect(maria.receivedAt).toBe(instant('2025-03-03T15:15:00Z'));
    expect(maria.workflow.firstContactAt).toBe(instant('2025-03-03T16:05:00Z'));
    expect(maria.imported).toMatchObject({ fileName: 'mco-inquiry-log-2025.xlsx', sheet: '2025 Log', row: 5 });
    const timeline = await eventsOf(maria.id);
    expect(timeline.map((e) => e.type)).toEqual([
      'InquiryLogged',
      'TargetsSet',
      'OutreachRecorded',
      'McoReferred',
      'NoteAdded',
      'InquiryResolved',
      'InquiryImported',
    ]);
    expect(timeline.every((e) => e.imported === true)).toBe(true);
    const note = timeline.find((e) => e.type === 'NoteAdded');
    expect(note?.type === 'NoteAdded' && note.payload.text).toBe(
      '3/3 spoke w/ member, confirmed pharmacy\n3/3 sent to ITC Pharmacy, ref 55821',
    );
    const audit = timeline.at(-1) as InquiryImported;
    expect(audit.payload.cells.slice(0, 5)).toEqual(['3/3/2025', '9:15', 'CSR', 'Maria Lopez', '1234567A']);

    const samuel = all.find((r) => r.memberName === 'Samuel Park') as InquiryRecord;
    expect(samuel.mcoEnrollment).toBe('not_enrolled');
    expect(samuel.workflow.routedToUnitLeadAt).toBe(samuel.receivedAt);
    const open = all.filter((r) => r.status === 'open').map((r) => r.memberName);
    expect(open.sort()).toEqual(['Ana Gutierrez', 'Dmitri Ivanov', 'Li Wei', 'Victor Nguyen']);

    // The same file again: everything is recognised, nothing is written.
    const again = await importFile('mco-inquiry-log-2025.xlsx');
    expect(again.plan.fresh).toHaveLength(0);
    expect(again.plan.additions).toHaveLength(0);
    expect(again.plan.unchanged).toHaveLength(10);
    expect(again.result).toMatchObject({ inquiriesAdded: 0, inquiriesUpdated: 0, events: 0 });
    expect(await storedCounts(desk.db)).toEqual(counts);
  });

  it('takes from a later, overlapping copy only the new rows and what was added to old ones', async () => {
    await importFile('mco-inquiry-log-2025.xlsx');
    const before = await storedCounts(desk.db);
    const { plan, result } = await importFile('mco-inquiry-log-2025-later.xlsx');
    expect(plan.fresh.map((f) => f.row.fields.memberName)).toEqual(['Carla Mendes', 'Ben Okafor']);
    expect(plan.additions.map((a) => [a.row.rowNumber, a.update])).toEqual([
      [
        7,
        {
          contacted: true,
          referral: true,
          resolution: true,
          notes: ['3/6 member called back; sent to Wellpoint transportation'],
          edits: [],
        },
      ],
      [
        10,
        {
          contacted: false,
          referral: false,
          resolution: false,
          notes: ['Updates, as a later copy of the old log has them:\nCalled provider billing office 3/11'],
          edits: [],
        },
      ],
    ]);
    expect(plan.unchanged).toHaveLength(8);
    expect(result).toMatchObject({ inquiriesAdded: 2, inquiriesUpdated: 2 });
    expect((await storedCounts(desk.db)).inquiries).toBe(before.inquiries + 2);
    const ana = (await desk.db.inquiries.toArray()).find((r) => r.memberName === 'Ana Gutierrez') as InquiryRecord;
    expect(ana.status).toBe('resolved');
    expect(ana.workflow.referral?.mcoId).toBe('wellpoint');
    expect(ana.imported?.row).toBe(7);
    // And the later copy once more: nothing.
    const third = await importFile('mco-inquiry-log-2025-later.xlsx');
    expect(third.result.events).toBe(0);
  });

  it('numbers imported case numbers per day received, after any imported before', async () => {
    await importFile('mco-inquiry-log-2025.xlsx');
    await importFile('mco-inquiry-log-2025-later.xlsx');
    const numbers = (await desk.db.inquiries.toArray()).map((r) => r.caseNumber).sort();
    const { deskCode } = await desk.repo.device();
    expect(numbers).toContain(`250320-${deskCode}-900001`);
    expect(numbers.every((n) => new RegExp(`^25\\d{4}-${deskCode}-9\\d{5}$`).test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a batch that fails stops the import: the batches before it stay, whole, and the same file again writes the rest', async () => {
    const file = await readSpreadsheet('mco-inquiry-log-2025.xlsx', fixture('mco-inquiry-log-2025.xlsx'));
    const { plan, headers, mapping } = await planOf(file);
    const source = { fileName: 'x.xlsx', sheet: 'S', headers, mapping };
    // Row 8 of 10 cannot become events (no instant before 1970 has an id), so the third batch of three fails.
    const broken = plan.fresh[7];
    if (!broken) throw new Error('fixture changed');
    const good = broken.row;
    broken.row = { ...good, fields: { ...good.fields, receivedAt: -1 as never } };
    const progress: number[] = [];
    const stopped = await commitImport(desk.repo, plan, source, instant(NOW), (p) => progress.push(p.done), 3).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ImportStopped);
    expect((stopped as ImportStopped).message).toMatch(
      /^The import stopped after 6 of 10 rows were written: .+ Those rows are in the log, each inquiry whole\. Import the same file again to write the rest: rows already in the log are skipped\./,
    );
    expect(progress).toEqual([3, 6]);
    // Six whole inquiries: each with its logged fact and its audit record, and an outbox entry for every event.
    const rows = await desk.db.inquiries.toArray();
    expect(rows).toHaveLength(6);
    for (const r of rows)
      expect((await eventsOf(r.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['InquiryLogged', 'InquiryImported']));
    const counts = await storedCounts(desk.db);
    expect(counts.outbox).toBe(counts.events);

    // The same file again: the six are found, the other four are written, nothing twice.
    const again = await planOf(file);
    expect(again.plan.fresh).toHaveLength(4);
    expect(again.plan.unchanged).toHaveLength(6);
    const result = await commitImport(desk.repo, again.plan, source, instant(NOW));
    expect(result.inquiriesAdded).toBe(4);
    expect(await desk.db.inquiries.count()).toBe(10);
  });

  it('commits batch by batch, and tells the log of the inquiries once, after the last batch', async () => {
    const file = await readSpreadsheet('mco-inquiry-log-2025.xlsx', fixture('mco-inquiry-log-2025.xlsx'));
    const { plan, headers, mapping } = await planOf(file);
    const heard: string[] = [];
    desk.changes.subscribe((ids) => heard.push(`announced ${ids.length}`));
    const seen: string[] = [];
    await commitImport(
      desk.repo,
      plan,
      { fileName: 'x.xlsx', sheet: 'S', headers, mapping },
      instant(NOW),
      async (p) => {
        // Each batch is committed when it is reported: another transaction sees its rows.
        seen.push(`${p.done} written, ${await desk.db.inquiries.count()} stored, ${heard.length} announced`);
      },
      4,
    );
    await vi.waitFor(() => expect(heard).toEqual(['announced 10']));
    expect(seen).toEqual(['4 written, 4 stored, 0 announced', '8 written, 8 stored, 0 announced', '10 written, 10 stored, 0 announced']);
  });

  it('a batch that fails first writes nothing, and says nothing was written', async () => {
    const file = await readSpreadsheet('mco-inquiry-log-2025.xlsx', fixture('mco-inquiry-log-2025.xlsx'));
    const { plan, headers, mapping } = await planOf(file);
    const first = plan.fresh[0];
    if (!first) throw new Error('fixture changed');
    first.row = { ...first.row, fields: { ...first.row.fields, receivedAt: -1 as never } };
    const failed = await commitImport(
      desk.repo,
      plan,
      { fileName: 'x.xlsx', sheet: 'S', headers, mapping },
      instant(NOW),
      undefined,
      3,
    ).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(ImportStopped);
    expect(await storedCounts(desk.db)).toMatchObject({ events: 0, inquiries: 0, outbox: 0 });
  });
});

describe('the 2024 CSV export', () => {
  it('reads Windows-1252 text, a title line, first and last names apart, and quoted multi-line notes', async () => {
    const file = await readSpreadsheet('mco-inquiry-log-2024.csv', fixture('mco-inquiry-log-2024.csv'));
    const { plan } = await planOf(file);
    expect(plan.analysis.accepted.map((r) => [r.rowNumber, r.fields.memberName, r.fields.mcoId, r.fields.priority])).toEqual([
      [3, 'José Peña', 'itc', 'high'],
      [4, 'Anna Müller', 'molina', 'escalated'],
      [5, "Sean O'Brien", 'wellpoint', 'escalated'],
    ]);
    expect(plan.analysis.accepted[0]?.updates).toBe('Spoke w/ member 11/4.\nITC PA expedited.');
    expect(plan.analysis.rejected).toEqual([{ rowNumber: 7, reason: 'Date received: "13/01/2024" is not a real date.' }]);
    expect(plan.analysis.blank).toBe(1);
  });
});

describe('files that are not the log', () => {
  const refused = async (name: string): Promise<ImportFileProblem> => {
    try {
      await readSpreadsheet(name, fixture(name));
    } catch (e) {
      if (e instanceof ImportFileProblem) return e;
      throw e;
    }
    throw new Error(`${name} was read`);
  };

  it('refuses a password-protected workbook, an empty file and a PDF, with what to do', async () => {
    expect((await refused('password-protected.xlsx')).code).toBe('password_protected');
    expect((await refused('empty.csv')).message).toBe('"empty.csv" is empty (0 bytes). Choose the saved log spreadsheet (.xlsx or .csv).');
    expect((await refused('scanned-log.pdf')).message).toBe(
      '"scanned-log.pdf" is a PDF document, not a spreadsheet. Choose the log saved as .xlsx or .csv.',
    );
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    await expect(readSpreadsheet('notes.xlsx', zip)).rejects.toThrow(
      '"notes.xlsx" could not be read as an Excel workbook: it may be damaged, or be another kind of file.',
    );
  });
});

describe('the remembered mapping', () => {
  it('suggests next time what was chosen this time, header by header', async () => {
    await rememberMapping(desk.db, ['Notes', 'Ref #'], ['resolution', null]);
    expect(await learnedMapping(desk.db)).toEqual({ notes: 'resolution', 'ref number': null });
    expect(suggestMapping(['Date Received', 'Notes', 'Ref #'], await learnedMapping(desk.db))).toEqual([
      'receivedDate',
      'resolution',
      null,
    ]);
  });
});
