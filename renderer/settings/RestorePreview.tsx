import { useEffect, useId, useRef, useState } from 'react';
import { failureText } from '../../shared/errors';
import { actorOf, type Profile } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { FormError } from '../components/ErrorSummary';
import { BACKUP_REASON_LABELS, type ExportSource, type Progress } from '../data/backup';
import { useServices } from '../data/hooks';
import { checkCopy, type ImportCheck } from '../data/verifyImport';
import { ChainCheckResult } from './ChainCheckResult';

const count = (n: number) => n.toLocaleString('en-US');

/** After a restore or an import everything held in memory is stale: start the app again from the database. */
function reloadApp(): void {
  window.location.reload();
}

export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
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

/** How a piece of work on the data stands: its progress while it runs, then what became of it, or why it failed. */
export function WorkStatus({
  progress,
  label,
  status,
  failure,
}: {
  progress: Progress | null;
  label: string;
  status: string;
  failure: string | null;
}) {
  return (
    <>
      {progress && <ProgressBar progress={progress} label={label} />}
      <p className="settings-status" role="status">
        {status}
      </p>
      <FormError message={failure} />
    </>
  );
}

/**
 * Checks a copy completely (nothing is written), shows what it holds against what the log holds now,
 * and replaces the log only when confirmed.
 */
export function RestorePreview({
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
    Promise.all([checkCopy(source, (p) => live && setProgress(p)), repo.backups.counts()])
      .then(([c, counts]) => {
        if (!live) return;
        setCheck(c);
        setCurrent(counts);
        setProgress(null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setFailure(failureText(err));
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
      const r = await repo.backups.restoreChecked(source, {
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
      setFailure(failureText(err));
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
      <FormError message={failure} />
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
