import { useEffect, useRef, useState } from 'react';
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
  prepare: (onProgress: (p: Progress) => void) => Promise<UpgradeCheck>;
  onReady: () => void;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);

  useEffect(() => {
    if (started.current === attempt) return;
    started.current = attempt;
    setFailure(null);
    prepare(setProgress)
      .then(() => onReady())
      .catch((err: unknown) => setFailure((err as Error)?.message || 'The backup could not be written.'));
  }, [attempt, prepare, onReady]);

  if (failure)
    return (
      <main id="main" className="setup">
        <div className="setup-card" role="alert">
          <h1>The log could not be backed up before its upgrade</h1>
          <p>
            This version of Liaison Log upgrades the log’s storage, and backs it up first. The backup failed: {failure} The log has not been
            changed.
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
      {progress ? (
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
