import { useState } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { DomainError } from '../../../shared/errors';
import type { PARTIES } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import type { PersonRef, Profile } from '../../../shared/people';
import { Field, Options, RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { usePeople, useServices } from '../../data/hooks';
import { PARTY_OPTIONS } from './ContactForm';
import { type DayTimeErrors, DayTimeFields, NoteField, readDayTime, typedDayOf } from './fields';

export function CallbackForm({
  inquiry,
  config,
  profile,
  onDone,
}: {
  inquiry: InquiryRecord;
  config: AgencyConfig;
  profile: Profile;
  onDone: () => void;
}) {
  const { repo, clock } = useServices();
  const people = usePeople();
  const zone = config.timeZone;
  const [party, setParty] = useState<(typeof PARTIES)[number]>('member');
  const [number, setNumber] = useState(inquiry.callbackPhone || inquiry.memberPhone);
  const [day, setDay] = useState(() => typedDayOf(clock.now(), zone));
  const [time, setTime] = useState('');
  const [callerId, setCallerId] = useState(profile.id);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DayTimeErrors>({});
  const callers: PersonRef[] = people.some((p) => p.id === profile.id)
    ? people
    : [{ id: profile.id, name: profile.displayName }, ...people];

  async function submit() {
    const { at, errors: next } = readDayTime(day, time, zone);
    setErrors(next);
    if (at === null) throw new DomainError('validation', 'Fix the callback day and time.');
    const caller = callers.find((p) => p.id === callerId) ?? { id: profile.id, name: profile.displayName };
    await repo.scheduleCallback(inquiry.id, { party, number, at, caller, note });
  }

  return (
    <StepForm title="Schedule a callback" submitLabel="Schedule callback" onDone={onDone} onSubmit={submit}>
      <RadioGroup id="callback-party" legend="Call" options={PARTY_OPTIONS} value={party} onChange={setParty} />
      <Field id="callback-number" label="Number" required>
        {(props) => <input {...props} value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />}
      </Field>
      {inquiry.callbackAvailability && (
        <p className="hint">
          The member said they are available: <strong>{inquiry.callbackAvailability}</strong>
        </p>
      )}
      <DayTimeFields idPrefix="callback" day={day} time={time} onDay={setDay} onTime={setTime} errors={errors} />
      <Field id="callback-caller" label="Who calls">
        {(props) => (
          <select {...props} value={callerId} onChange={(e) => setCallerId(e.target.value)}>
            <Options options={callers.map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        )}
      </Field>
      <NoteField id="callback-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
