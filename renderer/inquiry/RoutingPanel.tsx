import { useId, useState } from 'react';
import type { RoutingEntry } from '../../shared/config/agencyConfig';
import { filterRouting } from '../../shared/config/routing';
import { hrefOf } from '../app/router';
import { useAgencyConfig } from '../data/hooks';
import '../settings/settings.css';

/**
 * The routing directory as a quick reference beside an inquiry (seed 002): what to check first and whom to
 * contact for each issue type. Collapsible (closed by default, so it never pushes the inquiry down) and
 * searchable; the directory is edited in Settings → Routing directory. `entries` defaults to the agency's.
 */
export function RoutingPanel({ entries, initiallyOpen = false }: { entries?: readonly RoutingEntry[]; initiallyOpen?: boolean }) {
  const config = useAgencyConfig();
  const all = entries ?? config.routing;
  const [open, setOpen] = useState(initiallyOpen);
  const [query, setQuery] = useState('');
  const id = useId();
  const bodyId = `${id}-body`;
  const searchId = `${id}-search`;
  const shown = filterRouting(all, query);

  return (
    <section className="routing-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="routing-panel-title">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="disclosure-mark">
            {open ? '▾' : '▸'}
          </span>
          Routing quick reference
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {all.length === 0 ? (
          <p className="muted">
            The routing directory is empty. Add issue types in{' '}
            <a href={hrefOf({ name: 'settings', section: 'routing' })}>Settings → Routing directory</a>.
          </p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={searchId}>Find an issue type</label>
              <input
                id={searchId}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && query !== '') {
                    e.preventDefault();
                    setQuery('');
                  }
                }}
                autoComplete="off"
              />
            </div>
            <p className="hint" aria-live="polite">
              {query.trim() === '' ? `${all.length} issue types` : `${shown.length} of ${all.length} issue types match`}
            </p>
            {shown.length === 0 ? (
              <p className="muted">Nothing matches “{query.trim()}”. Try fewer or shorter words.</p>
            ) : (
              <dl className="routing-list">
                {shown.map((e) => (
                  <div key={e.issueType} className="routing-entry">
                    <dt>{e.issueType}</dt>
                    {e.checkFirst && (
                      <dd>
                        <span className="routing-label">Check first:</span> {e.checkFirst}
                      </dd>
                    )}
                    {e.contact && (
                      <dd>
                        <span className="routing-label">Contact:</span> {e.contact}
                      </dd>
                    )}
                  </div>
                ))}
              </dl>
            )}
          </>
        )}
      </div>
    </section>
  );
}
