import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { Profile } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import { browserBridge } from '../app/bridge';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { focusOnMount } from '../components/focusOnMount';
import { ScrollX } from '../components/ScrollX';
import { TableHead } from '../components/TableHead';
import {
  BACKUP_REASON_LABELS,
  type BackupRecord,
  backupSettings,
  backupSource,
  type ExportSource,
  fileSource,
  listBackups,
  type Progress,
  requestPersistentStorage,
  type StorageState,
  setBackupsToKeep,
  storageState,
} from '../data/backup';
import { useServices } from '../data/hooks';
import { RebuildSection } from './RebuildSection';
import { RestorePreview, WorkStatus } from './RestorePreview';
import './data.css';

/** What a settings screen gets (the same shape as SettingsView's SettingsScreenProps). */
interface Props {
  config: { timeZone: TimeZone };
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

/**
 * Settings → Data: whether the browser keeps the storage, the automatic backups (and restoring one,
 * with a preview), and the full export and import of this desk's database.
 */
export function DataSettings({ config, profile }: Props) {
  const zone = config.timeZone;
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
  const db = repo.backups;
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
    refresh().catch((err: unknown) => setFailure(`The backups could not be listed: ${failureText(err)}`));
  }, [refresh]);

  async function backUp() {
    setFailure(null);
    setStatus('');
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const b = await db.now('manual', { now: clock.now(), onProgress: setProgress });
      setStatus(`Backed up ${count(b.inquiries)} inquiries and ${count(b.events)} events.`);
      await refresh();
    } catch (err) {
      setFailure(`The backup failed: ${failureText(err)}`);
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
      <WorkStatus progress={progress} label="Backing up" status={status} failure={failure} />
      {backups === null ? (
        <p aria-busy="true">Listing the backups…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet. The first daily backup is taken shortly after the app opens.</p>
      ) : (
        <ScrollX label="Backups on this computer">
          <table className="settings-table data-table">
            <caption className="visually-hidden">Backups on this computer, newest first</caption>
            <TableHead columns={['Taken', 'Why', 'Inquiries', 'Events', 'Size']} actions="Action" />
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
        </ScrollX>
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

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ExportSection() {
  const { repo, clock } = useServices();
  const bridge = useBridge();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  async function exportAll() {
    setFailure(null);
    setStatus('');
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const now = clock.now();
      const blob = await repo.backups.exportFile(now, setProgress);
      const device = await repo.storedDevice();
      const day = new Date(now).toISOString().slice(0, 10);
      const name = `liaison-log-full-export-${device?.deskCode ?? 'desk'}-${day}.json.gz`;
      if (bridge === browserBridge) {
        // The browser build downloads it (no size limit of a message to main).
        downloadBlob(blob, name);
        setStatus(`Exported as ${name} (${formatBytes(blob.size)}).`);
        return;
      }
      // The desktop saves through main, which checks where the file really lands (never a network or cloud folder).
      const data = new Uint8Array(await blob.arrayBuffer());
      const outcome = await bridge.saveFile({ suggestedName: name, format: 'json.gz', data, containsMemberData: true });
      if (outcome.outcome === 'saved') setStatus(`Exported as ${outcome.fileName} (${formatBytes(blob.size)}).`);
      else if (outcome.outcome === 'refused') setFailure(`The export was not saved. ${outcome.message}`);
      else setStatus('The export was not saved (cancelled).');
    } catch (err) {
      setFailure(`The export failed: ${failureText(err)}`);
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
      <WorkStatus progress={progress} label="Exporting" status={status} failure={failure} />
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
