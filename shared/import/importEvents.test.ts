import { encodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { CaseNumber } from '../inquiry/caseNumber';
import type { CommandContext } from '../inquiry/commands/context';
import { TEST_POLICY } from '../inquiry/commands/testing';
import { type InquiryEvent, type InquiryImported, parseEvent } from '../inquiry/events';
import { type InquiryRecord, projectInquiry } from '../inquiry/projection';
import { encodeHlc } from '../sync/hlc';
import type { Instant } from '../time/types';
import type { DateCell } from './cells';
import { suggestMapping } from './fields';
import { importedInquiryId, newInquiryEvents, revisionHex, rowUpdate, updateEvents, updatesOf } from './importEvents';
import { type ImportedRow, normaliseRow } from './normalise';
import { dateCell, IMPORT_NOW, importContext, LOG_2025_HEADERS } from './testing';

const NOW = IMPORT_NOW;
const at = (iso: string) => Date.parse(iso) as Instant;
const d = dateCell;

function commandContext(deviceId = 'DESKAAAAAAAAAAAA'): CommandContext {
  let counter = 0;
  return {
    actor: { id: 'p-lead', name: 'Lee Morgan', role: 'lead' },
    deviceId,
    now: NOW,
    stamp: () => encodeHlc({ wall: NOW, counter: counter++, deviceId }),
    newId: () => `01NEWID${String(++counter).padStart(19, '0')}`,
    ...TEST_POLICY,
  };
}
const importCtx = importContext();

/** The 2025 log without its DOB and Assigned To columns. */
const HEADERS = LOG_2025_HEADERS.filter((h) => h !== 'DOB' && h !== 'Assigned To');
const MAPPING = suggestMapping(HEADERS);
const RUN = {
  importId: '01RUNRUNRUNRUNRUNRUNRUNRUN',
  fileName: 'MCO Inquiry Log 2025.xlsx',
  sheet: '2025 Log',
  headers: HEADERS,
  mapping: MAPPING,
};
const DIGEST = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255);
const REVISION = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) & 255);
const DIGESTS = { key: DIGEST, revision: REVISION };
const CASE = '250303-DESKA-900001' as CaseNumber;

function rowOf(cells: (string | DateCell | null)[]): ImportedRow {
  const out = normaliseRow(cells, 5, MAPPING, importCtx);
  if (out.kind !== 'accepted') throw new Error(JSON.stringify(out));
  return out.row;
}

// Monday 3 March 2025, 9:15 am in Des Moines: High priority, contacted 10:05, sent to ITC 10:40, resolved next day.
const WORKED = rowOf([
  d(2025, 3, 3, 9, 15),
  null,
  'CSR',
  'Maria Lopez',
  '1234567A',
  'ITC',
  'H',
  'Insulin refill denied.',
  d(2025, 3, 3, 10, 5),
  d(2025, 3, 3, 10, 40),
  '3/3 spoke w/ member\n3/3 sent to ITC Pharmacy',
  'ITC approved override',
  d(2025, 3, 4),
]);
/** Wed 5 March 2025 08:40, Escalated, sent by an ESR; `worked` is the row's last five columns (contacted to resolved). */
const openCells = (worked: (string | DateCell | null)[]) => [
  d(2025, 3, 5, 8, 40),
  null,
  'ESR',
  'Ana Gutierrez',
  '3456789C',
  'Amerigroup',
  'Esc',
  'Transportation no-show.',
  ...worked,
];
const OPEN = rowOf(openCells([null, null, 'Waiting on member callback', '', '']));

describe('newInquiryEvents: an old log row as an inquiry with its history', () => {
  const events = newInquiryEvents(WORKED, DIGESTS, CASE, RUN, commandContext());

  it('writes the logged fact, targets, contact, referral, updates, resolution and the audit record, in that order', () => {
    expect(events.map((e) => e.type)).toEqual([
      'InquiryLogged',
      'TargetsSet',
      'OutreachRecorded',
      'McoReferred',
      'NoteAdded',
      'InquiryResolved',
      'InquiryImported',
    ]);
    // Each passes the strict parser sync and import use, marks included.
    for (const e of events) expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
  });

  it('dates each step by the old log, the audit record by the import, and marks every one imported', () => {
    expect(events.map((e) => [e.type, new Date(e.at).toISOString(), e.imported ?? false])).toEqual([
      ['InquiryLogged', '2025-03-03T15:15:00.000Z', true],
      ['TargetsSet', '2025-03-03T15:15:00.000Z', true],
      ['OutreachRecorded', '2025-03-03T16:05:00.000Z', true],
      ['McoReferred', '2025-03-03T16:40:00.000Z', true],
      ['NoteAdded', '2025-03-03T16:40:00.000Z', true],
      ['InquiryResolved', '2025-03-04T18:00:00.000Z', true],
      ['InquiryImported', '2026-11-23T20:30:00.000Z', true],
    ]);
    // HLC stamps are the desk's own, in order: sync and the fold see the history in sequence.
    const stamps = events.map((e) => e.hlc);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('sets first-contact targets as logging would: 2 and 4 business hours after receipt', () => {
    const targets = events.find((e) => e.type === 'TargetsSet');
    expect(targets?.type === 'TargetsSet' && targets.payload).toEqual({
      priority: 'high',
      from: at('2025-03-03T15:15:00Z'),
      firstContactTarget: at('2025-03-03T17:15:00Z'),
      firstContactDeadline: at('2025-03-03T19:15:00Z'),
      policy: { target: { amount: 2, unit: 'businessHours' }, deadline: { amount: 4, unit: 'businessHours' } },
    });
  });

  it('keeps the original row for audit', () => {
    const audit = events.at(-1) as InquiryImported;
    expect(audit.payload).toEqual({
      importId: RUN.importId,
      fileName: 'MCO Inquiry Log 2025.xlsx',
      sheet: '2025 Log',
      row: 5,
      kind: 'new',
      headers: HEADERS,
      cells: [
        '3/3/2025 9:15',
        '',
        'CSR',
        'Maria Lopez',
        '1234567A',
        'ITC',
        'H',
        'Insulin refill denied.',
        '3/3/2025 10:05',
        '3/3/2025 10:40',
        '3/3 spoke w/ member\n3/3 sent to ITC Pharmacy',
        'ITC approved override',
        '3/4/2025',
      ],
      mapping: MAPPING.map((m) => m ?? ''),
      revision: revisionHex(REVISION),
    });
  });

  it('projects to a resolved inquiry whose timeliness can be read', () => {
    const r = projectInquiry(events) as InquiryRecord;
    expect(r.caseNumber).toBe(CASE);
    expect(r.status).toBe('resolved');
    expect(r.loggedAt).toBe(at('2025-03-03T15:15:00Z'));
    expect(r.workflow.firstContactAt).toBe(at('2025-03-03T16:05:00Z'));
    expect(r.workflow.referral?.mcoId).toBe('itc');
    expect(r.workflow.referral?.mcoContactDue).toBe(at('2025-03-03T22:30:00Z')); // end of that business day, 4:30 pm
    expect(r.workflow.resolution).toEqual({
      type: 'mco',
      text: 'ITC approved override',
      at: at('2025-03-04T18:00:00Z'),
      by: { id: 'p-lead', name: 'Lee Morgan' },
    });
    expect(r.noteCount).toBe(1);
    expect(r.imported).toEqual({
      fileName: 'MCO Inquiry Log 2025.xlsx',
      sheet: '2025 Log',
      row: 5,
      at: NOW,
      revision: revisionHex(REVISION),
      loggedBy: '',
      importedBy: { id: 'p-lead', name: 'Lee Morgan' },
    });
  });

  it('gives the same ids for the same row on any desk, at any time', () => {
    const again = newInquiryEvents(WORKED, DIGESTS, CASE, RUN, {
      ...commandContext('OTHERDESK0000000'),
      now: (NOW + 86_400_000) as Instant,
    });
    expect(again.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events[0]?.inquiryId).toBe(importedInquiryId(DIGEST, WORKED.receivedDay));
    const other = newInquiryEvents(WORKED, { key: DIGEST.map((b) => b ^ 1), revision: REVISION }, CASE, RUN, commandContext());
    expect(other.map((e) => e.id).filter((id) => events.some((e) => e.id === id))).toEqual([]);
  });

  it("keeps the inquiry id under a corrected time; another desk's import shares the steps both copies agree on", () => {
    // The inquiry id's time part is the day received: 00:00 UTC of 3 March 2025.
    expect(importedInquiryId(DIGEST, WORKED.receivedDay).slice(0, 10)).toBe(encodeTime(Date.UTC(2025, 2, 3), 10));
    const corrected = { ...WORKED, fields: { ...WORKED.fields, receivedAt: (WORKED.fields.receivedAt + 4 * 60_000) as Instant } };
    const elsewhere = newInquiryEvents(
      corrected,
      DIGESTS,
      '250303-DESKB-900001' as CaseNumber,
      { ...RUN, importId: 'RUN-B' },
      commandContext('OTHERDESK0000000'),
    );
    expect(elsewhere[0]?.inquiryId).toBe(events[0]?.inquiryId);
    const ids = new Set(events.map((e) => e.id));
    // Its own logged fact (another time, another case number) and audit record; the same contact, referral and resolution.
    expect(elsewhere.filter((e) => ids.has(e.id)).map((e) => e.type)).toEqual([
      'OutreachRecorded',
      'McoReferred',
      'NoteAdded',
      'InquiryResolved',
    ]);
  });

  it('routes a member with no MCO to the unit lead, as logging does', () => {
    const ffs = rowOf([
      d(2025, 3, 6, 13, 30),
      null,
      'ESR',
      'Samuel Park',
      '4567890D',
      'FFS',
      'High',
      'Needs PA for MRI.',
      null,
      null,
      '',
      '',
      '',
    ]);
    const types = newInquiryEvents(ffs, DIGESTS, CASE, RUN, commandContext()).map((e) => e.type);
    expect(types).toEqual(['InquiryLogged', 'TargetsSet', 'RoutedToUnitLead', 'InquiryImported']);
  });
});

describe('a later copy of the log: rowUpdate and updateEvents', () => {
  const ctx = commandContext();
  const events = newInquiryEvents(OPEN, DIGESTS, CASE, RUN, ctx);
  const record = projectInquiry(events) as InquiryRecord;
  const audit = events.at(-1) as InquiryImported;

  it('adds nothing for the same row', () => {
    expect(record.status).toBe('open');
    expect(rowUpdate(OPEN, record, updatesOf(audit))).toEqual({
      contacted: false,
      referral: false,
      resolution: false,
      notes: [],
      edits: [],
    });
  });

  it('adds only what the log lacks: the appended updates, the first contact, the referral, the resolution', () => {
    const later = rowOf(
      openCells([
        '3/6/2025',
        '3/6/2025',
        'Waiting on member callback\n3/6 member called back; sent to Wellpoint',
        'Wellpoint rebooked rides',
        '3/10/2025',
      ]),
    );
    expect(later.key).toBe(OPEN.key);
    const update = rowUpdate(later, record, updatesOf(audit));
    expect(update).toEqual({
      contacted: true,
      referral: true,
      resolution: true,
      notes: ['3/6 member called back; sent to Wellpoint'],
      edits: [],
    });
    const revision = DIGEST.map((b) => b ^ 7);
    const added = updateEvents(later, update, revision, record.id, RUN, ctx);
    expect(added.map((e) => e.type)).toEqual(['OutreachRecorded', 'McoReferred', 'NoteAdded', 'InquiryResolved', 'InquiryImported']);
    expect((added.at(-1) as InquiryImported).payload.kind).toBe('update');
    const after = projectInquiry([...events, ...added]) as InquiryRecord;
    expect(after.status).toBe('resolved');
    expect(after.workflow.referral?.mcoId).toBe('wellpoint');
    expect(after.noteCount).toBe(2);
    // The first import still names where the inquiry came from.
    expect(after.imported?.row).toBe(5);
    expect(after.imported?.revision).toBe(revisionHex(revision));
    // Nothing twice: with the update applied, the same later row adds nothing more.
    const lastAudit = added.at(-1) as InquiryImported;
    expect(rowUpdate(later, after, updatesOf(lastAudit))).toEqual({
      contacted: false,
      referral: false,
      resolution: false,
      notes: [],
      edits: [],
    });
  });

  it('keeps rewritten updates whole, saying where they came from', () => {
    const rewritten = { ...OPEN, updates: 'Member found a ride with family.' };
    expect(rowUpdate(rewritten, record, updatesOf(audit)).notes).toEqual([
      'Updates, as a later copy of the old log has them:\nMember found a ride with family.',
    ]);
  });

  it('never reopens or re-resolves: a resolved inquiry takes no resolution from a later copy', () => {
    const resolved = { ...record, status: 'resolved' as const };
    const later = { ...OPEN, resolution: { at: at('2025-03-10T18:00:00Z'), type: 'mco' as const, text: 'done' } };
    expect(rowUpdate(later, resolved, updatesOf(audit)).resolution).toBe(false);
  });
});

describe('InquiryImported and the imported mark in parseEvent', () => {
  it('refuses an imported mark that is not true, and unknown event types, as before', () => {
    const logged = newInquiryEvents(OPEN, DIGESTS, CASE, RUN, commandContext())[0] as InquiryEvent;
    expect(parseEvent({ ...logged, imported: 'yes' }).ok).toBe(false);
    expect(parseEvent({ ...logged, type: 'InquiryTeleported' }).ok).toBe(false);
    const { imported: _mark, ...typed } = logged;
    expect(parseEvent(typed)).toEqual({ ok: true, event: typed });
  });
});
