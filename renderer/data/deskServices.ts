import { backupNow, exportDatabaseFile, restoreDatabase } from './backup';
import { type ChainStatus, chainStatus, signOff, storedFindings, verifyLog } from './chainStore';
import { type SweepState, sweepState } from './chainSweep';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';
import { clearDraft, loadDraft, saveDraft } from './draftStore';
import { setProfilePin } from './lockStore';
import { DexieSyncStore } from './syncStore';
import { type ImportRecord, importRecords, restoreCheckedCopy } from './verifyImport';

/*
 * What the screens may do with the desk's database besides the commands: each a named operation,
 * bound to the database here, so no screen holds the database itself (renderer/data is the only code
 * that touches Dexie). The functions stay database-first for the data layer's own tests.
 */

/**
 * The lead tools and the import load with their screens (lazy chunks): their modules are fetched on
 * first use, so the app's first chunk does not carry them.
 */
const later =
  (db: LiaisonDb) =>
  <M, A extends unknown[], R>(load: () => Promise<M>, pick: (m: M) => (db: LiaisonDb, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    pick(await load())(db, ...args);

const on =
  (db: LiaisonDb) =>
  <A extends unknown[], R>(f: (db: LiaisonDb, ...args: A) => R) =>
  (...args: A): R =>
    f(db, ...args);

export function deskServices(db: LiaisonDb) {
  const bind = on(db);
  const lazy = later(db);
  const leadData = () => import('./leadData');
  const importer = () => import('./importer');
  return {
    /** The lead tools' reads (renderer/leads). */
    reports: {
      records: lazy(leadData, (m) => m.readRecords),
      leadReport: lazy(leadData, (m) => m.leadReport),
      mcoScorecard: lazy(
        () => import('./scorecardData'),
        (m) => m.mcoScorecard,
      ),
      /** The complaints' records, for the grievance report (the log's rows say which inquiries are complaints). */
      complaints: lazy(leadData, (m) => m.readRecords),
    },
    /** The legacy import's reads and its remembered column choices. */
    imports: {
      plan: lazy(importer, (m) => m.planImport),
      learnedMapping: lazy(importer, (m) => m.learnedMapping),
      rememberMapping: lazy(importer, (m) => m.rememberMapping),
    },
    /** "Verify the log" and its sign-offs. */
    chain: {
      verify: bind(verifyLog),
      signOff: bind(signOff),
      /** The background check's progress, the findings not put right, sign-offs, the daily pass and past imports. */
      status: async (): Promise<DeskChainStatus> => ({
        ...(await chainStatus(db)),
        sweep: await sweepState(db),
        imports: await importRecords(db),
      }),
      findings: bind(storedFindings),
    },
    /** Forms in progress (draftStore.ts). */
    drafts: { load: bind(loadDraft), save: bind(saveDraft), clear: bind(clearDraft) },
    /** The database as sync sees it; `changes` names the inquiries it changes. */
    syncStore: (changes: Pick<ChangeFeed, 'publish'>, device: () => Promise<{ deviceId: string; deskCode: string }>) =>
      new DexieSyncStore(db, changes, device),
    /** Backups, restores and the full export (renderer/data/backup.ts). */
    backups: {
      /** The database's name: the backups database and the backup settings are keyed by it. */
      name: db.name,
      now: bind(backupNow),
      restore: bind(restoreDatabase),
      /** A full copy whose chains were checked first (verifyImport.ts): the desk keeps its own chain records. */
      restoreChecked: bind(restoreCheckedCopy),
      exportFile: bind(exportDatabaseFile),
      counts: async () => ({ inquiries: await db.inquiries.count(), events: await db.events.count() }),
    },
    /** PINs of the profiles on this desk (renderer/lock). */
    pins: { set: bind(setProfilePin) },
  };
}

export type DeskServices = ReturnType<typeof deskServices>;

export interface DeskChainStatus extends ChainStatus {
  /** The daily pass over every chain (null: not begun). */
  sweep: SweepState | null;
  /** Imports and restores of full copies, with what their check found. */
  imports: ImportRecord[];
}
