import { useState } from 'react';
import type { CallbackOutcome } from '../../../shared/inquiry/commands/closeCallback';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';

const OUTCOMES: { value: CallbackOutcome; label: string }[] = [
  { value: 'reached', label: 'Reached' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Left a voicemail' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function CallbackOutcomeForm({ inquiry, callbackId, onDone }: { inquiry: InquiryRecord; callbackId: string; onDone: () => void }) {
  const { repo } = useServices();
  const [outcome, setOutcome] = useState<CallbackOutcome>('reached');
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Record the callback"
      submitLabel="Record outcome"
      onDone={onDone}
      onSubmit={() => repo.closeCallback(inquiry.id, { callbackId, outcome, note })}
    >
      <RadioGroup id="callback-outcome" legend="Outcome" options={OUTCOMES} value={outcome} onChange={setOutcome} />
      <NoteField id="callback-outcome-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
