import { useState } from 'react';
import { DomainError } from '../../../shared/errors';
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

const REACHED_OPTIONS = [
  { value: 'yes' as const, label: 'Yes, we spoke (the first contact the timer waits for)' },
  { value: 'no' as const, label: 'No, an attempt (no answer, voicemail, letter)' },
];

/** A contact or an unanswered outreach attempt: a reached contact is what the first-contact timer waits for. */
export function ContactForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [party, setParty] = useState<(typeof PARTIES)[number]>('member');
  const [method, setMethod] = useState<(typeof OUTREACH_METHODS)[number]>('call');
  // An explicit, required choice with no default (issue 16): a real conversation must never be saved as an attempt.
  const [reached, setReached] = useState<'' | 'yes' | 'no'>('');
  const [reachError, setReachError] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const when = useWhen(inquiry);
  return (
    <StepForm
      title="Record a contact or an outreach attempt"
      submitLabel="Record contact"
      onDone={onDone}
      when={when}
      onSubmit={async (happened) => {
        if (reached === '') {
          const message = 'Say whether you reached them: Yes (the first contact) or No (an attempt).';
          setReachError(message);
          document.getElementById('contact-reached')?.focus();
          throw new DomainError('validation', message);
        }
        return repo.recordOutreach(inquiry.id, { party, method, reached: reached === 'yes', note, ...happened });
      }}
    >
      <RadioGroup id="contact-party" legend="With" options={PARTY_OPTIONS} value={party} onChange={setParty} />
      <Field id="contact-method" label="How">
        {(props) => (
          <select {...props} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <Options options={OUTREACH_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} />
          </select>
        )}
      </Field>
      <RadioGroup
        id="contact-reached"
        legend="Did you reach them?"
        required
        options={REACHED_OPTIONS}
        value={reached}
        onChange={(v) => {
          setReached(v);
          setReachError(undefined);
        }}
        error={reachError}
      />
      <NoteField id="contact-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
