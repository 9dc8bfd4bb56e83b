import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { describeDuration } from '../../shared/sync/problems';
import { asInstant, type TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { Options } from '../components/Field';
import { focusOnMount } from '../components/focusOnMount';
import { DESKTOP_ONLY } from '../sync/browserSync';
import { SYNC_INTERVALS, type SyncService, type SyncView } from '../sync/syncService';
import { ago, phaseText, useNow, useSync } from '../sync/useSync';
import type { SettingsScreenProps } from './settingsScreen';
import '../sync/sync.css';

/** Settings → Sync: the folder, the team passphrase, how often, "Sync now", and a status one can trust. */
export function SyncSettings({ config }: SettingsScreenProps) {
  const { view, service } = useSync();
  const zone = config.timeZone;
  return (
    <section className="settings-page sync-settings" aria-labelledby="sync-title">
      <h1 id="sync-title" tabIndex={-1} ref={focusOnMount}>
        Sync
      </h1>
      <div className="settings-intro">
        <p>
          The desks of a unit share one log through a network folder. Every desk keeps working when the folder is out of reach and catches
          up when it is back. Everything this app writes to the folder is encrypted with the team passphrase.
        </p>
      </div>
      {!view.desktop ? (
        <p className="sync-notice">{DESKTOP_ONLY} Open Liaison Log on your desk to set up sync; this browser keeps its own log.</p>
      ) : (
        <>
          <StatusCard view={view} service={service} zone={zone} />
          <FolderCard view={view} service={service} zone={zone} />
          {view.status.shareId !== null && <ScheduleCard view={view} service={service} />}
          {view.status.shareId !== null && <LeaveCard service={service} busy={view.busy} />}
        </>
      )}
    </section>
  );
}

function StatusCard({ view, service, zone }: { view: SyncView; service: SyncService; zone: TimeZone }) {
  const now = useNow();
  const [result, setResult] = useState('');
  const { status } = view;
  const joined = status.shareId !== null;
  const skew = status.clockSkewMs;

  async function syncNow() {
    setResult('');
    await service.syncNow();
    const s = service.getSnapshot().status;
    setResult(
      s.problems.some((p) => p.blocking)
        ? 'Sync did not finish: see the problem above.'
        : `Synced at ${formatLong(asInstant(s.lastSuccessAt ?? now), zone)}.`,
    );
  }

  return (
    <section className="settings-card" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">Status</h2>
      <dl className="sync-facts">
        <dt>State</dt>
        <dd className={status.phase === 'problem' || status.phase === 'locked' ? 'sync-trouble' : undefined}>{phaseText(status, true)}</dd>
        <dt>Last successful sync</dt>
        <dd>
          {status.lastSuccessAt ? (
            <>
              {formatLong(asInstant(status.lastSuccessAt), zone)} ({ago(status.lastSuccessAt, now)})
            </>
          ) : (
            'Never'
          )}
        </dd>
        <dt>Waiting to be sent</dt>
        <dd>
          {status.pending === 0
            ? 'Nothing'
            : `${status.pending.toLocaleString('en-US')} change${status.pending === 1 ? '' : 's'} made on this desk`}
        </dd>
        <dt>This desk’s clock</dt>
        <dd>
          {skew === null
            ? 'Not compared yet (it is, each time this desk sends work)'
            : Math.abs(skew) < 60_000
              ? 'Agrees with the file server'
              : `${describeDuration(Math.abs(skew))} ${skew > 0 ? 'ahead of' : 'behind'} the file server`}
        </dd>
      </dl>
      {status.problems.length > 0 && (
        <section className="sync-problems" aria-labelledby="sync-problems-title">
          <h3 id="sync-problems-title">{status.problems.length === 1 ? 'Problem' : 'Problems'}</h3>
          <ul>
            {status.problems.map((p) => (
              <li key={`${p.code}:${p.message}`}>
                {p.message}
                {p.code === 'listing_shrank' && (
                  <div className="card-actions">
                    <button type="button" className="secondary" onClick={() => void service.acceptFolderAsIs()}>
                      Accept the folder as it is
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {joined && <DeskTable view={view} now={now} zone={zone} />}
      {joined && (
        <div className="card-actions">
          <button type="button" className="primary" onClick={() => void syncNow()} disabled={view.busy !== null}>
            {view.busy === 'syncing' ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      )}
      <p className="settings-status" role="status">
        {result}
      </p>
    </section>
  );
}

function DeskTable({ view, now, zone }: { view: SyncView; now: number; zone: TimeZone }) {
  const desks = [...view.status.desks].sort((a, b) => (a.you === b.you ? a.deskCode.localeCompare(b.deskCode) : a.you ? -1 : 1));
  return (
    <table className="settings-table sync-desks">
      <caption>Desks seen in the folder</caption>
      <thead>
        <tr>
          <th scope="col">Desk</th>
          <th scope="col">Who works there</th>
          <th scope="col">Last heard from</th>
        </tr>
      </thead>
      <tbody>
        {desks.map((d) => (
          <tr key={d.deviceId}>
            <th scope="row">
              {d.deskCode}
              {d.you ? ' (this desk)' : ''}
            </th>
            <td>{d.label || '—'}</td>
            <td>
              {d.lastHeartbeat === null ? (
                'Not yet'
              ) : (
                <time dateTime={new Date(d.lastHeartbeat).toISOString()} title={formatLong(asInstant(d.lastHeartbeat), zone)}>
                  {ago(d.lastHeartbeat, now)}
                </time>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FolderCard({ view, service, zone }: { view: SyncView; service: SyncService; zone: TimeZone }) {
  const joined = view.status.shareId !== null;
  const locked = view.status.phase === 'locked';
  const inspection = view.inspection;
  // Kept here, not in the form: the form goes away once the desk has joined.
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  // The button is disabled while the folder dialog is open, which takes focus from it: once the folder is read,
  // focus goes to the passphrase of the form that came (to start or join the share), else back to the button.
  const [chose, setChose] = useState(false);
  useEffect(() => {
    if (!chose || view.busy !== null) return;
    setChose(false);
    const field = document.querySelector<HTMLInputElement>('.sync-form input[type="password"]');
    (field ?? chooseRef.current)?.focus();
  }, [chose, view.busy]);
  // A share started or joined: the form goes away, so focus goes to what happened.
  const [focusNotice, setFocusNotice] = useState(false);
  const done = (message: string) => {
    setNotice(message);
    setFocusNotice(true);
  };
  useEffect(() => {
    if (!focusNotice) return;
    setFocusNotice(false);
    noticeRef.current?.focus();
  }, [focusNotice]);
  return (
    <section className="settings-card" aria-labelledby="sync-folder-title">
      <h2 id="sync-folder-title">Folder and passphrase</h2>
      <p>
        {view.folder ? (
          <>
            Folder: <code className="sync-path">{view.folder}</code>
          </>
        ) : (
          'No folder is chosen on this desk yet. Choose the folder your unit uses (for example on a shared drive), or an empty folder to start a new share.'
        )}
      </p>
      {!joined && (
        <div className="card-actions">
          <button
            type="button"
            className="secondary"
            ref={chooseRef}
            onClick={() => {
              setChose(true);
              void service.chooseFolder();
            }}
            disabled={view.busy !== null}
          >
            {view.busy === 'choosing' ? 'Choosing…' : view.folder ? 'Choose another folder…' : 'Choose folder…'}
          </button>
        </div>
      )}
      {joined && !locked && <p>This desk is a member of the share in this folder.</p>}
      {joined && !locked && <ChangeForm service={service} busy={view.busy} onDone={setNotice} />}
      {joined && locked && (
        <JoinForm
          service={service}
          busy={view.busy}
          onDone={done}
          title="Enter the team passphrase"
          intro={`This desk has joined the share, but its key is not kept here. Type the team passphrase to resume sync.${view.keyNotKept ? ` ${keyNotKeptText(view.keyNotKeptReason)}` : ''}`}
        />
      )}
      {!joined && inspection?.problem && <p className="sync-trouble">{inspection.problem.message}</p>}
      {!joined && !inspection?.problem && inspection?.kind === 'other' && (
        <p className="sync-trouble">
          This folder has other files in it. Choose an empty folder to start a new share, or the folder that holds the team’s SHARE.json to
          join it.
        </p>
      )}
      {!joined && !inspection?.problem && inspection?.kind === 'empty' && <CreateForm service={service} busy={view.busy} onDone={done} />}
      {!joined && inspection?.kind === 'share' && inspection.share && (
        <JoinForm
          service={service}
          busy={view.busy}
          onDone={done}
          title="Join this share"
          intro={`This folder holds a team share, created ${formatLong(asInstant(inspection.share.createdAt), zone)}. Type the team passphrase to join it.`}
        />
      )}
      <p className="settings-status" role="status" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      {view.keyNotKept && <p className="sync-trouble">{keyNotKeptText(view.keyNotKeptReason)}</p>}
    </section>
  );
}

/** Why the passphrase is asked at every start, in words people can take to IT. */
function keyNotKeptText(reason: SyncView['keyNotKeptReason']): string {
  if (reason === 'no_secret_store')
    return 'This computer has no secret store (such as GNOME Keyring or KWallet), only a key built into every copy of the app’s browser engine, so keeping the share’s key here would in effect leave it readable. Liaison Log keeps it in memory only and asks for the team passphrase each time it starts. Ask IT to set up a secret store to be asked less often.';
  return 'This computer offers no protected place to keep the share’s key, so Liaison Log keeps it in memory only and asks for the team passphrase each time it starts.';
}

function CreateForm({ service, busy, onDone }: { service: SyncService; busy: SyncView['busy']; onDone: (message: string) => void }) {
  return (
    <PassphraseForm
      title="Start a new share here"
      intro="This folder is empty. Choose a team passphrase of at least 12 characters (a short sentence works well). Everyone in the unit needs it to join; it cannot be recovered if it is lost, so keep it where your unit keeps such things."
      newPassphrase
      busy={busy}
      submitText={busy === 'creating' ? 'Creating the share… (a few seconds)' : 'Create the share'}
      run={(passphrase, confirm) => service.createShare(passphrase, confirm)}
      onDone={onDone}
    />
  );
}

/** Settings → Sync: a new team passphrase (and with it a new key), with the choice to lock the old one out. */
function ChangeForm({ service, busy, onDone }: { service: SyncService; busy: SyncView['busy']; onDone: (message: string) => void }) {
  return (
    <details className="sync-change">
      <summary>Change the team passphrase</summary>
      <PassphraseForm
        title="New team passphrase"
        intro="A new passphrase of at least 12 characters. The share gets a new key; everything written before stays readable. Other desks switch over at their next sync."
        newPassphrase
        lockOutOption
        busy={busy}
        submitText={busy === 'changing' ? 'Changing the passphrase… (a few seconds)' : 'Change the passphrase'}
        run={(passphrase, confirm, lockOut) => service.changePassphrase(passphrase, confirm, lockOut)}
        onDone={onDone}
      />
    </details>
  );
}

function JoinForm({
  service,
  busy,
  title,
  intro,
  onDone,
}: {
  service: SyncService;
  busy: SyncView['busy'];
  title: string;
  intro: string;
  onDone: (message: string) => void;
}) {
  return (
    <PassphraseForm
      title={title}
      intro={intro}
      busy={busy}
      submitText={busy === 'joining' ? 'Opening the share… (a few seconds)' : 'Join the share'}
      run={(passphrase) => service.joinShare(passphrase)}
      onDone={onDone}
    />
  );
}

/**
 * The team passphrase, to start a share (a new passphrase, typed twice) or join one. A refusal is said
 * under the field, and focus goes back to the passphrase to type it again.
 */
function PassphraseForm({
  title,
  intro,
  newPassphrase,
  lockOutOption,
  busy,
  submitText,
  run,
  onDone,
}: {
  title: string;
  intro: string;
  newPassphrase?: boolean;
  /** Offers to lock the old passphrase out (a passphrase change). */
  lockOutOption?: boolean;
  busy: SyncView['busy'];
  submitText: string;
  run: (passphrase: string, confirm: string, lockOut: boolean) => Promise<{ ok: boolean; message: string }>;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [lockOut, setLockOut] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError('');
    const r = await run(passphrase, confirm, lockOut);
    if (r.ok) {
      setPassphrase('');
      setConfirm('');
      onDone(r.message);
    } else {
      setError(r.message);
      document.getElementById(`${id}-pass`)?.focus();
    }
  }

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="hint" id={`${id}-hint`}>
        {intro}
      </p>
      <div className={`field narrow${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-pass`}>Team passphrase</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete={newPassphrase ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
      </div>
      {newPassphrase && (
        <div className="field narrow">
          <label htmlFor={`${id}-confirm`}>Type the passphrase again</label>
          <input
            id={`${id}-confirm`}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
      )}
      {lockOutOption && (
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={lockOut}
              onChange={(e) => setLockOut(e.target.checked)}
              aria-describedby={`${id}-lockout-hint`}
            />{' '}
            Lock the old passphrase out
          </label>
          <p className="hint" id={`${id}-lockout-hint`}>
            For when someone who knew the old passphrase should no longer read the share. Every other desk then asks for the new passphrase
            before it syncs again; without this, a desk that still holds the old key switches over by itself.
          </p>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" className="primary" disabled={busy !== null}>
          {submitText}
        </button>
      </div>
    </form>
  );
}

function ScheduleCard({ view, service }: { view: SyncView; service: SyncService }) {
  const [saved, setSaved] = useState('');
  const label = (s: number) => (s < 60 ? `Every ${s} seconds` : s === 60 ? 'Every minute' : `Every ${s / 60} minutes`);
  return (
    <section className="settings-card" aria-labelledby="sync-schedule-title">
      <h2 id="sync-schedule-title">How often</h2>
      <div className="field narrow">
        <label htmlFor="sync-interval">Sync with the folder</label>
        <select
          id="sync-interval"
          value={view.intervalSec}
          aria-describedby="sync-interval-hint"
          onChange={(e) => {
            const s = Number(e.target.value);
            void service.setIntervalSec(s).then(() => setSaved(`Saved: ${label(s).toLowerCase()}.`));
          }}
        >
          <Options options={SYNC_INTERVALS.map((s) => ({ value: s, label: label(s) }))} />
        </select>
        <p className="hint" id="sync-interval-hint">
          Also whenever this window comes back into use, and when you press Sync now.
        </p>
      </div>
      <p className="settings-status" role="status">
        {saved}
      </p>
    </section>
  );
}

function LeaveCard({ service, busy }: { service: SyncService; busy: SyncView['busy'] }) {
  const [asking, setAsking] = useState(false);
  return (
    <section className="settings-card" aria-labelledby="sync-leave-title">
      <h2 id="sync-leave-title">Stop syncing on this desk</h2>
      <p>The log on this desk stays as it is, and so does the folder. This desk stops sending and receiving until it joins again.</p>
      {asking ? (
        <div className="card-actions">
          <p className="sync-confirm">Stop syncing on this desk?</p>
          <button
            type="button"
            className="secondary"
            ref={(el) => el?.focus()}
            disabled={busy !== null}
            onClick={() => void service.leave().then(() => setAsking(false))}
          >
            Yes, stop syncing
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            Keep syncing
          </button>
        </div>
      ) : (
        <div className="card-actions">
          <button type="button" className="secondary" onClick={() => setAsking(true)}>
            Stop syncing…
          </button>
        </div>
      )}
    </section>
  );
}
