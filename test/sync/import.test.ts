import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, commitImport, importContext, planImport } from '../../renderer/data/importer';
import { readSpreadsheet } from '../../renderer/leads/readSpreadsheet';
import { findHeaderRow, headersOf, suggestMapping } from '../../shared/import/fields';
import { asInstant } from '../../shared/time/types';
import { type Desk, syncAll, team, tempShareEachTest } from './desks';

/**
 * Two desks importing different copies of the old log before they ever sync (docs/events.md "Two desks, two
 * copies"): a row's inquiry id comes from the exact parts of its legacy identity, so each row is one inquiry on
 * both desks once they sync, and both desks fold it alike. Whole desks (Repo, Dexie, engine, WebCrypto) over a
 * real temp folder; the copies are the LibreOffice fixtures (a later copy with a corrected time, a fixed typo in a
 * name and one row added).
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import/libreoffice');
let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

async function importOn(desk: Desk, name: string) {
  const file = await readSpreadsheet(name, new Uint8Array(readFileSync(resolve(FIXTURES, name))));
  const rows = file.sheets[0]?.rows ?? [];
  const headerRow = findHeaderRow(rows);
  if (headerRow === null) throw new Error('no header row');
  const headers = headersOf(rows[headerRow], Math.max(...rows.map((r) => r.length)));
  const mapping = suggestMapping(headers);
  const now = desk.clock.now();
  const ctx = await importContext(desk.repo, now);
  const plan = await planImport(desk.db, await analyse(rows, headerRow, mapping, ctx), ctx);
  return commitImport(desk.repo, plan, { fileName: name, sheet: file.sheets[0]?.name ?? '', headers, mapping }, asInstant(now));
}

/** Each desk's inquiries as a person tells them apart: received day, member, issue; and the folded rows themselves. */
const described = async (d: Desk) =>
  Object.values(await d.rows())
    .map((r) => `${new Date(r.receivedAt).toISOString().slice(0, 10)} ${r.medicaidId || r.memberName}: ${r.description}`)
    .sort();

describe('importing the old log on two desks before they sync', () => {
  it('different copies of the same log end as one inquiry per row, folded alike on both desks', async () => {
    desks = await team(share.root, ['Dana Whitfield', 'Priya Shah'], { role: 'lead' });
    const [a, b] = desks as [Desk, Desk];
    const onA = await importOn(a, 'midnight-log.csv');
    b.clock.skewMs = 1000;
    const onB = await importOn(b, 'midnight-log-later.csv');
    // Each desk made every row of its own copy: 5 rows (one names no member), and the later copy's added row.
    expect(onA.inquiriesAdded).toBe(5);
    expect(onB.inquiriesAdded).toBe(6);
    // The same rows got the same inquiry ids on both desks before any sync, even the one with a corrected time and name.
    expect(onA.inquiryIds.filter((id) => onB.inquiryIds.includes(id))).toHaveLength(5);

    await syncAll(desks);
    const rowsA = await a.rows();
    const rowsB = await b.rows();
    expect(Object.keys(rowsA)).toHaveLength(6);
    expect(await described(a)).toEqual([
      '2025-07-01 9900001A: Insulin refill denied at the pharmacy',
      '2025-07-01 9900002B: Ride to dialysis did not show up',
      '2025-07-02 Cara Placeholder: Wheelchair repair waiting six weeks',
      '2025-07-03 9900004D: Prior authorization for MRI delayed',
      '2025-11-05 9900005E: Billed for a covered dental visit',
      '2025-11-06 9900006F: Pharmacy lock-in blocks a new prescription',
    ]);
    // Both desks fold every inquiry to the same facts: where the copies differ (Bob's time and name), the first logged
    // wins on both. (A step both copies agree on is stored once, each desk keeping its own copy's envelope: who
    // imported it and its stamp — docs/events.md "Two desks, two copies".)
    const facts = (rows: typeof rowsA) =>
      Object.values(rows).map((r) => ({
        id: r.id,
        caseNumber: r.caseNumber,
        status: r.status,
        receivedAt: r.receivedAt,
        memberName: r.memberName,
        medicaidId: r.medicaidId,
        description: r.description,
        priority: r.priority,
        mcoId: r.mcoId,
        firstContactAt: r.workflow.firstContactAt,
        resolution: r.workflow.resolution && {
          at: r.workflow.resolution.at,
          type: r.workflow.resolution.type,
          text: r.workflow.resolution.text,
        },
        importedFrom: r.imported && { fileName: r.imported.fileName, row: r.imported.row },
        awaitingReview: r.imported?.reviewed === undefined && r.status === 'open',
      }));
    expect(facts(rowsB)).toEqual(facts(rowsA));
    const bob = Object.values(rowsA).find((r) => r.medicaidId === '9900002B');
    expect(bob?.memberName).toBe('Bob Sampel'); // desk A's copy, logged first
    // A step both copies agree on is one event, not two: Ann's resolution and first contact.
    const ann = Object.values(rowsA).find((r) => r.medicaidId === '9900001A');
    const annEvents = (await a.events()).filter((e) => e.inquiryId === ann?.id);
    expect(annEvents.filter((e) => e.type === 'InquiryResolved')).toHaveLength(1);
    expect(annEvents.filter((e) => e.type === 'OutreachRecorded')).toHaveLength(1);

    // Importing either copy again, on either desk, adds nothing.
    for (const [desk, name] of [
      [a, 'midnight-log-later.csv'],
      [b, 'midnight-log.csv'],
    ] as const) {
      const again = await importOn(desk, name);
      expect(again.inquiriesAdded).toBe(0);
    }
    expect(Object.keys(await a.rows())).toHaveLength(6);
  });
});
