import { useEffect, useMemo, useState } from 'react';
import type { AgencyConfig, PolicyDuration, PriorityLevel } from '../../shared/config/agencyConfig';
import { type ClosedDaysPreview, closedDaysPreview } from '../../shared/config/closedDays';
import { uniqueSlug } from '../../shared/config/slug';
import type { ConfigPath } from '../../shared/config/validateConfig';
import { calendarConfigSchema, type OfficeHours } from '../../shared/time/calendar';
import { HOLIDAY_TYPES, type HolidayType, isKnownHolidayRegion } from '../../shared/time/holidays';
import { formatTypedDay, parseTypedDay, parseTypedTime } from '../../shared/time/typedInput';
import type { IsoDay, TimeZone } from '../../shared/time/types';
import { isoDayOf, isValidTimeZone, pad2 } from '../../shared/time/zone';
import { formatDay } from '../app/format';
import { Field } from '../components/Field';
import { useLogSnapshot, useServices } from '../data/hooks';
import { type BuildResult, type DraftIssue, fieldId, SettingsPage, useConfigEditor } from './configEditor';
import type { SettingsScreenProps } from './settingsScreen';

type Unit = PolicyDuration['unit'];
const UNITS: { value: Unit; label: string }[] = [
  { value: 'businessHours', label: 'business hours' },
  { value: 'businessDays', label: 'business days' },
  { value: 'clockHours', label: 'clock hours' },
];
const PATHS: { value: PriorityLevel['path']; label: string }[] = [
  { value: 'high', label: 'High: the liaison works it' },
  { value: 'escalated', label: 'Escalated: an ESR works it' },
];
const HOLIDAY_TYPE_LABELS: Record<HolidayType, string> = {
  public: 'Public holidays',
  bank: 'Bank holidays',
  school: 'School holidays',
  optional: 'Optional holidays (e.g. Christmas Eve)',
  observance: 'Observances (e.g. Day after Thanksgiving)',
};
/** Shown Monday first, as a week is read at the desk; stored Sunday first (index 0). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The zones of US state agencies (a stored zone not listed here is offered too). */
const US_ZONES: { zone: string; name: string }[] = [
  { zone: 'America/New_York', name: 'Eastern (America/New York)' },
  { zone: 'America/Detroit', name: 'Eastern, Michigan (America/Detroit)' },
  { zone: 'America/Indiana/Indianapolis', name: 'Eastern, Indiana (America/Indiana/Indianapolis)' },
  { zone: 'America/Kentucky/Louisville', name: 'Eastern, Kentucky (America/Kentucky/Louisville)' },
  { zone: 'America/Chicago', name: 'Central (America/Chicago)' },
  { zone: 'America/Indiana/Knox', name: 'Central, Indiana (America/Indiana/Knox)' },
  { zone: 'America/North_Dakota/Center', name: 'Central, North Dakota (America/North Dakota/Center)' },
  { zone: 'America/Denver', name: 'Mountain (America/Denver)' },
  { zone: 'America/Boise', name: 'Mountain, Idaho (America/Boise)' },
  { zone: 'America/Phoenix', name: 'Mountain, no daylight saving time (America/Phoenix)' },
  { zone: 'America/Los_Angeles', name: 'Pacific (America/Los Angeles)' },
  { zone: 'America/Anchorage', name: 'Alaska (America/Anchorage)' },
  { zone: 'Pacific/Honolulu', name: 'Hawaii (Pacific/Honolulu)' },
  { zone: 'America/Puerto_Rico', name: 'Atlantic (America/Puerto Rico)' },
  { zone: 'Pacific/Guam', name: 'Chamorro (Pacific/Guam)' },
];
const PREVIEW_DAYS = 365;
const POLICY_NOTE = 'The new targets and calendar apply to inquiries logged from now on; earlier inquiries keep what they were given.';
const PREVIEW_DELAY_MS = 250;

interface LevelDraft {
  key: string;
  /** null for a level added here: its id is made from its name on save. */
  id: string | null;
  label: string;
  path: PriorityLevel['path'];
  targetAmount: string;
  targetUnit: Unit;
  deadlineAmount: string;
  deadlineUnit: Unit;
}
interface DayDraft {
  open: boolean;
  from: string;
  to: string;
}
interface ClosureDraft {
  key: string;
  day: string;
  name: string;
}
interface PolicyDraft {
  timeZone: string;
  levels: LevelDraft[];
  outreachMaxAttempts: string;
  /** "50, 75, 90" as typed. */
  warningThresholds: string;
  week: DayDraft[];
  holidayRegion: string;
  holidayTypes: HolidayType[];
  holidayNamesIncluded: string[];
  holidayNamesExcluded: string[];
  holidaysRemoved: string[];
  closures: ClosureDraft[];
}

const amountText = (n: number) => String(n);
let keySeq = 0;
const newKey = (prefix: string) => `${prefix}${++keySeq}`;

function toDraft(c: AgencyConfig): PolicyDraft {
  return {
    timeZone: c.timeZone,
    levels: c.priorityLevels.map((p) => ({
      key: `level-${p.id}`,
      id: p.id,
      label: p.label,
      path: p.path,
      targetAmount: amountText(p.firstContactTarget.amount),
      targetUnit: p.firstContactTarget.unit,
      deadlineAmount: amountText(p.firstContactDeadline.amount),
      deadlineUnit: p.firstContactDeadline.unit,
    })),
    outreachMaxAttempts: String(c.outreachMaxAttempts),
    warningThresholds: c.warningThresholds.join(', '),
    week: c.calendar.officeHours.map((h) => (h ? { open: true, from: h.open, to: h.close } : { open: false, from: '08:00', to: '16:30' })),
    holidayRegion: c.calendar.holidayRegion,
    holidayTypes: [...c.calendar.holidayTypes],
    holidayNamesIncluded: [...c.calendar.holidayNamesIncluded],
    holidayNamesExcluded: [...c.calendar.holidayNamesExcluded],
    holidaysRemoved: [...c.calendar.holidaysRemoved],
    closures: c.calendar.closures.map((x, i) => ({ key: `closure-${i}`, day: formatTypedDay(x.day), name: x.name })),
  };
}

/** "8:00", "8 am", "4:30 pm", "16:30" → "08:00"; "24:00" is allowed as a closing time. */
function clockTime(text: string): string | null {
  if (text.trim() === '24:00') return '24:00';
  const t = parseTypedTime(text);
  return t ? `${pad2(t.hour)}:${pad2(t.minute)}` : null;
}

function parseAmount(text: string): number | null {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** "50, 75, 90" or "50 % 75 % 90 %" → [50, 75, 90] as typed (order and range are the configuration's checks); null when a part is not a whole number. */
function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.replace(/%$/, ''))
    .filter((p) => p !== '' && p !== '%');
  return parts.every((p) => /^\d{1,3}$/.test(p)) ? parts.map(Number) : null;
}

/** Problems with one threshold are shown beside the one field that holds them all. */
const anchorOf = (path: ConfigPath): ConfigPath => (path[0] === 'warningThresholds' ? ['warningThresholds'] : path);

function build(d: PolicyDraft, config: AgencyConfig): BuildResult {
  const issues: DraftIssue[] = [];
  const taken = new Set(d.levels.map((l) => l.id).filter((id): id is string => id !== null));
  const priorityLevels: PriorityLevel[] = d.levels.map((l, i) => {
    const target = parseAmount(l.targetAmount);
    const deadline = parseAmount(l.deadlineAmount);
    if (target === null)
      issues.push({
        path: ['priorityLevels', i, 'firstContactTarget', 'amount'],
        message: 'Enter the target as a number, for example 2 or 1.5.',
      });
    if (deadline === null)
      issues.push({
        path: ['priorityLevels', i, 'firstContactDeadline', 'amount'],
        message: 'Enter the deadline as a number, for example 4 or 0.5.',
      });
    let id = l.id;
    if (id === null) {
      id = uniqueSlug(l.label, taken, { max: 32, fallback: 'level' });
      taken.add(id);
    }
    return {
      id,
      label: l.label.trim(),
      path: l.path,
      firstContactTarget: { amount: target ?? 0, unit: l.targetUnit },
      firstContactDeadline: { amount: deadline ?? 0, unit: l.deadlineUnit },
    };
  });
  const attempts = /^\s*\d+\s*$/.test(d.outreachMaxAttempts) ? Number(d.outreachMaxAttempts) : Number.NaN;
  if (Number.isNaN(attempts)) issues.push({ path: ['outreachMaxAttempts'], message: 'Enter a whole number of attempts from 1 to 10.' });
  const thresholds = parseThresholds(d.warningThresholds);
  if (thresholds === null)
    issues.push({
      path: ['warningThresholds'],
      message: 'Enter whole percentages separated by commas, for example 50, 75, 90 (or leave it empty for no warnings).',
    });
  const officeHours = d.week.map((day, w): OfficeHours | null => {
    if (!day.open) return null;
    const open = clockTime(day.from);
    const close = clockTime(day.to);
    if (open === null)
      issues.push({ path: ['calendar', 'officeHours', w, 'open'], message: 'Enter the opening time, for example 08:00 or 8:00 am.' });
    if (close === null)
      issues.push({ path: ['calendar', 'officeHours', w, 'close'], message: 'Enter the closing time, for example 16:30 or 4:30 pm.' });
    return { open: open ?? day.from, close: close ?? day.to };
  });
  const closures = d.closures.map((c, i) => {
    const day = parseTypedDay(c.day);
    if (day === null)
      issues.push({ path: ['calendar', 'closures', i, 'day'], message: 'Enter a real day as mm/dd/yyyy, for example 12/24/2026.' });
    return { day: (day ?? c.day) as IsoDay, name: c.name.trim() };
  });
  const region = d.holidayRegion.trim();
  const next: AgencyConfig = {
    ...config,
    timeZone: d.timeZone as TimeZone,
    priorityLevels,
    outreachMaxAttempts: attempts,
    warningThresholds: thresholds ?? [],
    calendar: {
      ...config.calendar,
      officeHours: officeHours as AgencyConfig['calendar']['officeHours'],
      holidayRegion: /^[a-z]{2}(-[a-z0-9]{1,4})?$/i.test(region) ? region.toUpperCase() : region,
      holidayTypes: HOLIDAY_TYPES.filter((t) => d.holidayTypes.includes(t)),
      holidayNamesIncluded: d.holidayNamesIncluded,
      holidayNamesExcluded: d.holidayNamesExcluded,
      holidaysRemoved: d.holidaysRemoved as IsoDay[],
      closures,
    },
  };
  return { next, issues };
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);

/** Settings → Policy and calendar: priority levels and targets, outreach attempts, office hours, holidays, closures. */
export function PolicySettings({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build, { savedNote: POLICY_NOTE, anchor: anchorOf });
  const { draft, setDraft, errorOf } = editor;
  const snapshot = useLogSnapshot();
  const openByLevel = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of snapshot.rows) if (row.status === 'open') counts.set(row.priority, (counts.get(row.priority) ?? 0) + 1);
    return counts;
  }, [snapshot.rows]);

  const setLevel = (i: number, patch: Partial<LevelDraft>) =>
    setDraft((d) => ({ ...d, levels: d.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const setDay = (w: number, patch: Partial<DayDraft>) =>
    setDraft((d) => ({ ...d, week: d.week.map((x, j) => (j === w ? { ...x, ...patch } : x)) }));
  const setClosure = (i: number, patch: Partial<ClosureDraft>) =>
    setDraft((d) => ({ ...d, closures: d.closures.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const err = (...path: ConfigPath) => errorOf(path);

  const addLevel = () => {
    const i = draft.levels.length;
    setDraft((d) => ({
      ...d,
      levels: [
        ...d.levels,
        {
          key: newKey('new-level-'),
          id: null,
          label: '',
          path: 'high',
          targetAmount: '',
          targetUnit: 'clockHours',
          deadlineAmount: '',
          deadlineUnit: 'clockHours',
        },
      ],
    }));
    focusLater(fieldId(['priorityLevels', i, 'label']));
  };
  const removeLevel = (i: number) => {
    setDraft((d) => ({ ...d, levels: d.levels.filter((_, j) => j !== i) }));
    focusLater('policy-add-level');
  };
  const addClosure = () => {
    const i = draft.closures.length;
    setDraft((d) => ({ ...d, closures: [...d.closures, { key: newKey('new-closure-'), day: '', name: '' }] }));
    focusLater(fieldId(['calendar', 'closures', i, 'day']));
  };
  const removeClosure = (i: number) => {
    setDraft((d) => ({ ...d, closures: d.closures.filter((_, j) => j !== i) }));
    focusLater('policy-add-closure');
  };

  return (
    <SettingsPage
      {...editor.page}
      titleId="policy-title"
      title="Policy and calendar"
      intro={
        <p className="muted">
          Targets and the calendar decide when first contact is due. A change applies to inquiries logged after you save it; an inquiry
          keeps the targets it was given.
        </p>
      }
    >
      <fieldset className="section">
        <legend>Priority levels</legend>
        <p className="hint">
          Business hours and days count office time only; clock hours count every hour, nights and weekends included. The process says who
          works the inquiry: on the High process the liaison, with the MCO follow-up due at end of day; on the Escalated process an ESR,
          with the follow-up due 1 business day after the referral.
        </p>
        {draft.levels.map((level, i) => {
          const inUse = level.id === null ? 0 : (openByLevel.get(level.id) ?? 0);
          const lastOne = draft.levels.length === 1;
          const blockedId = `policy-level-${level.key}-blocked`;
          return (
            <fieldset key={level.key} className="settings-card level-card">
              <legend>{level.label.trim() || `New level ${i + 1}`}</legend>
              <div className="level-grid">
                <Field id={fieldId(['priorityLevels', i, 'label'])} label="Name" required error={err('priorityLevels', i, 'label')}>
                  {(p) => <input {...p} value={level.label} onChange={(e) => setLevel(i, { label: e.target.value })} autoComplete="off" />}
                </Field>
                <Field
                  id={fieldId(['priorityLevels', i, 'path'])}
                  label="Process"
                  error={err('priorityLevels', i, 'path')}
                  className="wide"
                >
                  {(p) => (
                    <select {...p} value={level.path} onChange={(e) => setLevel(i, { path: e.target.value as PriorityLevel['path'] })}>
                      {PATHS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={fieldId(['priorityLevels', i, 'firstContactTarget', 'amount'])}
                  label="First-contact target"
                  required
                  error={err('priorityLevels', i, 'firstContactTarget', 'amount')}
                >
                  {(p) => (
                    <input
                      {...p}
                      value={level.targetAmount}
                      onChange={(e) => setLevel(i, { targetAmount: e.target.value })}
                      inputMode="decimal"
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field id={fieldId(['priorityLevels', i, 'firstContactTarget', 'unit'])} label="Target counted in">
                  {(p) => (
                    <select {...p} value={level.targetUnit} onChange={(e) => setLevel(i, { targetUnit: e.target.value as Unit })}>
                      {UNITS.map((u) => (
                        <option key={u.value} value={u.value}>
                          {u.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={fieldId(['priorityLevels', i, 'firstContactDeadline', 'amount'])}
                  label="First-contact deadline"
                  required
                  error={err('priorityLevels', i, 'firstContactDeadline', 'amount')}
                >
                  {(p) => (
                    <input
                      {...p}
                      value={level.deadlineAmount}
                      onChange={(e) => setLevel(i, { deadlineAmount: e.target.value })}
                      inputMode="decimal"
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field id={fieldId(['priorityLevels', i, 'firstContactDeadline', 'unit'])} label="Deadline counted in">
                  {(p) => (
                    <select {...p} value={level.deadlineUnit} onChange={(e) => setLevel(i, { deadlineUnit: e.target.value as Unit })}>
                      {UNITS.map((u) => (
                        <option key={u.value} value={u.value}>
                          {u.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <div className="card-actions">
                {inUse > 0 || lastOne ? (
                  <>
                    <button type="button" className="secondary" aria-disabled="true" aria-describedby={blockedId} onClick={() => undefined}>
                      Remove {level.label.trim() || 'level'}
                    </button>
                    <p id={blockedId} className="hint">
                      {lastOne
                        ? 'The only level cannot be removed.'
                        : `${inUse.toLocaleString('en-US')} open ${inUse === 1 ? 'inquiry has' : 'inquiries have'} this level, so it cannot be removed. Resolve them or change their priority first.`}
                    </p>
                  </>
                ) : (
                  <button type="button" className="secondary" onClick={() => removeLevel(i)}>
                    Remove {level.label.trim() || 'level'}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <div>
          <button type="button" id="policy-add-level" className="secondary" onClick={addLevel}>
            Add a priority level
          </button>
        </div>
        <Field
          id={fieldId(['outreachMaxAttempts'])}
          label="Outreach attempts before “unable to reach” is offered"
          hint="Unanswered calls, voicemails, letters or e-mails to the member (seed 003 uses 2)."
          error={err('outreachMaxAttempts')}
          className="narrow"
        >
          {(p) => (
            <input
              {...p}
              value={draft.outreachMaxAttempts}
              onChange={(e) => setDraft((d) => ({ ...d, outreachMaxAttempts: e.target.value }))}
              inputMode="numeric"
              autoComplete="off"
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="section">
        <legend>Warnings</legend>
        <p className="hint">
          Besides due and overdue, the desk warns when a step has used these shares of its business time (from its start to its target, or
          to its deadline when it has no target). Desktop notifications come only in office hours; what happened while the office was closed
          is summed up in one notification when it opens.
        </p>
        <Field
          id={fieldId(['warningThresholds'])}
          label="Warn at these percentages of the business time"
          hint="Whole numbers from 1 to 99, smallest first, at most 5, separated by commas; for example 50, 75, 90. Leave empty for no warnings."
          error={err('warningThresholds')}
          className="narrow"
        >
          {(p) => (
            <input
              {...p}
              value={draft.warningThresholds}
              onChange={(e) => setDraft((d) => ({ ...d, warningThresholds: e.target.value }))}
              inputMode="numeric"
              autoComplete="off"
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="section">
        <legend>Office hours</legend>
        <TimeZoneField value={draft.timeZone} error={err('timeZone')} onChange={(timeZone) => setDraft((d) => ({ ...d, timeZone }))} />
        {err('calendar', 'officeHours') && (
          <p id={fieldId(['calendar', 'officeHours'])} className="field-error" tabIndex={-1}>
            {err('calendar', 'officeHours')}
          </p>
        )}
        <table className="settings-table week-table">
          <caption className="visually-hidden">Office hours by weekday</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Open</th>
              <th scope="col">Opens at</th>
              <th scope="col">Closes at</th>
            </tr>
          </thead>
          <tbody>
            {WEEK_ORDER.map((w) => {
              const day = draft.week[w] as DayDraft;
              const openErr = err('calendar', 'officeHours', w, 'open');
              const closeErr = err('calendar', 'officeHours', w, 'close');
              return (
                <tr key={w}>
                  <th scope="row">{WEEKDAYS[w]}</th>
                  <td>
                    <label className="choice">
                      <input
                        type="checkbox"
                        id={`policy-day-${w}-open`}
                        checked={day.open}
                        onChange={(e) => setDay(w, { open: e.target.checked })}
                      />
                      Open on {WEEKDAYS[w]}
                    </label>
                  </td>
                  <td>
                    <TimeInput
                      id={fieldId(['calendar', 'officeHours', w, 'open'])}
                      label={`${WEEKDAYS[w]} opens at`}
                      value={day.from}
                      disabled={!day.open}
                      error={openErr}
                      onChange={(from) => setDay(w, { from })}
                    />
                  </td>
                  <td>
                    <TimeInput
                      id={fieldId(['calendar', 'officeHours', w, 'close'])}
                      label={`${WEEKDAYS[w]} closes at`}
                      value={day.to}
                      disabled={!day.open}
                      error={closeErr}
                      onChange={(to) => setDay(w, { to })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="section">
        <legend>Holidays</legend>
        <Field
          id={fieldId(['calendar', 'holidayRegion'])}
          label="Holiday region"
          hint="Country and state code from the holiday library, for example US-IA"
          error={err('calendar', 'holidayRegion')}
          className="narrow"
        >
          {(p) => (
            <input
              {...p}
              value={draft.holidayRegion}
              onChange={(e) => setDraft((d) => ({ ...d, holidayRegion: e.target.value }))}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend>Holidays that close the office</legend>
          <div className="choices">
            {HOLIDAY_TYPES.map((t) => (
              <label key={t} className="choice">
                <input
                  type="checkbox"
                  id={`policy-holiday-type-${t}`}
                  checked={draft.holidayTypes.includes(t)}
                  onChange={(e) => setDraft((d) => ({ ...d, holidayTypes: toggle(d.holidayTypes, t, e.target.checked) }))}
                />
                {HOLIDAY_TYPE_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <ClosedDaysPreviewPanel draft={draft} config={config} setDraft={setDraft} />
      </fieldset>

      <fieldset className="section">
        <legend>Closures</legend>
        <p className="hint">Days the agency closes besides holidays: weather, staff training, a declared day off.</p>
        {draft.closures.length === 0 && <p className="muted">No closures added.</p>}
        {draft.closures.map((c, i) => (
          <div key={c.key} className="closure-row">
            <Field
              id={fieldId(['calendar', 'closures', i, 'day'])}
              label="Day"
              hint="mm/dd/yyyy"
              required
              error={err('calendar', 'closures', i, 'day')}
            >
              {(p) => (
                <input
                  {...p}
                  value={c.day}
                  onChange={(e) => setClosure(i, { day: e.target.value })}
                  inputMode="numeric"
                  autoComplete="off"
                />
              )}
            </Field>
            <Field
              id={fieldId(['calendar', 'closures', i, 'name'])}
              label="Name"
              required
              error={err('calendar', 'closures', i, 'name')}
              className="wide"
            >
              {(p) => <input {...p} value={c.name} onChange={(e) => setClosure(i, { name: e.target.value })} autoComplete="off" />}
            </Field>
            <button type="button" className="secondary" onClick={() => removeClosure(i)}>
              Remove closure {c.name.trim() || c.day.trim() || i + 1}
            </button>
          </div>
        ))}
        <div>
          <button type="button" id="policy-add-closure" className="secondary" onClick={addClosure}>
            Add a closure
          </button>
        </div>
      </fieldset>
    </SettingsPage>
  );
}

function TimeInput({
  id,
  label,
  value,
  disabled,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        value={disabled ? '' : value}
        placeholder={disabled ? 'closed' : undefined}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        className="time-input"
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function TimeZoneField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (v: string) => void }) {
  const zones = US_ZONES.some((z) => z.zone === value) ? US_ZONES : [{ zone: value, name: value.replace(/_/g, ' ') }, ...US_ZONES];
  return (
    <Field
      id={fieldId(['timeZone'])}
      label="Agency time zone"
      hint="Office hours, deadlines and the times shown are in this zone."
      error={error}
      className="narrow"
    >
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {zones.map((z) => (
            <option key={z.zone} value={z.zone}>
              {z.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The next 12 months' closed days for the settings as they stand in the form, with per-day and per-holiday choices. */
function ClosedDaysPreviewPanel({
  draft,
  config,
  setDraft,
}: {
  draft: PolicyDraft;
  config: AgencyConfig;
  setDraft: (update: (d: PolicyDraft) => PolicyDraft) => void;
}) {
  const { clock } = useServices();
  const zone = (isValidTimeZone(draft.timeZone) ? draft.timeZone : config.timeZone) as TimeZone;
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
  const openDay = (day: string) => setDraft((d) => ({ ...d, holidaysRemoved: toggle(d.holidaysRemoved, day, true) }));
  const closeDay = (day: string) => setDraft((d) => ({ ...d, holidaysRemoved: toggle(d.holidaysRemoved, day, false) }));
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
      <h3 id="policy-preview-title">Closed days in the next 12 months</h3>
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
            <table className="settings-table preview-table">
              <caption className="visually-hidden">Closed days in the next 12 months</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Closed for</th>
                  <th scope="col">Kind</th>
                  <th scope="col">
                    <span className="visually-hidden">Choices</span>
                  </th>
                </tr>
              </thead>
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
          )}
          {result.openedByException.length > 0 && (
            <>
              <h4>Open despite a holiday</h4>
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
