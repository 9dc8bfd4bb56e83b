import { type FormEvent, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { LogLayout } from '../../shared/log/logLayout';
import type { LogQuery } from '../../shared/log/logQuery';
import { useServices } from '../data/hooks';
import { deleteView, saveView, useSavedViews } from '../data/savedViews';

/** The person's saved log views (queue, search, filters, sort) in the sidebar: apply, save the current one, delete. */
export function SavedViews({
  profileId,
  query,
  layout,
  onApply,
}: {
  profileId: string;
  query: LogQuery;
  /** The columns shown now, saved with the view. */
  layout?: LogLayout;
  onApply: (q: LogQuery, layout?: LogLayout) => void;
}) {
  const { repo, clock } = useServices();
  const views = useSavedViews(profileId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await saveView(repo, profileId, name, query, clock.now(), layout);
      setNaming(false);
      setName('');
      setError(null);
    } catch (err) {
      setError(failureText(err));
    }
  }

  return (
    <section className="saved-views" aria-labelledby="saved-views-title">
      <h2 className="sidebar-title" id="saved-views-title">
        Saved views
      </h2>
      {views.length === 0 && <p className="muted small">Save the current queue, search, filters and sort to come back to them.</p>}
      <ul>
        {views.map((v) => (
          <li key={v.id} className="saved-view">
            <button type="button" className="queue" onClick={() => onApply(v.query, v.layout)}>
              <span>{v.name}</span>
            </button>
            <button
              type="button"
              className="link-button delete-view"
              aria-label={`Delete the saved view ${v.name}`}
              onClick={() => void deleteView(repo, profileId, v.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming ? (
        <form className="save-view" onSubmit={(e) => void save(e)} noValidate>
          <label htmlFor="saved-view-name">Name of this view</label>
          <input
            id="saved-view-name"
            value={name}
            maxLength={80}
            ref={(el) => el?.focus()}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(false);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'saved-view-error' : undefined}
          />
          {error && (
            <p id="saved-view-error" className="field-error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary small">
              Save view
            </button>
            <button type="button" className="secondary small" onClick={() => setNaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => setNaming(true)}>
          Save current view…
        </button>
      )}
    </section>
  );
}
