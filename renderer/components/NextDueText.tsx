import { DUE_STATE_LABELS } from '../../shared/inquiry/due';
import type { NextDueWords } from '../../shared/inquiry/nextDue';
import type { TimeZone } from '../../shared/time/types';
import { formatShort } from '../app/format';

/**
 * The next-due words (shared/inquiry/nextDue.ts): the state, what is due, which instant governs and when, and the
 * countdown to that same instant: "Due soon · First contact · Target Mon 12/07 11:21 · 1 h 50 m left".
 * `showLabel` false leaves out what is due (the inquiry page names the item beside it).
 */
export function NextDueText({ words, zone, showLabel = true }: { words: NextDueWords; zone: TimeZone; showLabel?: boolean }) {
  return (
    <span className="next-due">
      <span className={`badge due-${words.state}`}>{DUE_STATE_LABELS[words.state]}</span>
      {showLabel && <span className="next-due-label"> {words.label}</span>}
      <span className="next-due-when">
        {' · '}
        {words.which} {formatShort(words.at, zone)}
        {words.note && ` (${words.note})`}
        {' · '}
        <span className={`time-left${words.state === 'overdue' ? ' late' : ''}`}>{words.countdown}</span>
      </span>
    </span>
  );
}
