import Dexie from 'dexie';
import { listedVersion } from '../diskVersion';
import { SCHEMA_VERSION } from '../migrations';
import { type BackupOptions, type BackupRecord, backupNow } from './store';

/** Before an upgrade: a backup of the database as the earlier version left it. */
export interface UpgradeCheck {
  /** The version found on disk, or null for a new desk. */
  fromVersion: number | null;
  backup: BackupRecord | null;
}

/**
 * Call before the app opens its database. When the database on disk is from an earlier schema
 * version, opens it as it is (no upgrade) and backs it up; Dexie then upgrades it on first use.
 * Throws when the backup fails, so the app can stop before changing anything.
 */
export async function backupBeforeUpgrade(name: string, options: BackupOptions = {}): Promise<UpgradeCheck> {
  const fromVersion = await versionOnDisk(name);
  if (fromVersion === null || fromVersion >= SCHEMA_VERSION) return { fromVersion, backup: null };
  const old = new Dexie(name);
  try {
    await old.open();
    const backup = await backupNow(old, 'before-upgrade', options);
    return { fromVersion, backup };
  } finally {
    old.close();
  }
}

/** The schema version of a database on disk, without opening (or creating) it at any version. */
export async function versionOnDisk(name: string): Promise<number | null> {
  // Browsers that list their databases give the version without opening one (opening a large
  // log only to read its version held up every start by a second or more).
  const listed = await listedVersion(name);
  if (listed !== undefined) return listed;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return Math.floor(probe.verno);
  } catch (err) {
    if ((err as { name?: string })?.name === 'NoSuchDatabaseError') return null;
    throw err;
  } finally {
    probe.close();
  }
}
