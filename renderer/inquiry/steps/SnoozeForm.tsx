import { useMemo, useState } from 'react';
import { DomainError } from '../../../shared/errors';
import { MAX_SNOOZE_BUSINESS_DAYS, snoozeTimeText } from '../../../shared/inquiry/commands/snoozeWarnings';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { addBusinessMinutes, type BusinessCalendar, businessDayOf, endOfBusinessDay, officeHoursOn } from '../../../shared/time/calendar';
import { addMs, type Instant, type IsoDay, type TimeZone } from '../../../shared/time/types';
import { isoDayFromUtcDate, parseIsoDay } from '../../../shared/time/zone';
import { Field, RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { type DayTimeErrors, DayTimeFields, readDayTime, typedDayOf } from './fields';

type SnoozePreset = 'hour' | 'day' | 'next' | 'custom';

const nextIsoDay = (day: IsoDay): IsoDay => {
  const p = parseIsoDay(day) as { year: number; month: number; day: number };
  return isoDayFromUtcDate(new Date(Date.UTC(p.year, p.month - 1, p.day + 1)));
};

/** The opening of the first business day after the one containing `now` (the calendar's office windows). */
export function nextOpening(cal: BusinessCalendar, now: Instant): Instant {
  let day = businessDayOf(cal, now);
  for (let i = 0; i < 400; i++) {
    day = nextIsoDay(day);
    const hours = officeHoursOn(cal, day);
    if (hours) return hours.open;
  }
  return addBusinessMinutes(cal, now, cal.businessDayMinutes);
}

/** Snooze with presets (an hour, the rest of the office day, until the next business day opens) or a chosen time. */
export function SnoozeForm({
  inquiry,
  cal,
  zone,
  onDone,
}: {
  inquiry: InquiryRecord;
  cal: BusinessCalendar;
  zone: TimeZone;
  onDone: () => void;
}) {
  const { repo, clock } = useServices();
  const now = clock.now();
  const [preset, setPreset] = useState<SnoozePreset>('hour');
  const [day, setDay] = useState(() => typedDayOf(now, zone));
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<DayTimeErrors>({});
  const presets = useMemo(() => {
    const hour = addMs(now, 3_600_000);
    const endOfDay = endOfBusinessDay(cal, now);
    const next = nextOpening(cal, now);
    return { hour, day: endOfDay, next };
  }, [cal, now]);
  const options: { value: SnoozePreset; label: string }[] = [
    { value: 'hour', label: `1 hour (until ${snoozeTimeText(presets.hour, zone)})` },
    { value: 'day', label: `The rest of the office day (until ${snoozeTimeText(presets.day, zone)})` },
    { value: 'next', label: `Until the next business day opens (${snoozeTimeText(presets.next, zone)})` },
    { value: 'custom', label: 'Until a day and time I choose' },
  ];

  async function submit() {
    let until: Instant;
    if (preset === 'custom') {
      const { at, errors: next } = readDayTime(day, time, zone);
      setErrors(next);
      if (at === null) throw new DomainError('validation', 'Fix the day and time the warnings come back.');
      until = at;
    } else {
      setErrors({});
      until = presets[preset];
    }
    await repo.snoozeWarnings(inquiry.id, { until, reason });
  }

  return (
    <StepForm title="Snooze warnings" submitLabel="Snooze warnings" onDone={onDone} onSubmit={submit}>
      <p className="hint">
        No warning or "due now" notification for this inquiry until then; overdue still notifies and the queues do not change. At most{' '}
        {MAX_SNOOZE_BUSINESS_DAYS} business days.
      </p>
      <RadioGroup id="snooze-preset" legend="Snooze for" options={options} value={preset} onChange={setPreset} />
      {preset === 'custom' && (
        <DayTimeFields idPrefix="snooze" day={day} time={time} onDay={setDay} onTime={setTime} errors={errors} autoComplete="off" />
      )}
      <Field id="snooze-reason" label="Why (optional)" hint="Shown in the timeline, for example: waiting for the member's callback.">
        {(props) => <input {...props} value={reason} maxLength={400} onChange={(e) => setReason(e.target.value)} autoComplete="off" />}
      </Field>
    </StepForm>
  );
}
