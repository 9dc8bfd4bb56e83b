import { DUE_STATE_LABELS } from '../../shared/inquiry/due';
import type { NextDueWords } from '../../shared/inquiry/nextDue';
import type { TimeZone } from '../../shared/time/types';
import { formatShort } from '../app/format';

/**
 * The next-due words (shared/inquiry/nextDue.ts): the state, what is due, which instant governs and when, and the
 * countdown to that same instant: "Due soon · First contact · Target Mon 12/07 11:21 AM · 1 h 50 m left". `compact`
 * (the log's cell): what is due on one line, when and the countdown on the next, with no separator between.
 */
export function NextDueText({ words, zone, compact = false }: { words: NextDueWords; zone: TimeZone; compact?: boolean }) {
  const when = `${words.which} ${formatShort(words.at, zone)}${words.note ? ` (${words.note})` : ''} · ${words.countdown}`;
  return (
    <span className={`next-due${words.state === 'overdue' ? ' late' : ''}`}>
      <span className={`badge due-${words.state}`}>{DUE_STATE_LABELS[words.state]}</span> {words.label}
      <span className="next-due-when">{compact ? ` ${when}` : ` · ${when}`}</span>
    </span>
  );
}
