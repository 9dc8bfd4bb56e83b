/*
 * Backups and full exports of the desk's database (the format: backup/format.ts). One module per
 * job: the format and its row checks, the writer, the stream helpers, the backups database, the daily
 * schedule, the reader (sources and the checking pass), restore, the pre-upgrade backup, and the
 * browser's storage persistence. Screens and the data layer import from here.
 */
export {
  BACKUP_REASON_LABELS,
  BACKUP_REASONS,
  BackupError,
  type BackupReason,
  checkRow,
  DEFAULT_KEEP,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type ExportSummary,
  type Progress,
  ROWS_PER_LINE,
} from './backup/format';
export { requestPersistentStorage, type StorageState, storageState } from './backup/persistence';
export { backupSource, type ExportSource, fileSource, inspectExport, textSource } from './backup/reader';
export { type RestoreOptions, type RestoreResult, restoreDatabase } from './backup/restore';
export { ensureDailyBackup, startBackupSchedule } from './backup/schedule';
export {
  BackupDb,
  type BackupOptions,
  type BackupRecord,
  backupDbOf,
  backupNow,
  backupSettings,
  deleteBackup,
  dropBackups,
  listBackups,
  pruneBackups,
  setBackupsToKeep,
} from './backup/store';
export { backupBeforeUpgrade, type UpgradeCheck, versionOnDisk } from './backup/upgrade';
export { exportDatabaseFile, exportLines } from './backup/writer';
