import type Dexie from 'dexie';
import { DAY_MS } from './format';
import { type BackupOptions, type BackupRecord, backupNow, listBackups } from './store';

/* The daily backup while the app runs. */

/** Takes a daily backup when the newest one is more than a day old. Resolves with it, or null when none was due. */
export async function ensureDailyBackup(source: Dexie, now: number, options: BackupOptions = {}): Promise<BackupRecord | null> {
  const newest = (await listBackups(source.name))[0];
  if (newest && now - newest.createdAt < DAY_MS && newest.createdAt <= now) return null;
  return backupNow(source, 'daily', { ...options, now });
}

/**
 * Daily backups while the app runs: the first check a little after start (so the first screen is
 * not slowed), then every hour. Returns the function that stops the schedule.
 */
export function startBackupSchedule(source: Dexie, now: () => number, onError: (err: unknown) => void, firstDelayMs = 30_000): () => void {
  let stopped = false;
  const check = () => {
    if (stopped) return;
    ensureDailyBackup(source, now()).catch(onError);
  };
  const first = setTimeout(check, firstDelayMs);
  const hourly = setInterval(check, 60 * 60 * 1000);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(hourly);
  };
}
