import { hrefOf } from '../app/router';
import { useChainFindings } from '../data/chainHooks';
import type { StoredFinding } from '../data/chainStore';
import './history.css';

/**
 * How many events the findings name as changed, removed or put in outside the app: each event once
 * (an altered event and the link after it are two), and every seq of a removal.
 */
export function eventsAffected(findings: readonly StoredFinding[]): number {
  const events = new Set<string>();
  let removed = 0;
  for (const f of findings) {
    if (f.missing) removed += f.missing.to - f.missing.from + 1;
    else events.add(f.event.eventId);
  }
  return events.size + removed;
}

/** The header's notice for leads while the history checks have found breaks not put right: a link to Verify the log. */
export function HistoryNotice() {
  const findings = useChainFindings();
  if (!findings || findings.length === 0) return null;
  const n = eventsAffected(findings);
  return (
    <a className="history-notice" href={hrefOf({ name: 'settings', section: 'verify' })}>
      <span aria-hidden="true" className="history-notice-mark">
        ⚠
      </span>
      History check: {n.toLocaleString('en-US')} {n === 1 ? 'event' : 'events'} changed outside the app — review
    </a>
  );
}
