import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { DomainError, failureText, PlainWordsError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { analyseSheet, type SheetAnalysis } from '../../shared/import/analyse';
import type { Cell } from '../../shared/import/cells';
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, normaliseHeader } from '../../shared/import/fields';
import { fieldChanges, type Identity, sameLegacyRow } from '../../shared/import/identity';
import {
  IMPORT_SEQ_FIRST,
  IMPORT_SEQ_LAST,
  type ImportRun,
  identityDigestText,
  importedInquiryId,
  isEmptyUpdate,
  newInquiryEvents,
  type RowDigests,
  type RowUpdate,
  revisionHex,
  revisionText,
  rowUpdate,
  updateEvents,
  updatesOf,
} from '../../shared/import/importEvents';
import { type ImportContext, type ImportedRow, normaliseRow } from '../../shared/import/normalise';
import { oldLogPeople } from '../../shared/import/people';
import { type CaseNumber, formatCaseNumber } from '../../shared/inquiry/caseNumber';
import type { CommandContext } from '../../shared/inquiry/commands/context';
import type { InquiryEvent, InquiryImported } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { type Roster, rosterPeople } from '../../shared/roster/roster';
import type { Instant, IsoDay } from '../../shared/time/types';
import { isoDayOf, zonedToInstant } from '../../shared/time/zone';
import type { BackupOptions } from './backup';
import { BulkWriteStopped } from './bulkWrite';
import type { LiaisonDb } from './db';
import { getMeta, putMeta } from './meta';

/*
 * The legacy import's storage side: what is new, what is already in the log (and what a later copy of
 * the old log adds to it), and the one transaction that writes it all. The rules are in shared/import.
 */

export interface ImportProgress {
  step: 'reading' | 'checking' | 'backing-up' | 'writing';
  done: number;
  total: number;
}

/** A row to add as a new inquiry, with its identity digest (the source of its ids). */
export interface NewRow {
  row: ImportedRow;
  digests: RowDigests;
}

/** A row already imported whose later copy adds facts to the inquiry. */
export interface RowAddition {
  row: ImportedRow;
  inquiryId: string;
  caseNumber: string;
  update: RowUpdate;
  revision: Uint8Array;
}

/** Everything the preview shows, and everything the import will write. */
export interface ImportPlan {
  analysis: SheetAnalysis;
  fresh: NewRow[];
  additions: RowAddition[];
  /** Rows already in the log with nothing new: skipped. */
  unchanged: { rowNumber: number; caseNumber: string }[];
}

const yieldToWindow = () => new Promise<void>((r) => setTimeout(r, 0));

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Reads every row, giving the window a turn every 250 rows. */
export async function analyse(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  mapping: ColumnMapping,
  ctx: ImportContext,
  onProgress?: (p: ImportProgress) => void,
): Promise<SheetAnalysis> {
  const gen = analyseSheet(rows, headerRow, mapping, ctx, 250);
  const total = Math.max(0, rows.length - headerRow - 1);
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
    onProgress?.({ step: 'reading', done: step.value, total });
    await yieldToWindow();
  }
}

/**
 * Sorts accepted rows into new, already imported with additions, and already imported unchanged. A row is
 * found in the log by its exact fingerprint (its ids), else by its identity (shared/import/identity.ts):
 * an imported inquiry received the same civil day, with the same member and issue, so a later copy with a
 * corrected time or a typo fixed becomes edits of the inquiry, never a second one.
 */
export async function planImport(
  db: LiaisonDb,
  analysis: SheetAnalysis,
  ctx: ImportContext,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportPlan> {
  const plan: ImportPlan = { analysis, fresh: [], additions: [], unchanged: [] };
  const rows = analysis.accepted;
  const occurrence = await occurrences(rows);
  const claimed = new Set<string>();
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const digests: RowDigests[] = await Promise.all(
      chunk.map(async (r) => ({
        key: await sha256(identityDigestText(r.identity, occurrence.get(r) ?? 0)),
        revision: await sha256(revisionText(r)),
      })),
    );
    const ids = chunk.map((r, k) => importedInquiryId((digests[k] as RowDigests).key, r.receivedDay));
    const existing: (InquiryRecord | undefined)[] = await db.inquiries.bulkGet(ids);
    for (const r of existing) if (r) claimed.add(r.id);
    // Rows not found by their ids: imported inquiries received the same civil day, read once per day.
    const missedDays = [...new Set(chunk.filter((_, k) => !existing[k]).map((r) => isoDayOf(r.fields.receivedAt, ctx.zone)))];
    const byDay = await importedOnDays(db, missedDays, ctx);
    for (let k = 0; k < chunk.length; k++) {
      const row = chunk[k] as ImportedRow;
      if (existing[k]) continue;
      const candidates = byDay.get(isoDayOf(row.fields.receivedAt, ctx.zone)) ?? [];
      const match = candidates.find((c) => !claimed.has(c.record.id) && sameLegacyRow(row, c.identity));
      if (match) {
        existing[k] = match.record;
        claimed.add(match.record.id);
      }
    }
    for (let k = 0; k < chunk.length; k++) {
      const row = chunk[k] as ImportedRow;
      const d = digests[k] as RowDigests;
      const record = existing[k];
      if (!record) {
        plan.fresh.push({ row, digests: d });
        continue;
      }
      // The identical row as last imported: nothing to compare (no timeline read).
      let update: RowUpdate | null = null;
      if (record.imported?.revision !== revisionHex(d.revision)) {
        const last = await lastImport(db, record);
        update = rowUpdate(row, record, last ? updatesOf(last) : '');
        const previous = last ? previousRow(last, ctx) : null;
        update.edits = fieldChanges(previous?.fields ?? record, row.fields, record);
      }
      if (!update || isEmptyUpdate(update)) plan.unchanged.push({ rowNumber: row.rowNumber, caseNumber: record.caseNumber });
      else plan.additions.push({ row, inquiryId: record.id, caseNumber: record.caseNumber, update, revision: d.revision });
    }
    onProgress?.({ step: 'checking', done: Math.min(i + CHUNK, rows.length), total: rows.length });
    await yieldToWindow();
  }
  return plan;
}

/**
 * Which of the file's rows with the same identity each row is (0, 1 …), by time received, then the exact
 * fingerprint, then the row number: so two rows of one day about the same member and issue are two inquiries,
 * and two desks with copies of the log number them alike however the copies are sorted.
 */
async function occurrences(rows: readonly ImportedRow[]): Promise<Map<ImportedRow, number>> {
  const groups = new Map<string, ImportedRow[]>();
  const out = new Map<ImportedRow, number>();
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % 5000 === 0) await yieldToWindow();
    const r = rows[i] as ImportedRow;
    const list = groups.get(r.identity);
    if (list) list.push(r);
    else groups.set(r.identity, [r]);
    out.set(r, 0);
  }
  // Only identities the file has more than once need numbering (few: the same member, day and issue twice).
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort(
      (a, b) => a.fields.receivedAt - b.fields.receivedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.rowNumber - b.rowNumber,
    );
    for (const [n, r] of list.entries()) out.set(r, n);
  }
  return out;
}

interface Candidate {
  record: InquiryRecord;
  identity: Identity;
}

/** Imported inquiries received on each of `days` (agency zone), with what identity compares of each. */
async function importedOnDays(db: LiaisonDb, days: readonly IsoDay[], ctx: ImportContext): Promise<Map<IsoDay, Candidate[]>> {
  const out = new Map<IsoDay, Candidate[]>();
  if (days.length === 0) return out;
  const ranges = days.map((day): [number, number] => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const start = zonedToInstant({ year, month, day: date, hour: 0, minute: 0 }, ctx.zone);
    return [start, start + 26 * 3_600_000];
  });
  const records = await db.inquiries.where('receivedAt').inAnyRange(ranges).toArray();
  const wanted = new Set<string>(days);
  for (const record of records) {
    if (!record.imported) continue;
    const day = isoDayOf(record.receivedAt, ctx.zone);
    if (!wanted.has(day)) continue;
    const list = out.get(day) ?? [];
    // The old log's number is in the audit copy of the row (read only when a day has candidates).
    list.push({ record, identity: { fields: record, legacyId: '' } });
    out.set(day, list);
  }
  for (const list of out.values()) {
    for (const c of list) {
      const last = await lastImport(db, c.record);
      const previous = last ? previousRow(last, ctx) : null;
      c.identity = { fields: c.record, legacyId: previous?.legacyId ?? '' };
    }
  }
  return out;
}

/** The row as the last import of this inquiry read it, from its audit copy (null when it cannot be read again). */
function previousRow(e: InquiryImported, ctx: ImportContext): ImportedRow | null {
  const mapping = e.payload.mapping.map((f) => ((IMPORT_FIELDS as readonly string[]).includes(f) ? (f as ImportField) : null));
  const out = normaliseRow(e.payload.cells, e.payload.row, mapping, ctx);
  return out.kind === 'accepted' ? out.row : null;
}

/** The last InquiryImported record of an inquiry. */
async function lastImport(db: LiaisonDb, record: InquiryRecord): Promise<InquiryImported | undefined> {
  const events = await db.events.where('[inquiryId+hlc]').between([record.id, ''], [record.id, '\uffff']).toArray();
  return events.filter((e): e is InquiryImported => e.type === 'InquiryImported').at(-1);
}

export interface ImportResult {
  importId: string;
  inquiriesAdded: number;
  inquiriesUpdated: number;
  events: number;
  /** Ids of the inquiries written, for the log to show them. */
  inquiryIds: string[];
  /** People the old log names who are not on this desk (who logged rows, assignees): for the roster's inactive entries. */
  oldLogPeople: string[];
}

/**
 * What the import needs of the desk (Repo gives it): its configuration, code and profiles, a backup,
 * and the one bulk write. Declared here, not imported, so the import depends on no more than it uses.
 */
export interface ImportDesk {
  config(): Promise<AgencyConfig>;
  device(): Promise<{ deskCode: string }>;
  profiles(): Promise<Profile[]>;
  /** The unit's roster: the old log's assignees are recognised by name among everyone on it. */
  roster(): Promise<Roster>;
  backups: { now(reason: 'before-import', options: BackupOptions): Promise<unknown> };
  appendInBulk(
    nextBatch: (ctx: CommandContext, db: LiaisonDb) => Promise<InquiryEvent[] | null>,
    onProgress?: (eventsWritten: number) => void,
  ): Promise<{ events: number; inquiryIds: string[] }>;
}

/** Rows per batch of the write (about 370 events): small enough that storing one batch never holds the window for long (at 150 rows, one batch took a 345–584 ms task on a quiet machine). */
const BATCH_ROWS = 60;

/**
 * The import stopped part-way: the inquiries of the batches before the failing one are in the log, each whole
 * (a batch is one transaction of whole inquiries), and the same file imported again writes the rest.
 */
export class ImportStopped extends PlainWordsError {
  constructor(
    readonly rowsWritten: number,
    readonly rowsTotal: number,
    cause: unknown,
  ) {
    super(
      `The import stopped after ${rowsWritten.toLocaleString('en-US')} of ${rowsTotal.toLocaleString('en-US')} rows were written: ${failureText(cause)} ` +
        'Those rows are in the log, each inquiry whole. Import the same file again to write the rest: rows already in the log are skipped. ' +
        'A backup from just before the import is in Settings → Data.',
    );
  }
}

/**
 * Writes the plan (Repo.appendInBulk), a batch of whole rows per transaction: every new inquiry with its history
 * and every addition. Should a batch fail, the batches before it stay and `ImportStopped` says so; nothing is
 * half-written, and importing the same file again adds only the rest. Imported case numbers are
 * `YYMMDD-DESK-9xxxxx`, YYMMDD the day received. A row found in the log by now (another window imported it
 * meanwhile) is skipped.
 */
export async function commitImport(
  repo: ImportDesk,
  plan: ImportPlan,
  source: Omit<ImportRun, 'importId'>,
  now: Instant,
  onProgress?: (p: ImportProgress) => void,
  batchRows = BATCH_ROWS,
): Promise<ImportResult> {
  const config = await repo.config();
  const zone = config.timeZone;
  const { deskCode } = await repo.device();
  const run: ImportRun = { ...source, importId: newId(now) };
  const total = plan.fresh.length + plan.additions.length;
  const nextSeq = new Map<string, number>();
  let next = 0;
  let added = 0;
  let updated = 0;
  /** Rows in the batches committed (appendInBulk reports each), and in those prepared. */
  let committedRows = 0;
  let preparedRows = 0;

  const prefixOf = (day: IsoDay) => `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${deskCode}-`;
  /** Learns, in one read, the last imported sequence of each day not seen yet (imports before this one). */
  const loadSeqs = async (db: LiaisonDb, days: readonly IsoDay[]): Promise<void> => {
    const unknown = [...new Set(days)].filter((d) => !nextSeq.has(d));
    if (unknown.length === 0) return;
    const dayOfPrefix = new Map(unknown.map((d) => [prefixOf(d), d]));
    for (const d of unknown) nextSeq.set(d, IMPORT_SEQ_FIRST);
    const taken = (await db.inquiries
      .where('caseNumber')
      .inAnyRange(
        unknown.map((d) => [`${prefixOf(d)}${IMPORT_SEQ_FIRST - 1}`, `${prefixOf(d)}${IMPORT_SEQ_LAST}`]),
        { includeLowers: false, includeUppers: true },
      )
      .keys()) as string[];
    for (const n of taken) {
      const day = dayOfPrefix.get(n.slice(0, 13));
      if (day) nextSeq.set(day, Math.max(nextSeq.get(day) ?? IMPORT_SEQ_FIRST, Number(n.slice(13)) + 1));
    }
  };
  const seqFor = (day: IsoDay): number => {
    const seq = nextSeq.get(day) ?? IMPORT_SEQ_FIRST;
    if (seq > IMPORT_SEQ_LAST)
      throw new DomainError(
        'validation',
        `More than ${IMPORT_SEQ_LAST - IMPORT_SEQ_FIRST + 1} inquiries were received on ${day}: split the file and import each part.`,
      );
    nextSeq.set(day, seq + 1);
    return seq;
  };

  const batchOf = async (ctx: CommandContext, db: LiaisonDb): Promise<InquiryEvent[] | null> => {
    if (next >= total) return null;
    const events: InquiryEvent[] = [];
    const end = Math.min(next + batchRows, total);
    const freshEnd = Math.min(end, plan.fresh.length);
    if (next < freshEnd) {
      const batch = plan.fresh.slice(next, freshEnd);
      const ids = batch.map((f) => importedInquiryId(f.digests.key, f.row.receivedDay));
      const already = await db.inquiries.bulkGet(ids);
      const days = batch.map((f) => isoDayOf(f.row.fields.receivedAt, zone));
      await loadSeqs(db, days);
      for (const [k, day] of days.entries()) {
        if (already[k]) continue;
        const { row, digests } = batch[k] as NewRow;
        const caseNumber = formatCaseNumber(day, deskCode, seqFor(day)) as CaseNumber;
        events.push(...newInquiryEvents(row, digests, caseNumber, run, ctx));
        added += 1;
      }
    }
    for (let i = Math.max(next, plan.fresh.length); i < end; i++) {
      const a = plan.additions[i - plan.fresh.length] as RowAddition;
      events.push(...updateEvents(a.row, a.update, a.revision, a.inquiryId, run, ctx));
      updated += 1;
    }
    next = end;
    preparedRows = next;
    return events;
  };
  let result: { events: number; inquiryIds: string[] };
  try {
    result = await repo.appendInBulk(batchOf, () => {
      committedRows = preparedRows;
      onProgress?.({ step: 'writing', done: committedRows, total });
    });
  } catch (e) {
    if (committedRows === 0) throw e instanceof BulkWriteStopped ? e.cause : e;
    throw new ImportStopped(committedRows, total, e instanceof BulkWriteStopped ? e.cause : e);
  }
  const known = (await repo.profiles()).map((p) => ({ id: p.id, name: p.displayName }));
  const people = oldLogPeople([...plan.fresh.map((f) => f.row), ...plan.additions.map((a) => a.row)], known);
  return {
    importId: run.importId,
    inquiriesAdded: added,
    inquiriesUpdated: updated,
    events: result.events,
    inquiryIds: result.inquiryIds,
    oldLogPeople: people,
  };
}

/**
 * A backup of the whole desk (Settings → Data can restore it) before the import writes: an import
 * is the one write that adds years of history at once.
 */
export async function backupBeforeImport(repo: ImportDesk, now: Instant, onProgress?: (p: ImportProgress) => void): Promise<void> {
  await repo.backups.now('before-import', { now, onProgress: (p) => onProgress?.({ step: 'backing-up', done: p.done, total: p.total }) });
}

/** What people chose for each header before (normalised header → field, or null for "do not import"). */
export async function learnedMapping(db: LiaisonDb): Promise<Record<string, ImportField | null>> {
  const value = await getMeta(db.meta, 'importMappings');
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, ImportField | null> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || (typeof v === 'string' && (IMPORT_FIELDS as readonly string[]).includes(v))) out[k] = v as ImportField | null;
  }
  return out;
}

/** Remembers the mapping used, header by header, for the next file. */
export async function rememberMapping(db: LiaisonDb, headers: readonly string[], mapping: ColumnMapping): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const known = await learnedMapping(db);
    headers.forEach((h, i) => {
      const key = normaliseHeader(h);
      if (key) known[key] = mapping[i] ?? null;
    });
    await putMeta(db.meta, 'importMappings', known);
  });
}

/** The import's view of this desk: config, zone, now and the people it knows. */
export async function importContext(repo: ImportDesk, now: Instant): Promise<ImportContext> {
  const config = await repo.config();
  // Everyone on the roster, active or not (it lists this desk's people too), so a name the old log gives is matched
  // to the person it is; a name on it nowhere becomes an inactive roster entry as the rows are stored (Repo.appendInBulk).
  const people = rosterPeople(await repo.roster()).map((p) => ({ id: p.id, name: p.name }));
  return { config, zone: config.timeZone, now, people };
}
