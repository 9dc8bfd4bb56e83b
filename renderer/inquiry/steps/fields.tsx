import type { ReactNode } from 'react';
import { parseTypedDay, parseTypedTime } from '../../../shared/time/typedInput';
import type { Instant, TimeZone } from '../../../shared/time/types';
import { isoDayOf, parseIsoDay, zonedToInstant } from '../../../shared/time/zone';
import { Field } from '../../components/Field';

/** A note of a step: a few lines of free text. */
/** What a step's note may hold (shared/inquiry/events.ts: text(4000)). */
export const NOTE_LIMIT = 4000;

export function NoteField({
  id,
  label,
  hint,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} required={required} count={{ length: value.length, limit: NOTE_LIMIT }}>
      {(props) => <textarea {...props} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A button that opens a step's form; it says whether that form is the one open. */
export function StepButton<S>({
  id,
  current,
  step,
  onPick,
  children,
}: {
  id?: string;
  current: S | null;
  step: S;
  onPick: (s: S) => void;
  children: ReactNode;
}) {
  return (
    <button id={id} type="button" className="secondary" aria-expanded={current === step} onClick={() => onPick(step)}>
      {children}
    </button>
  );
}

/** A day as the person types it (mm/dd/yyyy), for pre-filling a day field with today in the agency's zone. */
export function typedDayOf(at: Instant, zone: TimeZone): string {
  const d = isoDayOf(at, zone);
  return `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
}

export interface DayTimeErrors {
  day?: string | undefined;
  time?: string | undefined;
}

/** The typed day and time as an instant in the agency's zone, or what to fix in each field. */
export function readDayTime(day: string, time: string, zone: TimeZone): { at: Instant | null; errors: DayTimeErrors } {
  const iso = parseTypedDay(day);
  const t = parseTypedTime(time);
  const errors = {
    day: iso ? undefined : 'Type the day as mm/dd/yyyy, for example 11/24/2026.',
    time: t ? undefined : 'Type the time as 14:30 or 2:30 pm.',
  };
  if (!iso || !t) return { at: null, errors };
  const parts = parseIsoDay(iso) as { year: number; month: number; day: number };
  return { at: zonedToInstant({ ...parts, hour: t.hour, minute: t.minute }, zone), errors };
}

/** The day and time fields of a step that happens at a chosen moment (a callback, a snooze's end). */
export function DayTimeFields({
  idPrefix,
  day,
  time,
  onDay,
  onTime,
  errors,
  autoComplete,
}: {
  idPrefix: string;
  day: string;
  time: string;
  onDay: (v: string) => void;
  onTime: (v: string) => void;
  errors: DayTimeErrors;
  autoComplete?: 'off';
}) {
  return (
    <div className="field-row">
      <Field id={`${idPrefix}-day`} label="Day" required hint="mm/dd/yyyy" error={errors.day}>
        {(props) => <input {...props} value={day} onChange={(e) => onDay(e.target.value)} autoComplete={autoComplete} />}
      </Field>
      <Field id={`${idPrefix}-time`} label="Time" required hint="14:30 or 2:30 pm, agency time" error={errors.time}>
        {(props) => <input {...props} value={time} onChange={(e) => onTime(e.target.value)} autoComplete={autoComplete} />}
      </Field>
    </div>
  );
}
