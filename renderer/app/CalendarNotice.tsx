import { useState } from 'react';
import type { ClosedDay } from '../../shared/config/closedDays';
import { failureText } from '../../shared/errors';
import { presetLabel, STATE_PRESETS } from '../../shared/time/statePresets';
import { FormError } from '../components/ErrorSummary';
import { useServices } from '../data/hooks';
import { useCalendarPresetNotice } from '../data/settingsHooks';
import { formatDay } from './format';

const weekday = (day: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${day}T12:00:00Z`).getUTCDay()];

function DayList({ days }: { days: ClosedDay[] }) {
  return (
    <ul className="plain-list">
      {days.map((d) => (
        <li key={d.day}>
          {weekday(d.day)} {formatDay(d.day)}: {d.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * The one-time notice for a unit lead on a desk set up before state presets (docs/holidays.md): the office
 * days the state's statute would close or open in the next 12 months, and the lead's decision. Either answer
 * is recorded and the notice does not come back; targets already recorded are never changed.
 */
export function CalendarNotice() {
  const notice = useCalendarPresetNotice();
  const { repo } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!notice) return null;
  const p = STATE_PRESETS[notice.preset];
  const { closes, opens } = notice.difference;

  async function decide(decision: 'accepted' | 'kept') {
    if (!notice) return;
    setBusy(true);
    try {
      await repo.decideCalendarPreset(decision, notice.preset);
      document.getElementById('main')?.focus();
    } catch (e) {
      setError(`Nothing was changed: ${failureText(e)}`);
      setBusy(false);
    }
  }

  return (
    <section className="calendar-notice" aria-labelledby="calendar-notice-title">
      <h2 id="calendar-notice-title">The office calendar: {p.state}'s closed days by statute</h2>
      <p>
        This desk closes on the holiday library's public holidays for {p.state}. The state's offices close on the paid holidays of{' '}
        {p.citation} instead. Using them changes these office days in the next 12 months; targets already given to inquiries stay as they
        are.
      </p>
      <FormError message={error} />
      <div className="calendar-notice-lists">
        {closes.length > 0 && (
          <div>
            <h3>Would close</h3>
            <DayList days={closes} />
          </div>
        )}
        {opens.length > 0 && (
          <div>
            <h3>Would open</h3>
            <DayList days={opens} />
          </div>
        )}
      </div>
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void decide('accepted')}>
          Use {presetLabel(notice.preset)}
        </button>
        <button type="button" disabled={busy} onClick={() => void decide('kept')}>
          Keep the current calendar
        </button>
      </div>
    </section>
  );
}
