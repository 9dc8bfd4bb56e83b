import type { TimeZone } from '../../shared/time/types';
import { formatLong } from '../app/format';
import './draftNotice.css';

/** Says a form was filled back in from its autosaved draft, and offers to throw the draft away. */
export function DraftNotice({ savedAt, zone, onDiscard }: { savedAt: number; zone: TimeZone; onDiscard: () => void }) {
  return (
    <div className="draft-notice" role="status">
      <p>
        Draft restored from {formatLong(savedAt as Parameters<typeof formatLong>[0], zone)}. It was saved as you typed; nothing has been
        logged yet.
      </p>
      <button type="button" className="secondary" onClick={onDiscard}>
        Discard draft
      </button>
    </div>
  );
}
