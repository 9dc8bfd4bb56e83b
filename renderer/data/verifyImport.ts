import { PlainWordsError } from '../../shared/errors';
import { ChainCollector, type EventSetResult, fingerprintStep } from '../../shared/inquiry/chainVerify';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { type Actor, leadsTheUnit } from '../../shared/people';
import type { Instant } from '../../shared/time/types';
import { type ExportSource, type ExportSummary, inspectExport, type Progress, type RestoreResult, restoreDatabase } from './backup';
import { findingOf } from './chainStore';
import type { LiaisonDb } from './db';
import { getMeta, type ImportRecord } from './meta';

export type { ImportRecord } from './meta';

/*
 * Importing or restoring a full export (Settings → Data) checks every hash chain in the file before
 * anything is written, and shows the result in the preview; a file with breaks is imported only on a
 * lead's explicit, recorded decision. The desk's own chain records are never taken from the file: its
 * sign-offs and earlier imports stay, its findings become what the check of the file found, and the
 * background check starts over on the imported chains (the file's `chainVerified`, `chainFindings`,
 * `chainSignOffs`, `chainSweep` and `chainImports` rows are left out).
 */

/** The `meta` rows that are the desk's own record of its chains: never taken from a file. */
export const CHAIN_META_KEYS = ['chainVerified', 'chainFindings', 'chainSignOffs', 'chainSweep', 'chainImports'] as const;

/** What the check of a file found, with the desk the file belongs to. */
export interface ImportCheck {
  summary: ExportSummary;
  chains: EventSetResult;
  /** How "this desk" was found in the file: its `device` meta row, or the header's desk code. */
  ownFrom: 'device' | 'deskCode' | null;
  /** Of every event as read (ChainCollector.fingerprint): the restore reads the same copy, or writes nothing. */
  fingerprint: string;
}

const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/** Collects the events (and the `device` row) of a copy as its rows pass. */
function collector(): {
  chains: ChainCollector;
  onRows: (table: string, rows: unknown[]) => Promise<void>;
  deviceId: () => string | null;
} {
  const chains = new ChainCollector();
  let deviceId: string | null = null;
  return {
    chains,
    onRows: async (table, rows) => {
      if (table === 'events') await chains.add(rows as InquiryEvent[]);
      else if (table === 'meta')
        for (const row of rows as { key: string; value: unknown }[]) {
          const id = (row.value as { deviceId?: unknown } | null)?.deviceId;
          if (row.key === 'device' && typeof id === 'string') deviceId = id;
        }
    },
    deviceId: () => deviceId,
  };
}

/** Reads the whole copy once, checks every row (backup.ts) and every hash chain in it; nothing is written. */
export async function checkCopy(source: ExportSource, onProgress?: (p: Progress) => void): Promise<ImportCheck> {
  const c = collector();
  const summary = await inspectExport(source, onProgress, c.onRows);
  // The events a report names are read again (only when something is broken or missing).
  const reread = async (visit: (events: readonly InquiryEvent[]) => void) => {
    await inspectExport(source, undefined, async (table, rows) => {
      if (table === 'events') visit(rows as InquiryEvent[]);
    });
  };
  const deviceId = c.deviceId();
  if (deviceId)
    return { summary, chains: await c.chains.result(deviceId, reread, pause), ownFrom: 'device', fingerprint: c.chains.fingerprint };
  // No identity row: the desk whose code the header names, when exactly one chained desk has it.
  const deskCode = summary.header.deskCode;
  const guess = await c.chains.result(null, reread, pause);
  const matching = deskCode ? guess.desks.filter((d) => d.deviceId.startsWith(deskCode) && d.chained > 0) : [];
  const only = matching.length === 1 ? (matching[0]?.deviceId ?? null) : null;
  return only
    ? { summary, chains: await c.chains.result(only, reread, pause), ownFrom: 'deskCode', fingerprint: c.chains.fingerprint }
    : { summary, chains: guess, ownFrom: null, fingerprint: c.chains.fingerprint };
}

export class ImportDecisionError extends PlainWordsError {
  constructor(message: string) {
    super(message);
    this.name = 'ImportDecisionError';
  }
}

export async function importRecords(db: LiaisonDb): Promise<ImportRecord[]> {
  return (await getMeta(db.meta, 'chainImports')) ?? [];
}

/**
 * Replaces the log with a checked copy (restoreDatabase), keeping the desk's own chain records: its
 * sign-offs and import records (with this one added) stay, its findings become the breaks found in the
 * copy, the background check starts over. A copy with breaks needs `acceptBreaks` from a lead. The copy
 * is checked again as it is restored: if it no longer gives the result shown, nothing is written.
 */
export async function restoreCheckedCopy(
  db: LiaisonDb,
  source: ExportSource,
  input: {
    check: ImportCheck;
    reason: 'before-import' | 'before-restore';
    by: { name: string; profile: Actor };
    fileName: string | null;
    acceptBreaks: boolean;
    now: Instant;
    onProgress?: (p: Progress) => void;
  },
): Promise<RestoreResult> {
  const { check } = input;
  const broken = check.chains.totals.breaks > 0;
  if (broken && !input.acceptBreaks)
    throw new ImportDecisionError('This copy has breaks in its hash chains: a unit lead must decide to import it anyway.');
  if (broken && !leadsTheUnit(input.by.profile.role))
    throw new ImportDecisionError('Only a unit lead can import a copy with breaks in its hash chains.');
  const signOffs = await getMeta(db.meta, 'chainSignOffs');
  const record: ImportRecord = {
    at: input.now,
    by: { name: input.by.name, profileId: input.by.profile.id, role: input.by.profile.role },
    kind: source.kind,
    fileName: input.fileName,
    deskCode: check.summary.header.deskCode,
    events: check.chains.totals.events,
    chained: check.chains.totals.chained,
    breaks: check.chains.totals.breaks,
    gaps: check.chains.totals.gaps,
    decision: broken ? 'accepted' : 'clean',
  };
  const put: { key: string; value: unknown }[] = [{ key: 'chainImports', value: [...(await importRecords(db)), record] }];
  if (signOffs !== undefined) put.push({ key: 'chainSignOffs', value: signOffs });
  if (broken) put.push({ key: 'chainFindings', value: check.chains.breaks.map((b) => findingOf(b, input.now, 'import')) });

  // As it is restored the copy is read again: the events must be the ones checked (a SHA-256 over them
  // all, not each one's hash again: that would double the time an import takes).
  let fingerprint = '';
  const result = await restoreDatabase(db, source, {
    reason: input.reason,
    now: input.now,
    onProgress: input.onProgress,
    keepProfileId: input.by.profile.id,
    onRows: async (table, rows) => {
      if (table === 'events') fingerprint = await fingerprintStep(fingerprint, rows as InquiryEvent[]);
    },
    onChecked: () => {
      if (fingerprint !== check.fingerprint)
        throw new ImportDecisionError('The copy has changed since it was checked. Nothing was changed; choose it again.');
    },
    meta: { skip: CHAIN_META_KEYS, put },
  });
  return result;
}
