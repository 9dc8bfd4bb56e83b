import { useEffect, useRef, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { Progress, UpgradeCheck } from '../data/backup';

/**
 * Runs what must happen before the database opens (the backup before a schema upgrade), showing its
 * progress; then hands over to the app. If the backup fails, says so and lets the person retry or
 * go on without it: the database has not been touched at that point.
 */
export function Startup({
  prepare,
  onReady,
}: {
  /** `onUpgrading`: the backup is done and the log's storage is being upgraded as it opens. */
  prepare: (onProgress: (p: Progress) => void, onUpgrading?: () => void) => Promise<UpgradeCheck>;
  onReady: () => void;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [upgrading, setUpgrading] = useState(false);
  const [failure, setFailure] = useState<{ message: string; during: 'backup' | 'upgrade' } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);

  useEffect(() => {
    if (started.current === attempt) return;
    started.current = attempt;
    setFailure(null);
    setUpgrading(false);
    let during: 'backup' | 'upgrade' = 'backup';
    prepare(setProgress, () => {
      during = 'upgrade';
      setUpgrading(true);
    })
      .then(() => onReady())
      .catch((err: unknown) =>
        setFailure({
          message: failureText(err),
          during,
        }),
      );
  }, [attempt, prepare, onReady]);

  if (failure?.during === 'upgrade')
    return (
      <main id="main" className="setup">
        <div className="setup-card" role="alert">
          <h1>The log could not be upgraded</h1>
          <p>
            This version of Liaison Log upgrades the log’s storage as it opens, and the upgrade stopped: {failure.message} Nothing is lost:
            the log was backed up before the upgrade began, and the backup is kept.
          </p>
          <p>
            Close other Liaison Log windows, free some disk space and try again. If it keeps failing, call IT and keep this desk as it is.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setAttempt((a) => a + 1)}>
              Try again
            </button>
          </div>
        </div>
      </main>
    );
  if (failure)
    return (
      <main id="main" className="setup">
        <div className="setup-card" role="alert">
          <h1>The log could not be backed up before its upgrade</h1>
          <p>
            This version of Liaison Log upgrades the log’s storage, and backs it up first. The backup failed: {failure.message} The log has
            not been changed.
          </p>
          <p>Free some disk space and try again. Opening without a backup upgrades the log with no copy to go back to.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setAttempt((a) => a + 1)}>
              Try again
            </button>
            <button type="button" className="secondary" onClick={onReady}>
              Open without a backup
            </button>
          </div>
        </div>
      </main>
    );
  return (
    <main id="main" className="loading" aria-busy="true">
      {upgrading ? (
        <p role="status">
          Upgrading the log’s storage for this version. This happens once, and on a large log it can take a few minutes; please leave the
          app open.
        </p>
      ) : progress ? (
        <>
          <p>Backing up the log before upgrading it…</p>
          <progress max={Math.max(progress.total, progress.done)} value={progress.done} aria-label="Backup before the upgrade">
            {progress.done.toLocaleString('en-US')} rows
          </progress>
        </>
      ) : (
        'Opening the log…'
      )}
    </main>
  );
}
