import { useEffect, useState } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { type ClosedDaysPreview, closedDaysPreview } from '../../../shared/config/closedDays';
import { calendarConfigSchema } from '../../../shared/time/calendarConfig';
import { type HolidayType, isKnownHolidayRegion } from '../../../shared/time/holidays';
import { parseTypedDay } from '../../../shared/time/typedInput';
import type { IsoDay } from '../../../shared/time/types';
import { isoDayOf, isValidTimeZone } from '../../../shared/time/zone';
import { formatDay } from '../../app/format';
import { TableHead } from '../../components/TableHead';
import { useServices } from '../../data/hooks';
import { build, type PolicyDraft, toggle, WEEKDAYS } from './draft';

const PREVIEW_DAYS = 365;
const PREVIEW_DELAY_MS = 250;

/** The next 12 months' closed days for the settings as they stand in the form, with per-day and per-holiday choices. */
export function ClosedDaysPreviewPanel({
  draft,
  config,
  setDraft,
}: {
  draft: PolicyDraft;
  config: AgencyConfig;
  setDraft: (update: (d: PolicyDraft) => PolicyDraft) => void;
}) {
  const { clock } = useServices();
  const zone = isValidTimeZone(draft.timeZone) ? draft.timeZone : config.timeZone;
  const today = isoDayOf(clock.now(), zone);
  const { next } = build(draft, config);
  const calendarInput = {
    ...next.calendar,
    timeZone: zone,
    closures: next.calendar.closures.filter((c) => parseTypedDay(c.day) !== null && c.name !== ''),
  };
  // Working out a year of days takes a moment (the holiday library), so the preview follows the form once typing pauses.
  const key = JSON.stringify(calendarInput);
  const [preview, setPreview] = useState<{ key: string; result: ClosedDaysPreview | null } | null>(null);
  useEffect(() => {
    if (preview?.key === `${today}|${key}`) return;
    const timer = setTimeout(() => {
      const parsed = calendarConfigSchema.safeParse(JSON.parse(key));
      const ok = parsed.success && isKnownHolidayRegion(parsed.data.holidayRegion);
      setPreview({ key: `${today}|${key}`, result: ok ? closedDaysPreview(parsed.data, today, PREVIEW_DAYS) : null });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, today, preview?.key]);

  const result = preview?.result;
  const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]?.slice(0, 3);
  const openDay = (day: IsoDay) => setDraft((d) => ({ ...d, holidaysRemoved: toggle(d.holidaysRemoved, day, true) }));
  const closeDay = (day: IsoDay) => setDraft((d) => ({ ...d, holidaysRemoved: toggle(d.holidaysRemoved, day, false) }));
  const neverClose = (name: string) =>
    setDraft((d) => ({
      ...d,
      holidayNamesExcluded: toggle(d.holidayNamesExcluded, name, true),
      holidayNamesIncluded: toggle(d.holidayNamesIncluded, name, false),
    }));
  /** Closes for a holiday every year: no longer excluded, and named as included when its type does not count. */
  const alwaysClose = (h: { baseName: string; type: HolidayType }) =>
    setDraft((d) => ({
      ...d,
      holidayNamesIncluded: toggle(d.holidayNamesIncluded, h.baseName, !d.holidayTypes.includes(h.type)),
      holidayNamesExcluded: toggle(d.holidayNamesExcluded, h.baseName, false),
    }));

  return (
    <section className="closed-preview" aria-labelledby="policy-preview-title">
      <h2 id="policy-preview-title">Closed days in the next 12 months</h2>
      {result === undefined ? (
        <p className="muted" aria-busy="true">
          Working out the closed days…
        </p>
      ) : result === null ? (
        <p className="muted">The preview appears when the holiday region and office hours are valid.</p>
      ) : (
        <>
          <p className="hint">
            Weekdays without office hours are closed too and not listed. Counted from {formatDay(today)}, with the settings as they stand in
            this form.
          </p>
          {result.closed.length === 0 ? (
            <p className="muted">No holidays or closures in the next 12 months.</p>
          ) : (
            <div className="scroll-x">
              <table className="settings-table preview-table">
                <caption className="visually-hidden">Closed days in the next 12 months</caption>
                <TableHead columns={['Day', 'Closed for', 'Kind']} actions="Choices" />
                <tbody>
                  {result.closed.map((c) => (
                    <tr key={c.day}>
                      <td className="nowrap">
                        {weekdayOf(c.day)} {formatDay(c.day)}
                      </td>
                      <td>{c.name}</td>
                      <td>{c.kind === 'closure' ? 'Closure' : c.officeDay ? 'Holiday' : 'Holiday (no office hours that day)'}</td>
                      <td>
                        <div className="row-actions">
                          {c.kind === 'holiday' && (
                            <>
                              {c.officeDay && (
                                <button
                                  aria-label={`Open this day (${formatDay(c.day)})`}
                                  type="button"
                                  className="link-button"
                                  onClick={() => openDay(c.day)}
                                >
                                  Open this day
                                </button>
                              )}
                              {c.holidayNames.map((n) => (
                                <button
                                  key={n}
                                  type="button"
                                  className="link-button"
                                  aria-label={`Never close for ${n}`}
                                  onClick={() => neverClose(n)}
                                >
                                  {c.holidayNames.length > 1 ? `Never close for ${n}` : 'Never close'}
                                </button>
                              ))}
                            </>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.openedByException.length > 0 && (
            <>
              <h3>Open despite a holiday</h3>
              <ul className="plain-list">
                {result.openedByException.map((o) => (
                  <li key={o.day}>
                    {weekdayOf(o.day)} {formatDay(o.day)}: {o.name}{' '}
                    <button type="button" className="link-button" onClick={() => closeDay(o.day)}>
                      Close on {formatDay(o.day)} again
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.notCounted.length > 0 && (
            <details className="other-holidays">
              <summary>Other holidays the library knows ({result.notCounted.length}), which do not close the office</summary>
              <ul className="plain-list">
                {result.notCounted.map((h) => (
                  <li key={`${h.day}|${h.name}`}>
                    {weekdayOf(h.day)} {formatDay(h.day)}: {h.name}{' '}
                    <span className="muted">({h.why === 'excluded' ? 'never closes' : h.type})</span>{' '}
                    <button type="button" className="link-button" onClick={() => alwaysClose(h)}>
                      Close for {h.baseName} every year
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
