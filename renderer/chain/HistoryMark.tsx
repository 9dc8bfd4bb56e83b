import type { InquiryEvent } from '../../shared/inquiry/events';
import type { TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import type { StoredFinding } from '../data/chainStore';

/**
 * A timeline entry the history checks found broken: what the desk's hash chain shows about it, and what
 * it cannot show (what the entry said before, who changed it).
 */
export function HistoryMark({ event, findings, zone }: { event: InquiryEvent; findings: readonly StoredFinding[]; zone: TimeZone }) {
  const kinds = new Set(findings.map((f) => f.kind));
  const recorded = formatLong(event.at, zone);
  const removed = findings.find((f) => f.missing)?.missing;
  return (
    <div className="entry-history" role="note" aria-label="History check">
      {kinds.has('altered') && (
        <p>
          <strong>This entry was changed after it was recorded.</strong> The desk’s hash chain shows that what it says now is not what was
          recorded on {recorded}. It cannot show what the entry said before, or who changed it: an earlier backup or another desk’s copy may
          hold it as recorded.
        </p>
      )}
      {kinds.has('unchained') && (
        <p>
          <strong>This entry was put in outside the app.</strong> It carries no link of this desk’s hash chain although the desk was
          chaining when it says it was recorded, so the chain cannot vouch for anything in it: who, when, or what.
        </p>
      )}
      {kinds.has('duplicate') && (
        <p>
          <strong>This entry shares its place in its desk’s hash chain with another.</strong> One of the two was put in or replaced outside
          the app; the chain cannot tell which one the desk recorded.
        </p>
      )}
      {kinds.has('link') && !kinds.has('altered') && (
        <p>
          <strong>This entry does not follow the one its desk recorded before it.</strong> Its own content is as recorded, but either the
          event before it was changed, removed or replaced, or this entry was put in outside the app.
        </p>
      )}
      {removed && (
        <p>
          <strong>
            {removed.from === removed.to ? 'An event' : `${removed.to - removed.from + 1} events`} recorded on this desk just before this
            entry {removed.from === removed.to ? 'was' : 'were'} removed.
          </strong>{' '}
          The chain shows that {removed.from === removed.to ? 'it' : 'they'} existed, not what {removed.from === removed.to ? 'it' : 'they'}{' '}
          said or which inquiry {removed.from === removed.to ? 'it belonged' : 'they belonged'} to.
        </p>
      )}
      <p>
        Details: <a href={hrefOf({ name: 'settings', section: 'verify' })}>Settings → Verify the log</a>.
      </p>
    </div>
  );
}
