import { useState } from 'react';
import { OUTREACH_METHODS, PARTIES } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { Field, Options, RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

export const PARTY_OPTIONS = PARTIES.map((p) => ({ value: p, label: p === 'member' ? 'Member' : 'Originator' }));
const METHOD_LABELS: Record<(typeof OUTREACH_METHODS)[number], string> = {
  call: 'Phone call',
  voicemail: 'Voicemail',
  letter: 'Letter',
  email: 'E-mail',
};

/** A contact or an unanswered outreach attempt: a reached contact is what the first-contact timer waits for. */
export function ContactForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [party, setParty] = useState<(typeof PARTIES)[number]>('member');
  const [method, setMethod] = useState<(typeof OUTREACH_METHODS)[number]>('call');
  const [reached, setReached] = useState(false);
  const [note, setNote] = useState('');
  const when = useWhen(inquiry);
  return (
    <StepForm
      title="Record a contact or an outreach attempt"
      submitLabel="Record contact"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.recordOutreach(inquiry.id, { party, method, reached, note, ...happened })}
    >
      <RadioGroup id="contact-party" legend="With" options={PARTY_OPTIONS} value={party} onChange={setParty} />
      <Field id="contact-method" label="How">
        {(props) => (
          <select {...props} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <Options options={OUTREACH_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} />
          </select>
        )}
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={reached} onChange={(e) => setReached(e.target.checked)} /> Reached the person (this is the first
          contact the timer waits for)
        </label>
      </div>
      <NoteField id="contact-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
