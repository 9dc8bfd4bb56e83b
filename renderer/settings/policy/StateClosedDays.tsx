import { useMemo } from 'react';
import { closedDaysPreview } from '../../../shared/config/closedDays';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/time/calendarConfig';
import { STATE_PRESETS, type StatePresetId } from '../../../shared/time/statePresets';
import { isoDayFromParts, isoDayOf } from '../../../shared/time/zone';
import { formatDay } from '../../app/format';
import { useAgencyConfig, useServices } from '../../data/hooks';
import { WEEKDAYS } from './draft';

/** The closed days of a state's preset in this calendar year, with its weekend rule: what first-run set-up shows. */
export function StateClosedDays({ preset }: { preset: StatePresetId }) {
  const { clock } = useServices();
  const config = useAgencyConfig();
  const year = isoDayOf(clock.now(), config.timeZone).slice(0, 4);
  const closed = useMemo(() => {
    const from = isoDayFromParts(Number(year), 1, 1);
    const days = (Date.UTC(Number(year) + 1, 0, 1) - Date.UTC(Number(year), 0, 1)) / 86_400_000;
    const calendar = { ...DEFAULT_CALENDAR_CONFIG, statePreset: preset, holidayRegion: STATE_PRESETS[preset].region };
    return closedDaysPreview(calendar, from, days).closed.filter((c) => c.officeDay);
  }, [preset, year]);
  const p = STATE_PRESETS[preset];
  return (
    <section className="state-closed-days" aria-labelledby="state-closed-days-title" aria-live="polite">
      <h2 id="state-closed-days-title" className="small-heading">
        {p.state} state offices are closed on {closed.length} days in {year}
      </h2>
      <p className="hint">{p.weekendRule}</p>
      <ul className="plain-list closed-days-list">
        {closed.map((c) => (
          <li key={c.day}>
            <span className="nowrap">
              {WEEKDAYS[new Date(`${c.day}T12:00:00Z`).getUTCDay()]?.slice(0, 3)} {formatDay(c.day)}
            </span>
            : {c.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
