import { useState } from 'react';
import { failureText } from '../../shared/errors';
import { useServices } from '../data/hooks';

const count = (n: number) => n.toLocaleString('en-US');

type State =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; inquiries: number; seconds: number }
  | { kind: 'failed'; message: string };

/**
 * Settings → Data → Rebuild the list: folds every inquiry again from its timeline (Repo.rebuildProjections),
 * a chunk at a time with progress, the app usable meanwhile. For the day a row in the log disagrees with
 * its inquiry's timeline; the timelines themselves are only read.
 */
export function RebuildSection() {
  const { repo } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function rebuild() {
    const started = performance.now();
    setState({ kind: 'running', done: 0, total: 0 });
    try {
      const inquiries = await repo.rebuildProjections((done, total) => setState({ kind: 'running', done, total }));
      setState({ kind: 'done', inquiries, seconds: Math.max(1, Math.round((performance.now() - started) / 1000)) });
    } catch (err) {
      setState({
        kind: 'failed',
        message: `The list could not be rebuilt: ${failureText(err)} Nothing in the timelines changed; rows already rebuilt keep their new values. Try again, or restore a backup if it keeps failing.`,
      });
    }
  }

  return (
    <section className="settings-card data-card" aria-labelledby="data-rebuild">
      <h2 id="data-rebuild">Rebuild the log’s list</h2>
      <p>
        Each row of the log is worked out from the inquiry’s timeline. If a row ever disagrees with its timeline, rebuild the list from the
        timelines. The timelines are not changed, and the log stays usable while it runs.
      </p>
      {state.kind === 'running' && (
        <div className="data-progress">
          <progress max={Math.max(1, state.total, state.done)} value={state.done} aria-label="Rebuilding the list" />
          <span>
            {count(state.done)}
            {state.total ? ` of ${count(state.total)}` : ''} inquiries
          </span>
        </div>
      )}
      <p role="status" className={state.kind === 'done' ? 'data-ok' : undefined}>
        {state.kind === 'done'
          ? `Rebuilt ${count(state.inquiries)} ${state.inquiries === 1 ? 'inquiry from its timeline' : 'inquiries from their timelines'} in ${state.seconds} s.`
          : ''}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className="data-warn">
          {state.message}
        </p>
      )}
      {state.kind === 'confirming' ? (
        <div className="card-actions">
          <button type="button" className="primary" onClick={() => void rebuild()}>
            Rebuild now
          </button>
          <button type="button" className="secondary" onClick={() => setState({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="card-actions">
          <button type="button" className="secondary" disabled={state.kind === 'running'} onClick={() => setState({ kind: 'confirming' })}>
            Rebuild the list…
          </button>
        </div>
      )}
    </section>
  );
}
