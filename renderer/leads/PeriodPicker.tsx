import { type ReactNode, useMemo, useState } from 'react';
import {
  type DayRange,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  periodDays,
  rangeInstants,
  readRange,
} from '../../shared/report/period';
import type { Clock, IsoDay, TimeZone } from '../../shared/time/types';
import { isIsoDay } from '../../shared/time/zone';
import { useBridge } from '../app/bridgeContext';
import { Options } from '../components/Field';
import { focusOnMount } from '../components/focusOnMount';
import { useAgencyConfig, useLogSnapshot, useServices } from '../data/hooks';

/** What every lead screen reads: the services, the configuration and its zone, the log, the bridge, and its period. */
export function useLeadScreen() {
  const { repo, clock } = useServices();
  const config = useAgencyConfig();
  const snapshot = useLogSnapshot();
  const bridge = useBridge();
  const zone = config.timeZone;
  const period = usePeriod(clock, zone);
  return { repo, clock, config, snapshot, bridge, zone, period };
}

/**
 * The period a lead screen reports on: a preset, or custom days as typed (read before use). `days` is what the
 * screen shows as its period (a custom end that is not a day yet shows as ''); `dayRange` and its instants
 * `range` are null while the custom days are not a period, and `rangeError` says why.
 */
export function usePeriod(clock: Clock, zone: TimeZone) {
  const [preset, setPreset] = useState<PeriodPreset>('this_month');
  /** What the two date fields hold. */
  const [custom, setCustom] = useState<{ from: string; to: string }>(() => periodDays('this_month', clock.now(), zone));
  const read = preset === 'custom' ? readRange(custom) : { range: periodDays(preset, clock.now(), zone), problem: null };
  const rangeError = read.problem;
  const days = read.range ?? { from: dayOrBlank(custom.from), to: dayOrBlank(custom.to) };
  const { from, to } = days;
  // Kept while the days stay the same, so the screens' counts run again only when the period changes.
  const dayRange = useMemo((): DayRange | null => (rangeError || !from || !to ? null : { from, to }), [rangeError, from, to]);
  const range = useMemo(() => (dayRange ? rangeInstants(dayRange, zone) : null), [dayRange, zone]);
  return { preset, setPreset, custom, setCustom, days, rangeError, dayRange, range };
}

const dayOrBlank = (text: string): IsoDay | '' => (isIsoDay(text) ? text : '');

export type Period = ReturnType<typeof usePeriod>;

/**
 * The period fields of a lead screen's controls: the preset and, for custom dates, the two days.
 * The screen shows the range error itself, with the id `${idPrefix}-range-error` the fields point at.
 */
export function PeriodPicker({ idPrefix, label, period }: { idPrefix: string; label: string; period: Period }) {
  const { preset, setPreset, custom, setCustom, rangeError } = period;
  const errorProps = {
    'aria-invalid': rangeError ? true : undefined,
    'aria-describedby': rangeError ? `${idPrefix}-range-error` : undefined,
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-period`}>{label}</label>
        <select id={`${idPrefix}-period`} value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
          <Options options={PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
        </select>
      </div>
      {preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-from`}>From</label>
            <input
              id={`${idPrefix}-from`}
              type="date"
              value={custom.from}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              {...errorProps}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-to`}>To (included)</label>
            <input
              id={`${idPrefix}-to`}
              type="date"
              value={custom.to}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              {...errorProps}
            />
          </div>
        </>
      )}
    </>
  );
}

/** A lead screen: its heading (focused when the screen opens) over what the figures are for, then the screen. */
export function LeadPage({
  className,
  titleId,
  title,
  meta,
  plainMeta,
  children,
}: {
  className: string;
  titleId: string;
  title: string;
  meta: ReactNode;
  plainMeta?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`lead-page ${className}`} aria-labelledby={titleId}>
      <header>
        <h1 id={titleId} tabIndex={-1} ref={focusOnMount}>
          {title}
        </h1>
        <p className={plainMeta ? undefined : 'report-meta'}>{meta}</p>
      </header>
      {children}
    </section>
  );
}

/**
 * The controls at the top of a lead screen: the period, the screen's own filters (children), Print and
 * Save as PDF; under them, what is wrong with a custom period.
 */
export function ReportControls({
  label,
  idPrefix,
  periodLabel,
  period,
  onSavePdf,
  pdfPrimary,
  children,
}: {
  label: string;
  idPrefix: string;
  periodLabel: string;
  period: Period;
  onSavePdf: () => void;
  pdfPrimary?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <form className="panel report-controls" aria-label={label} onSubmit={(e) => e.preventDefault()}>
        <PeriodPicker idPrefix={idPrefix} label={periodLabel} period={period} />
        {children}
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className={pdfPrimary ? 'primary' : 'secondary'} onClick={onSavePdf}>
            Save as PDF
          </button>
        </div>
      </form>
      {period.rangeError && (
        <p id={`${idPrefix}-range-error`} className="notice notice-error" role="alert">
          {period.rangeError}
        </p>
      )}
    </>
  );
}
