import { backupNow, exportDatabaseFile, restoreDatabase } from './backup';
import { chainStatus, signOff, verifyLog } from './chainStore';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';
import { clearDraft, loadDraft, saveDraft } from './draftStore';
import { readComplaintRecords } from './grievanceData';
import { learnedMapping, planImport, rememberMapping } from './importer';
import { leadReport, readRecords } from './leadData';
import { setProfilePin } from './lockStore';
import { mcoScorecard } from './scorecardData';
import { DexieSyncStore } from './syncStore';

/*
 * What the screens may do with the desk's database besides the commands: each a named operation,
 * bound to the database here, so no screen holds the database itself (renderer/data is the only code
 * that touches Dexie). The functions stay database-first for the data layer's own tests.
 */

const on =
  (db: LiaisonDb) =>
  <A extends unknown[], R>(f: (db: LiaisonDb, ...args: A) => R) =>
  (...args: A): R =>
    f(db, ...args);

export function deskServices(db: LiaisonDb) {
  const bind = on(db);
  return {
    /** The lead tools' reads (renderer/leads). */
    reports: {
      records: bind(readRecords),
      leadReport: bind(leadReport),
      mcoScorecard: bind(mcoScorecard),
      complaints: bind(readComplaintRecords),
    },
    /** The legacy import's reads and its remembered column choices. */
    imports: { plan: bind(planImport), learnedMapping: bind(learnedMapping), rememberMapping: bind(rememberMapping) },
    /** "Verify the log" and its sign-offs. */
    chain: { verify: bind(verifyLog), signOff: bind(signOff), status: bind(chainStatus) },
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
      exportFile: bind(exportDatabaseFile),
      counts: async () => ({ inquiries: await db.inquiries.count(), events: await db.events.count() }),
    },
    /** PINs of the profiles on this desk (renderer/lock). */
    pins: { set: bind(setProfilePin) },
  };
}

export type DeskServices = ReturnType<typeof deskServices>;
