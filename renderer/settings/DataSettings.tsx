import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { actorOf, type Profile } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { focusOnMount } from '../components/focusOnMount';
import {
  BACKUP_REASON_LABELS,
  type BackupRecord,
  backupNow,
  backupSettings,
  backupSource,
  type ExportSource,
  exportDatabaseFile,
  fileSource,
  listBackups,
  type Progress,
  requestPersistentStorage,
  type StorageState,
  setBackupsToKeep,
  storageState,
} from '../data/backup';
import { useServices } from '../data/hooks';
import { checkCopy, type ImportCheck, restoreCheckedCopy } from '../data/verifyImport';
import { ChainCheckResult } from './ChainCheckResult';
import { RebuildSection } from './RebuildSection';
import './data.css';

/** What a settings screen gets (the same shape as SettingsView's SettingsScreenProps). */
interface Props {
  config: { timeZone: string };
  profile: Profile;
}

const count = (n: number) => n.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** After a restore or an import everything held in memory is stale: start the app again from the database. */
function reloadApp(): void {
  window.location.reload();
}

/**
 * Settings → Data: whether the browser keeps the storage, the automatic backups (and restoring one,
 * with a preview), and the full export and import of this desk's database.
 */
export function DataSettings({ config, profile }: Props) {
  const zone = config.timeZone as TimeZone;
  return (
    <section className="settings-page data-settings" aria-labelledby="data-title">
      <h1 id="data-title" tabIndex={-1} ref={focusOnMount}>
        Data and backups
      </h1>
      <p className="settings-intro">This desk’s log lives on this computer. Keep it safe here: backups, a full export, and restore.</p>
      <StorageSection />
      <BackupsSection zone={zone} profile={profile} />
      <ExportSection />
      <ImportSection zone={zone} profile={profile} />
      <RebuildSection />
    </section>
  );
}

function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const total = Math.max(progress.total, progress.done);
  return (
    <div className="data-progress">
      <progress max={total || 1} value={progress.done} aria-label={label} />
      <span>
        {count(progress.done)}
        {total ? ` of ${count(total)}` : ''} rows
      </span>
    </div>
  );
}

function StorageSection() {
  const [state, setState] = useState<StorageState | null>(null);
  const [asking, setAsking] = useState(false);
  const refresh = useCallback(() => {
    storageState()
      .then(setState)
      .catch(() => setState({ persistent: null, usage: null, quota: null }));
  }, []);
  useEffect(() => refresh(), [refresh]);

  return (
    <section className="settings-card data-card" aria-labelledby="data-storage">
      <h2 id="data-storage">Storage</h2>
      {state === null ? (
        <p aria-busy="true">Checking the storage…</p>
      ) : (
        <>
          <p className={state.persistent ? 'data-ok' : 'data-warn'}>
            {state.persistent === true
              ? 'Storage is persistent: the browser will not clear this desk’s log to free disk space.'
              : state.persistent === false
                ? 'The browser may clear this desk’s log when the disk runs low. Export the database regularly and keep the backups below.'
                : 'This browser cannot say whether it keeps the log when the disk runs low. Export the database regularly.'}
          </p>
          {state.usage !== null && state.quota !== null && (
            <p>
              Using {formatBytes(state.usage)} (log and backups) of about {formatBytes(state.quota)} the browser allows this app.
            </p>
          )}
          {state.persistent === false && (
            <div className="card-actions">
              <button
                type="button"
                className="secondary"
                disabled={asking}
                onClick={() => {
                  setAsking(true);
                  requestPersistentStorage()
                    .catch(() => null)
                    .finally(() => {
                      setAsking(false);
                      refresh();
                    });
                }}
              >
                Ask the browser to keep it
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function BackupsSection({ zone, profile }: { zone: TimeZone; profile: Profile }) {
  const { repo, clock } = useServices();
  const db = repo.db;
  const [backups, setBackups] = useState<BackupRecord[] | null>(null);
  const [keep, setKeep] = useState('');
  const [keepError, setKeepError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupRecord | null>(null);
  const id = useId();

  const refresh = useCallback(async () => {
    setBackups(await listBackups(db.name));
    setKeep(String((await backupSettings(db.name)).keep));
  }, [db.name]);
  useEffect(() => {
    refresh().catch((err: unknown) => setFailure(`The backups could not be listed: ${(err as Error).message}`));
  }, [refresh]);

  async function backUp() {
    setFailure(null);
    setStatus('');
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const b = await backupNow(db, 'manual', { now: clock.now(), onProgress: setProgress });
      setStatus(`Backed up ${count(b.inquiries)} inquiries and ${count(b.events)} events.`);
      await refresh();
    } catch (err) {
      setFailure(`The backup failed: ${(err as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  async function saveKeep(e: FormEvent) {
    e.preventDefault();
    const n = Number(keep);
    if (!/^\d+$/.test(keep.trim()) || n < 1 || n > 365) {
      setKeepError('Enter a whole number of backups from 1 to 365.');
      document.getElementById(`${id}-keep`)?.focus();
      return;
    }
    setKeepError(null);
    await setBackupsToKeep(db.name, n);
    setStatus(`Saved: the newest ${count(n)} backups are kept.`);
    await refresh();
  }

  return (
    <section className="settings-card data-card" aria-labelledby="data-backups">
      <h2 id="data-backups">Backups</h2>
      <p>
        A backup is taken every day while the app is open, and before every upgrade, import or restore. Backups stay on this computer, in
        this app’s storage.
      </p>
      <form className="card-actions" onSubmit={(e) => void saveKeep(e)} noValidate>
        <div className={`field narrow${keepError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-keep`}>Backups to keep</label>
          <input
            id={`${id}-keep`}
            inputMode="numeric"
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
            aria-invalid={keepError ? true : undefined}
            aria-describedby={keepError ? `${id}-keep-error` : undefined}
            size={5}
          />
          {keepError && (
            <p id={`${id}-keep-error`} className="field-error">
              {keepError}
            </p>
          )}
        </div>
        <button type="submit" className="secondary">
          Save
        </button>
        <button type="button" className="primary" onClick={() => void backUp()} disabled={progress !== null}>
          Back up now
        </button>
      </form>
      {progress && <ProgressBar progress={progress} label="Backing up" />}
      <p className="settings-status" role="status">
        {status}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {backups === null ? (
        <p aria-busy="true">Listing the backups…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet. The first daily backup is taken shortly after the app opens.</p>
      ) : (
        <table className="settings-table data-table">
          <caption className="visually-hidden">Backups on this computer, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Inquiries</th>
              <th scope="col">Events</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{formatLong(b.createdAt as Parameters<typeof formatLong>[0], zone)}</td>
                <td>{BACKUP_REASON_LABELS[b.reason]}</td>
                <td className="num">{count(b.inquiries)}</td>
                <td className="num">{count(b.events)}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setChosen(b)}
                    aria-label={`Restore the backup of ${formatLong(b.createdAt as Parameters<typeof formatLong>[0], zone)}…`}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <RestorePreview
          key={chosen.id}
          source={backupSource(db.name, chosen.id)}
          title={`Restore the backup of ${formatLong(chosen.createdAt as Parameters<typeof formatLong>[0], zone)}`}
          zone={zone}
          profile={profile}
          reason="before-restore"
          confirmLabel="Restore this backup"
          fileName={null}
          onCancel={() => setChosen(null)}
        />
      )}
    </section>
  );
}

/**
 * Checks a copy completely (nothing is written), shows what it holds against what the log holds now,
 * and replaces the log only when confirmed.
 */
function RestorePreview({
  source,
  title,
  zone,
  profile,
  reason,
  confirmLabel,
  fileName,
  onCancel,
}: {
  source: ExportSource;
  title: string;
  zone: TimeZone;
  profile: Profile;
  reason: 'before-restore' | 'before-import';
  confirmLabel: string;
  /** The chosen file's name (a backup: null), recorded with the import. */
  fileName: string | null;
  onCancel: () => void;
}) {
  const { repo, clock } = useServices();
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const summary = check?.summary ?? null;
  const [accepted, setAccepted] = useState(false);
  const [current, setCurrent] = useState<{ inquiries: number; events: number } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    headingRef.current?.focus();
    Promise.all([checkCopy(source, (p) => live && setProgress(p)), repo.db.inquiries.count(), repo.db.events.count()])
      .then(([c, inquiries, events]) => {
        if (!live) return;
        setCheck(c);
        setCurrent({ inquiries, events });
        setProgress(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setFailure((err as Error).message);
        setProgress(null);
      });
    return () => {
      live = false;
    };
  }, [source, repo]);

  async function restore() {
    if (!check) return;
    setRestoring(true);
    setFailure(null);
    try {
      const r = await restoreCheckedCopy(repo.db, source, {
        check,
        reason,
        by: { name: profile.displayName, profile: actorOf(profile) },
        fileName,
        acceptBreaks: accepted,
        now: clock.now(),
        onProgress: setProgress,
      });
      setDone(`Restored ${count(r.inquiries)} inquiries and ${count(r.events)} events. The app is starting again with the restored log…`);
      setTimeout(reloadApp, 1500);
    } catch (err) {
      setFailure((err as Error).message);
      setRestoring(false);
      setProgress(null);
    }
  }

  return (
    <section className="data-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {progress && <ProgressBar progress={progress} label={restoring ? 'Restoring' : 'Checking the copy'} />}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {done ? (
        <p className="settings-status" role="status">
          {done}
        </p>
      ) : (
        summary &&
        current && (
          <>
            <dl className="data-facts">
              <dt>Taken</dt>
              <dd>{formatLong(summary.header.createdAt as Parameters<typeof formatLong>[0], zone)}</dd>
              <dt>Why</dt>
              <dd>{summary.header.reason === 'export' ? 'Full export' : BACKUP_REASON_LABELS[summary.header.reason]}</dd>
              <dt>Holds</dt>
              <dd>
                {count(summary.inquiries)} inquiries, {count(summary.events)} events, {count(summary.counts.profiles ?? 0)} profiles
              </dd>
              {summary.header.deskCode && (
                <>
                  <dt>From desk</dt>
                  <dd>{summary.header.deskCode}</dd>
                </>
              )}
              <dt>The log now</dt>
              <dd>
                {count(current.inquiries)} inquiries, {count(current.events)} events
              </dd>
            </dl>
            {check && (
              <ChainCheckResult
                check={check}
                zone={zone}
                profile={profile}
                accepted={accepted}
                onAccepted={setAccepted}
                disabled={restoring}
              />
            )}
            <p className="data-warn">
              Restoring replaces everything in this desk’s log with this copy: anything logged since it was taken is no longer shown. The
              log as it is now is backed up first, so this can be undone by restoring that backup.
            </p>
            <div className="card-actions">
              <button
                type="button"
                className="primary"
                onClick={() => void restore()}
                disabled={restoring || (check !== null && check.chains.totals.breaks > 0 && !accepted)}
              >
                {restoring ? 'Restoring…' : confirmLabel}
              </button>
              <button type="button" className="secondary" onClick={onCancel} disabled={restoring}>
                Cancel
              </button>
            </div>
          </>
        )
      )}
      {!summary && failure && (
        <div className="card-actions">
          <button type="button" className="secondary" onClick={onCancel}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}

function ExportSection() {
  const { repo, clock } = useServices();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  async function exportAll() {
    setFailure(null);
    setStatus('');
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const now = clock.now();
      const blob = await exportDatabaseFile(repo.db, now, setProgress);
      const device = (await repo.db.meta.get('device'))?.value as { deskCode?: string } | undefined;
      const day = new Date(now).toISOString().slice(0, 10);
      const name = `liaison-log-full-export-${device?.deskCode ?? 'desk'}-${day}.json.gz`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(`Exported as ${name} (${formatBytes(blob.size)}).`);
    } catch (err) {
      setFailure(`The export failed: ${(err as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="settings-card data-card" aria-labelledby="data-export">
      <h2 id="data-export">Full export</h2>
      <div className="data-warn" id="data-export-warning">
        <p>
          <strong>The export file contains member information in readable form</strong>: names, Medicaid IDs, dates of birth and phone
          numbers of every inquiry.
        </p>
        <p>
          Save it only on this computer or on an encrypted drive your agency approves. Never email it, and never put it on a shared network
          folder.
        </p>
      </div>
      <div className="card-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void exportAll()}
          disabled={progress !== null}
          aria-describedby="data-export-warning"
        >
          Export the full database
        </button>
      </div>
      {progress && <ProgressBar progress={progress} label="Exporting" />}
      <p className="settings-status" role="status">
        {status}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

function ImportSection({ zone, profile }: { zone: TimeZone; profile: Profile }) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<ExportSource | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <section className="settings-card data-card" aria-labelledby="data-import">
      <h2 id="data-import">Import a full export</h2>
      <p>
        Replaces this desk’s log with a full export made by Liaison Log (for example, to move to a new computer). The file is checked
        completely before anything changes, and the log as it is now is backed up first.
      </p>
      <div className="field">
        <label htmlFor="data-import-file">Export file (.json.gz)</label>
        <input
          ref={inputRef}
          id="data-import-file"
          type="file"
          accept=".gz,.json,application/gzip,application/json"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setSource(chosen ? fileSource(chosen) : null);
          }}
        />
      </div>
      {file && source && (
        <RestorePreview
          key={`${file.name}-${file.size}-${file.lastModified}`}
          source={source}
          title={`Import “${file.name}”`}
          zone={zone}
          profile={profile}
          reason="before-import"
          confirmLabel="Replace this desk’s log with the file"
          fileName={file.name}
          onCancel={() => {
            setFile(null);
            setSource(null);
            if (inputRef.current) {
              inputRef.current.value = '';
              inputRef.current.focus();
            }
          }}
        />
      )}
    </section>
  );
}
